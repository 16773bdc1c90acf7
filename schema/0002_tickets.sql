-- 0002_tickets: requests (报修, 投诉, 建议, 咨询, 表扬), their immutable timelines,
-- photos, time-limit policies and working calendars, the resident outbox, and the
-- per-community code counters. Times are UTC.

-- Categories per community and kind, each with the department it goes to by default.
CREATE TABLE ticket_category (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('repair','complaint','suggestion','inquiry','praise') NOT NULL,
  code VARCHAR(30) NOT NULL,
  name VARCHAR(50) NOT NULL,
  department_id BIGINT UNSIGNED NULL,
  sort SMALLINT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY ticket_category_code (community_id, code) COMMENT 'one code names one category: the form sends only the code',
  CONSTRAINT ticket_category_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT ticket_category_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 限时承诺: up to three clocks in minutes (NULL: not promised). manager_after_minutes:
-- how long past a breach before it goes on to the office manager.
CREATE TABLE sla_policy (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('repair','complaint','suggestion','inquiry','praise') NOT NULL,
  severity ENUM('normal','urgent','major') NOT NULL,
  respond_minutes INT UNSIGNED NULL,
  onsite_minutes INT UNSIGNED NULL,
  resolve_minutes INT UNSIGNED NULL,
  clock ENUM('calendar','working') NOT NULL DEFAULT 'calendar',
  manager_after_minutes INT UNSIGNED NOT NULL DEFAULT 1440,
  UNIQUE KEY sla_policy_key (community_id, kind, severity),
  CONSTRAINT sla_policy_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Working hours per weekday (1 = Monday .. 7 = Sunday), local minutes from midnight.
CREATE TABLE work_hours (
  community_id BIGINT UNSIGNED NOT NULL,
  weekday TINYINT UNSIGNED NOT NULL,
  start_minute SMALLINT UNSIGNED NOT NULL,
  end_minute SMALLINT UNSIGNED NOT NULL,
  PRIMARY KEY (community_id, weekday, start_minute),
  CONSTRAINT work_hours_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Days without working hours (public holidays), and make-up working days (调休).
CREATE TABLE work_holiday (
  community_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  name VARCHAR(50) NOT NULL,
  working TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: a make-up working day with Monday hours',
  PRIMARY KEY (community_id, day),
  CONSTRAINT work_holiday_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last number given out per community, code prefix and local day: codes such as
-- BX20261122-0007 come from an atomic increment here, so concurrent submissions never
-- share one.
CREATE TABLE ticket_counter (
  community_id BIGINT UNSIGNED NOT NULL,
  prefix CHAR(2) NOT NULL,
  day DATE NOT NULL,
  last_number INT UNSIGNED NOT NULL,
  PRIMARY KEY (community_id, prefix, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A request. status and the clock columns are derived from ticket_event by the domain
-- layer, in the same transaction as each event, and kept here for the queues.
CREATE TABLE ticket (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  code VARCHAR(20) NOT NULL,
  kind ENUM('repair','complaint','suggestion','inquiry','praise') NOT NULL,
  category_id BIGINT UNSIGNED NOT NULL,
  location ENUM('home','common') NOT NULL,
  unit_id BIGINT UNSIGNED NULL,
  place VARCHAR(100) NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  channel ENUM('web','phone','visit','letter','other') NOT NULL,
  severity ENUM('normal','urgent','major') NOT NULL DEFAULT 'normal',
  reporter_account_id BIGINT UNSIGNED NULL,
  reporter_name VARCHAR(50) NOT NULL DEFAULT '',
  reporter_phone VARCHAR(20) NOT NULL DEFAULT '',
  preferred_time DATETIME NULL,
  created_by_kind ENUM('resident','staff') NOT NULL,
  created_by_id BIGINT UNSIGNED NOT NULL,
  owner_staff_id BIGINT UNSIGNED NULL COMMENT '首问负责: who holds it until dispatch',
  department_id BIGINT UNSIGNED NULL,
  assignee_staff_id BIGINT UNSIGNED NULL,
  status ENUM('new','accepted','dispatched','in_progress','waiting','completed','closed','withdrawn') NOT NULL,
  resume_status ENUM('new','accepted','dispatched','in_progress') NULL COMMENT 'status to return to after waiting',
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  respond_due DATETIME NULL,
  onsite_due DATETIME NULL,
  resolve_due DATETIME NULL,
  responded_at DATETIME NULL,
  onsite_at DATETIME NULL,
  completed_at DATETIME NULL,
  closed_at DATETIME NULL,
  waiting_since DATETIME NULL,
  next_due DATETIME NULL COMMENT 'the earliest promise not yet kept; NULL while waiting or when none',
  breached TINYINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'bits: 1 respond, 2 onsite, 4 resolve',
  escalation_level TINYINT UNSIGNED NOT NULL DEFAULT 0 COMMENT '1 supervisor, 2 office manager',
  charge_fen BIGINT NOT NULL DEFAULT 0,
  callback_done TINYINT(1) NOT NULL DEFAULT 0,
  rating TINYINT UNSIGNED NULL,
  last_event_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  last_public_event_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY ticket_code (community_id, code),
  KEY ticket_due (community_id, next_due),
  KEY ticket_queue (community_id, status, resolve_due),
  KEY ticket_created (community_id, created_at),
  KEY ticket_reporter (reporter_account_id, id),
  KEY ticket_unit (unit_id, id),
  KEY ticket_assignee (assignee_staff_id, status),
  KEY ticket_callback (community_id, status, callback_done, completed_at),
  CONSTRAINT ticket_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT ticket_category FOREIGN KEY (category_id) REFERENCES ticket_category (id),
  CONSTRAINT ticket_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT ticket_department FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT ticket_assignee FOREIGN KEY (assignee_staff_id) REFERENCES staff (id),
  CONSTRAINT ticket_owner FOREIGN KEY (owner_staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline: appended, never changed. public = shown to the resident.
CREATE TABLE ticket_event (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  community_id BIGINT UNSIGNED NOT NULL,
  type ENUM('created','accepted','dispatched','started','note','reply','comment','waiting',
            'completed','callback','closed','reopened','escalated','withdrawn','rated','overdue') NOT NULL,
  actor_kind ENUM('resident','staff','system') NOT NULL,
  actor_id BIGINT UNSIGNED NULL,
  at DATETIME NOT NULL,
  public TINYINT(1) NOT NULL DEFAULT 1,
  text VARCHAR(2000) NOT NULL DEFAULT '',
  department_id BIGINT UNSIGNED NULL,
  assignee_staff_id BIGINT UNSIGNED NULL,
  score TINYINT UNSIGNED NULL,
  reached TINYINT(1) NULL,
  charge_fen BIGINT NULL,
  clock ENUM('respond','onsite','resolve') NULL COMMENT 'overdue: which promise was missed',
  level TINYINT UNSIGNED NULL COMMENT 'escalated: 1 supervisor, 2 office manager',
  visit_at DATETIME NULL COMMENT 'dispatched: the visit time agreed with the resident',
  status_after ENUM('new','accepted','dispatched','in_progress','waiting','completed','closed','withdrawn') NOT NULL,
  KEY ticket_event_ticket (ticket_id, id),
  KEY ticket_event_community (community_id, type, at),
  CONSTRAINT ticket_event_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ticket_photo (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  community_id BIGINT UNSIGNED NOT NULL,
  file_name CHAR(32) NOT NULL COMMENT 'random hex name under uploads/tickets/',
  content_type VARCHAR(20) NOT NULL,
  size_bytes INT UNSIGNED NOT NULL,
  uploaded_by_kind ENUM('resident','staff') NOT NULL,
  uploaded_by_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  UNIQUE KEY ticket_photo_file (file_name),
  KEY ticket_photo_ticket (ticket_id),
  CONSTRAINT ticket_photo_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How far a resident account has read each ticket's timeline: home shows what is new.
CREATE TABLE ticket_seen (
  account_id BIGINT UNSIGNED NOT NULL,
  ticket_id BIGINT UNSIGNED NOT NULL,
  last_event_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (account_id, ticket_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change a resident should hear about, ready for SMS or WeChat delivery later.
CREATE TABLE outbox (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  account_id BIGINT UNSIGNED NULL,
  staff_id BIGINT UNSIGNED NULL,
  phone VARCHAR(20) NOT NULL DEFAULT '',
  ticket_id BIGINT UNSIGNED NULL,
  event_id BIGINT UNSIGNED NULL,
  message VARCHAR(500) NOT NULL,
  created_at DATETIME NOT NULL,
  sent_at DATETIME NULL,
  KEY outbox_pending (sent_at, id),
  KEY outbox_account (account_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The defaults a new community starts from (copied by community set-up and the demo
-- data, then edited per community): categories with their department's code, and the
-- time-limit policies of DOMAIN.md.
CREATE TABLE ticket_category_default (
  kind ENUM('repair','complaint','suggestion','inquiry','praise') NOT NULL,
  code VARCHAR(30) NOT NULL,
  name VARCHAR(50) NOT NULL,
  department_code VARCHAR(20) NOT NULL,
  sort SMALLINT NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ticket_category_default (kind, code, name, department_code, sort) VALUES
  ('repair', 'water_power', '水电', 'engineering', 1),
  ('repair', 'door_window', '门窗', 'engineering', 2),
  ('repair', 'pipe', '管道疏通', 'engineering', 3),
  ('repair', 'elevator', '电梯', 'engineering', 4),
  ('repair', 'facility', '公共设施', 'engineering', 5),
  ('repair', 'repair_other', '其他报修', 'engineering', 9),
  ('complaint', 'sanitation', '环境卫生', 'cleaning', 1),
  ('complaint', 'greening', '绿化', 'greening', 2),
  ('complaint', 'security', '安全秩序', 'security', 3),
  ('complaint', 'parking', '停车', 'security', 4),
  ('complaint', 'noise', '噪音', 'security', 5),
  ('complaint', 'attitude', '服务态度', 'service', 6),
  ('complaint', 'repair_quality', '维修质量', 'engineering', 7),
  ('complaint', 'fee_complaint', '收费', 'service', 8),
  ('complaint', 'decoration', '装修', 'service', 9),
  ('complaint', 'complaint_other', '其他投诉', 'service', 19),
  ('suggestion', 'service', '服务改进', 'service', 1),
  ('suggestion', 'facility_improve', '设施改善', 'engineering', 2),
  ('suggestion', 'environment', '环境绿化', 'greening', 3),
  ('suggestion', 'suggestion_other', '其他建议', 'service', 9),
  ('inquiry', 'fees', '收费咨询', 'service', 1),
  ('inquiry', 'procedure', '办事流程', 'service', 2),
  ('inquiry', 'inquiry_other', '其他咨询', 'service', 9),
  ('praise', 'staff', '员工表扬', 'service', 1),
  ('praise', 'praise_other', '其他表扬', 'service', 9);

CREATE TABLE sla_policy_default (
  kind ENUM('repair','complaint','suggestion','inquiry','praise') NOT NULL,
  severity ENUM('normal','urgent','major') NOT NULL,
  respond_minutes INT UNSIGNED NULL,
  onsite_minutes INT UNSIGNED NULL,
  resolve_minutes INT UNSIGNED NULL,
  clock ENUM('calendar','working') NOT NULL,
  manager_after_minutes INT UNSIGNED NOT NULL,
  PRIMARY KEY (kind, severity)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Urgent repair on site in 30 min; general repair at the agreed time (the ticket's
-- preferred time), else resolved in 24 h; complaints answered in 24 h; a major problem
-- answered in 3 days and resolved in 5.
INSERT INTO sla_policy_default VALUES
  ('repair', 'normal', 120, NULL, 1440, 'calendar', 1440),
  ('repair', 'urgent', 15, 30, 480, 'calendar', 120),
  ('repair', 'major', 4320, NULL, 7200, 'calendar', 1440),
  ('complaint', 'normal', 1440, NULL, 7200, 'calendar', 1440),
  ('complaint', 'urgent', 120, NULL, 1440, 'calendar', 240),
  ('complaint', 'major', 4320, NULL, 7200, 'calendar', 1440),
  ('suggestion', 'normal', 4320, NULL, NULL, 'working', 2880),
  ('suggestion', 'urgent', 1440, NULL, NULL, 'working', 1440),
  ('suggestion', 'major', 4320, NULL, 7200, 'calendar', 1440),
  ('inquiry', 'normal', 1440, NULL, NULL, 'working', 1440),
  ('inquiry', 'urgent', 120, NULL, NULL, 'calendar', 240),
  ('inquiry', 'major', 4320, NULL, 7200, 'calendar', 1440),
  ('praise', 'normal', 4320, NULL, NULL, 'working', 2880),
  ('praise', 'urgent', 4320, NULL, NULL, 'working', 2880),
  ('praise', 'major', 4320, NULL, NULL, 'working', 2880);

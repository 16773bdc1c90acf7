-- 0011_renovation: 二次装修管理, from a resident's application to the refund of the deposit.
-- A case (renovation) moves through its states one way:
--   submitted 待审核 -> returned 退回补充 (the resident edits and resubmits -> submitted)
--                    -> refused 不予批准 (closed)
--                    -> approved 已批准 (the deposit and pass money are charged as a one-off
--                       bill on the unit's account; the permit waits for it to be paid)
--   approved -> permitted 施工中 (permit number issued; the unit is renovating)
--   permitted -> inspecting 待验收 (the resident asked for acceptance)
--   inspecting -> permitted (acceptance failed: defects to fix) or accepted 验收通过
--   accepted -> closed 已结案 (deposit less deductions and the unreturned-pass money refunded;
--               the unit's state goes back)
--   submitted / returned / approved -> withdrawn 已撤回 (the resident or the office)
-- refused, closed and withdrawn take no change. Every step is a row of renovation_step;
-- money goes through the fee module: the charge is a one-off bill (bill.kind oneoff), the
-- refund a one-off bill of negative lines settled at once by a payment of kind refund.

ALTER TABLE payment MODIFY kind ENUM('payment','reversal','refund') NOT NULL COMMENT
  'refund: money paid back (negative), settling a bill of negative lines in the same transaction';

CREATE TABLE renovation_counter (
  community_id BIGINT UNSIGNED NOT NULL,
  year SMALLINT UNSIGNED NOT NULL,
  kind ENUM('permit','pass','violation') NOT NULL,
  next_no INT UNSIGNED NOT NULL,
  PRIMARY KEY (community_id, year, kind),
  CONSTRAINT renovation_counter_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE renovation (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  state ENUM('submitted','returned','refused','approved','permitted','inspecting','accepted',
             'closed','withdrawn') NOT NULL DEFAULT 'submitted',
  source ENUM('portal','counter') NOT NULL,
  applicant_account_id BIGINT UNSIGNED NULL COMMENT 'portal: the resident who applied',
  applicant_name VARCHAR(50) NOT NULL,
  applicant_phone VARCHAR(20) NOT NULL,
  company VARCHAR(100) NOT NULL COMMENT '装修公司; 自行装修 when none',
  foreman VARCHAR(50) NOT NULL,
  foreman_phone VARCHAR(20) NOT NULL,
  planned_start DATE NOT NULL,
  planned_end DATE NOT NULL,
  scope SET('walls','floors','lines','kitchen_bath','windows','aircon') NOT NULL DEFAULT '' COMMENT
    'walls 墙面, floors 地面, lines 水电线路, kitchen_bath 厨卫, windows 门窗, aircon 空调机位',
  description VARCHAR(2000) NOT NULL DEFAULT '',
  no_structural TINYINT(1) NOT NULL DEFAULT 0 COMMENT 'the applicant undertook not to change the structure',
  workers SMALLINT UNSIGNED NOT NULL,
  deposit_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'set at approval',
  pass_fee_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'per worker pass, set at approval',
  charge_bill_id BIGINT UNSIGNED NULL COMMENT 'the one-off bill of the deposit and the passes',
  permit_no VARCHAR(20) NULL COMMENT '装修许可证 number, e.g. ZX2026-0001',
  permit_from DATE NULL,
  permit_to DATE NULL,
  prior_unit_state ENUM('unsold','vacant','occupied','renovating','rented') NULL COMMENT
    'the unit state before the permit, restored at the close',
  refund_bill_id BIGINT UNSIGNED NULL,
  refund_payment_id BIGINT UNSIGNED NULL,
  refund_fen BIGINT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'raised by every change: a form carries it, a stale form gets 409',
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  closed_at DATETIME NULL,
  UNIQUE KEY renovation_permit (community_id, permit_no),
  UNIQUE KEY renovation_refund (refund_payment_id),
  KEY renovation_queue (community_id, state, id),
  KEY renovation_unit (unit_id, id),
  KEY renovation_account (applicant_account_id, id),
  CONSTRAINT renovation_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT renovation_unit_ref FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT renovation_account_ref FOREIGN KEY (applicant_account_id) REFERENCES account (id),
  CONSTRAINT renovation_charge FOREIGN KEY (charge_bill_id) REFERENCES bill (id),
  CONSTRAINT renovation_refund_bill FOREIGN KEY (refund_bill_id) REFERENCES bill (id),
  CONSTRAINT renovation_refund_payment FOREIGN KEY (refund_payment_id) REFERENCES payment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every step of a case, appended: what happened, by whom, and the reason or note the
-- resident sees (a return or refusal names what is missing).
CREATE TABLE renovation_step (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  renovation_id BIGINT UNSIGNED NOT NULL,
  action ENUM('submit','resubmit','return','refuse','approve','permit','request_acceptance',
              'acceptance_fail','acceptance_pass','refund','withdraw','note') NOT NULL,
  from_state VARCHAR(12) NOT NULL DEFAULT '',
  to_state VARCHAR(12) NOT NULL DEFAULT '',
  checklist SET('documents','licence','plan','scope','structure','dates','workers') NOT NULL DEFAULT '' COMMENT
    'review: the items found in order',
  note VARCHAR(1000) NOT NULL DEFAULT '',
  staff_id BIGINT UNSIGNED NULL,
  account_id BIGINT UNSIGNED NULL,
  at DATETIME NOT NULL,
  KEY renovation_step_case (renovation_id, id),
  CONSTRAINT renovation_step_case FOREIGN KEY (renovation_id) REFERENCES renovation (id),
  CONSTRAINT renovation_step_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT renovation_step_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Attachments: plans, the company's licence, others; and the photos of patrols.
CREATE TABLE renovation_file (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  renovation_id BIGINT UNSIGNED NOT NULL,
  patrol_id BIGINT UNSIGNED NULL COMMENT 'a patrol photo',
  kind ENUM('plan','licence','other','photo') NOT NULL,
  file_name CHAR(36) NOT NULL COMMENT 'random name under uploads/renovations/',
  original_name VARCHAR(200) NOT NULL,
  content_type VARCHAR(50) NOT NULL,
  size_bytes INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY renovation_file_case (renovation_id, id),
  KEY renovation_file_patrol (patrol_id),
  CONSTRAINT renovation_file_case FOREIGN KEY (renovation_id) REFERENCES renovation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 临时出入证: a worker's pass. Only the masked ID number is kept.
CREATE TABLE renovation_pass (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  renovation_id BIGINT UNSIGNED NOT NULL,
  community_id BIGINT UNSIGNED NOT NULL,
  pass_no VARCHAR(20) NOT NULL,
  name VARCHAR(50) NOT NULL,
  id_masked VARCHAR(20) NOT NULL COMMENT 'e.g. 3201**********1234',
  phone VARCHAR(20) NOT NULL DEFAULT '',
  photo_file CHAR(36) NULL,
  photo_type VARCHAR(50) NULL,
  valid_from DATE NOT NULL,
  valid_to DATE NOT NULL,
  state ENUM('issued','returned','lost') NOT NULL DEFAULT 'issued',
  issued_by BIGINT UNSIGNED NOT NULL,
  issued_at DATETIME NOT NULL,
  closed_by BIGINT UNSIGNED NULL,
  closed_at DATETIME NULL,
  UNIQUE KEY renovation_pass_no (community_id, pass_no),
  KEY renovation_pass_case (renovation_id, id),
  CONSTRAINT renovation_pass_case FOREIGN KEY (renovation_id) REFERENCES renovation (id),
  CONSTRAINT renovation_pass_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT renovation_pass_issuer FOREIGN KEY (issued_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 装修巡查记录.
CREATE TABLE renovation_patrol (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  renovation_id BIGINT UNSIGNED NOT NULL,
  community_id BIGINT UNSIGNED NOT NULL,
  patrol_date DATE NOT NULL,
  staff_id BIGINT UNSIGNED NOT NULL,
  result ENUM('ok','violation') NOT NULL,
  findings VARCHAR(2000) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  KEY renovation_patrol_case (renovation_id, patrol_date),
  KEY renovation_patrol_community (community_id, patrol_date),
  CONSTRAINT renovation_patrol_case FOREIGN KEY (renovation_id) REFERENCES renovation (id),
  CONSTRAINT renovation_patrol_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 装修违章通知书: the rule broken, a deadline; a re-check closes it (rectified) or
-- escalates it (a later re-check may still close it).
CREATE TABLE renovation_violation (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  renovation_id BIGINT UNSIGNED NOT NULL,
  community_id BIGINT UNSIGNED NOT NULL,
  patrol_id BIGINT UNSIGNED NULL,
  notice_no VARCHAR(20) NOT NULL,
  rule VARCHAR(200) NOT NULL,
  detail VARCHAR(1000) NOT NULL DEFAULT '',
  deadline DATE NOT NULL,
  state ENUM('open','escalated','rectified') NOT NULL DEFAULT 'open',
  issued_by BIGINT UNSIGNED NOT NULL,
  issued_at DATETIME NOT NULL,
  recheck_by BIGINT UNSIGNED NULL,
  recheck_at DATETIME NULL,
  recheck_note VARCHAR(1000) NOT NULL DEFAULT '',
  UNIQUE KEY renovation_violation_no (community_id, notice_no),
  KEY renovation_violation_case (renovation_id, id),
  KEY renovation_violation_open (community_id, state, deadline),
  CONSTRAINT renovation_violation_case FOREIGN KEY (renovation_id) REFERENCES renovation (id),
  CONSTRAINT renovation_violation_patrol FOREIGN KEY (patrol_id) REFERENCES renovation_patrol (id),
  CONSTRAINT renovation_violation_issuer FOREIGN KEY (issued_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Deductions from the deposit, each with its reason; their sum never exceeds the deposit
-- (checked with the case row locked).
CREATE TABLE renovation_deduction (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  renovation_id BIGINT UNSIGNED NOT NULL,
  violation_id BIGINT UNSIGNED NULL,
  amount_fen BIGINT NOT NULL,
  reason VARCHAR(500) NOT NULL,
  staff_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY renovation_deduction_case (renovation_id, id),
  CONSTRAINT renovation_deduction_case FOREIGN KEY (renovation_id) REFERENCES renovation (id),
  CONSTRAINT renovation_deduction_violation FOREIGN KEY (violation_id) REFERENCES renovation_violation (id),
  CONSTRAINT renovation_deduction_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A noise or decoration ticket linked to the site it is about.
CREATE TABLE renovation_ticket (
  ticket_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  renovation_id BIGINT UNSIGNED NOT NULL,
  staff_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY renovation_ticket_case (renovation_id),
  CONSTRAINT renovation_ticket_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
  CONSTRAINT renovation_ticket_case FOREIGN KEY (renovation_id) REFERENCES renovation (id),
  CONSTRAINT renovation_ticket_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The one-off fee items the module charges and refunds, for every community there is; the
-- module adds them to a community that lacks them on first use.
INSERT IGNORE INTO fee_item (community_id, code, name, kind, unit_types, sort)
SELECT id, 'reno_deposit', '装修保证金', 'oneoff', 'residence,shop', 80 FROM community;
INSERT IGNORE INTO fee_item (community_id, code, name, kind, unit_types, sort)
SELECT id, 'reno_pass', '装修出入证押金', 'oneoff', 'residence,shop', 81 FROM community;

-- 0009_notices_surveys: 公告 (notices to the community or some buildings, with their
-- attachments and who read them) and 满意度调查 (surveys with their questions, the
-- households' responses and answers, and tickets made from responses). Nothing is deleted:
-- a notice is withdrawn, a replaced response keeps its row (current_key NULL).

CREATE TABLE notice (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(100) NOT NULL,
  body TEXT NOT NULL COMMENT 'plain text: blank lines part paragraphs, http(s) addresses become links',
  importance ENUM('normal','urgent') NOT NULL DEFAULT 'normal',
  audience ENUM('community','buildings') NOT NULL DEFAULT 'community',
  state ENUM('draft','published','withdrawn') NOT NULL DEFAULT 'draft',
  publish_at DATETIME NULL COMMENT 'shown to residents from this time once published',
  expires_at DATETIME NULL COMMENT 'no longer shown after this time (NULL: never)',
  created_by BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY notice_live (community_id, state, publish_at),
  CONSTRAINT notice_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT notice_staff FOREIGN KEY (created_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The buildings of a notice whose audience is 'buildings'.
CREATE TABLE notice_building (
  notice_id BIGINT UNSIGNED NOT NULL,
  building_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (notice_id, building_id),
  KEY notice_building_building (building_id),
  CONSTRAINT notice_building_notice FOREIGN KEY (notice_id) REFERENCES notice (id),
  CONSTRAINT notice_building_building_ref FOREIGN KEY (building_id) REFERENCES building (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE notice_attachment (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  notice_id BIGINT UNSIGNED NOT NULL,
  community_id BIGINT UNSIGNED NOT NULL,
  file_name CHAR(32) NOT NULL COMMENT 'random hex name under uploads/notices/',
  original_name VARCHAR(200) NOT NULL,
  content_type VARCHAR(40) NOT NULL,
  size_bytes INT UNSIGNED NOT NULL,
  staff_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  UNIQUE KEY notice_attachment_file (file_name),
  KEY notice_attachment_notice (notice_id),
  CONSTRAINT notice_attachment_notice_ref FOREIGN KEY (notice_id) REFERENCES notice (id),
  CONSTRAINT notice_attachment_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who read a notice: the account, and the unit it was reading for (its current unit),
-- which the read rate per building counts.
CREATE TABLE notice_read (
  notice_id BIGINT UNSIGNED NOT NULL,
  account_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NULL,
  read_at DATETIME NOT NULL,
  PRIMARY KEY (notice_id, account_id),
  KEY notice_read_unit (notice_id, unit_id),
  CONSTRAINT notice_read_notice FOREIGN KEY (notice_id) REFERENCES notice (id),
  CONSTRAINT notice_read_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT notice_read_unit_ref FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 满意度调查. A draft can be edited; once published its questions can change only while
-- it has no response (copy it instead: copied_from). Open between opens_at and closes_at.
CREATE TABLE survey (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(100) NOT NULL,
  intro TEXT NOT NULL,
  state ENUM('draft','published') NOT NULL DEFAULT 'draft',
  opens_at DATETIME NOT NULL,
  closes_at DATETIME NOT NULL,
  audience ENUM('community','buildings','ticket_households') NOT NULL DEFAULT 'community',
  ticket_from DATE NULL COMMENT 'ticket_households: households with a ticket created in [from, to]',
  ticket_to DATE NULL,
  target_pct TINYINT UNSIGNED NOT NULL DEFAULT 90 COMMENT 'satisfaction rate target (share of 4-5 answers)',
  copied_from BIGINT UNSIGNED NULL,
  created_by BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY survey_community (community_id, opens_at),
  CONSTRAINT survey_community_ref FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT survey_copied FOREIGN KEY (copied_from) REFERENCES survey (id),
  CONSTRAINT survey_staff FOREIGN KEY (created_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE survey_building (
  survey_id BIGINT UNSIGNED NOT NULL,
  building_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (survey_id, building_id),
  CONSTRAINT survey_building_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
  CONSTRAINT survey_building_building_ref FOREIGN KEY (building_id) REFERENCES building (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A question: rating 1-5, nps 0-10, single or multiple choice (choices one per line,
-- answered by their 1-based number), short or long text. area: the service area it asks
-- about; dimension: its SERVQUAL dimension.
CREATE TABLE survey_question (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  survey_id BIGINT UNSIGNED NOT NULL,
  position SMALLINT UNSIGNED NOT NULL,
  type ENUM('rating','nps','single','multiple','short','long') NOT NULL,
  text VARCHAR(300) NOT NULL,
  choices TEXT NULL,
  area ENUM('service','engineering','security','cleaning','greening','elevator','fees') NULL,
  dimension ENUM('tangibles','reliability','responsiveness','assurance','empathy') NULL,
  required TINYINT(1) NOT NULL DEFAULT 0,
  UNIQUE KEY survey_question_position (survey_id, position),
  CONSTRAINT survey_question_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One response in force per household (unit) and survey (current_key = 1); a second
-- submission before the close replaces it, the old row kept with current_key NULL.
CREATE TABLE survey_response (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  survey_id BIGINT UNSIGNED NOT NULL,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  account_id BIGINT UNSIGNED NULL COMMENT 'NULL when answered through a link',
  channel ENUM('portal','link') NOT NULL,
  current_key TINYINT UNSIGNED NULL DEFAULT 1,
  submitted_at DATETIME NOT NULL,
  UNIQUE KEY survey_response_current (survey_id, unit_id, current_key),
  KEY survey_response_unit (unit_id),
  CONSTRAINT survey_response_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
  CONSTRAINT survey_response_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT survey_response_unit_ref FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT survey_response_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An answer: value_int for rating (1-5) and nps (0-10); choice (1-based) for single, and
-- for multiple one row per chosen choice; value_text for short and long.
CREATE TABLE survey_answer (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  response_id BIGINT UNSIGNED NOT NULL,
  question_id BIGINT UNSIGNED NOT NULL,
  value_int SMALLINT NULL,
  choice SMALLINT UNSIGNED NULL,
  value_text TEXT NULL,
  KEY survey_answer_response (response_id),
  KEY survey_answer_question (question_id, value_int),
  CONSTRAINT survey_answer_response_ref FOREIGN KEY (response_id) REFERENCES survey_response (id),
  CONSTRAINT survey_answer_question_ref FOREIGN KEY (question_id) REFERENCES survey_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A ticket made from a response (a low score or a comment asking for action).
CREATE TABLE survey_ticket (
  response_id BIGINT UNSIGNED NOT NULL,
  ticket_id BIGINT UNSIGNED NOT NULL,
  question_id BIGINT UNSIGNED NULL,
  staff_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  PRIMARY KEY (response_id, ticket_id),
  UNIQUE KEY survey_ticket_ticket (ticket_id),
  CONSTRAINT survey_ticket_response FOREIGN KEY (response_id) REFERENCES survey_response (id),
  CONSTRAINT survey_ticket_ticket_ref FOREIGN KEY (ticket_id) REFERENCES ticket (id),
  CONSTRAINT survey_ticket_question FOREIGN KEY (question_id) REFERENCES survey_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

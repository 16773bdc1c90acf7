-- 0005_archive: the resident archive (业主档案): owners' shares and tenancies on
-- occupancy, move-in and move-out records, vehicles and parking leases, access cards and
-- keys with their logs. Nothing is deleted: a state change is a new log row and an
-- updated state column, written in one transaction; what is out now is a query over the
-- state columns, and it must agree with the logs.

ALTER TABLE occupancy
  ADD COLUMN share_pct DECIMAL(5,2) NULL COMMENT 'owner: share of the property in percent',
  ADD COLUMN lease_start DATE NULL COMMENT 'tenant: lease period',
  ADD COLUMN lease_end DATE NULL,
  ADD COLUMN rent_fen BIGINT UNSIGNED NULL COMMENT 'tenant: monthly rent in fen';

-- 入伙 and 迁出: the procedure's date and its checklist (comma-separated done items:
-- keys, meters, fees, documents, decoration).
CREATE TABLE move_record (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  person_id BIGINT UNSIGNED NULL,
  kind ENUM('move_in','move_out') NOT NULL,
  on_date DATE NOT NULL,
  checklist VARCHAR(200) NOT NULL DEFAULT '',
  notes VARCHAR(500) NOT NULL DEFAULT '',
  staff_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY move_record_unit (unit_id, on_date),
  CONSTRAINT move_record_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT move_record_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT move_record_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT move_record_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE vehicle (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  person_id BIGINT UNSIGNED NULL,
  plate VARCHAR(12) NOT NULL,
  model VARCHAR(50) NOT NULL DEFAULT '',
  colour VARCHAR(20) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY vehicle_plate (community_id, plate),
  KEY vehicle_unit (unit_id),
  CONSTRAINT vehicle_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT vehicle_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT vehicle_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 车位租赁: a parking space let to a unit's resident for a period at a monthly fee.
CREATE TABLE parking_lease (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  person_id BIGINT UNSIGNED NULL,
  space_code VARCHAR(20) NOT NULL,
  plate VARCHAR(12) NOT NULL DEFAULT '',
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  fee_fen BIGINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'per month',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY parking_lease_space (community_id, space_code, end_date),
  KEY parking_lease_unit (unit_id),
  CONSTRAINT parking_lease_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT parking_lease_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT parking_lease_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 门禁卡: the card's state is what is true now; access_card_log is how it got there.
CREATE TABLE access_card (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  number VARCHAR(30) NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  person_id BIGINT UNSIGNED NULL COMMENT 'the holder (last one when returned)',
  state ENUM('issued','returned','lost') NOT NULL,
  since DATETIME NOT NULL COMMENT 'when the state last changed',
  UNIQUE KEY access_card_number (community_id, number),
  KEY access_card_unit (unit_id),
  KEY access_card_state (community_id, state),
  CONSTRAINT access_card_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT access_card_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT access_card_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE access_card_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  card_id BIGINT UNSIGNED NOT NULL,
  action ENUM('issue','return','lost') NOT NULL,
  person_id BIGINT UNSIGNED NULL,
  staff_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY access_card_log_card (card_id, id),
  CONSTRAINT access_card_log_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT access_card_log_card FOREIGN KEY (card_id) REFERENCES access_card (id),
  CONSTRAINT access_card_log_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT access_card_log_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 钥匙: a unit's key (单元门钥匙, 信报箱钥匙 ...), in the office or out with someone.
CREATE TABLE key_item (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  label VARCHAR(50) NOT NULL,
  state ENUM('in','out') NOT NULL DEFAULT 'in',
  holder_person_id BIGINT UNSIGNED NULL,
  holder_text VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'out to someone not in the archive',
  since DATETIME NOT NULL,
  KEY key_item_unit (unit_id),
  KEY key_item_state (community_id, state),
  CONSTRAINT key_item_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT key_item_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT key_item_person FOREIGN KEY (holder_person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE key_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  key_id BIGINT UNSIGNED NOT NULL,
  action ENUM('issue','return') NOT NULL,
  person_id BIGINT UNSIGNED NULL,
  holder_text VARCHAR(100) NOT NULL DEFAULT '',
  staff_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY key_log_key (key_id, id),
  CONSTRAINT key_log_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT key_log_key FOREIGN KEY (key_id) REFERENCES key_item (id),
  CONSTRAINT key_log_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT key_log_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Owners of the demo and of earlier stacks held their units whole.
UPDATE occupancy SET share_pct = 100.00 WHERE relation = 'owner' AND share_pct IS NULL;

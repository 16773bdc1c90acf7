-- 0008_fees: 收费. Money is integer fen; prices are in ten-thousandths of a yuan
-- (price_e4: ¥2.50/m² is 25000, electricity at ¥0.538/kWh is 5380) and quantities (area,
-- meter readings and usage) in hundredths, so that a line's amount is
-- ROUND(quantity_c * price_e4 / 10000) fen, exact and the same in SQL and in tests.
-- Nothing that records money is changed or deleted: a rate change is a new rate from a
-- date, a wrong payment is put right by a reversal that points at it, a wrong meter
-- reading is replaced by a new row (the old one keeps its place, current_key NULL).
-- The totals kept beside their rows (bill.amount_fen, bill.paid_fen, bill_line.paid_fen)
-- are written in the same transaction as the rows they sum.

CREATE TABLE fee_item (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  code VARCHAR(20) NOT NULL,
  name VARCHAR(50) NOT NULL,
  kind ENUM('area','fixed','metered','parking','oneoff') NOT NULL COMMENT
    'area: per m2 per month; fixed: per unit per month; metered: per unit of usage; parking: the lease fee; oneoff: charged when it happens',
  unit_label VARCHAR(10) NOT NULL DEFAULT '' COMMENT 'metered: what the meter counts, e.g. 吨, 度',
  unit_types SET('residence','shop','parking','storage') NOT NULL DEFAULT 'residence,shop' COMMENT 'area and fixed: which units pay it',
  active TINYINT(1) NOT NULL DEFAULT 1,
  sort SMALLINT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY fee_item_code (community_id, code),
  CONSTRAINT fee_item_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A rate holds from valid_from until the next rate of the item; a period is billed at
-- the rate in force on its first day.
CREATE TABLE fee_rate (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  fee_item_id BIGINT UNSIGNED NOT NULL,
  valid_from DATE NOT NULL,
  price_e4 BIGINT NOT NULL COMMENT 'area: per m2; fixed: per month; metered: first tier per unit; oneoff: the usual amount',
  vacant_price_e4 BIGINT NULL COMMENT 'area: for vacant and unsold units (NULL: the same price)',
  tier2_from_c BIGINT NULL COMMENT 'metered: monthly usage (hundredths) above which tier2 applies',
  tier2_price_e4 BIGINT NULL,
  tier3_from_c BIGINT NULL,
  tier3_price_e4 BIGINT NULL,
  note VARCHAR(200) NOT NULL DEFAULT '',
  staff_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY fee_rate_from (fee_item_id, valid_from),
  CONSTRAINT fee_rate_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT fee_rate_item FOREIGN KEY (fee_item_id) REFERENCES fee_item (id),
  CONSTRAINT fee_rate_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 抄表: one reading in force per unit, metered item and month (current_key = 1); a
-- correction before the month is billed adds a row and sets the old one's current_key to
-- NULL (NULLs do not collide in the unique key). usage_c is reading_c - previous_c, or
-- reading_c when a lower reading was confirmed as a new meter.
CREATE TABLE meter_reading (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  fee_item_id BIGINT UNSIGNED NOT NULL,
  period CHAR(7) NOT NULL COMMENT 'YYYY-MM',
  reading_c BIGINT NOT NULL,
  previous_c BIGINT NULL COMMENT 'the reading this one follows; NULL for a first reading (bills nothing)',
  usage_c BIGINT NOT NULL DEFAULT 0,
  flag ENUM('none','lower','jump') NOT NULL DEFAULT 'none' COMMENT 'what had to be confirmed',
  current_key TINYINT UNSIGNED NULL DEFAULT 1,
  source ENUM('page','import') NOT NULL DEFAULT 'page',
  staff_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY meter_reading_current (unit_id, fee_item_id, period, current_key),
  KEY meter_reading_period (community_id, period, fee_item_id),
  CONSTRAINT meter_reading_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT meter_reading_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT meter_reading_item FOREIGN KEY (fee_item_id) REFERENCES fee_item (id),
  CONSTRAINT meter_reading_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A billing run for a month (a button or the job); it creates the bills that do not exist.
CREATE TABLE billing_run (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  period CHAR(7) NOT NULL,
  source ENUM('page','job') NOT NULL,
  staff_id BIGINT UNSIGNED NULL,
  started_at DATETIME NOT NULL,
  finished_at DATETIME NULL,
  bills_created INT UNSIGNED NOT NULL DEFAULT 0,
  lines_created INT UNSIGNED NOT NULL DEFAULT 0,
  total_fen BIGINT NOT NULL DEFAULT 0,
  KEY billing_run_period (community_id, period, id),
  CONSTRAINT billing_run_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT billing_run_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 账单: a unit's bill for a month (period_key = period: one per unit and month, whoever
-- runs it how often), or a one-off bill made at the counter (period_key NULL).
CREATE TABLE bill (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('period','oneoff') NOT NULL,
  period CHAR(7) NOT NULL COMMENT 'the month billed; one-off: the month it was made',
  period_key CHAR(7) NULL,
  run_id BIGINT UNSIGNED NULL,
  amount_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'the sum of its lines',
  paid_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'payments less reversals allocated to it',
  due_date DATE NOT NULL,
  staff_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY bill_once (unit_id, period_key),
  KEY bill_unit (unit_id, period),
  KEY bill_period (community_id, period),
  KEY bill_open (community_id, paid_fen, amount_fen),
  CONSTRAINT bill_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT bill_unit_ref FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT bill_run_ref FOREIGN KEY (run_id) REFERENCES billing_run (id),
  CONSTRAINT bill_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A bill's lines; the source of each (reading, lease, ticket) is billed once.
CREATE TABLE bill_line (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  bill_id BIGINT UNSIGNED NOT NULL,
  fee_item_id BIGINT UNSIGNED NULL,
  description VARCHAR(200) NOT NULL,
  quantity_c BIGINT NULL COMMENT 'm2, usage or months, hundredths',
  price_e4 BIGINT NULL,
  amount_fen BIGINT NOT NULL,
  paid_fen BIGINT NOT NULL DEFAULT 0,
  reading_id BIGINT UNSIGNED NULL,
  lease_id BIGINT UNSIGNED NULL,
  ticket_id BIGINT UNSIGNED NULL,
  UNIQUE KEY bill_line_reading (reading_id),
  UNIQUE KEY bill_line_ticket (ticket_id),
  KEY bill_line_bill (bill_id),
  KEY bill_line_item (community_id, fee_item_id),
  CONSTRAINT bill_line_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT bill_line_bill FOREIGN KEY (bill_id) REFERENCES bill (id),
  CONSTRAINT bill_line_item_ref FOREIGN KEY (fee_item_id) REFERENCES fee_item (id),
  CONSTRAINT bill_line_reading_ref FOREIGN KEY (reading_id) REFERENCES meter_reading (id),
  CONSTRAINT bill_line_lease FOREIGN KEY (lease_id) REFERENCES parking_lease (id),
  CONSTRAINT bill_line_ticket_ref FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Receipt numbers: one gapless sequence per community and year, taken in the payment's
-- own transaction (a rolled-back payment gives its number back).
CREATE TABLE receipt_counter (
  community_id BIGINT UNSIGNED NOT NULL,
  year SMALLINT UNSIGNED NOT NULL,
  next_no BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (community_id, year),
  CONSTRAINT receipt_counter_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 日清: a cashier's day. A payment or reversal locks its day's row; a closed day takes
-- nothing more; a second person checks it.
CREATE TABLE settlement (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  staff_id BIGINT UNSIGNED NOT NULL COMMENT 'the cashier',
  day DATE NOT NULL COMMENT 'in the community time zone',
  closed_at DATETIME NULL,
  closed_count INT UNSIGNED NULL,
  closed_total_fen BIGINT NULL,
  checked_by BIGINT UNSIGNED NULL,
  checked_at DATETIME NULL,
  check_note VARCHAR(200) NOT NULL DEFAULT '',
  UNIQUE KEY settlement_day (community_id, staff_id, day),
  KEY settlement_open (community_id, day),
  CONSTRAINT settlement_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT settlement_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT settlement_checker FOREIGN KEY (checked_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 收款 and 冲正: a payment (positive) or the reversal of one (negative, reverses_id set,
-- at most one per payment), each with its own receipt number. form_key makes a form
-- count once: a replayed or double-clicked form finds its key taken.
CREATE TABLE payment (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  receipt_no VARCHAR(20) NOT NULL,
  kind ENUM('payment','reversal') NOT NULL,
  reverses_id BIGINT UNSIGNED NULL,
  method ENUM('cash','card','transfer','wechat','alipay') NOT NULL,
  amount_fen BIGINT NOT NULL,
  payer VARCHAR(50) NOT NULL DEFAULT '',
  note VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'a reversal: its reason',
  staff_id BIGINT UNSIGNED NOT NULL,
  settlement_id BIGINT UNSIGNED NOT NULL,
  form_key CHAR(32) NULL,
  taken_at DATETIME NOT NULL,
  UNIQUE KEY payment_receipt (community_id, receipt_no),
  UNIQUE KEY payment_reverses (reverses_id),
  UNIQUE KEY payment_form (form_key),
  KEY payment_unit (unit_id, id),
  KEY payment_settlement (settlement_id, id),
  KEY payment_taken (community_id, taken_at),
  CONSTRAINT payment_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT payment_unit_ref FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT payment_reverses_ref FOREIGN KEY (reverses_id) REFERENCES payment (id),
  CONSTRAINT payment_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT payment_settlement_ref FOREIGN KEY (settlement_id) REFERENCES settlement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How a payment is spread over bill lines (a reversal: the same lines, negated).
CREATE TABLE payment_alloc (
  payment_id BIGINT UNSIGNED NOT NULL,
  bill_line_id BIGINT UNSIGNED NOT NULL,
  bill_id BIGINT UNSIGNED NOT NULL,
  amount_fen BIGINT NOT NULL,
  PRIMARY KEY (payment_id, bill_line_id),
  KEY payment_alloc_bill (bill_id),
  KEY payment_alloc_line (bill_line_id),
  CONSTRAINT payment_alloc_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
  CONSTRAINT payment_alloc_line_ref FOREIGN KEY (bill_line_id) REFERENCES bill_line (id),
  CONSTRAINT payment_alloc_bill_ref FOREIGN KEY (bill_id) REFERENCES bill (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 欠费跟进: the known reason for a unit's arrears and every follow-up, appended.
CREATE TABLE arrears_note (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('reason','reminder','call','visit','promise','notice') NOT NULL,
  reason ENUM('dispute','vacancy','hardship','unreachable','quality','other') NULL,
  text VARCHAR(500) NOT NULL DEFAULT '',
  promise_date DATE NULL,
  staff_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY arrears_note_unit (unit_id, id),
  KEY arrears_note_community (community_id, at),
  CONSTRAINT arrears_note_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT arrears_note_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT arrears_note_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

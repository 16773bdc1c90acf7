-- 0006_accounts: one-time activation codes (激活码) with which a resident sets the
-- password of their portal account. Only the SHA-256 of a code is stored; a code is
-- used once, expires after 14 days, and a newer code for the same person revokes the
-- older unused ones. Staff print codes at the counter; an owner may invite family
-- members and tenants of their unit, and that code names the resident who made it.

CREATE TABLE activation_code (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  person_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL COMMENT 'the unit the new account starts in',
  relation ENUM('owner','tenant','family','other') NOT NULL COMMENT 'the person in that unit',
  code_hash CHAR(64) NOT NULL COMMENT 'SHA-256 hex of the 10 characters, without the dash',
  created_by_kind ENUM('staff','resident') NOT NULL,
  created_by_id BIGINT UNSIGNED NOT NULL COMMENT 'staff.id or account.id',
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  revoked_at DATETIME NULL,
  KEY activation_code_hash (code_hash),
  KEY activation_code_person (person_id, used_at, revoked_at),
  CONSTRAINT activation_code_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT activation_code_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT activation_code_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

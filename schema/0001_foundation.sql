-- 0001_foundation: communities and their units, residents and their logins, staff,
-- departments, roles, login attempts and the audit log. Times are UTC.

CREATE TABLE community (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(20) NOT NULL,
  name VARCHAR(100) NOT NULL,
  address VARCHAR(200) NOT NULL DEFAULT '',
  time_zone VARCHAR(40) NOT NULL DEFAULT 'Asia/Shanghai',
  phone VARCHAR(30) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY community_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE building (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  code VARCHAR(10) NOT NULL,
  name VARCHAR(50) NOT NULL,
  floors SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY building_code (community_id, code),
  CONSTRAINT building_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unit (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  building_id BIGINT UNSIGNED NOT NULL,
  code VARCHAR(20) NOT NULL COMMENT 'building-entrance-room, e.g. 1-1-101',
  floor SMALLINT NOT NULL,
  area_m2 DECIMAL(10,2) NOT NULL DEFAULT 0,
  type ENUM('residence','shop','parking','storage') NOT NULL DEFAULT 'residence',
  state ENUM('unsold','vacant','occupied','renovating','rented') NOT NULL DEFAULT 'vacant',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY unit_code (community_id, code),
  KEY unit_building (building_id, floor),
  CONSTRAINT unit_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT unit_building FOREIGN KEY (building_id) REFERENCES building (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE person (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(50) NOT NULL,
  phone VARCHAR(20) NOT NULL DEFAULT '',
  email VARCHAR(100) NOT NULL DEFAULT '',
  id_number VARCHAR(30) NOT NULL DEFAULT '',
  birthday DATE NULL,
  employer VARCHAR(100) NOT NULL DEFAULT '',
  emergency_contact VARCHAR(100) NOT NULL DEFAULT '',
  notes VARCHAR(500) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY person_phone (community_id, phone),
  CONSTRAINT person_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who lives in or owns a unit; history is kept by closing rows (until) and opening new ones.
CREATE TABLE occupancy (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  unit_id BIGINT UNSIGNED NOT NULL,
  person_id BIGINT UNSIGNED NOT NULL,
  relation ENUM('owner','tenant','family','other') NOT NULL,
  since DATE NOT NULL,
  until DATE NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY occupancy_unit (unit_id, until),
  KEY occupancy_person (person_id, until),
  CONSTRAINT occupancy_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT occupancy_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT occupancy_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A resident's portal login. session_epoch grows on logout, password change and
-- disabling, which voids every cookie signed with an older epoch.
CREATE TABLE account (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  person_id BIGINT UNSIGNED NOT NULL,
  login_phone VARCHAR(20) NULL,
  login_email VARCHAR(100) NULL,
  password_hash VARCHAR(200) NOT NULL,
  session_epoch BIGINT UNSIGNED NOT NULL DEFAULT 1,
  disabled TINYINT(1) NOT NULL DEFAULT 0,
  current_unit_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_login_at DATETIME NULL,
  UNIQUE KEY account_phone (login_phone),
  UNIQUE KEY account_email (login_email),
  UNIQUE KEY account_person (person_id),
  CONSTRAINT account_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT account_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT account_unit FOREIGN KEY (current_unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE department (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_id BIGINT UNSIGNED NOT NULL,
  code VARCHAR(20) NOT NULL,
  name VARCHAR(50) NOT NULL,
  UNIQUE KEY department_code (community_id, code),
  CONSTRAINT department_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(30) NOT NULL,
  name VARCHAR(50) NOT NULL,
  UNIQUE KEY role_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO role (code, name) VALUES
  ('frontdesk', '客服前台'),
  ('complaint', '投诉专员'),
  ('supervisor', '客服主管'),
  ('technician', '维修工'),
  ('inspector', '装修管理员'),
  ('cashier', '收费员'),
  ('clerk', '资料管理员'),
  ('manager', '管理处主任'),
  ('admin', '系统管理员');

CREATE TABLE staff (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login VARCHAR(40) NOT NULL,
  name VARCHAR(50) NOT NULL,
  phone VARCHAR(20) NOT NULL DEFAULT '',
  community_id BIGINT UNSIGNED NOT NULL COMMENT 'the community a session starts in',
  department_id BIGINT UNSIGNED NULL,
  password_hash VARCHAR(200) NOT NULL,
  session_epoch BIGINT UNSIGNED NOT NULL DEFAULT 1,
  disabled TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_login_at DATETIME NULL,
  UNIQUE KEY staff_login (login),
  CONSTRAINT staff_community FOREIGN KEY (community_id) REFERENCES community (id),
  CONSTRAINT staff_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A staff member holds a role in a community; a staff member sees only granted communities.
CREATE TABLE staff_role (
  staff_id BIGINT UNSIGNED NOT NULL,
  role_id BIGINT UNSIGNED NOT NULL,
  community_id BIGINT UNSIGNED NOT NULL,
  granted_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (staff_id, community_id, role_id),
  CONSTRAINT staff_role_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT staff_role_role FOREIGN KEY (role_id) REFERENCES role (id),
  CONSTRAINT staff_role_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every login attempt, for throttling (per login and per address) and for the record.
CREATE TABLE login_attempt (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at DATETIME NOT NULL,
  kind ENUM('resident','staff') NOT NULL,
  login VARCHAR(100) NOT NULL,
  address VARCHAR(64) NOT NULL,
  success TINYINT(1) NOT NULL,
  user_id BIGINT UNSIGNED NULL,
  KEY login_attempt_login (kind, login, at),
  KEY login_attempt_address (address, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who did what to which record, from where and when. Appended, never changed.
CREATE TABLE audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at DATETIME NOT NULL,
  community_id BIGINT UNSIGNED NULL,
  actor_kind ENUM('resident','staff','system') NOT NULL,
  actor_id BIGINT UNSIGNED NULL,
  action VARCHAR(40) NOT NULL,
  object_type VARCHAR(40) NOT NULL,
  object_id BIGINT UNSIGNED NULL,
  address VARCHAR(64) NOT NULL DEFAULT '',
  detail VARCHAR(1000) NOT NULL DEFAULT '',
  KEY audit_object (object_type, object_id),
  KEY audit_actor (actor_kind, actor_id, at),
  KEY audit_community (community_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The version of a community's reference lists: its ticket categories, its departments and
-- the staff who hold a role in it (names, departments, disabled). A page process keeps
-- these lists between requests and reads them again only when the version it finds in the
-- session row (auth_session_user) differs from the one it read them at: the staff queue
-- and a ticket's page read three lists on every request otherwise.
--
-- The triggers below raise it in the same transaction as every change, whatever makes
-- the change (pages, imports, the mariadb client). A table of its own rather than a column
-- of community: the foreign keys of department, staff_role and ticket_category share-lock
-- the community row, and two such writes raising a column there would deadlock.
-- No row: version 0.
CREATE TABLE community_ref_version (
  community_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  version BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER ref_department_insert AFTER INSERT ON department FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (NEW.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_department_delete AFTER DELETE ON department FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (OLD.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
-- A department's name shows in the category list of its community and in the staff list
-- of every community where one of its staff holds a role.
CREATE TRIGGER ref_department_update AFTER UPDATE ON department FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version)
  SELECT changed.id, 1 FROM (SELECT NEW.community_id AS id UNION SELECT OLD.community_id UNION
    SELECT g.community_id FROM staff s JOIN staff_role g ON g.staff_id = s.id WHERE s.department_id = NEW.id) changed
  ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER ref_category_insert AFTER INSERT ON ticket_category FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (NEW.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_category_delete AFTER DELETE ON ticket_category FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (OLD.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_category_update AFTER UPDATE ON ticket_category FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version)
  SELECT changed.id, 1 FROM (SELECT NEW.community_id AS id UNION SELECT OLD.community_id) changed
  ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER ref_staff_role_insert AFTER INSERT ON staff_role FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (NEW.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_staff_role_delete AFTER DELETE ON staff_role FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (OLD.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_staff_role_update AFTER UPDATE ON staff_role FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version)
  SELECT changed.id, 1 FROM (SELECT NEW.community_id AS id UNION SELECT OLD.community_id) changed
  ON DUPLICATE KEY UPDATE version = version + 1;

-- A staff member's row changes at every sign-in (last_login_at): only what the lists show
-- raises the versions of the communities they hold a role in.
CREATE TRIGGER ref_staff_update AFTER UPDATE ON staff FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version)
  SELECT DISTINCT g.community_id, 1 FROM staff_role g
  WHERE g.staff_id = NEW.id AND NOT (OLD.name <=> NEW.name AND OLD.department_id <=> NEW.department_id
    AND OLD.disabled <=> NEW.disabled)
  ON DUPLICATE KEY UPDATE version = version + 1;

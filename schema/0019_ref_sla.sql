-- A community's time-limit policies and working calendar join the reference data a page
-- process keeps between requests (core/refcache.h): every new ticket computes its dues from
-- them, and read them afresh three statements at a time otherwise. Their changes raise the
-- community's reference version like those of 0015_ref_version.sql and 0018_ref_building.sql.
CREATE TRIGGER ref_sla_policy_insert AFTER INSERT ON sla_policy FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (NEW.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_sla_policy_delete AFTER DELETE ON sla_policy FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (OLD.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_sla_policy_update AFTER UPDATE ON sla_policy FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version)
  SELECT changed.id, 1 FROM (SELECT NEW.community_id AS id UNION SELECT OLD.community_id) changed
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_work_hours_insert AFTER INSERT ON work_hours FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (NEW.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_work_hours_delete AFTER DELETE ON work_hours FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (OLD.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_work_hours_update AFTER UPDATE ON work_hours FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version)
  SELECT changed.id, 1 FROM (SELECT NEW.community_id AS id UNION SELECT OLD.community_id) changed
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_work_holiday_insert AFTER INSERT ON work_holiday FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (NEW.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_work_holiday_delete AFTER DELETE ON work_holiday FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (OLD.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_work_holiday_update AFTER UPDATE ON work_holiday FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version)
  SELECT changed.id, 1 FROM (SELECT NEW.community_id AS id UNION SELECT OLD.community_id) changed
  ON DUPLICATE KEY UPDATE version = version + 1;

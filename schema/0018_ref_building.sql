-- The buildings of a community join the reference lists a page process keeps between
-- requests (core/refcache.h): the units grid, the arrears, billing and the survey form
-- each read them on every request otherwise. Their changes raise the community's
-- reference version like those of 0015_ref_version.sql.
CREATE TRIGGER ref_building_insert AFTER INSERT ON building FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (NEW.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_building_delete AFTER DELETE ON building FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version) VALUES (OLD.community_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER ref_building_update AFTER UPDATE ON building FOR EACH ROW
  INSERT INTO community_ref_version (community_id, version)
  SELECT changed.id, 1 FROM (SELECT NEW.community_id AS id UNION SELECT OLD.community_id) changed
  ON DUPLICATE KEY UPDATE version = version + 1;

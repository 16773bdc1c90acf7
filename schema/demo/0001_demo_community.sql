-- Demo community 蓝山花园: three buildings of six floors, two units a floor, the demo
-- residents and staff of CONTRACT.md (password wuye-demo-1 for all), the departments.
-- Loaded once, on the first start of a stack; never by a production install.

INSERT INTO community (id, code, name, address, phone)
VALUES (1, 'LSHY', '蓝山花园', '杭州市西湖区蓝山路 88 号', '0571-88880000');

INSERT INTO building (community_id, code, name, floors) VALUES
  (1, '1', '1栋', 6), (1, '2', '2栋', 6), (1, '3', '3栋', 6);

INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
WITH RECURSIVE floors (f) AS (SELECT 1 UNION ALL SELECT f + 1 FROM floors WHERE f < 6),
     rooms (r) AS (SELECT 1 UNION ALL SELECT 2)
SELECT 1, b.id, CONCAT(b.code, '-1-', f, LPAD(r, 2, '0')), f,
       IF(r = 1, 89.50, 126.80), 'residence', 'occupied'
FROM building b CROSS JOIN floors CROSS JOIN rooms
WHERE b.community_id = 1
ORDER BY b.id, f, r;

INSERT INTO person (id, community_id, name, phone, email, employer, emergency_contact) VALUES
  (1, 1, '张伟', '13800000001', '', '蓝山科技有限公司', '王丽 13900000011'),
  (2, 1, '李娜', '13800000002', '', '', ''),
  (3, 1, '张小雨', '13800000003', '', '', '');

INSERT INTO occupancy (community_id, unit_id, person_id, relation, since)
SELECT 1, u.id, 1, 'owner', '2021-06-01' FROM unit u WHERE u.community_id = 1 AND u.code = '1-1-101';
INSERT INTO occupancy (community_id, unit_id, person_id, relation, since)
SELECT 1, u.id, 3, 'family', '2021-06-01' FROM unit u WHERE u.community_id = 1 AND u.code = '1-1-101';
INSERT INTO occupancy (community_id, unit_id, person_id, relation, since)
SELECT 1, u.id, 2, 'owner', '2022-03-15' FROM unit u WHERE u.community_id = 1 AND u.code = '1-1-102';

-- scrypt hashes of wuye-demo-1 (made with cgi-bin/jobs/wuye-passwd).
INSERT INTO account (community_id, person_id, login_phone, password_hash, current_unit_id)
SELECT 1, 1, '13800000001', 'scrypt$15$8$1$OXqWoXpuTE-TZudI6sLn9w$7tlTtK-vJPFgIBY9pPTRpZCci8VX-XGIWWpIrdz0jnk', u.id FROM unit u WHERE u.community_id = 1 AND u.code = '1-1-101';
INSERT INTO account (community_id, person_id, login_phone, password_hash, current_unit_id)
SELECT 1, 2, '13800000002', 'scrypt$15$8$1$XAfNHZHyB6220MQ5DpNynA$MT_Zru7CJTqT_8Hvxtd3IDX3rulIVUX8Y7vVhg-PWtc', u.id FROM unit u WHERE u.community_id = 1 AND u.code = '1-1-102';

INSERT INTO department (community_id, code, name) VALUES
  (1, 'service', '客服部'), (1, 'engineering', '工程部'), (1, 'security', '保安部'),
  (1, 'cleaning', '保洁部'), (1, 'greening', '绿化'), (1, 'office', '管理处');

INSERT INTO staff (login, name, phone, community_id, department_id, password_hash)
SELECT 'frontdesk', '王芳', '13900000101', 1, d.id, 'scrypt$15$8$1$wMX5HxSYercaDumdiLJ92A$R2A65Bx_ctIzUCSJcIHP-szwQoBrJFkbd6VOv4mQtqw' FROM department d WHERE d.community_id = 1 AND d.code = 'service';
INSERT INTO staff (login, name, phone, community_id, department_id, password_hash)
SELECT 'supervisor', '刘洋', '13900000102', 1, d.id, 'scrypt$15$8$1$sh61VkWKTHJEwp2oVdKBZg$m1eWPvPLYrvaw6Wr1UC47wSBCxEO4mBg2ck_OSuRhFQ' FROM department d WHERE d.community_id = 1 AND d.code = 'service';
INSERT INTO staff (login, name, phone, community_id, department_id, password_hash)
SELECT 'tech', '陈强', '13900000103', 1, d.id, 'scrypt$15$8$1$p2--IFoI4DpFMheZd4RhZg$pIdcd0xguqGfh8RacdGRWi3_afRzX8lsVDOwtAkus6w' FROM department d WHERE d.community_id = 1 AND d.code = 'engineering';
INSERT INTO staff (login, name, phone, community_id, department_id, password_hash)
SELECT 'manager', '赵敏', '13900000104', 1, d.id, 'scrypt$15$8$1$EfCveUSAGCoQ-3Z5AJ8XWw$TFkUPBtzD-izAAU-FoU2x1YapZWZi0pAbtTlRl5jhn0' FROM department d WHERE d.community_id = 1 AND d.code = 'office';

INSERT INTO staff_role (staff_id, role_id, community_id)
SELECT s.id, r.id, 1 FROM staff s JOIN role r ON r.code = CASE s.login
  WHEN 'frontdesk' THEN 'frontdesk' WHEN 'supervisor' THEN 'supervisor'
  WHEN 'tech' THEN 'technician' WHEN 'manager' THEN 'manager' END
WHERE s.login IN ('frontdesk', 'supervisor', 'tech', 'manager');

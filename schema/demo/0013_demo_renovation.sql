-- Demo for 装修管理: the decoration inspector 赵刚 (login inspector, password wuye-demo-1)
-- and the usual amounts of the deposit and a worker's pass in the demo community.
INSERT INTO staff (login, name, phone, community_id, department_id, password_hash)
SELECT 'inspector', '赵刚', '13900000106', 1, d.id, 'scrypt$15$8$1$wMX5HxSYercaDumdiLJ92A$R2A65Bx_ctIzUCSJcIHP-szwQoBrJFkbd6VOv4mQtqw'
FROM department d WHERE d.community_id = 1 AND d.code = 'office';
INSERT INTO staff_role (staff_id, role_id, community_id)
SELECT s.id, r.id, 1 FROM staff s JOIN role r ON r.code = 'inspector' WHERE s.login = 'inspector';

INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, vacant_price_e4, note)
SELECT 1, id, '2025-01-01', 20000000, 20000000, '装修保证金 ¥2,000/户' FROM fee_item WHERE community_id = 1 AND code = 'reno_deposit';
INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, vacant_price_e4, note)
SELECT 1, id, '2025-01-01', 500000, 500000, '出入证押金 ¥50/张' FROM fee_item WHERE community_id = 1 AND code = 'reno_pass';

-- Demo fees for 蓝山花园: the fee items with their rates (the management fee went up on
-- 2026-07-01), water and electricity readings of units 1-1-101 and 1-1-102, and the
-- cashier 孙丽 (login cashier, password wuye-demo-1). The bills come from the billing
-- run (schema/demo/0009_demo_billing.periods), as they would in the office.
INSERT INTO fee_item (community_id, code, name, kind, unit_label, unit_types, sort) VALUES
  (1, 'mgmt', '物业管理费', 'area', '', 'residence,shop', 10),
  (1, 'garbage', '生活垃圾清运费', 'fixed', '', 'residence,shop', 20),
  (1, 'water', '水费', 'metered', '吨', 'residence,shop', 30),
  (1, 'power', '公摊电费', 'metered', '度', 'residence,shop', 40),
  (1, 'parking', '车位租赁费', 'parking', '', 'parking', 50),
  (1, 'repair', '有偿维修费', 'oneoff', '', 'residence,shop', 60),
  (1, 'fund', '专项维修资金', 'oneoff', '', 'residence,shop', 70);

INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, vacant_price_e4, note)
SELECT 1, id, '2025-01-01', 25000, 17500, '物价备案 2025' FROM fee_item WHERE community_id = 1 AND code = 'mgmt';
INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, vacant_price_e4, note)
SELECT 1, id, '2026-07-01', 28000, 19600, '业主大会通过调价' FROM fee_item WHERE community_id = 1 AND code = 'mgmt';
INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4)
SELECT 1, id, '2025-01-01', 100000 FROM fee_item WHERE community_id = 1 AND code = 'garbage';
INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, tier2_from_c, tier2_price_e4, tier3_from_c, tier3_price_e4)
SELECT 1, id, '2025-01-01', 34500, 2000, 46000, 3000, 70000 FROM fee_item WHERE community_id = 1 AND code = 'water';
INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, tier2_from_c, tier2_price_e4, tier3_from_c, tier3_price_e4)
SELECT 1, id, '2025-01-01', 5380, 20000, 5880, 40000, 8380 FROM fee_item WHERE community_id = 1 AND code = 'power';
INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4)
SELECT 1, id, '2025-01-01', 0 FROM fee_item WHERE community_id = 1 AND code IN ('parking', 'repair');
INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4)
SELECT 1, id, '2025-01-01', 50000000 FROM fee_item WHERE community_id = 1 AND code = 'fund';

-- Readings: July is the starting reading; August to October are billed.
INSERT INTO meter_reading (community_id, unit_id, fee_item_id, period, reading_c, previous_c, usage_c, created_at)
SELECT 1, u.id, f.id, v.period, v.reading_c + (u.code = '1-1-102') * 500,
       IF(v.prev_c IS NULL, NULL, v.prev_c + (u.code = '1-1-102') * 500),
       IF(v.prev_c IS NULL, 0, v.reading_c - v.prev_c), v.at
FROM unit u
JOIN fee_item f ON f.community_id = 1 AND f.code = 'water'
JOIN (SELECT '2026-07' period, 123400 reading_c, NULL prev_c, '2026-07-25 02:00:00' at
      UNION ALL SELECT '2026-08', 125200, 123400, '2026-08-25 02:00:00'
      UNION ALL SELECT '2026-09', 127350, 125200, '2026-09-25 02:00:00'
      UNION ALL SELECT '2026-10', 128900, 127350, '2026-10-25 02:00:00') v
WHERE u.community_id = 1 AND u.code IN ('1-1-101', '1-1-102');

INSERT INTO staff (login, name, phone, community_id, department_id, password_hash)
SELECT 'cashier', '孙丽', '13900000105', 1, d.id, 'scrypt$15$8$1$wMX5HxSYercaDumdiLJ92A$R2A65Bx_ctIzUCSJcIHP-szwQoBrJFkbd6VOv4mQtqw'
FROM department d WHERE d.community_id = 1 AND d.code = 'office';
INSERT INTO staff_role (staff_id, role_id, community_id)
SELECT s.id, r.id, 1 FROM staff s JOIN role r ON r.code = 'cashier' WHERE s.login = 'cashier';

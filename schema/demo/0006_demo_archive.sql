-- Demo archive for unit 1-1-101 (张伟): the move-in record, a car with its parking
-- lease, two access cards and the unit's spare keys, each with the log that matches
-- what is out. Written as the front desk (frontdesk) would have recorded them.
SET @unit = (SELECT id FROM unit WHERE community_id = 1 AND code = '1-1-101');
SET @desk = (SELECT id FROM staff WHERE login = 'frontdesk');
SET @owner = 1;
SET @child = 3;

INSERT INTO move_record (community_id, unit_id, person_id, kind, on_date, checklist, notes, staff_id, at)
VALUES (1, @unit, @owner, 'move_in', '2021-06-01', 'keys,meters,fees,documents,decoration', '入伙资料齐全', @desk,
        '2021-06-01 02:00:00');

INSERT INTO vehicle (community_id, unit_id, person_id, plate, model, colour)
VALUES (1, @unit, @owner, '浙A12345', '大众帕萨特', '黑色');
INSERT INTO parking_lease (community_id, unit_id, person_id, space_code, plate, start_date, end_date, fee_fen)
VALUES (1, @unit, @owner, 'B1-018', '浙A12345', '2026-01-01', '2026-12-31', 30000);

INSERT INTO access_card (community_id, number, unit_id, person_id, state, since)
VALUES (1, 'LS-0001011', @unit, @owner, 'issued', '2021-06-01 02:10:00');
INSERT INTO access_card_log (community_id, card_id, action, person_id, staff_id, at)
VALUES (1, LAST_INSERT_ID(), 'issue', @owner, @desk, '2021-06-01 02:10:00');
INSERT INTO access_card (community_id, number, unit_id, person_id, state, since)
VALUES (1, 'LS-0001012', @unit, @child, 'issued', '2021-06-01 02:11:00');
INSERT INTO access_card_log (community_id, card_id, action, person_id, staff_id, at)
VALUES (1, LAST_INSERT_ID(), 'issue', @child, @desk, '2021-06-01 02:11:00');

INSERT INTO key_item (community_id, unit_id, label, state, holder_person_id, since)
VALUES (1, @unit, '单元门钥匙', 'out', @owner, '2021-06-01 02:12:00');
INSERT INTO key_log (community_id, key_id, action, person_id, staff_id, at)
VALUES (1, LAST_INSERT_ID(), 'issue', @owner, @desk, '2021-06-01 02:12:00');
INSERT INTO key_item (community_id, unit_id, label, state, since)
VALUES (1, @unit, '信报箱备用钥匙', 'in', '2021-06-01 02:12:00');

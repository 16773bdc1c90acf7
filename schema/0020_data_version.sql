-- The version of a community's data: every row a page shows, except the reference lists of
-- 0015_ref_version.sql (which have their own version). A page process keeps the answers of
-- the statements marked to be kept (core/db.h DB_KEEP) and serves them again while the
-- version it reads with the session row (auth_session_user) is the one they were read at:
-- the staff queue, the units grid, a resident's home then cost one statement, the session's.
--
-- Triggers raise it with every change, whatever makes it (pages, jobs, imports, the mariadb
-- client). Raising it early in a transaction would lock the row for the whole transaction
-- and order it before the rows the transaction locks later (two writers of one community
-- would deadlock on it), so a transaction of the product defers it: db.c sets
-- @wuye_data_later = 1 on each connection, the triggers then only note the community in
-- @wuye_data_community, and db_commit raises the noted community's version just before its
-- COMMIT (CALL data_commit()). Anything else (a statement outside a transaction, another
-- client, a second community in one transaction) raises the version at once.
--
-- Not covered, as no page shows them: outbox, audit_log and the counters (ticket_counter,
-- receipt_counter, renovation_counter).
-- A row is never deleted (versions would start again at 1); no row: version 0.
CREATE TABLE community_data_version (
  community_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  version BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //
CREATE PROCEDURE data_raise(community BIGINT UNSIGNED)
  INSERT INTO community_data_version (community_id, version) VALUES (community, 1)
  ON DUPLICATE KEY UPDATE version = version + 1//
CREATE PROCEDURE data_changed(community BIGINT UNSIGNED)
BEGIN
  IF community IS NULL THEN
    BEGIN END;
  ELSEIF @wuye_data_later = 1 AND @@in_transaction = 1
      AND (@wuye_data_community IS NULL OR @wuye_data_community = community) THEN
    SET @wuye_data_community = community;
  ELSE
    CALL data_raise(community);
  END IF;
END//
CREATE PROCEDURE data_changed_pair(community BIGINT UNSIGNED, old_community BIGINT UNSIGNED)
BEGIN
  CALL data_changed(community);
  IF NOT (old_community <=> community) THEN
    CALL data_changed(old_community);
  END IF;
END//
-- The deferred raise, sent by db_commit with its COMMIT.
CREATE PROCEDURE data_commit()
BEGIN
  IF @wuye_data_community IS NOT NULL THEN
    CALL data_raise(@wuye_data_community);
    SET @wuye_data_community = NULL;
  END IF;
END//
DELIMITER ;

-- Tables with a community_id of their own.
CREATE TRIGGER data_access_card_insert AFTER INSERT ON access_card FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_access_card_update AFTER UPDATE ON access_card FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_access_card_delete AFTER DELETE ON access_card FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_access_card_log_insert AFTER INSERT ON access_card_log FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_access_card_log_update AFTER UPDATE ON access_card_log FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_access_card_log_delete AFTER DELETE ON access_card_log FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_account_insert AFTER INSERT ON account FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_account_update AFTER UPDATE ON account FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_account_delete AFTER DELETE ON account FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_activation_code_insert AFTER INSERT ON activation_code FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_activation_code_update AFTER UPDATE ON activation_code FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_activation_code_delete AFTER DELETE ON activation_code FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_arrears_note_insert AFTER INSERT ON arrears_note FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_arrears_note_update AFTER UPDATE ON arrears_note FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_arrears_note_delete AFTER DELETE ON arrears_note FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_bill_insert AFTER INSERT ON bill FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_bill_update AFTER UPDATE ON bill FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_bill_delete AFTER DELETE ON bill FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_bill_line_insert AFTER INSERT ON bill_line FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_bill_line_update AFTER UPDATE ON bill_line FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_bill_line_delete AFTER DELETE ON bill_line FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_billing_run_insert AFTER INSERT ON billing_run FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_billing_run_update AFTER UPDATE ON billing_run FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_billing_run_delete AFTER DELETE ON billing_run FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_building_insert AFTER INSERT ON building FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_building_update AFTER UPDATE ON building FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_building_delete AFTER DELETE ON building FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_department_insert AFTER INSERT ON department FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_department_update AFTER UPDATE ON department FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_department_delete AFTER DELETE ON department FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_fee_item_insert AFTER INSERT ON fee_item FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_fee_item_update AFTER UPDATE ON fee_item FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_fee_item_delete AFTER DELETE ON fee_item FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_fee_rate_insert AFTER INSERT ON fee_rate FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_fee_rate_update AFTER UPDATE ON fee_rate FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_fee_rate_delete AFTER DELETE ON fee_rate FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_key_item_insert AFTER INSERT ON key_item FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_key_item_update AFTER UPDATE ON key_item FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_key_item_delete AFTER DELETE ON key_item FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_key_log_insert AFTER INSERT ON key_log FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_key_log_update AFTER UPDATE ON key_log FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_key_log_delete AFTER DELETE ON key_log FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_meter_reading_insert AFTER INSERT ON meter_reading FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_meter_reading_update AFTER UPDATE ON meter_reading FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_meter_reading_delete AFTER DELETE ON meter_reading FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_move_record_insert AFTER INSERT ON move_record FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_move_record_update AFTER UPDATE ON move_record FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_move_record_delete AFTER DELETE ON move_record FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_notice_insert AFTER INSERT ON notice FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_notice_update AFTER UPDATE ON notice FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_notice_delete AFTER DELETE ON notice FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_notice_attachment_insert AFTER INSERT ON notice_attachment FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_notice_attachment_update AFTER UPDATE ON notice_attachment FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_notice_attachment_delete AFTER DELETE ON notice_attachment FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_occupancy_insert AFTER INSERT ON occupancy FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_occupancy_update AFTER UPDATE ON occupancy FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_occupancy_delete AFTER DELETE ON occupancy FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_parking_lease_insert AFTER INSERT ON parking_lease FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_parking_lease_update AFTER UPDATE ON parking_lease FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_parking_lease_delete AFTER DELETE ON parking_lease FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_payment_insert AFTER INSERT ON payment FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_payment_update AFTER UPDATE ON payment FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_payment_delete AFTER DELETE ON payment FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_person_insert AFTER INSERT ON person FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_person_update AFTER UPDATE ON person FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_person_delete AFTER DELETE ON person FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_renovation_insert AFTER INSERT ON renovation FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_renovation_update AFTER UPDATE ON renovation FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_renovation_delete AFTER DELETE ON renovation FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_renovation_pass_insert AFTER INSERT ON renovation_pass FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_renovation_pass_update AFTER UPDATE ON renovation_pass FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_renovation_pass_delete AFTER DELETE ON renovation_pass FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_renovation_patrol_insert AFTER INSERT ON renovation_patrol FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_renovation_patrol_update AFTER UPDATE ON renovation_patrol FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_renovation_patrol_delete AFTER DELETE ON renovation_patrol FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_renovation_violation_insert AFTER INSERT ON renovation_violation FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_renovation_violation_update AFTER UPDATE ON renovation_violation FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_renovation_violation_delete AFTER DELETE ON renovation_violation FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_settlement_insert AFTER INSERT ON settlement FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_settlement_update AFTER UPDATE ON settlement FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_settlement_delete AFTER DELETE ON settlement FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_sla_policy_insert AFTER INSERT ON sla_policy FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_sla_policy_update AFTER UPDATE ON sla_policy FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_sla_policy_delete AFTER DELETE ON sla_policy FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_staff_insert AFTER INSERT ON staff FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_staff_update AFTER UPDATE ON staff FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_staff_delete AFTER DELETE ON staff FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_staff_role_insert AFTER INSERT ON staff_role FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_staff_role_update AFTER UPDATE ON staff_role FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_staff_role_delete AFTER DELETE ON staff_role FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_survey_insert AFTER INSERT ON survey FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_survey_update AFTER UPDATE ON survey FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_survey_delete AFTER DELETE ON survey FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_survey_response_insert AFTER INSERT ON survey_response FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_survey_response_update AFTER UPDATE ON survey_response FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_survey_response_delete AFTER DELETE ON survey_response FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_ticket_insert AFTER INSERT ON ticket FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_ticket_update AFTER UPDATE ON ticket FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_ticket_delete AFTER DELETE ON ticket FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_ticket_category_insert AFTER INSERT ON ticket_category FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_ticket_category_update AFTER UPDATE ON ticket_category FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_ticket_category_delete AFTER DELETE ON ticket_category FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_ticket_event_insert AFTER INSERT ON ticket_event FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_ticket_event_update AFTER UPDATE ON ticket_event FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_ticket_event_delete AFTER DELETE ON ticket_event FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_ticket_gram_insert AFTER INSERT ON ticket_gram FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_ticket_gram_update AFTER UPDATE ON ticket_gram FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_ticket_gram_delete AFTER DELETE ON ticket_gram FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_ticket_photo_insert AFTER INSERT ON ticket_photo FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_ticket_photo_update AFTER UPDATE ON ticket_photo FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_ticket_photo_delete AFTER DELETE ON ticket_photo FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_unit_insert AFTER INSERT ON unit FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_unit_update AFTER UPDATE ON unit FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_unit_delete AFTER DELETE ON unit FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_vehicle_insert AFTER INSERT ON vehicle FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_vehicle_update AFTER UPDATE ON vehicle FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_vehicle_delete AFTER DELETE ON vehicle FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_work_holiday_insert AFTER INSERT ON work_holiday FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_work_holiday_update AFTER UPDATE ON work_holiday FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_work_holiday_delete AFTER DELETE ON work_holiday FOR EACH ROW CALL data_changed(OLD.community_id);
CREATE TRIGGER data_work_hours_insert AFTER INSERT ON work_hours FOR EACH ROW CALL data_changed(NEW.community_id);
CREATE TRIGGER data_work_hours_update AFTER UPDATE ON work_hours FOR EACH ROW CALL data_changed_pair(NEW.community_id, OLD.community_id);
CREATE TRIGGER data_work_hours_delete AFTER DELETE ON work_hours FOR EACH ROW CALL data_changed(OLD.community_id);

-- Tables whose rows belong to a community through their parent row.
CREATE TRIGGER data_notice_building_insert AFTER INSERT ON notice_building FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM notice p WHERE p.id = NEW.notice_id));
CREATE TRIGGER data_notice_building_update AFTER UPDATE ON notice_building FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM notice p WHERE p.id = NEW.notice_id),
    (SELECT p.community_id FROM notice p WHERE p.id = OLD.notice_id));
CREATE TRIGGER data_notice_building_delete AFTER DELETE ON notice_building FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM notice p WHERE p.id = OLD.notice_id));
CREATE TRIGGER data_notice_read_insert AFTER INSERT ON notice_read FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM notice p WHERE p.id = NEW.notice_id));
CREATE TRIGGER data_notice_read_update AFTER UPDATE ON notice_read FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM notice p WHERE p.id = NEW.notice_id),
    (SELECT p.community_id FROM notice p WHERE p.id = OLD.notice_id));
CREATE TRIGGER data_notice_read_delete AFTER DELETE ON notice_read FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM notice p WHERE p.id = OLD.notice_id));
CREATE TRIGGER data_payment_alloc_insert AFTER INSERT ON payment_alloc FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM payment p WHERE p.id = NEW.payment_id));
CREATE TRIGGER data_payment_alloc_update AFTER UPDATE ON payment_alloc FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM payment p WHERE p.id = NEW.payment_id),
    (SELECT p.community_id FROM payment p WHERE p.id = OLD.payment_id));
CREATE TRIGGER data_payment_alloc_delete AFTER DELETE ON payment_alloc FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM payment p WHERE p.id = OLD.payment_id));
CREATE TRIGGER data_renovation_deduction_insert AFTER INSERT ON renovation_deduction FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM renovation p WHERE p.id = NEW.renovation_id));
CREATE TRIGGER data_renovation_deduction_update AFTER UPDATE ON renovation_deduction FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM renovation p WHERE p.id = NEW.renovation_id),
    (SELECT p.community_id FROM renovation p WHERE p.id = OLD.renovation_id));
CREATE TRIGGER data_renovation_deduction_delete AFTER DELETE ON renovation_deduction FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM renovation p WHERE p.id = OLD.renovation_id));
CREATE TRIGGER data_renovation_file_insert AFTER INSERT ON renovation_file FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM renovation p WHERE p.id = NEW.renovation_id));
CREATE TRIGGER data_renovation_file_update AFTER UPDATE ON renovation_file FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM renovation p WHERE p.id = NEW.renovation_id),
    (SELECT p.community_id FROM renovation p WHERE p.id = OLD.renovation_id));
CREATE TRIGGER data_renovation_file_delete AFTER DELETE ON renovation_file FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM renovation p WHERE p.id = OLD.renovation_id));
CREATE TRIGGER data_renovation_step_insert AFTER INSERT ON renovation_step FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM renovation p WHERE p.id = NEW.renovation_id));
CREATE TRIGGER data_renovation_step_update AFTER UPDATE ON renovation_step FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM renovation p WHERE p.id = NEW.renovation_id),
    (SELECT p.community_id FROM renovation p WHERE p.id = OLD.renovation_id));
CREATE TRIGGER data_renovation_step_delete AFTER DELETE ON renovation_step FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM renovation p WHERE p.id = OLD.renovation_id));
CREATE TRIGGER data_renovation_ticket_insert AFTER INSERT ON renovation_ticket FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM renovation p WHERE p.id = NEW.renovation_id));
CREATE TRIGGER data_renovation_ticket_update AFTER UPDATE ON renovation_ticket FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM renovation p WHERE p.id = NEW.renovation_id),
    (SELECT p.community_id FROM renovation p WHERE p.id = OLD.renovation_id));
CREATE TRIGGER data_renovation_ticket_delete AFTER DELETE ON renovation_ticket FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM renovation p WHERE p.id = OLD.renovation_id));
CREATE TRIGGER data_survey_answer_insert AFTER INSERT ON survey_answer FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM survey_response p WHERE p.id = NEW.response_id));
CREATE TRIGGER data_survey_answer_update AFTER UPDATE ON survey_answer FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM survey_response p WHERE p.id = NEW.response_id),
    (SELECT p.community_id FROM survey_response p WHERE p.id = OLD.response_id));
CREATE TRIGGER data_survey_answer_delete AFTER DELETE ON survey_answer FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM survey_response p WHERE p.id = OLD.response_id));
CREATE TRIGGER data_survey_building_insert AFTER INSERT ON survey_building FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM survey p WHERE p.id = NEW.survey_id));
CREATE TRIGGER data_survey_building_update AFTER UPDATE ON survey_building FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM survey p WHERE p.id = NEW.survey_id),
    (SELECT p.community_id FROM survey p WHERE p.id = OLD.survey_id));
CREATE TRIGGER data_survey_building_delete AFTER DELETE ON survey_building FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM survey p WHERE p.id = OLD.survey_id));
CREATE TRIGGER data_survey_question_insert AFTER INSERT ON survey_question FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM survey p WHERE p.id = NEW.survey_id));
CREATE TRIGGER data_survey_question_update AFTER UPDATE ON survey_question FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM survey p WHERE p.id = NEW.survey_id),
    (SELECT p.community_id FROM survey p WHERE p.id = OLD.survey_id));
CREATE TRIGGER data_survey_question_delete AFTER DELETE ON survey_question FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM survey p WHERE p.id = OLD.survey_id));
CREATE TRIGGER data_survey_ticket_insert AFTER INSERT ON survey_ticket FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM survey_response p WHERE p.id = NEW.response_id));
CREATE TRIGGER data_survey_ticket_update AFTER UPDATE ON survey_ticket FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM survey_response p WHERE p.id = NEW.response_id),
    (SELECT p.community_id FROM survey_response p WHERE p.id = OLD.response_id));
CREATE TRIGGER data_survey_ticket_delete AFTER DELETE ON survey_ticket FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM survey_response p WHERE p.id = OLD.response_id));
CREATE TRIGGER data_ticket_seen_insert AFTER INSERT ON ticket_seen FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM ticket p WHERE p.id = NEW.ticket_id));
CREATE TRIGGER data_ticket_seen_update AFTER UPDATE ON ticket_seen FOR EACH ROW
  CALL data_changed_pair((SELECT p.community_id FROM ticket p WHERE p.id = NEW.ticket_id),
    (SELECT p.community_id FROM ticket p WHERE p.id = OLD.ticket_id));
CREATE TRIGGER data_ticket_seen_delete AFTER DELETE ON ticket_seen FOR EACH ROW
  CALL data_changed((SELECT p.community_id FROM ticket p WHERE p.id = OLD.ticket_id));

-- A community's own row: its name, address and phone show on its pages.
CREATE TRIGGER data_community_update AFTER UPDATE ON community FOR EACH ROW CALL data_raise(NEW.id);
-- Role names show wherever staff are listed: every community.
CREATE TRIGGER data_role_update AFTER UPDATE ON role FOR EACH ROW
  INSERT INTO community_data_version (community_id, version) SELECT id, 1 FROM community
  ON DUPLICATE KEY UPDATE version = version + 1;
-- A staff member's name, phone, department or state, and a department's name, show on the
-- timelines of tickets they worked on in any community, even one where they hold no role any
-- more: such a change (rare, unlike the sign-in that writes last_login_at) raises every
-- community's version. Their own community's is raised above in any case.
CREATE TRIGGER data_staff_all_update AFTER UPDATE ON staff FOR EACH ROW
  INSERT INTO community_data_version (community_id, version)
  SELECT c.id, 1 FROM community c
  WHERE NOT (OLD.name <=> NEW.name AND OLD.phone <=> NEW.phone AND OLD.department_id <=> NEW.department_id
    AND OLD.disabled <=> NEW.disabled AND OLD.login <=> NEW.login)
  ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER data_department_all_update AFTER UPDATE ON department FOR EACH ROW
  INSERT INTO community_data_version (community_id, version)
  SELECT c.id, 1 FROM community c WHERE NOT (OLD.name <=> NEW.name AND OLD.code <=> NEW.code)
  ON DUPLICATE KEY UPDATE version = version + 1;

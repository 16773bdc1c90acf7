-- The time-limit sweep (cgi-bin/domain/sla_sweep.c) looked at every open ticket of every
-- community each minute: 215,000 at the benchmark's full size, most of them long overdue and
-- long escalated, with nothing left to do. sweep_at is when it has something to do next, and
-- the sweep reads only the tickets whose moment has passed, through ticket_sweep:
--   * the first due of a promise neither kept nor yet recorded as missed (breached bit unset);
--   * at escalation level 1, manager_at: when the earliest missed promise still not kept has
--     waited the policy's manager_after_minutes and the ticket goes to the office manager.
-- manager_at is written by the sweep when it leaves a ticket at level 1; while it is NULL (a
-- ticket escalated by hand, or before this migration) the earliest missed promise stands in,
-- so the sweep looks, and sets it. A change of the policy's manager time clears it for the
-- policy's tickets (below), so none goes to the manager later than the policy now says.
-- sweep_at is computed from the row (a virtual column), so every writer keeps it right,
-- pages, jobs and imports alike. NULL: nothing to do (closed, waiting, or all recorded).
ALTER TABLE ticket
  ADD COLUMN manager_at DATETIME NULL COMMENT 'level 1: when the sweep sends it to the office manager',
  ADD COLUMN sweep_at DATETIME AS (IF(status IN ('new', 'accepted', 'dispatched', 'in_progress'), NULLIF(LEAST(
      IF(respond_due IS NOT NULL AND responded_at IS NULL AND (breached & 1) = 0, respond_due, TIMESTAMP'9999-12-31 00:00:00'),
      IF(onsite_due IS NOT NULL AND onsite_at IS NULL AND (breached & 2) = 0, onsite_due, TIMESTAMP'9999-12-31 00:00:00'),
      IF(resolve_due IS NOT NULL AND completed_at IS NULL AND (breached & 4) = 0, resolve_due, TIMESTAMP'9999-12-31 00:00:00'),
      IF(escalation_level = 1, COALESCE(manager_at, LEAST(
        IF(respond_due IS NOT NULL AND responded_at IS NULL AND (breached & 1) <> 0, respond_due, TIMESTAMP'9999-12-31 00:00:00'),
        IF(onsite_due IS NOT NULL AND onsite_at IS NULL AND (breached & 2) <> 0, onsite_due, TIMESTAMP'9999-12-31 00:00:00'),
        IF(resolve_due IS NOT NULL AND completed_at IS NULL AND (breached & 4) <> 0, resolve_due, TIMESTAMP'9999-12-31 00:00:00'))),
        TIMESTAMP'9999-12-31 00:00:00')), TIMESTAMP'9999-12-31 00:00:00'), NULL)) VIRTUAL
    COMMENT 'when the time-limit sweep next has something to do; NULL: nothing',
  ADD KEY ticket_sweep (sweep_at);

DELIMITER //
CREATE TRIGGER sla_policy_manager_insert AFTER INSERT ON sla_policy FOR EACH ROW
  UPDATE ticket SET manager_at = NULL WHERE community_id = NEW.community_id AND kind = NEW.kind
    AND severity = NEW.severity AND escalation_level = 1 AND manager_at IS NOT NULL//
CREATE TRIGGER sla_policy_manager_update AFTER UPDATE ON sla_policy FOR EACH ROW
  IF NOT (OLD.manager_after_minutes <=> NEW.manager_after_minutes AND OLD.community_id <=> NEW.community_id
      AND OLD.kind <=> NEW.kind AND OLD.severity <=> NEW.severity) THEN
    UPDATE ticket SET manager_at = NULL WHERE escalation_level = 1 AND manager_at IS NOT NULL
      AND ((community_id = NEW.community_id AND kind = NEW.kind AND severity = NEW.severity)
        OR (community_id = OLD.community_id AND kind = OLD.kind AND severity = OLD.severity));
  END IF//
CREATE TRIGGER sla_policy_manager_delete AFTER DELETE ON sla_policy FOR EACH ROW
  UPDATE ticket SET manager_at = NULL WHERE community_id = OLD.community_id AND kind = OLD.kind
    AND severity = OLD.severity AND escalation_level = 1 AND manager_at IS NOT NULL//
DELIMITER ;

-- Demo community: the default categories and time limits, working hours every day
-- 08:00-18:00, and the 2027 Spring Festival holidays.
INSERT INTO ticket_category (community_id, kind, code, name, department_id, sort)
SELECT 1, d.kind, d.code, d.name, dep.id, d.sort
FROM ticket_category_default d LEFT JOIN department dep ON dep.community_id = 1 AND dep.code = d.department_code;

INSERT INTO sla_policy (community_id, kind, severity, respond_minutes, onsite_minutes, resolve_minutes, clock,
                        manager_after_minutes)
SELECT 1, kind, severity, respond_minutes, onsite_minutes, resolve_minutes, clock, manager_after_minutes
FROM sla_policy_default;

INSERT INTO work_hours (community_id, weekday, start_minute, end_minute) VALUES
  (1, 1, 480, 1080), (1, 2, 480, 1080), (1, 3, 480, 1080), (1, 4, 480, 1080),
  (1, 5, 480, 1080), (1, 6, 480, 1080), (1, 7, 480, 1080);

INSERT INTO work_holiday (community_id, day, name) VALUES
  (1, '2027-02-06', '春节'), (1, '2027-02-07', '春节'), (1, '2027-02-08', '春节');

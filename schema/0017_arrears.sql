-- 0017_arrears: the arrears list sums a community's unpaid overdue bills per unit. Through
-- bill_unpaid (community_id, unpaid, due_date) each of those bills cost a lookup of its
-- row for unit_id, period and the amounts (at full size 867 bills of the biggest community:
-- 2,608 pages, 1.5 ms of the list's 2.2); with those columns in the key the sum reads the
-- index alone. The longer key keeps the old one's prefix, so it replaces it.
ALTER TABLE bill
  DROP KEY bill_unpaid,
  ADD KEY bill_unpaid (community_id, unpaid, due_date, unit_id, period, amount_fen, paid_fen);
-- The current owners' names of a unit (units grid, arrears list, bills and payments) are
-- read through occupancy_unit (unit_id, until); relation, since and person_id then cost
-- a lookup of each occupancy row. With them in the key the names need only person.
ALTER TABLE occupancy
  DROP KEY occupancy_unit,
  ADD KEY occupancy_unit (unit_id, until, relation, since, person_id);

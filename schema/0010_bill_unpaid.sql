-- 0010_bill_unpaid: the arrears list asks for a community's overdue bills that are not
-- fully paid; amount_fen > paid_fen compares two columns, which no index can serve, so
-- the list read every bill of the community (60,000 for 1,000 units over five years).
-- A stored generated column says it, and an index finds those bills directly.
ALTER TABLE bill
  ADD COLUMN unpaid TINYINT(1) AS (amount_fen > paid_fen) STORED COMMENT 'amount_fen > paid_fen, for the arrears index',
  ADD KEY bill_unpaid (community_id, unpaid, due_date);

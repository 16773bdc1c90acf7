-- Demo payments: the cashier 孙丽 took the August to October bills at the counter, one
-- receipt per bill, numbered SJ2026-000001 onwards in the order taken, each day closed
-- (日清) at 18:00 and checked by the office manager. Left unpaid, so that 欠费 has
-- something to follow: every unit whose id is a multiple of 9, all of 1-1-102 (李娜), and
-- October of 1-1-101 (张伟). Written as the payment page writes them: allocations line
-- by line, paid totals on the lines and bills, the receipt counter after the last number.
SET @cashier = (SELECT id FROM staff WHERE login = 'cashier');
SET @manager = (SELECT id FROM staff WHERE login = 'manager');

CREATE TEMPORARY TABLE demo_pay AS
SELECT x.*, ROW_NUMBER() OVER (ORDER BY x.day, x.minute, x.bill_id) AS n
FROM (SELECT b.id AS bill_id, b.unit_id, b.amount_fen, b.due_date - INTERVAL (b.id MOD 20) DAY AS day,
             b.id MOD 300 AS minute
      FROM bill b JOIN unit u ON u.id = b.unit_id
      WHERE b.community_id = 1 AND b.kind = 'period' AND b.period BETWEEN '2026-08' AND '2026-10'
        AND b.amount_fen > 0 AND b.paid_fen = 0 AND u.id MOD 9 <> 0 AND u.code <> '1-1-102'
        AND NOT (u.code = '1-1-101' AND b.period = '2026-10')) x;

INSERT INTO settlement (community_id, staff_id, day, closed_at, closed_count, closed_total_fen, checked_by, checked_at, check_note)
SELECT 1, @cashier, day, day + INTERVAL 10 HOUR, COUNT(*), SUM(amount_fen), @manager, day + INTERVAL 11 HOUR, '现金与系统相符'
FROM demo_pay GROUP BY day;

INSERT INTO payment (community_id, unit_id, receipt_no, kind, method, amount_fen, payer, staff_id, settlement_id, taken_at)
SELECT 1, d.unit_id, CONCAT('SJ2026-', LPAD(d.n, 6, '0')), 'payment',
       ELT(1 + d.bill_id MOD 5, 'cash', 'wechat', 'alipay', 'card', 'transfer'), d.amount_fen, '', @cashier, s.id,
       d.day + INTERVAL 2 HOUR + INTERVAL d.minute MINUTE
FROM demo_pay d JOIN settlement s ON s.community_id = 1 AND s.staff_id = @cashier AND s.day = d.day;

INSERT INTO payment_alloc (payment_id, bill_line_id, bill_id, amount_fen)
SELECT p.id, l.id, l.bill_id, l.amount_fen
FROM demo_pay d JOIN payment p ON p.community_id = 1 AND p.receipt_no = CONCAT('SJ2026-', LPAD(d.n, 6, '0'))
JOIN bill_line l ON l.bill_id = d.bill_id;

UPDATE bill_line l JOIN bill b ON b.id = l.bill_id
SET l.paid_fen = l.amount_fen
WHERE b.id IN (SELECT bill_id FROM demo_pay);
UPDATE bill b SET b.paid_fen = b.amount_fen WHERE b.id IN (SELECT bill_id FROM demo_pay);

INSERT INTO receipt_counter (community_id, year, next_no) SELECT 1, 2026, COUNT(*) + 1 FROM demo_pay;

DROP TEMPORARY TABLE demo_pay;

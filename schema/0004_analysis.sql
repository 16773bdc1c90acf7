-- 0004_analysis: the monthly analysis reads the requests completed in a month (callback
-- rate, ratings, paid-repair income) by a range on completed_at.
ALTER TABLE ticket ADD KEY ticket_completed (community_id, completed_at);

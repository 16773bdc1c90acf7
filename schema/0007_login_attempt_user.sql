-- 0007_login_attempt_user: the login throttle counts an account's failures by its id, so
-- that its phone and e-mail share one count.
ALTER TABLE login_attempt ADD KEY login_attempt_user (kind, user_id, at);

-- Demo survey: the first half-year's customer opinion questionnaire of 蓝山花园 (closed
-- at the end of June 2026), answered by 60 households, so that a new survey made from the
-- template has a previous one to compare with. Scores are spread by a fixed formula over
-- the units (mostly 3 to 5, some 1 and 2), a few households left comments.
SET @manager = (SELECT id FROM staff WHERE login = 'manager');

INSERT INTO survey (community_id, title, intro, state, opens_at, closes_at, audience, target_pct, created_by,
                    created_at, updated_at)
VALUES (1, '2026年上半年顾客满意度调查', '尊敬的业主：为了解您对物业服务的意见，请花几分钟填写本问卷。谢谢！', 'published',
        '2026-06-01 00:00:00', '2026-06-30 16:00:00', 'community', 90, @manager, '2026-05-28 02:00:00',
        '2026-05-28 02:00:00');
SET @survey = LAST_INSERT_ID();

INSERT INTO survey_question (survey_id, position, type, text, choices, area, dimension, required) VALUES
  (@survey, 1, 'rating', '小区公共区域的整洁程度', NULL, 'cleaning', 'tangibles', 1),
  (@survey, 2, 'rating', '报修后维修人员一次修好', NULL, 'engineering', 'reliability', 1),
  (@survey, 3, 'rating', '客服对您的来电来访响应及时', NULL, 'service', 'responsiveness', 1),
  (@survey, 4, 'rating', '小区治安与门岗管理让您放心', NULL, 'security', 'assurance', 1),
  (@survey, 5, 'rating', '物业人员理解并关心业主的需要', NULL, 'service', 'empathy', 1),
  (@survey, 6, 'rating', '电梯运行安全稳定', NULL, 'elevator', 'reliability', 1),
  (@survey, 7, 'nps', '您向亲友推荐本小区物业服务的可能性有多大？', NULL, NULL, NULL, 1),
  (@survey, 8, 'long', '您对物业服务还有什么意见和建议？', NULL, NULL, NULL, 0);

INSERT INTO survey_response (survey_id, community_id, unit_id, account_id, channel, submitted_at)
SELECT @survey, 1, u.id, NULL, 'link', '2026-06-10 02:00:00' + INTERVAL (u.id MOD 400) HOUR
FROM unit u
WHERE u.community_id = 1 AND EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = u.id AND o.until IS NULL)
ORDER BY u.id LIMIT 60;

INSERT INTO survey_answer (response_id, question_id, value_int)
SELECT r.id, q.id,
       CASE WHEN (r.unit_id * 7 + q.position * 13) MOD 23 = 0 THEN 1
            WHEN (r.unit_id * 5 + q.position * 11) MOD 17 = 0 THEN 2
            ELSE 3 + (r.unit_id + q.position * 2) MOD 3 END
FROM survey_response r JOIN survey_question q ON q.survey_id = r.survey_id AND q.type = 'rating'
WHERE r.survey_id = @survey;

INSERT INTO survey_answer (response_id, question_id, value_int)
SELECT r.id, q.id, (r.unit_id * 7) MOD 11
FROM survey_response r JOIN survey_question q ON q.survey_id = r.survey_id AND q.type = 'nps'
WHERE r.survey_id = @survey;

INSERT INTO survey_answer (response_id, question_id, value_text)
SELECT r.id, q.id, ELT(1 + r.unit_id MOD 4, '地下车库灯光太暗，希望增加照明。', '快递柜不够用。',
                       '绿化修剪很及时，辛苦了！', '希望电梯维保时提前通知。')
FROM survey_response r JOIN survey_question q ON q.survey_id = r.survey_id AND q.type = 'long'
WHERE r.survey_id = @survey AND r.unit_id MOD 5 = 0;

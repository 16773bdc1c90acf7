-- Demo notices (公告) of 蓝山花园, dated from the day the demo is loaded (times in UTC, the
-- community's local day is UTC+8): an urgent water cut for 1栋 tomorrow 09:00-13:00 from
-- the front desk, the manager's 消防演练 for the whole community (张伟 of 1-1-101 has read
-- it), and last month's lift inspection notice, expired.

SET @today = DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR);
SET @frontdesk = (SELECT id FROM staff WHERE login = 'frontdesk');
SET @manager = (SELECT id FROM staff WHERE login = 'manager');

INSERT INTO notice (community_id, title, body, importance, audience, state, publish_at, expires_at,
                    created_by, created_at, updated_at)
VALUES (1, '1栋明日停水通知',
        CONCAT('尊敬的 1 栋业主、住户：\n\n因二次供水水箱清洗消毒，', DATE_FORMAT(@today + INTERVAL 1 DAY, '%c月%e日'),
               '（明天）09:00 至 13:00 1 栋全楼停水。请提前做好储水准备，停水期间请关闭家中水龙头，',
               '恢复供水后先放水片刻再使用。\n\n如有疑问请致电物业服务中心 0571-88880000。给您带来不便，敬请谅解。'),
        'urgent', 'buildings', 'published', UTC_TIMESTAMP() - INTERVAL 1 HOUR,
        TIMESTAMP(@today + INTERVAL 1 DAY, '13:00:00') - INTERVAL 8 HOUR,
        @frontdesk, UTC_TIMESTAMP() - INTERVAL 2 HOUR, UTC_TIMESTAMP() - INTERVAL 1 HOUR);
SET @water = LAST_INSERT_ID();
INSERT INTO notice_building (notice_id, building_id)
SELECT @water, id FROM building WHERE community_id = 1 AND code = '1';

INSERT INTO notice (community_id, title, body, importance, audience, state, publish_at, expires_at,
                    created_by, created_at, updated_at)
VALUES (1, '关于开展小区消防演练的通知',
        CONCAT('各位业主、住户：\n\n为提高大家的消防安全意识和自救能力，物业服务中心定于 ',
               DATE_FORMAT(@today + INTERVAL 5 DAY, '%c月%e日'), ' 15:00 在小区中心广场开展消防演练，',
               '内容包括灭火器使用、疏散逃生和消防通道检查。\n届时会有警报声和烟雾，请勿惊慌。\n\n',
               '欢迎大家积极参加。消防安全知识可参阅 https://www.119.gov.cn/ 。'),
        'normal', 'community', 'published', UTC_TIMESTAMP() - INTERVAL 2 DAY,
        TIMESTAMP(@today + INTERVAL 6 DAY, '00:00:00') - INTERVAL 8 HOUR,
        @manager, UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY);
INSERT INTO notice_read (notice_id, account_id, unit_id, read_at)
SELECT LAST_INSERT_ID(), id, current_unit_id, UTC_TIMESTAMP() - INTERVAL 1 DAY FROM account WHERE login_phone = '13800000001';

INSERT INTO notice (community_id, title, body, importance, audience, state, publish_at, expires_at,
                    created_by, created_at, updated_at)
VALUES (1, '电梯年度检验通知',
        '各位业主、住户：\n\n特种设备检验机构将对小区全部电梯进行年度检验，检验期间各栋电梯将轮流暂停使用约 1 小时，请合理安排出行。',
        'normal', 'community', 'published', UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY,
        @frontdesk, UTC_TIMESTAMP() - INTERVAL 31 DAY, UTC_TIMESTAMP() - INTERVAL 30 DAY);

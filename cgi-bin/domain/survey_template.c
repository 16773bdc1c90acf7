/* survey_template.c: the service-quality questionnaire (顾客满意度调查问卷) of the
 * office: rating questions each asking about one service area under one SERVQUAL
 * dimension, one NPS question, how residents reach the office, and a free comment. */
#include "survey_template.h"

#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"

const char *const survey_template_codes[] = {"servqual", "blank", NULL};

#define RATE(text, area, dimension)                                                                          \
    { "rating", text, "", area, dimension, true }

static const survey_draft_question servqual[] = {
    /* 有形性: what residents can see */
    RATE("小区公共设施（道路、照明、健身器材、停车场等）完好，能正常使用", "engineering", "tangibles"),
    RATE("楼道、大堂、电梯厅等公共区域干净整洁", "cleaning", "tangibles"),
    RATE("小区绿化养护良好，环境优美", "greening", "tangibles"),
    RATE("物业工作人员着装整齐、仪容端正，佩戴工牌", "service", "tangibles"),
    RATE("电梯轿厢整洁、照明通风良好", "elevator", "tangibles"),
    /* 可靠性: done right and as promised */
    RATE("报修的问题一次就能修好，不需要反复报修", "engineering", "reliability"),
    RATE("物业答应办理的事情能按时办到", "service", "reliability"),
    RATE("电梯运行平稳、故障少，出现故障能及时修复", "elevator", "reliability"),
    RATE("收费项目和标准公开透明，账单准确无误", "fees", "reliability"),
    /* 响应性: how fast the office reacts */
    RATE("报修后维修人员能在约定时间内及时上门", "engineering", "responsiveness"),
    RATE("您的投诉、求助能得到及时回应和处理", "service", "responsiveness"),
    RATE("反映公共区域卫生问题后，能很快得到处理", "cleaning", "responsiveness"),
    /* 保证性: safety, competence, courtesy */
    RATE("小区门岗和巡逻管理到位，您感到安全放心", "security", "assurance"),
    RATE("保安对来访人员和车辆的登记管理严格、待人有礼", "security", "assurance"),
    RATE("维修人员技术熟练、操作规范，完工后清理现场", "engineering", "assurance"),
    RATE("客服人员待人礼貌热情，能准确解答您的问题", "service", "assurance"),
    /* 移情性: the office understands residents */
    RATE("物业服务中心的办公时间方便您办理事务", "service", "empathy"),
    RATE("物业了解并重视业主的需求和意见", "service", "empathy"),
    RATE("缴费方式方便，收费人员能耐心解释费用", "fees", "empathy"),
    {"nps", "您向亲友推荐本小区物业服务的可能性有多大？（0 表示完全不可能，10 表示非常可能）", "", "", "",
     true},
    {"single", "您与物业联系最多的方式是",
     "到服务中心前台\n电话或服务热线\n业主门户（网上）\n微信群\n很少联系", "", "", true},
    {"long", "您对物业服务还有哪些意见和建议？（选填）", "", "", "", false},
};

int survey_template_make(arena *a, const char *code, const char *community_name, const char *zone,
                         long long now, survey_draft *out) {
    *out = (survey_draft){
        .opens_at = now - now % 60,
        .closes_at = now - now % 60 + 30LL * 24 * 3600,
        .audience = "community",
        .target_pct = 90,
    };
    if (code && !strcmp(code, "blank")) {
        out->title = "未命名问卷";
        out->intro = "";
        return 0;
    }
    if (!code || strcmp(code, "servqual") != 0)
        return -1;
    const char *year = clock_format(a, now, zone, "%Y");
    int month = atoi(clock_format(a, now, zone, "%m"));
    out->title = arena_printf(a, "%s年%s顾客满意度调查问卷", year, month <= 6 ? "上半年" : "下半年");
    out->intro = arena_printf(
        a,
        "尊敬的业主、住户：\n\n您好！为了解您对我们物业服务的评价，持续改进服务质量，管理处开展本次"
        "顾客满意度调查。问卷约需 5 分钟，请根据您近半年的感受作答：1 分表示非常不满意，5 分表示非常"
        "满意。您的回答仅用于统计分析，每一条意见我们都会认真对待。\n\n感谢您的支持！\n%s物业服务中心",
        community_name ? community_name : "");
    out->questions = servqual;
    out->question_count = sizeof servqual / sizeof servqual[0];
    return 0;
}

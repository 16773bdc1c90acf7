/* fee.c: the shared rules of 收费 (see fee.h). */
#include "fee.h"

#include <stdio.h>
#include <string.h>

#include "../core/roles.h"

bool fee_may(const char *roles, fee_act act) {
    static const char *const pay[] = {"cashier", "frontdesk", "manager", "admin", NULL};
    static const char *const reverse[] = {"cashier", "manager", "admin", NULL};
    static const char *const rates[] = {"manager", "admin", NULL};
    static const char *const billing[] = {"cashier", "manager", "admin", NULL};
    static const char *const readings[] = {"cashier", "frontdesk", "technician", "manager", "admin", NULL};
    static const char *const check[] = {"cashier", "supervisor", "manager", "admin", NULL};
    static const char *const arrears[] = {"cashier", "frontdesk", "supervisor", "manager", "admin", NULL};
    static const char *const view[] = {"cashier", "frontdesk", "supervisor", "manager",
                                       "admin",   "clerk",     NULL};
    switch (act) {
    case FEE_PAY:
        return roles_has_any(roles, pay);
    case FEE_REVERSE:
        return roles_has_any(roles, reverse);
    case FEE_RATES:
        return roles_has_any(roles, rates);
    case FEE_BILLING:
        return roles_has_any(roles, billing);
    case FEE_READINGS:
        return roles_has_any(roles, readings);
    case FEE_CHECK:
        return roles_has_any(roles, check);
    case FEE_ARREARS:
        return roles_has_any(roles, arrears);
    case FEE_VIEW:
        return roles_has_any(roles, view);
    }
    return false;
}

bool fee_period_valid(const char *s) {
    if (!s || strlen(s) != 7 || s[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9'))
            return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    return s[0] == '2' && s[1] == '0' && month >= 1 && month <= 12;
}

static int period_index(const char *p) {
    int year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    int month = (p[5] - '0') * 10 + (p[6] - '0');
    return year * 12 + month - 1;
}

static void period_of_index(int i, char out[8]) {
    unsigned year = (unsigned)(i / 12) % 10000u, month = (unsigned)(i % 12) % 12u + 1u;
    snprintf(out, 8, "%04u-%02u", year, month);
}

void fee_period_next(const char *period, char out[8]) {
    period_of_index(period_index(period) + 1, out);
}

void fee_period_prev(const char *period, char out[8]) {
    period_of_index(period_index(period) - 1, out);
}

int fee_period_diff(const char *a, const char *b) {
    return period_index(b) - period_index(a);
}

long long fee_amount(long long quantity_c, long long price_e4) {
    long long p = quantity_c * price_e4;
    return p >= 0 ? (p + 5000) / 10000 : -((-p + 5000) / 10000);
}

long long fee_metered_amount(long long usage_c, const fee_tiers *t) {
    long long e6 = 0; /* quantity_c * price_e4 summed over the tiers, rounded once */
    long long from2 = t->tier2_from_c > 0 ? t->tier2_from_c : -1;
    long long from3 = t->tier3_from_c > 0 ? t->tier3_from_c : -1;
    long long first_end = from2 > 0 ? from2 : (from3 > 0 ? from3 : usage_c);
    long long first = usage_c < first_end ? usage_c : first_end;
    e6 += first * t->price_e4;
    if (from2 > 0 && usage_c > from2) {
        long long end2 = from3 > from2 ? from3 : usage_c;
        long long part = (usage_c < end2 ? usage_c : end2) - from2;
        e6 += part * t->tier2_price_e4;
    }
    if (from3 > 0 && usage_c > from3)
        e6 += (usage_c - from3) * t->tier3_price_e4;
    return (e6 >= 0 ? (e6 + 5000) / 10000 : -((-e6 + 5000) / 10000));
}

typedef struct code_name {
    const char *code, *name;
} code_name;

static const char *lookup(const code_name *t, const char *code) {
    for (; code && t->code; t++)
        if (!strcmp(t->code, code))
            return t->name;
    return "";
}

const char *const fee_kinds[] = {"area", "fixed", "metered", "parking", "oneoff", NULL};
const char *const fee_methods[] = {"cash", "card", "transfer", "wechat", "alipay", NULL};
const char *const fee_reasons[] = {"dispute", "vacancy", "hardship", "unreachable", "quality", "other", NULL};
const char *const fee_note_kinds[] = {"reason", "reminder", "call", "visit", "promise", "notice", NULL};

const char *fee_kind_name(const char *kind) {
    static const code_name t[] = {{"area", "按面积（元/㎡·月）"}, {"fixed", "固定（元/户·月）"},
                                  {"metered", "按表计量"},        {"parking", "车位租赁"},
                                  {"oneoff", "一次性收费"},       {NULL, NULL}};
    return lookup(t, kind);
}

const char *fee_method_name(const char *method) {
    static const code_name t[] = {{"cash", "现金"},   {"card", "刷卡"},     {"transfer", "银行转账"},
                                  {"wechat", "微信"}, {"alipay", "支付宝"}, {NULL, NULL}};
    return lookup(t, method);
}

const char *fee_reason_name(const char *reason) {
    static const code_name t[] = {{"dispute", "对服务有异议"},
                                  {"vacancy", "房屋空置"},
                                  {"hardship", "经济困难"},
                                  {"unreachable", "联系不上"},
                                  {"quality", "房屋质量问题"},
                                  {"other", "其他"},
                                  {NULL, NULL}};
    return lookup(t, reason);
}

const char *fee_note_kind_name(const char *kind) {
    static const code_name t[] = {
        {"reason", "欠费原因"},  {"reminder", "催缴提醒"},     {"call", "电话催缴"}, {"visit", "上门催缴"},
        {"promise", "承诺缴费"}, {"notice", "发出缴费通知单"}, {NULL, NULL}};
    return lookup(t, kind);
}

const char *fee_payment_kind_name(const char *kind, bool reversed) {
    if (kind && !strcmp(kind, "reversal"))
        return "冲正";
    if (kind && !strcmp(kind, "refund"))
        return "退款";
    return reversed ? "已冲正" : "收款";
}

const char *fee_bill_kind_name(const char *kind) {
    return kind && !strcmp(kind, "oneoff") ? "临时收费" : "月度账单";
}

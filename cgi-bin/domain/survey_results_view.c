/* survey_results_view.c: the results page's dictionaries filled from survey_results (no
 * SQL). Every figure goes out twice: as text for people and as data-value for tests
 * (rates in per-mille, means in hundredths, NPS as an integer). */
#include <stdio.h>
#include <string.h>

#include "../core/clock.h"
#include "survey_results.h"
#include "svg_chart.h"

/* "4.25" from hundredths; "—" without answers. */
static const char *mean_text(arena *a, long long hundredths, bool any) {
    return any ? arena_printf(a, "%lld.%02lld", hundredths / 100, hundredths % 100) : "—";
}

/* "+3" / "-2" / "0". */
static const char *signed_text(arena *a, long long v) {
    return arena_printf(a, v > 0 ? "+%lld" : "%lld", v);
}

/* A difference of two per-mille rates in percentage points: "+3.5", "-0.2". */
static const char *points_text(arena *a, long long d) {
    long long m = d < 0 ? -d : d;
    return arena_printf(a, "%s%lld.%lld", d > 0 ? "+" : d < 0 ? "-" : "", m / 10, m % 10);
}

static void set_figure(view *v, const char *key, long long value, const char *text) {
    char name[64];
    view_set_int(v, key, value);
    snprintf(name, sizeof name, "%s_TEXT", key);
    view_set(v, name, text);
}

static void fill_header(view *body, arena *a, const char *zone, const survey_results *r) {
    const survey *s = &r->s;
    view_set_int(body, "SURVEY_ID", s->id);
    view_set(body, "TITLE", s->title);
    view_set(body, "STATE", s->state);
    view_set(body, "STATE_NAME", strcmp(s->state, "published") ? "草稿" : "已发布");
    view_set(body, "OPENS", clock_format(a, s->opens_at, zone, "%Y-%m-%d %H:%M"));
    view_set(body, "CLOSES", clock_format(a, s->closes_at, zone, "%Y-%m-%d %H:%M"));
    view_set(body, "AUDIENCE", s->audience);
    const char *audience = !strcmp(s->audience, "buildings") ? "指定楼栋的住户"
                           : !strcmp(s->audience, "ticket_households")
                               ? arena_printf(a, "%s 至 %s 期间报过事的住户", s->ticket_from, s->ticket_to)
                               : "全体住户";
    view_set(body, "AUDIENCE_NAME", audience);
    view_set_int(body, "TARGET_PCT", s->target_pct);
}

static void fill_rate(view *body, arena *a, const survey_results *r) {
    view_set_int(body, "HOUSEHOLDS", r->households);
    view_set_int(body, "RESPONSES", r->responses);
    long long rate = survey_per_mille(r->responses, r->households);
    set_figure(body, "RESPONSE_RATE", rate, survey_rate_text(a, rate, r->households > 0));
    for (size_t i = 0; i < r->building_count; i++) {
        const survey_building_rate *b = &r->buildings[i];
        view *row = view_add(body, "BUILDING");
        view_set(row, "CODE", b->code);
        view_set(row, "NAME", b->name);
        view_set_int(row, "HOUSEHOLDS", b->households);
        view_set_int(row, "RESPONSES", b->responses);
        long long br = survey_per_mille(b->responses, b->households);
        set_figure(row, "RATE", br, survey_rate_text(a, br, b->households > 0));
    }
    if (!r->building_count)
        view_show(body, "NO_BUILDING");
}

/* One row of a distribution table and its bar. */
static void add_value_row(view *v, arena *a, long long value, const char *label, long long count,
                          long long whole, const char *tone, svg_bar *bar) {
    view *row = view_add(v, "VALUE_ROW");
    long long share = survey_per_mille(count, whole);
    view_set_int(row, "VALUE", value);
    view_set(row, "LABEL", label);
    view_set_int(row, "COUNT", count);
    set_figure(row, "SHARE", share, survey_rate_text(a, share, whole > 0));
    *bar = (svg_bar){arena_printf(a, "%lld", value), label, count,
                     arena_printf(a, "%lld（%s）", count, survey_rate_text(a, share, whole > 0)), tone};
}

static void fill_rating(view *q, arena *a, const survey_question_result *x) {
    view *v = view_add(q, "RATING");
    long long satisfied = x->counts[4] + x->counts[5];
    long long mean = survey_mean_hundredths(x->sum, x->answers),
              sat = survey_per_mille(satisfied, x->answers);
    view_set_int(v, "COUNT", x->answers);
    set_figure(v, "MEAN", mean, mean_text(a, mean, x->answers > 0));
    set_figure(v, "SATISFACTION", sat, survey_rate_text(a, sat, x->answers > 0));
    svg_bar bars[5];
    for (int s = 5; s >= 1; s--)
        add_value_row(v, a, s, arena_printf(a, "%d 分", s), x->counts[s], x->answers,
                      s >= 4   ? "good"
                      : s == 3 ? "fair"
                               : "poor",
                      &bars[5 - s]);
    svg_chart_bars(v, "CHART", arena_printf(a, "question-%lld", x->question->id), "各分值的答卷数", bars, 5,
                   1);
}

static void fill_nps(view *q, arena *a, const survey_question_result *x) {
    view *v = view_add(q, "NPS");
    survey_nps n = {x->answers, x->counts[9] + x->counts[10], x->counts[7] + x->counts[8], 0};
    n.detractors = x->answers - n.promoters - n.passives;
    view_set_int(v, "COUNT", x->answers);
    long long nps = survey_nps_value(&n);
    set_figure(v, "NPS", nps, x->answers ? signed_text(a, nps) : "—");
    long long parts[3] = {n.promoters, n.passives, n.detractors};
    const char *keys[3] = {"PROMOTERS", "PASSIVES", "DETRACTORS"};
    for (int i = 0; i < 3; i++) {
        char share[40];
        snprintf(share, sizeof share, "%s_SHARE", keys[i]);
        view_set_int(v, keys[i], parts[i]);
        long long pm = survey_per_mille(parts[i], x->answers);
        set_figure(v, share, pm, survey_rate_text(a, pm, x->answers > 0));
    }
    svg_bar bars[11];
    for (int s = 10; s >= 0; s--)
        add_value_row(v, a, s, arena_printf(a, "%d 分", s), x->counts[s], x->answers,
                      s >= 9   ? "good"
                      : s >= 7 ? "fair"
                               : "poor",
                      &bars[10 - s]);
    svg_chart_bars(v, "CHART", arena_printf(a, "question-%lld", x->question->id), "各分值的答卷数", bars, 11,
                   1);
}

static void fill_choices(view *q, arena *a, const survey_question_result *x) {
    view *v = view_add(q, "CHOICES");
    view_set_int(v, "RESPONDENTS", x->respondents);
    size_t n = x->question->choice_count;
    svg_bar *bars = arena_alloc(a, (n ? n : 1) * sizeof *bars);
    if (!bars)
        return;
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(v, "CHOICE_ROW");
        long long share = survey_per_mille(x->choice_counts[i], x->respondents);
        view_set_int(row, "NUMBER", (long long)i + 1);
        view_set(row, "TEXT", x->question->choices[i]);
        view_set_int(row, "COUNT", x->choice_counts[i]);
        set_figure(row, "SHARE", share, survey_rate_text(a, share, x->respondents > 0));
        bars[i] =
            (svg_bar){arena_printf(a, "%lld", (long long)i + 1), x->question->choices[i], x->choice_counts[i],
                      arena_printf(a, "%lld（%s）", x->choice_counts[i],
                                   survey_rate_text(a, share, x->respondents > 0)),
                      "plain"};
    }
    svg_chart_bars(v, "CHART", arena_printf(a, "question-%lld", x->question->id), "各选项的答卷数", bars, n,
                   1);
}

static void fill_questions(view *body, arena *a, const survey_results *r) {
    for (size_t i = 0; i < r->s.question_count; i++) {
        const survey_question_result *x = &r->questions[i];
        const survey_question *q = x->question;
        view *row = view_add(body, "QUESTION");
        view_set_int(row, "ID", q->id);
        view_set_int(row, "POSITION", q->position);
        view_set(row, "TEXT", q->text);
        view_set(row, "TYPE", q->type);
        view_set(row, "TYPE_NAME", survey_type_name(q->type));
        if (*q->area)
            view_set(view_add(row, "AREA"), "NAME", survey_area_name(q->area));
        if (*q->dimension)
            view_set(view_add(row, "DIMENSION"), "NAME", survey_dimension_name(q->dimension));
        view_set_int(row, "RESPONDENTS", x->respondents);
        if (!strcmp(q->type, "rating"))
            fill_rating(row, a, x);
        else if (!strcmp(q->type, "nps"))
            fill_nps(row, a, x);
        else if (!strcmp(q->type, "single") || !strcmp(q->type, "multiple"))
            fill_choices(row, a, x);
        else
            view_set_int(view_add(row, "TEXTS"), "COUNT", x->answers);
    }
}

/* The rows of a score table (areas or dimensions) with answers, and their chart. */
static void fill_scores(view *body, arena *a, const char *section, const survey_score *scores, size_t n,
                        const char *(*name_of)(const char *)) {
    svg_bar bars[SURVEY_AREA_COUNT];
    size_t shown = 0;
    for (size_t i = 0; i < n && shown < SURVEY_AREA_COUNT; i++) {
        const survey_score *s = &scores[i];
        if (!s->answers)
            continue;
        view *row = view_add(body, section);
        long long mean = survey_mean_hundredths(s->sum, s->answers);
        long long sat = survey_per_mille(s->satisfied, s->answers);
        view_set(row, "CODE", s->code);
        view_set(row, "NAME", name_of(s->code));
        view_set_int(row, "COUNT", s->answers);
        set_figure(row, "MEAN", mean, mean_text(a, mean, true));
        set_figure(row, "SATISFACTION", sat, survey_rate_text(a, sat, true));
        bars[shown++] = (svg_bar){s->code, name_of(s->code), sat, survey_rate_text(a, sat, true), "good"};
    }
    char name[64];
    snprintf(name, sizeof name, "%s_CHART", section);
    if (shown)
        svg_chart_bars(body, name, !strcmp(section, "AREA_ROW") ? "areas" : "dimensions", "满意率", bars,
                       shown, 1000);
    else {
        snprintf(name, sizeof name, "NO_%s", section);
        view_show(body, name);
    }
}

/* Sets KEY_CURRENT, KEY_PREVIOUS, KEY_DIFFERENCE of a comparison row. */
static void fill_compare_row(view *body, arena *a, const char *code, const char *name, long long now,
                             const char *now_text, long long before, const char *before_text, bool both,
                             bool points) {
    view *row = view_add(body, "COMPARE_ROW");
    view_set(row, "CODE", code);
    view_set(row, "NAME", name);
    set_figure(row, "CURRENT", now, now_text);
    set_figure(row, "PREVIOUS", before, before_text);
    long long d = now - before;
    set_figure(row, "DIFFERENCE", d,
               !both    ? "—"
               : points ? arena_printf(a, "%s 个百分点", points_text(a, d))
                        : signed_text(a, d));
    view_set(row, "CHANGE_CLASS", !both ? "same" : d > 0 ? "up" : d < 0 ? "down" : "same");
}

static void fill_compare(view *body, arena *a, const char *zone, const survey_results *now,
                         const survey_results *before) {
    if (!before) {
        view_show(body, "NO_PREVIOUS");
        return;
    }
    view *p = view_add(body, "PREVIOUS");
    view_set_int(p, "ID", before->s.id);
    view_set(p, "TITLE", before->s.title);
    view_set(p, "PERIOD",
             arena_printf(a, "%s 至 %s", clock_format(a, before->s.opens_at, zone, "%Y-%m-%d"),
                          clock_format(a, before->s.closes_at, zone, "%Y-%m-%d")));
    const survey_score *o = &now->overall, *po = &before->overall;
    long long sat = survey_per_mille(o->satisfied, o->answers),
              psat = survey_per_mille(po->satisfied, po->answers);
    fill_compare_row(p, a, "satisfaction", "总体满意率", sat, survey_rate_text(a, sat, o->answers > 0), psat,
                     survey_rate_text(a, psat, po->answers > 0), o->answers && po->answers, true);
    long long nps = survey_nps_value(&now->nps), pnps = survey_nps_value(&before->nps);
    fill_compare_row(p, a, "nps", "NPS 净推荐值", nps, now->nps.answers ? signed_text(a, nps) : "—", pnps,
                     before->nps.answers ? signed_text(a, pnps) : "—",
                     now->nps.answers && before->nps.answers, false);
    long long rr = survey_per_mille(now->responses, now->households);
    long long prr = survey_per_mille(before->responses, before->households);
    fill_compare_row(p, a, "response-rate", "回收率", rr, survey_rate_text(a, rr, now->households > 0), prr,
                     survey_rate_text(a, prr, before->households > 0), now->households && before->households,
                     true);
}

void survey_results_fill(view *body, arena *a, const char *zone, const survey_results *r,
                         const survey_results *previous) {
    fill_header(body, a, zone, r);
    fill_rate(body, a, r);
    fill_questions(body, a, r);
    if (!r->s.question_count)
        view_show(body, "NO_QUESTION");
    fill_scores(body, a, "AREA_ROW", r->areas, SURVEY_AREA_COUNT, survey_area_name);
    fill_scores(body, a, "DIMENSION_ROW", r->dimensions, SURVEY_DIMENSION_COUNT, survey_dimension_name);
    const survey_score *o = &r->overall;
    long long sat = survey_per_mille(o->satisfied, o->answers);
    long long mean = survey_mean_hundredths(o->sum, o->answers);
    view_set_int(body, "OVERALL_COUNT", o->answers);
    set_figure(body, "OVERALL_SATISFACTION", sat, survey_rate_text(a, sat, o->answers > 0));
    set_figure(body, "OVERALL_MEAN", mean, mean_text(a, mean, o->answers > 0));
    bool met = o->answers > 0 && sat >= r->s.target_pct * 10LL;
    view_set(body, "TARGET_MET", met ? "1" : "0");
    view_set(body, "TARGET_WORDS", !o->answers ? "暂无评分" : met ? "已达标" : "未达标");
    long long nps = survey_nps_value(&r->nps);
    view_set_int(body, "NPS_COUNT", r->nps.answers);
    set_figure(body, "NPS", nps, r->nps.answers ? signed_text(a, nps) : "—");
    fill_compare(body, a, zone, r, previous);
}

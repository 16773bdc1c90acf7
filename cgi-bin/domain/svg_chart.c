/* svg_chart.c: the geometry of horizontal bar charts (see svg_chart.h). */
#include "svg_chart.h"

#include <stdio.h>
#include <string.h>

/* In SVG user units; the chart scales to the width of its box. */
#define CHART_WIDTH 480
#define LABEL_RIGHT 92 /* labels end here, right-aligned */
#define BAR_LEFT 100
#define BAR_SPAN 280
#define ROW 26
#define BAR_HEIGHT 16
#define TOP 4
#define LABEL_CHARS 6
#define LABEL_BYTES (LABEL_CHARS * 4 + 4)

/* Colours as presentation attributes; wuye.css may refine them through the classes. */
static const char *fill_of(const char *tone) {
    if (tone && !strcmp(tone, "good"))
        return "#0b6e4f";
    if (tone && !strcmp(tone, "fair"))
        return "#d08c00";
    if (tone && !strcmp(tone, "poor"))
        return "#c0392b";
    return "#3c6e91";
}

/* label cut to LABEL_CHARS characters with "…", into out (the table keeps the whole). */
static void short_label(const char *label, char out[LABEL_BYTES]) {
    size_t i = 0, chars = 0;
    for (; label[i]; i++)
        if (((unsigned char)label[i] & 0xC0) != 0x80 && ++chars > LABEL_CHARS)
            break;
    if (!label[i]) {
        snprintf(out, LABEL_BYTES, "%s", label);
        return;
    }
    snprintf(out, LABEL_BYTES, "%.*s…", (int)i, label);
}

void svg_chart_bars(view *parent, const char *name, const char *chart_id, const char *label,
                    const svg_bar *bars, size_t count, long long max) {
    view *chart = view_include(parent, name, "office/svg-bars.tpl");
    if (!chart)
        return;
    for (size_t i = 0; i < count; i++)
        if (bars[i].value > max)
            max = bars[i].value;
    view_set(chart, "CHART_ID", chart_id);
    view_set(chart, "CHART_LABEL", label);
    view_set_int(chart, "CHART_WIDTH", CHART_WIDTH);
    view_set_int(chart, "CHART_HEIGHT", TOP * 2 + ROW * (long long)count);
    for (size_t i = 0; i < count; i++) {
        const svg_bar *b = &bars[i];
        long long width = max > 0 && b->value > 0 ? b->value * BAR_SPAN / max : 0;
        if (b->value > 0 && width < 2)
            width = 2;
        long long y = TOP + (long long)i * ROW;
        view *bar = view_add(chart, "BAR");
        view_set(bar, "CODE", b->code);
        char short_text[LABEL_BYTES];
        short_label(b->label ? b->label : "", short_text);
        view_set(bar, "LABEL", short_text);
        view_set(bar, "TEXT", b->text);
        view_set(bar, "TONE", b->tone ? b->tone : "plain");
        view_set(bar, "FILL", fill_of(b->tone));
        view_set_int(bar, "LABEL_X", LABEL_RIGHT);
        view_set_int(bar, "BAR_X", BAR_LEFT);
        view_set_int(bar, "SPAN", BAR_SPAN);
        view_set_int(bar, "Y", y + (ROW - BAR_HEIGHT) / 2);
        view_set_int(bar, "HEIGHT", BAR_HEIGHT);
        view_set_int(bar, "TEXT_Y", y + ROW / 2 + 5);
        view_set_int(bar, "WIDTH", width);
        view_set_int(bar, "VALUE", b->value);
        view_set_int(bar, "TEXT_X", BAR_LEFT + width + 6);
    }
}

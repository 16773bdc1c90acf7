/* svg_chart.h: horizontal bar charts drawn as inline SVG by a template
 * (templates/office/svg-bars.tpl): the geometry is computed here and set as numbers in
 * presentation attributes (x, y, width, fill), since the CSP refuses style attributes.
 * The chart only illustrates: the table next to it holds the figures. */
#ifndef WUYE_SVG_CHART_H
#define WUYE_SVG_CHART_H
#include <stddef.h>

#include "../core/view.h"

typedef struct svg_bar {
    const char *code;  /* data-bar of the bar's group */
    const char *label; /* left of the bar */
    long long value;   /* its length, relative to the chart's max */
    const char *text;  /* right of the bar, e.g. "12（30.0%）" */
    const char *tone;  /* good, fair, poor or plain: its colour */
} svg_bar;

/* Includes the chart template as {{>NAME}} of parent, with the bars scaled so that max
 * (at least the largest value) fills the span; chart_id becomes data-chart and label the
 * accessible name. */
void svg_chart_bars(view *parent, const char *name, const char *chart_id, const char *label,
                    const svg_bar *bars, size_t count, long long max);

#endif

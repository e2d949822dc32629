#ifndef AUDIT_CHART_H
#define AUDIT_CHART_H

/*
 * consent-audit: inline SVG charts for the HTML report, drawn here (no
 * script, no external asset).  Every text is HTML-escaped.
 */

#include <stdint.h>
#include <stdio.h>


#define CONSENT_CHART_SERIES_MAX  16

typedef struct {
    const char              *name;
    const char              *color;
    const double            *values;     /* one per x label */
} consent_chart_series_t;

typedef struct {
    const char              *title;      /* the SVG's accessible name */
    const char              *unit;       /* "" or "%" */
    const char *const       *labels;     /* x axis: one per point */
    size_t                   npoints;
    consent_chart_series_t   series[CONSENT_CHART_SERIES_MAX];
    size_t                   nseries;
    double                   max;        /* 0: from the data */
} consent_chart_t;


/* Stacked bars: one bar per label, the series stacked. */
void consent_chart_bars(FILE *out, const consent_chart_t *chart);

/* Lines: one per series, gaps where a value is negative (no data). */
void consent_chart_lines(FILE *out, const consent_chart_t *chart);

/* One horizontal bar of shares (values[0] of each series), with legend. */
void consent_chart_shares(FILE *out, const consent_chart_t *chart);

/* The legend of a chart's series. */
void consent_chart_legend(FILE *out, const consent_chart_t *chart);

/* s, escaped for HTML text and attribute values. */
void consent_chart_escape(FILE *out, const char *s);

/* The n-th color of the report's palette. */
const char *consent_chart_color(size_t n);

#endif /* AUDIT_CHART_H */

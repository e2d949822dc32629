/*
 * consent-audit: inline SVG charts (see audit_chart.h).  Coordinates are
 * in a fixed viewBox; the SVG scales with the page.
 */

#include <math.h>
#include <string.h>

#include "audit_chart.h"


#define CONSENT_CHART_W      900.0
#define CONSENT_CHART_H      280.0
#define CONSENT_CHART_LEFT   56.0
#define CONSENT_CHART_RIGHT  16.0
#define CONSENT_CHART_TOP    16.0
#define CONSENT_CHART_BOTTOM 40.0
#define CONSENT_CHART_TICKS  4


static void consent_chart_open(FILE *out, const consent_chart_t *chart,
    double max);
static void consent_chart_x_labels(FILE *out, const consent_chart_t *chart,
    double step, double offset);
static double consent_chart_nice(double max);


static const char  *consent_chart_palette[] = {
    "#2f6fb5", "#c0392b", "#e39b1b", "#7d8a99", "#27966b", "#8e44ad",
    "#16a2b8", "#b0578d", "#5b8c2a", "#a0522d"
};


void
consent_chart_bars(FILE *out, const consent_chart_t *chart)
{
    size_t  i, s;
    double  max, total, step, width, x, y, h, plot_h;

    max = chart->max;

    for (i = 0; max == 0 && i < chart->npoints; i++) {
        total = 0;
        for (s = 0; s < chart->nseries; s++) {
            total += chart->series[s].values[i];
        }

        if (total > max) {
            max = total;
        }
    }

    max = consent_chart_nice(max);
    consent_chart_open(out, chart, max);

    plot_h = CONSENT_CHART_H - CONSENT_CHART_TOP - CONSENT_CHART_BOTTOM;
    step = (CONSENT_CHART_W - CONSENT_CHART_LEFT - CONSENT_CHART_RIGHT)
           / (double) (chart->npoints ? chart->npoints : 1);
    width = step > 3 ? step * 0.8 : step;

    for (i = 0; i < chart->npoints; i++) {
        x = CONSENT_CHART_LEFT + step * (double) i + (step - width) / 2;
        y = CONSENT_CHART_H - CONSENT_CHART_BOTTOM;

        for (s = 0; s < chart->nseries; s++) {
            h = chart->series[s].values[i] / max * plot_h;
            if (h <= 0) {
                continue;
            }

            y -= h;
            fprintf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                    "height=\"%.2f\" fill=\"%s\"><title>", x, y, width, h,
                    chart->series[s].color);
            consent_chart_escape(out, chart->labels[i]);
            fprintf(out, " ");
            consent_chart_escape(out, chart->series[s].name);
            fprintf(out, ": %.0f</title></rect>\n",
                    chart->series[s].values[i]);
        }
    }

    consent_chart_x_labels(out, chart, step, step / 2);
    fprintf(out, "</svg>\n");
}


void
consent_chart_lines(FILE *out, const consent_chart_t *chart)
{
    int     open;
    size_t  i, s;
    double  max, step, x, y, v, plot_h;

    max = chart->max;

    for (s = 0; max == 0 && s < chart->nseries; s++) {
        for (i = 0; i < chart->npoints; i++) {
            if (chart->series[s].values[i] > max) {
                max = chart->series[s].values[i];
            }
        }
    }

    max = consent_chart_nice(max);
    consent_chart_open(out, chart, max);

    plot_h = CONSENT_CHART_H - CONSENT_CHART_TOP - CONSENT_CHART_BOTTOM;
    step = chart->npoints > 1
           ? (CONSENT_CHART_W - CONSENT_CHART_LEFT - CONSENT_CHART_RIGHT)
             / (double) (chart->npoints - 1)
           : 0;

    for (s = 0; s < chart->nseries; s++) {
        open = 0;

        for (i = 0; i < chart->npoints; i++) {
            v = chart->series[s].values[i];

            if (v < 0) {
                if (open) {
                    fprintf(out, "\"/>\n");
                    open = 0;
                }

                continue;
            }

            x = CONSENT_CHART_LEFT + step * (double) i
                + (chart->npoints == 1
                   ? (CONSENT_CHART_W - CONSENT_CHART_LEFT
                      - CONSENT_CHART_RIGHT) / 2 : 0);
            y = CONSENT_CHART_H - CONSENT_CHART_BOTTOM - v / max * plot_h;

            if (!open) {
                fprintf(out, "<polyline class=\"line\" fill=\"none\" "
                        "stroke=\"%s\" stroke-width=\"2\" points=\"",
                        chart->series[s].color);
                open = 1;
            }

            fprintf(out, "%.2f,%.2f ", x, y);
        }

        if (open) {
            fprintf(out, "\"/>\n");
        }

        /* the points, with their values on hover */
        for (i = 0; i < chart->npoints && chart->npoints <= 120; i++) {
            v = chart->series[s].values[i];
            if (v < 0) {
                continue;
            }

            x = CONSENT_CHART_LEFT + step * (double) i
                + (chart->npoints == 1
                   ? (CONSENT_CHART_W - CONSENT_CHART_LEFT
                      - CONSENT_CHART_RIGHT) / 2 : 0);
            y = CONSENT_CHART_H - CONSENT_CHART_BOTTOM - v / max * plot_h;

            fprintf(out, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3\" "
                    "fill=\"%s\"><title>", x, y, chart->series[s].color);
            consent_chart_escape(out, chart->labels[i]);
            fprintf(out, " ");
            consent_chart_escape(out, chart->series[s].name);
            fprintf(out, ": %.1f%s</title></circle>\n", v, chart->unit);
        }
    }

    consent_chart_x_labels(out, chart, step,
                           chart->npoints == 1
                           ? (CONSENT_CHART_W - CONSENT_CHART_LEFT
                              - CONSENT_CHART_RIGHT) / 2 : 0);
    fprintf(out, "</svg>\n");
}


void
consent_chart_shares(FILE *out, const consent_chart_t *chart)
{
    size_t  s;
    double  total, x, w;

    total = 0;
    for (s = 0; s < chart->nseries; s++) {
        total += chart->series[s].values[0];
    }

    fprintf(out, "<svg class=\"chart shares\" viewBox=\"0 0 %.0f 40\" "
            "role=\"img\" aria-label=\"", CONSENT_CHART_W);
    consent_chart_escape(out, chart->title);
    fprintf(out, "\">\n");

    x = 0;

    for (s = 0; s < chart->nseries && total > 0; s++) {
        w = chart->series[s].values[0] / total * CONSENT_CHART_W;
        if (w <= 0) {
            continue;
        }

        fprintf(out, "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"40\" "
                "fill=\"%s\"><title>", x, w, chart->series[s].color);
        consent_chart_escape(out, chart->series[s].name);
        fprintf(out, ": %.1f%%</title></rect>\n",
                100.0 * chart->series[s].values[0] / total);

        if (w > 60) {
            fprintf(out, "<text x=\"%.2f\" y=\"25\" class=\"in\">%.1f%%"
                    "</text>\n", x + 8, 100.0 * chart->series[s].values[0]
                                        / total);
        }

        x += w;
    }

    fprintf(out, "</svg>\n");
}


void
consent_chart_legend(FILE *out, const consent_chart_t *chart)
{
    size_t  s;

    fprintf(out, "<ul class=\"legend\">");

    for (s = 0; s < chart->nseries; s++) {
        fprintf(out, "<li><span class=\"swatch\" style=\"background:%s\">"
                "</span>", chart->series[s].color);
        consent_chart_escape(out, chart->series[s].name);
        fprintf(out, "</li>");
    }

    fprintf(out, "</ul>\n");
}


void
consent_chart_escape(FILE *out, const char *s)
{
    for ( /* void */ ; *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            putc(*s, out);
        }
    }
}


const char *
consent_chart_color(size_t n)
{
    return consent_chart_palette[n % (sizeof(consent_chart_palette)
                                      / sizeof(consent_chart_palette[0]))];
}


/* The SVG element, the grid and the y axis. */
static void
consent_chart_open(FILE *out, const consent_chart_t *chart, double max)
{
    int     t;
    double  y, plot_h;

    plot_h = CONSENT_CHART_H - CONSENT_CHART_TOP - CONSENT_CHART_BOTTOM;

    fprintf(out, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" "
            "role=\"img\" aria-label=\"", CONSENT_CHART_W, CONSENT_CHART_H);
    consent_chart_escape(out, chart->title);
    fprintf(out, "\">\n");

    for (t = 0; t <= CONSENT_CHART_TICKS; t++) {
        y = CONSENT_CHART_H - CONSENT_CHART_BOTTOM
            - plot_h * t / CONSENT_CHART_TICKS;

        fprintf(out, "<line class=\"grid\" x1=\"%.0f\" x2=\"%.0f\" "
                "y1=\"%.2f\" y2=\"%.2f\"/>\n<text class=\"y\" x=\"%.0f\" "
                "y=\"%.2f\">%g%s</text>\n", CONSENT_CHART_LEFT,
                CONSENT_CHART_W - CONSENT_CHART_RIGHT, y, y,
                CONSENT_CHART_LEFT - 6, y + 4,
                max * t / CONSENT_CHART_TICKS, chart->unit);
    }
}


/* At most about ten x labels, evenly spaced, the last always shown. */
static void
consent_chart_x_labels(FILE *out, const consent_chart_t *chart, double step,
    double offset)
{
    size_t  i, every;

    every = chart->npoints / 10 + 1;

    for (i = 0; i < chart->npoints; i++) {
        if (i % every != 0 && i != chart->npoints - 1) {
            continue;
        }

        if (i != chart->npoints - 1 && chart->npoints - 1 - i < every / 2 + 1
            && i != 0)
        {
            continue;
        }

        /* the last label ends at the plot's edge, not beyond */
        fprintf(out, "<text class=\"x%s\" x=\"%.2f\" y=\"%.0f\">",
                i == chart->npoints - 1 && i ? " last" : "",
                i == chart->npoints - 1 && i
                ? CONSENT_CHART_W - CONSENT_CHART_RIGHT
                : CONSENT_CHART_LEFT + offset + step * (double) i,
                CONSENT_CHART_H - CONSENT_CHART_BOTTOM + 18);
        consent_chart_escape(out, chart->labels[i]);
        fprintf(out, "</text>\n");
    }
}


/* A round axis maximum at or above max: 1, 2 or 5 times a power of 10. */
static double
consent_chart_nice(double max)
{
    double  p;

    if (max <= 0) {
        return 1;
    }

    p = pow(10, floor(log10(max)));

    if (max <= p) {
        return p;
    }

    if (max <= 2 * p) {
        return 2 * p;
    }

    if (max <= 5 * p) {
        return 5 * p;
    }

    return 10 * p;
}

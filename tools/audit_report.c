/*
 * consent-audit report: the summary on the terminal and, with --html, one
 * self-contained HTML page (inline CSS and SVG, no script, no external
 * asset): decisions per day, opt-in rate per category over time, the share
 * of each choice and of GPC, tables by language, region and policy
 * revision, and whether the chain verified.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit_chart.h"
#include "audit_summary.h"


#define CONSENT_REPORT_FINDINGS_MAX  4096   /* bytes of findings shown */

typedef struct {
    int                      verified;     /* -1: no key given */
    char                    *text;         /* verify's output */
    size_t                   len;
} consent_tool_chain_t;


static const char  *consent_tool_action_titles[] = {
    "accept all", "reject all", "custom (save)", "withdraw", "GPC",
    "per service", "allow (single services)", NULL
};


static int consent_tool_report_chain(consent_tool_keys_t *keys, char **logs,
    int nlogs, consent_tool_chain_t *chain, consent_tool_summary_t *s);
static int consent_tool_report_html(const char *path,
    const consent_tool_summary_t *s, const consent_tool_chain_t *chain,
    char **logs, int nlogs);
static void consent_tool_report_days(FILE *out,
    const consent_tool_summary_t *s);
static void consent_tool_report_optin(FILE *out,
    const consent_tool_summary_t *s);
static void consent_tool_report_shares(FILE *out,
    const consent_tool_summary_t *s);
static void consent_tool_report_table(FILE *out,
    const consent_tool_summary_t *s, const consent_tool_groups_t *groups,
    const char *title);
static int consent_tool_report_optional(const consent_tool_summary_t *s,
    size_t c);


int
consent_tool_report(int argc, char **argv)
{
    int                      i, nlogs, rc;
    char                   **logs;
    const char              *html;
    consent_tool_keys_t     *keys;
    consent_tool_chain_t     chain;
    consent_tool_summary_t  *s;

    html = NULL;
    memset(&chain, 0, sizeof(chain));
    chain.verified = -1;

    logs = calloc(argc + 1, sizeof(char *));
    keys = calloc(1, sizeof(consent_tool_keys_t));
    s = calloc(1, sizeof(consent_tool_summary_t));

    rc = CONSENT_EXIT_USAGE;
    nlogs = 0;

    if (logs == NULL || keys == NULL || s == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        goto done;
    }

    for (i = 0; i < argc; i++) {
        switch (consent_tool_key_option(keys, argc, argv, &i)) {
        case -1:
            goto done;
        case 1:
            continue;
        }

        switch (consent_tool_summary_option(s, argc, argv, &i)) {
        case -1:
            goto done;
        case 1:
            continue;
        }

        if (i + 1 < argc && strcmp(argv[i], "--html") == 0) {
            html = argv[++i];
            continue;
        }

        if (argv[i][0] == '-') {
            fprintf(stderr, "consent-audit: report: unexpected \"%s\"\n",
                    argv[i]);
            consent_tool_usage(stderr);
            goto done;
        }

        logs[nlogs++] = argv[i];
    }

    if (nlogs == 0) {
        fprintf(stderr, "consent-audit: report needs at least one LOG\n");
        consent_tool_usage(stderr);
        goto done;
    }

    /* with keys, one pass verifies and counts */
    if (keys->nkeys) {
        if (consent_tool_report_chain(keys, logs, nlogs, &chain, s) != 0) {
            goto done;
        }

    } else if (consent_tool_each_line(logs, nlogs, NULL,
                                      consent_tool_summary_line, s)
               != 0)
    {
        goto done;
    }

    consent_tool_summary_finish(s);
    consent_tool_stats_print(s, NULL);

    printf("\nchain        %s", chain.verified < 0
           ? "not verified (give --key or --secret)\n"
           : chain.text);

    if (html) {
        if (consent_tool_report_html(html, s, &chain, logs, nlogs) != 0) {
            goto done;
        }

        printf("report       %s\n", html);
    }

    rc = chain.verified == 0 ? CONSENT_EXIT_FAILED : CONSENT_EXIT_OK;

done:

    consent_tool_keys_free(keys);

    if (s) {
        consent_tool_summary_free(s);
    }

    free(s);
    free(chain.text);
    free(logs);

    return rc;
}


/* Verify and count, keeping what verify says for the page. */
static int
consent_tool_report_chain(consent_tool_keys_t *keys, char **logs, int nlogs,
    consent_tool_chain_t *chain, consent_tool_summary_t *s)
{
    int    rc;
    FILE  *out;

    out = open_memstream(&chain->text, &chain->len);
    if (out == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return -1;
    }

    rc = consent_tool_verify_logs(keys, logs, nlogs, NULL, out,
                                  consent_tool_summary_record, s);

    if (fclose(out) != 0 || chain->text == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return -1;
    }

    if (rc == CONSENT_EXIT_USAGE) {
        return -1;
    }

    chain->verified = (rc == CONSENT_EXIT_OK);

    return 0;
}


static int
consent_tool_report_html(const char *path, const consent_tool_summary_t *s,
    const consent_tool_chain_t *chain, char **logs, int nlogs)
{
    int                          i;
    FILE                        *out;
    char                         now[32];
    time_t                       t;
    struct tm                    tm;
    const consent_tool_group_t  *all;

    out = fopen(path, "w");
    if (out == NULL) {
        fprintf(stderr, "consent-audit: cannot create \"%s\": %s\n", path,
                strerror(errno));
        return -1;
    }

    all = &s->all;

    t = time(NULL);
    gmtime_r(&t, &tm);
    strftime(now, sizeof(now), "%Y-%m-%d %H:%M UTC", &tm);

    fprintf(out,
"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
"<title>Consent report</title>\n<style>\n"
"body{font:15px/1.45 system-ui,sans-serif;color:#1d2733;margin:0 auto;"
"max-width:1000px;padding:24px}\n"
"h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px}\n"
".meta{color:#5b6875;margin:0 0 16px}\n"
".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));"
"gap:12px}\n.card{border:1px solid #d9dee4;border-radius:8px;padding:12px}\n"
".card b{display:block;font-size:24px}.card span{color:#5b6875}\n"
".ok{background:#e8f6ee;border-color:#27966b}"
".failed{background:#fbeaea;border-color:#c0392b}"
".unknown{background:#f4f5f7}\n"
".chain{border:1px solid;border-radius:8px;padding:12px;margin:16px 0}\n"
".chain pre{white-space:pre-wrap;margin:8px 0 0;font-size:13px}\n"
"svg.chart{width:100%%;height:auto;display:block}\n"
"svg .grid{stroke:#e3e7eb}svg text{font-size:12px;fill:#5b6875}\n"
"svg text.y{text-anchor:end}svg text.x{text-anchor:middle}"
"svg text.x.last{text-anchor:end}\n"
"svg text.in{fill:#fff;font-weight:600}\n"
".legend{list-style:none;padding:0;margin:8px 0;display:flex;"
"flex-wrap:wrap;gap:6px 18px}\n.swatch{display:inline-block;width:12px;"
"height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}\n"
"table{border-collapse:collapse;width:100%%;font-size:14px}\n"
"th,td{border-bottom:1px solid #e3e7eb;padding:5px 8px;text-align:right}\n"
"th:first-child,td:first-child{text-align:left}\n"
"footer{margin-top:32px;color:#5b6875;font-size:13px}\n"
"</style>\n</head>\n<body>\n<h1>Consent report</h1>\n<p class=\"meta\">");

    if (all->decisions) {
        fprintf(out, "%.10s to %.10s &middot; ", s->first_ts, s->last_ts);
    }

    fprintf(out, "generated %s from ", now);

    for (i = 0; i < nlogs; i++) {
        fprintf(out, "%s<code>", i ? ", " : "");
        consent_chart_escape(out, logs[i]);
        fprintf(out, "</code>");
    }

    fprintf(out, "</p>\n<div class=\"chain %s\" id=\"chain\"><b>",
            chain->verified < 0 ? "unknown"
                                : chain->verified ? "ok" : "failed");

    if (chain->verified < 0) {
        fprintf(out, "Chain not verified</b>: run the report with "
                "<code>--key</code> (or <code>--secret</code>) to check "
                "every record's MAC and link.</div>\n");

    } else {
        fprintf(out, "%s</b><pre>", chain->verified
                ? "Chain verified: no record was edited, removed, moved or "
                  "added"
                : "Chain verification FAILED");

        if (chain->len > CONSENT_REPORT_FINDINGS_MAX) {
            /* the findings' end: the summary line is last */
            consent_chart_escape(out, chain->text + chain->len
                                      - CONSENT_REPORT_FINDINGS_MAX);

        } else {
            consent_chart_escape(out, chain->text);
        }

        fprintf(out, "</pre></div>\n");
    }

    fprintf(out, "<div class=\"cards\">\n"
            "<div class=\"card\"><b>%llu</b><span>decisions</span></div>\n"
            "<div class=\"card\"><b>%llu</b><span>consent ids "
            "(estimate)</span></div>\n"
            "<div class=\"card\"><b>%.1f%%</b><span>accept all</span></div>\n"
            "<div class=\"card\"><b>%.1f%%</b><span>reject all</span></div>\n"
            "<div class=\"card\"><b>%.1f%%</b><span>custom</span></div>\n"
            "<div class=\"card\"><b>%.1f%%</b><span>with GPC</span></div>\n"
            "</div>\n",
            (unsigned long long) all->decisions,
            (unsigned long long) consent_tool_summary_ids(s),
            consent_tool_percent(all->actions[CONSENT_TOOL_ACCEPT_ALL],
                                 all->decisions),
            consent_tool_percent(all->actions[CONSENT_TOOL_REJECT_ALL],
                                 all->decisions),
            consent_tool_percent(all->actions[CONSENT_TOOL_SAVE],
                                 all->decisions),
            consent_tool_percent(all->gpc, all->decisions));

    if (s->rotations) {
        fprintf(out, "<p class=\"meta\">%llu key rotation%s, each linked by "
                "a rotate record.</p>\n", (unsigned long long) s->rotations,
                s->rotations == 1 ? "" : "s");
    }

    if (s->checkpoints) {
        fprintf(out, "<p class=\"meta\">%llu older record%s purged "
                "(retention); the checkpoint keeps their counts.</p>\n",
                (unsigned long long) s->purged, s->purged == 1 ? "" : "s");
    }

    if (all->decisions) {
        consent_tool_report_days(out, s);
        consent_tool_report_optin(out, s);
        consent_tool_report_shares(out, s);
        consent_tool_report_table(out, s, &s->langs, "By language");
        consent_tool_report_table(out, s, &s->regions, "By region");
        consent_tool_report_table(out, s, &s->revisions,
                                  "By policy revision");

    } else {
        fprintf(out, "<p>No decisions in these logs.</p>\n");
    }

    fprintf(out, "<footer>Made by consent-audit from the ngx_consent audit "
            "log. Percentages are of decisions; a category's opt-in rate "
            "is the share of the decisions offering it that granted it.  "
            "The unique consent ids are a HyperLogLog estimate (about 1%% "
            "error).</footer>\n</body>\n</html>\n");

    if (ferror(out) | (fclose(out) != 0)) {
        fprintf(stderr, "consent-audit: cannot write \"%s\": %s\n", path,
                strerror(errno));
        return -1;
    }

    return 0;
}


/* Decisions per day, stacked by action. */
static void
consent_tool_report_days(FILE *out, const consent_tool_summary_t *s)
{
    size_t            a, d, n;
    double           *values;
    const char      **labels;
    consent_chart_t   chart;

    n = s->days.ngroups;

    values = calloc(n * CONSENT_TOOL_ACTIONS, sizeof(double));
    labels = calloc(n, sizeof(char *));

    if (values == NULL || labels == NULL) {
        free(values);
        free(labels);
        fprintf(out, "<p>Out of memory for this chart.</p>\n");
        return;
    }

    memset(&chart, 0, sizeof(chart));
    chart.title = "Decisions per day";
    chart.unit = "";
    chart.labels = labels;
    chart.npoints = n;

    for (d = 0; d < n; d++) {
        labels[d] = s->days.groups[d].name;
    }

    for (a = 0; a < CONSENT_TOOL_ACTIONS; a++) {
        if (s->all.actions[a] == 0) {
            continue;
        }

        for (d = 0; d < n; d++) {
            values[a * n + d] = (double) s->days.groups[d].actions[a];
        }

        chart.series[chart.nseries].name = consent_tool_action_titles[a];
        chart.series[chart.nseries].color = consent_chart_color(a);
        chart.series[chart.nseries].values = &values[a * n];
        chart.nseries++;
    }

    fprintf(out, "<h2>Decisions per day</h2>\n");
    consent_chart_legend(out, &chart);
    fprintf(out, "<div id=\"chart-days\">\n");
    consent_chart_bars(out, &chart);
    fprintf(out, "</div>\n");

    free(values);
    free(labels);
}


/* Opt-in rate of each optional category, per day. */
static void
consent_tool_report_optin(FILE *out, const consent_tool_summary_t *s)
{
    size_t                       c, d, n;
    double                      *values;
    const char                 **labels;
    consent_chart_t              chart;
    const consent_tool_group_t  *g;

    n = s->days.ngroups;

    values = calloc(n * CONSENT_TOOL_CATEGORIES, sizeof(double));
    labels = calloc(n, sizeof(char *));

    if (values == NULL || labels == NULL) {
        free(values);
        free(labels);
        fprintf(out, "<p>Out of memory for this chart.</p>\n");
        return;
    }

    memset(&chart, 0, sizeof(chart));
    chart.title = "Opt-in rate per category";
    chart.unit = "%";
    chart.labels = labels;
    chart.npoints = n;
    chart.max = 100;

    for (d = 0; d < n; d++) {
        labels[d] = s->days.groups[d].name;
    }

    for (c = 0; c < s->ncategories
                && chart.nseries < CONSENT_CHART_SERIES_MAX; c++)
    {
        if (!consent_tool_report_optional(s, c)) {
            continue;
        }

        for (d = 0; d < n; d++) {
            g = &s->days.groups[d];
            values[c * n + d] = g->offered[c] ? consent_tool_optin(g, c)
                                              : -1;
        }

        chart.series[chart.nseries].name = s->categories[c];
        chart.series[chart.nseries].color =
            consent_chart_color(chart.nseries + 6);
        chart.series[chart.nseries].values = &values[c * n];
        chart.nseries++;
    }

    fprintf(out, "<h2>Opt-in rate per category</h2>\n");
    consent_chart_legend(out, &chart);
    fprintf(out, "<div id=\"chart-optin\">\n");
    consent_chart_lines(out, &chart);
    fprintf(out, "</div>\n<table><tr><th>category</th><th>granted</th>"
            "<th>denied</th><th>opt-in rate</th></tr>\n");

    for (c = 0; c < s->ncategories; c++) {
        fprintf(out, "<tr><td>");
        consent_chart_escape(out, s->categories[c]);
        fprintf(out, "%s</td><td>%llu</td><td>%llu</td><td>%.1f%%</td>"
                "</tr>\n",
                consent_tool_report_optional(s, c) ? "" : " (required)",
                (unsigned long long) s->all.granted[c],
                (unsigned long long) (s->all.offered[c]
                                      - s->all.granted[c]),
                consent_tool_optin(&s->all, c));
    }

    fprintf(out, "</table>\n");

    free(values);
    free(labels);
}


/* What visitors chose, and how many sent GPC. */
static void
consent_tool_report_shares(FILE *out, const consent_tool_summary_t *s)
{
    size_t           a;
    double           values[CONSENT_TOOL_ACTIONS], gpc[2];
    consent_chart_t  chart;

    memset(&chart, 0, sizeof(chart));
    chart.title = "Share of each choice";

    for (a = 0; a < CONSENT_TOOL_ACTIONS; a++) {
        if (s->all.actions[a] == 0) {
            continue;
        }

        values[a] = (double) s->all.actions[a];
        chart.series[chart.nseries].name = consent_tool_action_titles[a];
        chart.series[chart.nseries].color = consent_chart_color(a);
        chart.series[chart.nseries].values = &values[a];
        chart.nseries++;
    }

    fprintf(out, "<h2>Share of each choice</h2>\n");
    consent_chart_legend(out, &chart);
    fprintf(out, "<div id=\"chart-shares\">\n");
    consent_chart_shares(out, &chart);
    fprintf(out, "</div>\n");

    memset(&chart, 0, sizeof(chart));
    chart.title = "Global Privacy Control";
    gpc[0] = (double) s->all.gpc;
    gpc[1] = (double) (s->all.decisions - s->all.gpc);
    chart.series[0].name = "with GPC (Sec-GPC: 1)";
    chart.series[0].color = consent_chart_color(4);
    chart.series[0].values = &gpc[0];
    chart.series[1].name = "without";
    chart.series[1].color = consent_chart_color(3);
    chart.series[1].values = &gpc[1];
    chart.nseries = 2;

    fprintf(out, "<h2>Global Privacy Control</h2>\n");
    consent_chart_legend(out, &chart);
    fprintf(out, "<div id=\"chart-gpc\">\n");
    consent_chart_shares(out, &chart);
    fprintf(out, "</div>\n");
}


static void
consent_tool_report_table(FILE *out, const consent_tool_summary_t *s,
    const consent_tool_groups_t *groups, const char *title)
{
    size_t                       i, c;
    const consent_tool_group_t  *g;

    fprintf(out, "<h2>");
    consent_chart_escape(out, title);
    fprintf(out, "</h2>\n<table><tr><th></th><th>decisions</th>"
            "<th>accept all</th><th>reject all</th><th>custom</th>"
            "<th>GPC</th>");

    for (c = 0; c < s->ncategories; c++) {
        if (consent_tool_report_optional(s, c)) {
            fprintf(out, "<th>");
            consent_chart_escape(out, s->categories[c]);
            fprintf(out, "</th>");
        }
    }

    fprintf(out, "</tr>\n");

    for (i = 0; i < groups->ngroups; i++) {
        g = &groups->groups[i];

        fprintf(out, "<tr><td>");
        consent_chart_escape(out, g->name);
        fprintf(out, "</td><td>%llu</td><td>%.1f%%</td><td>%.1f%%</td>"
                "<td>%.1f%%</td><td>%.1f%%</td>",
                (unsigned long long) g->decisions,
                consent_tool_percent(g->actions[CONSENT_TOOL_ACCEPT_ALL],
                                     g->decisions),
                consent_tool_percent(g->actions[CONSENT_TOOL_REJECT_ALL],
                                     g->decisions),
                consent_tool_percent(g->actions[CONSENT_TOOL_SAVE],
                                     g->decisions),
                consent_tool_percent(g->gpc, g->decisions));

        for (c = 0; c < s->ncategories; c++) {
            if (consent_tool_report_optional(s, c)) {
                fprintf(out, "<td>%.1f%%</td>", consent_tool_optin(g, c));
            }
        }

        fprintf(out, "</tr>\n");
    }

    fprintf(out, "</table>\n");
}


/* A category some decision denied: not a required one. */
static int
consent_tool_report_optional(const consent_tool_summary_t *s, size_t c)
{
    return s->all.granted[c] != s->all.offered[c];
}

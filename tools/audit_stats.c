/*
 * consent-audit stats: the summary of the decisions on the terminal, and
 * the same tables by day, language, region or policy revision.
 */

#include <stdlib.h>
#include <string.h>

#include "audit_summary.h"


static const char  *consent_tool_stats_by[] = {
    "day", "category", "lang", "region", "revision", NULL
};


static void consent_tool_stats_groups(const consent_tool_groups_t *groups,
    const char *title);


int
consent_tool_stats(int argc, char **argv)
{
    int                      i, nlogs, rc;
    char                   **logs;
    const char              *by;
    consent_tool_summary_t  *s;

    by = NULL;

    logs = calloc(argc + 1, sizeof(char *));
    s = calloc(1, sizeof(consent_tool_summary_t));

    if (logs == NULL || s == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        free(logs);
        free(s);
        return CONSENT_EXIT_USAGE;
    }

    nlogs = 0;
    rc = CONSENT_EXIT_USAGE;

    for (i = 0; i < argc; i++) {
        switch (consent_tool_summary_option(s, argc, argv, &i)) {
        case -1:
            goto done;
        case 1:
            continue;
        }

        if (strcmp(argv[i], "--by") == 0 && i + 1 < argc) {
            by = argv[++i];

            if (consent_tool_name_index(consent_tool_stats_by, by) < 0) {
                fprintf(stderr, "consent-audit: stats --by takes day, "
                        "category, lang, region or revision, not \"%s\"\n",
                        by);
                goto done;
            }

            continue;
        }

        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "consent-audit: stats: unknown option \"%s\"\n",
                    argv[i]);
            consent_tool_usage(stderr);
            goto done;
        }

        logs[nlogs++] = argv[i];
    }

    if (nlogs == 0) {
        fprintf(stderr, "consent-audit: stats needs at least one LOG\n");
        consent_tool_usage(stderr);
        goto done;
    }

    if (consent_tool_each_line(logs, nlogs, NULL, consent_tool_summary_line,
                               s)
        != 0)
    {
        goto done;
    }

    consent_tool_summary_finish(s);
    consent_tool_stats_print(s, by);

    rc = CONSENT_EXIT_OK;

done:

    consent_tool_summary_free(s);
    free(s);
    free(logs);

    return rc;
}


void
consent_tool_stats_print(const consent_tool_summary_t *s, const char *by)
{
    size_t                       i;
    const consent_tool_group_t  *all;

    all = &s->all;

    if (s->skipped) {
        fprintf(stderr, "consent-audit: %llu line%s not audit records, "
                "skipped (run verify)\n",
                (unsigned long long) s->skipped,
                s->skipped == 1 ? " is" : "s are");
    }

    if (by && strcmp(by, "day") == 0) {
        consent_tool_stats_groups(&s->days, "day");
        return;
    }

    if (by && strcmp(by, "lang") == 0) {
        consent_tool_stats_groups(&s->langs, "lang");
        return;
    }

    if (by && strcmp(by, "region") == 0) {
        consent_tool_stats_groups(&s->regions, "region");
        return;
    }

    if (by && strcmp(by, "revision") == 0) {
        consent_tool_stats_groups(&s->revisions, "revision");
        return;
    }

    if (by == NULL) {
        printf("decisions    %llu\n", (unsigned long long) all->decisions);

        if (all->decisions) {
            printf("period       %.10s to %.10s\n", s->first_ts,
                   s->last_ts);
        }

        printf("consent ids  %llu\n",
               (unsigned long long) consent_tool_summary_ids(s));

        printf("actions     ");
        for (i = 0; consent_tool_actions[i]; i++) {
            printf(" %s %llu (%.1f%%)", consent_tool_actions[i],
                   (unsigned long long) all->actions[i],
                   consent_tool_percent(all->actions[i], all->decisions));
        }

        printf("\nsources     ");
        for (i = 0; consent_tool_sources[i]; i++) {
            printf(" %s %llu", consent_tool_sources[i],
                   (unsigned long long) s->sources[i]);
        }

        printf("\ngpc          %llu (%.1f%%)\n",
               (unsigned long long) all->gpc,
               consent_tool_percent(all->gpc, all->decisions));

        if (s->rotations || s->checkpoints) {
            printf("chain        %llu key rotation%s, %llu record%s purged\n",
                   (unsigned long long) s->rotations,
                   s->rotations == 1 ? "" : "s",
                   (unsigned long long) s->purged,
                   s->purged == 1 ? "" : "s");
        }

        printf("\n");
    }

    printf("%-20s %9s %9s %10s\n", "category", "granted", "denied",
           "acceptance");

    for (i = 0; i < s->ncategories; i++) {
        printf("%-20s %9llu %9llu %9.1f%%\n", s->categories[i],
               (unsigned long long) all->granted[i],
               (unsigned long long) (all->offered[i] - all->granted[i]),
               consent_tool_optin(all, i));
    }
}


static void
consent_tool_stats_groups(const consent_tool_groups_t *groups,
    const char *title)
{
    size_t                       i;
    const consent_tool_group_t  *g;

    printf("%-10s %9s %10s %10s %9s %9s %6s\n", title, "decisions",
           "accept_all", "reject_all", "save", "withdraw", "gpc");

    for (i = 0; i < groups->ngroups; i++) {
        g = &groups->groups[i];
        printf("%-10s %9llu %10llu %10llu %9llu %9llu %5.1f%%\n",
               g->name, (unsigned long long) g->decisions,
               (unsigned long long) g->actions[CONSENT_TOOL_ACCEPT_ALL],
               (unsigned long long) g->actions[CONSENT_TOOL_REJECT_ALL],
               (unsigned long long) g->actions[CONSENT_TOOL_SAVE],
               (unsigned long long) g->actions[CONSENT_TOOL_WITHDRAW],
               consent_tool_percent(g->gpc, g->decisions));
    }
}

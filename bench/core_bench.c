/*
 * Throughput of the core rewriter on one page, one core: the page is fed
 * again and again in 32 KB buffers (nginx's output_buffers) and in one
 * buffer, with no consent (every tracker rewritten) and with all consent.
 * Each figure is the best of 5 runs (the machine may be busy).
 *
 *   core_bench [PAGE [POLICY [SECONDS [RUN [PAGES]]]]]
 *
 * A policy that extends the catalogue gets ngx_consent_module/assets/
 * catalogue.json (CONSENT_CATALOGUE=FILE for another); pages are served as
 * www.example.com.
 *
 * RUN: 1-4, one of them (0: all).  PAGES: rewrite the page exactly that
 * many times per run, once, instead of for SECONDS: for instruction counts,
 * which unlike times do not depend on the machine's load, e.g.
 *   valgrind --tool=callgrind core_bench bench/page.html POLICY 0 1 100
 * (the Ir of consent_rewriter_feed divided by 100 is the cost of a page).
 *
 * See bench/run-core.sh for the build line.
 */

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "consent_rewriter.h"

typedef struct {
    size_t  bytes;
    size_t  calls;
} bench_sink_t;


static int
bench_emit(void *data, const unsigned char *p, size_t len, int from_input)
{
    bench_sink_t  *s;

    (void) p;
    (void) from_input;

    s = data;
    s->bytes += len;
    s->calls++;

    return 0;
}


static double
bench_now(void)
{
    struct timespec  ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}


/*
 * MB/s of rewriting the page in buffers of buf bytes for secs seconds, or
 * exactly pages times when pages > 0.
 */
static double
bench_run(consent_rewriter_conf_t *conf, const unsigned char *page,
    size_t len, size_t buf, double secs, long pages, bench_sink_t *sink)
{
    size_t               off, n, rounds;
    double               start, elapsed;
    consent_rewriter_t  *rw;

    conf->emit = bench_emit;
    conf->emit_data = sink;
    rounds = 0;
    start = bench_now();

    do {
        rw = consent_rewriter_create(conf);
        if (rw == NULL) {
            return -1;
        }

        for (off = 0; off < len; off += n) {
            n = len - off < buf ? len - off : buf;
            if (consent_rewriter_feed(rw, page + off, n, off + n == len)
                != 0)
            {
                consent_rewriter_destroy(rw);
                return -1;
            }
        }

        consent_rewriter_destroy(rw);
        rounds++;
        elapsed = bench_now() - start;
    } while (pages > 0 ? (long) rounds < pages : elapsed < secs);

    return (double) len * (double) rounds / elapsed / 1e6;
}


int
main(int argc, char **argv)
{
    int                       i, c, k, tries;
    long                      n, pages;
    FILE                     *f;
    char                      err[512];
    double                    secs, mbs, best;
    size_t                    len;
    unsigned char            *page;
    double                    t0;
    size_t                    heap0, heap1;
    bench_sink_t              sink;
    consent_site_t            site;
    consent_policy_t         *policy;
    consent_catalogue_t      *catalogue;
    consent_rewriter_conf_t   conf;
    const char               *page_path, *policy_path, *catalogue_path;

    static const struct {
        const char  *name;
        size_t       buf;
        int          all;
    } runs[] = {
        { "32 KB buffers, no consent ", 32768, 0 },
        { "one buffer,    no consent ", 0, 0 },
        { "32 KB buffers, all consent", 32768, 1 },
        { "one buffer,    all consent", 0, 1 },
    };

    page_path = argc > 1 ? argv[1] : "tests/unit/pages/shop.html";
    policy_path = argc > 2 ? argv[2] : "tests/unit/pages/policy.json";
    secs = argc > 3 ? atof(argv[3]) : 2.0;
    pages = argc > 5 ? atol(argv[5]) : 0;
    tries = pages > 0 ? 1 : 5;

    f = fopen(page_path, "rb");
    if (f == NULL) {
        perror(page_path);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    page = malloc((size_t) n);
    if (page == NULL || fread(page, 1, (size_t) n, f) != (size_t) n) {
        fprintf(stderr, "%s: cannot read\n", page_path);
        return 1;
    }
    fclose(f);
    len = (size_t) n;

    catalogue_path = getenv("CONSENT_CATALOGUE");
    if (catalogue_path == NULL) {
        catalogue_path = "ngx_consent_module/assets/catalogue.json";
    }

    heap0 = mallinfo2().uordblks;
    t0 = bench_now();
    catalogue = consent_catalogue_load_file(catalogue_path, err, sizeof(err));
    if (catalogue == NULL) {
        fprintf(stderr, "no catalogue: %s\n", err);
    }

    policy = consent_policy_load_file(policy_path, catalogue, err,
                                      sizeof(err));
    if (policy == NULL) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }

    t0 = bench_now() - t0;
    heap1 = mallinfo2().uordblks;

    printf("catalogue (%zu entities) and policy loaded in %.1f ms, "
           "%zu KB of heap\n", catalogue ? catalogue->nentities : 0,
           t0 * 1000, (heap1 - heap0) / 1024);

    consent_site_init(&site, (const unsigned char *) "www.example.com", 15);

    c = consent_policy_category(policy, "necessary", 9);

    printf("page %s (%zu bytes), policy %s (%zu services)\n", page_path, len,
           policy_path, policy->nservices);

    for (i = 0; i < (int) (sizeof(runs) / sizeof(runs[0])); i++) {
        if (argc > 4 && atoi(argv[4]) != 0 && atoi(argv[4]) != i + 1) {
            continue;
        }

        memset(&conf, 0, sizeof(conf));
        conf.policy = policy;
        conf.site = &site;
        conf.granted = runs[i].all ? policy->all_mask
                                   : (c >= 0 ? (consent_mask_t) 1 << c : 0);
        conf.inline_max = 65536;
        conf.head_end.p = (const unsigned char *) "<link rel=stylesheet>";
        conf.head_end.len = 21;
        conf.body_start.p = (const unsigned char *) "<div>banner</div>";
        conf.body_start.len = 17;
        memset(&sink, 0, sizeof(sink));

        best = 0;
        for (k = 0; k < tries; k++) {
            mbs = bench_run(&conf, page, len,
                            runs[i].buf ? runs[i].buf : len, secs / tries,
                            pages, &sink);
            if (mbs < 0) {
                fprintf(stderr, "rewrite failed\n");
                return 1;
            }
            best = mbs > best ? mbs : best;
        }

        printf("%s  %8.0f MB/s  (%.1f emits per page)\n", runs[i].name, best,
               (double) sink.calls * (double) len / (double) sink.bytes);
    }

    consent_policy_free(policy);
    consent_catalogue_free(catalogue);
    free(page);

    return 0;
}

#ifndef CONSENT_REWRITE_UTIL_H
#define CONSENT_REWRITE_UTIL_H

/*
 * Test helpers around consent_rewriter: run an input through it with a
 * given division into buffers and collect the output, checking that every
 * reference into the input (from_input = 1) lies in the buffer being fed.
 * Shared by test_rewriter.c and tests/fuzz/fuzz_rewriter.c.
 */

#include <stdlib.h>
#include <string.h>
#include "consent_rewriter.h"

typedef struct {
    unsigned char        *buf;
    size_t                len;
    size_t                cap;
    const unsigned char  *lo;          /* the buffer being fed */
    const unsigned char  *hi;
    int                   bad_ref;
    int                   oom;
    int                   fail_at;     /* emit call that fails, 0: none */
    int                   calls;
    const unsigned char  *expect;      /* compare instead of collecting */
    size_t                expect_len;
    int                   differs;
} rw_sink_t;


static int
rw_sink_emit(void *data, const unsigned char *p, size_t len, int from_input)
{
    size_t          cap;
    unsigned char  *nb;
    rw_sink_t      *s;

    s = data;

    if (++s->calls == s->fail_at) {
        return -1;
    }

    if (len == 0) {
        s->bad_ref = 1;             /* empty emits are not allowed either */
    }

    if (from_input && (p < s->lo || p + len > s->hi)) {
        s->bad_ref = 1;
    }

    if (s->expect) {
        if (s->len + len > s->expect_len
            || memcmp(s->expect + s->len, p, len) != 0)
        {
            s->differs = 1;
        }
        s->len += len;
        return 0;
    }

    if (s->len + len + 1 > s->cap) {
        cap = (s->len + len + 1) * 2;
        nb = realloc(s->buf, cap);
        if (nb == NULL) {
            s->oom = 1;
            return -1;
        }
        s->buf = nb;
        s->cap = cap;
    }

    memcpy(s->buf + s->len, p, len);
    s->len += len;
    s->buf[s->len] = '\0';

    return 0;
}


/*
 * Rewrites in[0..len) fed in pieces: cuts[0..ncuts) are increasing split
 * offsets.  Each piece is copied into its own malloc()ed buffer, freed
 * after its feed, so that a reference kept past its call is caught by
 * ASan.  With expect set the output is only compared with it.  Returns 0,
 * or -1 on failure, a bad reference or a difference.
 */
static int
rw_feed_pieces(consent_rewriter_conf_t *conf, rw_sink_t *sink,
    const unsigned char *in, size_t len, const size_t *cuts, size_t ncuts,
    unsigned *events)
{
    int                  rc;
    size_t               i, from, to;
    unsigned char       *piece;
    consent_rewriter_t  *rw;

    conf->emit = rw_sink_emit;
    conf->emit_data = sink;

    rw = consent_rewriter_create(conf);
    if (rw == NULL) {
        return -1;
    }

    rc = 0;
    from = 0;

    for (i = 0; i <= ncuts && rc == 0; i++) {
        to = i < ncuts ? cuts[i] : len;

        piece = malloc(to - from + 1);
        if (piece == NULL) {
            rc = -1;
            break;
        }
        memcpy(piece, in + from, to - from);

        sink->lo = piece;
        sink->hi = piece + (to - from);
        rc = consent_rewriter_feed(rw, piece, to - from, i == ncuts);
        free(piece);
        from = to;
    }

    if (events) {
        *events = consent_rewriter_events(rw);
    }
    consent_rewriter_destroy(rw);

    if (rc != 0 || sink->bad_ref || sink->oom || sink->differs
        || (sink->expect && sink->len != sink->expect_len))
    {
        return -1;
    }

    return 0;
}


/* The output (malloc()ed, NUL-terminated) of a feed in pieces, or NULL. */
static unsigned char *
rw_run(consent_rewriter_conf_t *conf, const unsigned char *in, size_t len,
    const size_t *cuts, size_t ncuts, size_t *out_len, unsigned *events)
{
    rw_sink_t  sink;

    memset(&sink, 0, sizeof(sink));

    if (rw_feed_pieces(conf, &sink, in, len, cuts, ncuts, events) != 0) {
        free(sink.buf);
        return NULL;
    }

    if (sink.buf == NULL) {
        sink.buf = calloc(1, 1);
    }

    *out_len = sink.len;
    return sink.buf;
}


/* Whether a feed in pieces gives exactly want. */
static int
rw_same(consent_rewriter_conf_t *conf, const unsigned char *in, size_t len,
    const size_t *cuts, size_t ncuts, const unsigned char *want,
    size_t want_len)
{
    rw_sink_t  sink;

    memset(&sink, 0, sizeof(sink));
    sink.expect = want;
    sink.expect_len = want_len;

    return rw_feed_pieces(conf, &sink, in, len, cuts, ncuts, NULL) == 0;
}

#endif /* CONSENT_REWRITE_UTIL_H */

/*
 * Streaming HTML rewriter (see consent_rewriter.h): the rewrite decisions and
 * injections on top of consent_scanner.  Bytes are emitted lazily: the
 * untouched run since the last change goes out as one reference into the
 * input when something has to be inserted or at the end of the buffer.
 * Only the tags whose bytes a decision needs (the elements below, and the
 * start of any tag whose name is not complete) are held across buffers.
 *
 * Every bound is applied the same way whatever the buffers, so the output
 * does not depend on them: a start tag over CONSENT_TAG_MAX bytes (or with
 * more attributes than the scanner records) passes unchanged with its
 * element; inline script and noscript text over inline_max passes
 * unchanged.  Rewritten tags keep every byte of the original but the
 * attribute names they rename, the attributes they drop (duplicates, which
 * browsers ignore, and ones the rewrite sets) and the attributes they add
 * after the tag name, HTML-escaped in double quotes.
 */

#include <stdlib.h>
#include <string.h>
#include "consent_rewriter.h"
#include "consent_scanner.h"
#include "consent_url.h"

/* A longer tag passes unchanged: so does the element's inline script. */
#define CONSENT_TAG_MAX  16384

/* The "service" of an unknown third party blocked as unknown_category. */
#define CONSENT_RW_UNKNOWN  -2

enum {
    M_NONE = 0,
    M_TAG,           /* holding a start tag a decision needs */
    M_INLINE,        /* holding an inline script's start tag and text */
    M_NOSCRIPT       /* holding a noscript element's text */
};

/* Injections, in document order. */
enum {
    I_HEAD_START = 0,
    I_HEAD_END,
    I_BODY_START,
    I_ALL
};

/* What a rewrite does to an existing attribute. */
enum {
    A_KEEP = 0,
    A_DROP,
    A_RENAME
};

typedef struct {
    unsigned char    action;
    const char      *name;           /* A_RENAME: the new name */
} consent_edit_t;

struct consent_rewriter_s {
    consent_rewriter_conf_t   conf;

    uint64_t                  pending;      /* first byte not emitted */
    const unsigned char      *buf;          /* the buffer being fed */
    uint64_t                  buf_off;
    uint64_t                  buf_end;
    unsigned char            *hold;         /* bytes [hold_off, hold_end) */
    uint64_t                  hold_off;
    uint64_t                  hold_end;
    size_t                    hold_cap;

    int                       mode;
    int                       element;      /* CONSENT_TAG_SCRIPT ... */
    uint64_t                  elem_start;   /* its '<' */
    uint64_t                  text_start;   /* M_INLINE, M_NOSCRIPT: after
                                               the start tag's '>' */
    unsigned                  inject_after; /* I_* + 1 after this tag */
    unsigned                  injected;     /* count of I_* done */
    unsigned                  seen_head:1;
    unsigned                  seen_body:1;
    unsigned                  block_src:1;  /* a src service is denied */
    unsigned                  block_inline:1;
    unsigned                  done:1;
    unsigned                  failed:1;
    unsigned                  nested:1;     /* rewrites a noscript's text */
    unsigned                  events;

    consent_site_t            site;         /* conf.site points here: the
                                               base host is per document */
    consent_tag_t            *script;       /* the held script start tag */
    unsigned char            *out;          /* a rewritten tag */
    size_t                    out_len;
    size_t                    out_cap;
    unsigned char            *scratch;      /* decoded value, its URL */
    size_t                    scratch_cap;
    unsigned char            *noscript;     /* a noscript's text rewritten */
    size_t                    noscript_len;
    size_t                    noscript_cap;

    /* last: the scanner's attributes and the edits are written before
       they are read, so creating a rewriter does not clear them */
    consent_scanner_t         sc;
    consent_edit_t            edits[CONSENT_SCAN_MAX_ATTRS];
};


static int consent_rw_emit(consent_rewriter_t *rw, const unsigned char *p,
    size_t len, int from_input);
static int consent_rw_emit_to(consent_rewriter_t *rw, uint64_t to);
static const unsigned char *consent_rw_bytes(consent_rewriter_t *rw,
    uint64_t from, uint64_t to);
static int consent_rw_keep(consent_rewriter_t *rw, uint64_t from);
static int consent_rw_inject(consent_rewriter_t *rw, unsigned upto);
static int consent_rw_tag_name(consent_rewriter_t *rw);
static int consent_rw_tag(consent_rewriter_t *rw);
static int consent_rw_buffer_end(consent_rewriter_t *rw);
static int consent_rw_finish(consent_rewriter_t *rw);
static int consent_rw_decide(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes);
static int consent_rw_inline_end(consent_rewriter_t *rw, uint64_t end);
static int consent_rw_noscript_end(consent_rewriter_t *rw, uint64_t end);
static int consent_rw_noscript_emit(void *data, const unsigned char *p,
    size_t len, int from_input);
static int consent_rw_is_js(const consent_tag_t *t,
    const unsigned char *bytes);
static int consent_rw_value_is(const consent_attr_t *a,
    const unsigned char *bytes, const char *value);
static int consent_rw_denied(consent_rewriter_t *rw, int service);
static int consent_rw_classify_url(consent_rewriter_t *rw,
    const unsigned char *url, size_t len);
static int consent_rw_match_url(consent_rewriter_t *rw,
    const consent_attr_t *a, const unsigned char *bytes, int srcset,
    int *service);
static int consent_rw_category(consent_rewriter_t *rw,
    const consent_attr_t *a, const unsigned char *bytes, int *category);
static int consent_rw_edit(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const char *name, unsigned action,
    const char *rename);
static int consent_rw_build(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, int service, int script);
static unsigned char *consent_rw_scratch(consent_rewriter_t *rw,
    size_t len);
static int consent_rw_out(consent_rewriter_t *rw, const void *p, size_t n);
static int consent_rw_out_escaped(consent_rewriter_t *rw, const char *s);


consent_rewriter_t *
consent_rewriter_create(const consent_rewriter_conf_t *c)
{
    size_t                    i;
    consent_rewriter_t       *rw;
    const consent_policy_t   *pol;
    const consent_service_t  *svc;

    rw = malloc(sizeof(consent_rewriter_t));
    if (rw == NULL) {
        return NULL;
    }

    memset(rw, 0, offsetof(consent_rewriter_t, sc));

    rw->script = malloc(sizeof(consent_tag_t));
    if (rw->script == NULL) {
        free(rw);
        return NULL;
    }

    rw->conf = *c;
    consent_scanner_init(&rw->sc, 1);

    if (c->site != NULL) {
        rw->site = *c->site;
    }

    rw->conf.site = &rw->site;

    /* with every service granted no URL and no script needs matching */
    pol = c->policy;
    for (i = 0; pol && i < pol->ndeclared; i++) {
        svc = &pol->services[i];
        if (c->granted & ((consent_mask_t) 1 << svc->category)) {
            continue;
        }
        if (svc->nsrc) {
            rw->block_src = 1;
        }
        if (svc->ninl) {
            rw->block_inline = 1;
        }
    }

    /* catalogue services are known by host and by inline text */
    if (pol && ((pol->catalogue_mask & ~c->granted) || c->observe)) {
        rw->block_src = 1;
        rw->block_inline = 1;
    }

    if (pol == NULL || c->unknown_category >= pol->ncategories) {
        rw->conf.block_unknown = 0;
    }

    if (rw->conf.block_unknown
        && !(c->granted & ((consent_mask_t) 1 << c->unknown_category)))
    {
        rw->block_src = 1;
    }

    return rw;
}


void
consent_rewriter_destroy(consent_rewriter_t *rw)
{
    if (rw == NULL) {
        return;
    }

    free(rw->hold);
    free(rw->out);
    free(rw->scratch);
    free(rw->noscript);
    free(rw->script);
    free(rw);
}


size_t
consent_rewriter_held(const consent_rewriter_t *rw)
{
    return (size_t) (rw->hold_end - rw->hold_off);
}


unsigned
consent_rewriter_events(const consent_rewriter_t *rw)
{
    return rw->events;
}


int
consent_rewriter_feed(consent_rewriter_t *rw, const unsigned char *p,
    size_t len, int last)
{
    consent_scan_event_e  ev;

    if (rw->failed || rw->done) {
        return rw->failed ? -1 : 0;
    }

    rw->buf = p;
    rw->buf_off = rw->buf_end;
    rw->buf_end = rw->buf_off + len;
    if (rw->hold_end == rw->hold_off) {
        rw->hold_off = rw->buf_off;
        rw->hold_end = rw->buf_off;
    }

    consent_scanner_feed(&rw->sc, p, len);

    for ( ;; ) {
        ev = consent_scanner_next(&rw->sc);

        if (ev == CONSENT_SCAN_MORE) {
            break;
        }

        if ((ev == CONSENT_SCAN_TAG_NAME ? consent_rw_tag_name(rw)
                                         : consent_rw_tag(rw)) != 0)
        {
            rw->failed = 1;
            return -1;
        }
    }

    if ((last ? consent_rw_finish(rw) : consent_rw_buffer_end(rw)) != 0) {
        rw->failed = 1;
        return -1;
    }

    return 0;
}


static int
consent_rw_emit(consent_rewriter_t *rw, const unsigned char *p, size_t len,
    int from_input)
{
    if (len == 0) {
        return 0;
    }

    return rw->conf.emit(rw->conf.emit_data, p, len, from_input);
}


/* Emits [pending, to): held bytes first, then the input's. */
static int
consent_rw_emit_to(consent_rewriter_t *rw, uint64_t to)
{
    uint64_t  n;

    if (rw->pending < rw->hold_end) {
        n = (to < rw->hold_end ? to : rw->hold_end) - rw->pending;
        if (consent_rw_emit(rw, rw->hold + (rw->pending - rw->hold_off),
                            (size_t) n, 0) != 0)
        {
            return -1;
        }
        rw->pending += n;
    }

    if (to > rw->pending) {
        if (consent_rw_emit(rw, rw->buf + (rw->pending - rw->buf_off),
                            (size_t) (to - rw->pending), 1) != 0)
        {
            return -1;
        }
        rw->pending = to;
    }

    return 0;
}


/* [from, to) as one contiguous run: in the input, or completed in hold. */
static const unsigned char *
consent_rw_bytes(consent_rewriter_t *rw, uint64_t from, uint64_t to)
{
    size_t          need, cap;
    unsigned char  *nh;

    if (from >= rw->hold_end) {
        return rw->buf + (from - rw->buf_off);
    }

    if (to > rw->hold_end) {
        need = (size_t) (to - rw->hold_off);
        if (need > rw->hold_cap) {
            cap = need * 2;
            nh = realloc(rw->hold, cap);
            if (nh == NULL) {
                return NULL;
            }
            rw->hold = nh;
            rw->hold_cap = cap;
        }

        memcpy(rw->hold + (rw->hold_end - rw->hold_off),
               rw->buf + (rw->hold_end - rw->buf_off),
               (size_t) (to - rw->hold_end));
        rw->hold_end = to;
    }

    return rw->hold + (from - rw->hold_off);
}


/* At the end of a buffer: emit up to from, hold [from, end of buffer). */
static int
consent_rw_keep(consent_rewriter_t *rw, uint64_t from)
{
    size_t          need, cap;
    unsigned char  *nh;

    if (consent_rw_emit_to(rw, from) != 0) {
        return -1;
    }

    need = (size_t) (rw->buf_end - from);

    if (rw->hold_end > from) {
        memmove(rw->hold, rw->hold + (from - rw->hold_off),
                (size_t) (rw->hold_end - from));
    } else {
        rw->hold_end = from;
    }
    rw->hold_off = from;

    if (need > rw->hold_cap) {
        cap = need < 256 ? 256 : need * 2;
        nh = realloc(rw->hold, cap);
        if (nh == NULL) {
            return -1;
        }
        rw->hold = nh;
        rw->hold_cap = cap;
    }

    memcpy(rw->hold + (rw->hold_end - rw->hold_off),
           rw->buf + (rw->hold_end - rw->buf_off),
           (size_t) (rw->buf_end - rw->hold_end));
    rw->hold_end = rw->buf_end;

    return 0;
}


static int
consent_rw_buffer_end(consent_rewriter_t *rw)
{
    uint64_t  from;

    from = rw->buf_end;

    if (rw->mode == M_INLINE || rw->mode == M_NOSCRIPT) {
        if (consent_scanner_text_end(&rw->sc) - rw->text_start
            > rw->conf.inline_max)
        {
            /* longer than inline_max: the element passes unchanged */
            rw->events |= CONSENT_EV_INLINE_TOO_LONG;
            rw->mode = M_NONE;
        } else {
            from = rw->mode == M_INLINE ? rw->elem_start : rw->text_start;
        }

    } else if (rw->mode == M_TAG || consent_scanner_in_tag_open(&rw->sc)) {
        if (rw->buf_end - rw->sc.tag.start > CONSENT_TAG_MAX) {
            if (rw->mode == M_TAG) {
                rw->events |= CONSENT_EV_TAG_TOO_LONG;
            }
            rw->mode = M_NONE;
        } else {
            from = rw->sc.tag.start;
        }
    }

    if (from == rw->buf_end) {
        if (consent_rw_emit_to(rw, from) != 0) {
            return -1;
        }
        rw->hold_off = from;
        rw->hold_end = from;
        return 0;
    }

    return consent_rw_keep(rw, from);
}


static int
consent_rw_finish(consent_rewriter_t *rw)
{
    /* a script or noscript open at the end runs to the end */
    if ((rw->mode == M_INLINE && consent_rw_inline_end(rw, rw->buf_end) != 0)
        || (rw->mode == M_NOSCRIPT
            && consent_rw_noscript_end(rw, rw->buf_end) != 0))
    {
        return -1;
    }

    rw->mode = M_NONE;
    rw->done = 1;

    if (consent_rw_emit_to(rw, rw->buf_end) != 0) {
        return -1;
    }

    return consent_rw_inject(rw, I_BODY_START);
}


/* Emits the injections not done yet up to and with upto, in order. */
static int
consent_rw_inject(consent_rewriter_t *rw, unsigned upto)
{
    const consent_bytes_t  *part;

    for ( /* void */ ; rw->injected <= upto; rw->injected++) {
        part = rw->injected == I_HEAD_START ? &rw->conf.head_start
               : rw->injected == I_HEAD_END ? &rw->conf.head_end
               : &rw->conf.body_start;

        if (consent_rw_emit(rw, part->p, part->len, 0) != 0) {
            return -1;
        }

        if (rw->injected == I_BODY_START && part->len) {
            rw->events |= CONSENT_EV_INJECTED;
        }
    }

    return 0;
}


static int
consent_rw_tag_name(consent_rewriter_t *rw)
{
    const consent_tag_t  *t;

    t = &rw->sc.tag;

    /* only the element's own end tag is a tag in its raw text */
    if (rw->mode == M_INLINE) {
        return consent_rw_inline_end(rw, t->start);
    }

    if (rw->mode == M_NOSCRIPT) {
        return consent_rw_noscript_end(rw, t->start);
    }

    if (t->is_end) {
        if (t->id == CONSENT_TAG_HEAD && rw->injected <= I_HEAD_END) {
            if (consent_rw_emit_to(rw, t->start) != 0) {
                return -1;
            }
            return consent_rw_inject(rw, I_HEAD_END);
        }
        return 0;
    }

    if (t->id == CONSENT_TAG_BODY && !rw->seen_body) {
        rw->seen_body = 1;
        rw->inject_after = I_BODY_START + 1;
        if (rw->injected <= I_HEAD_END) {
            if (consent_rw_emit_to(rw, t->start) != 0) {
                return -1;
            }
            return consent_rw_inject(rw, I_HEAD_END);
        }
        return 0;
    }

    if (t->id == CONSENT_TAG_HEAD && !rw->seen_head && !rw->seen_body) {
        rw->seen_head = 1;
        rw->inject_after = I_HEAD_START + 1;
        return 0;
    }

    if (t->id >= CONSENT_TAG_SCRIPT && t->id <= CONSENT_TAG_OBJECT) {
        rw->element = t->id;
        rw->mode = M_TAG;
        rw->elem_start = t->start;
    }

    return 0;
}


static int
consent_rw_tag(consent_rewriter_t *rw)
{
    uint64_t              end;
    const consent_tag_t  *t;
    const unsigned char  *bytes;

    t = &rw->sc.tag;
    end = t->start + t->len;

    if (rw->mode == M_TAG) {
        rw->mode = M_NONE;

        if (t->len > CONSENT_TAG_MAX || t->attrs_overflow) {
            rw->events |= CONSENT_EV_TAG_TOO_LONG;

        } else if (!t->foreign) {
            bytes = consent_rw_bytes(rw, t->start, end);
            if (bytes == NULL || consent_rw_decide(rw, t, bytes) != 0) {
                return -1;
            }
        }
    }

    /*
     * Browsers without scripting load what a noscript holds: its text is
     * rewritten as markup of its own, like an inline script held up to
     * inline_max.
     */
    if (t->id == CONSENT_TAG_NOSCRIPT && !t->is_end && !rw->nested
        && rw->block_src && rw->conf.inline_max
        && consent_scanner_content(&rw->sc) == CONSENT_SCAN_RAWTEXT)
    {
        rw->mode = M_NOSCRIPT;
        rw->text_start = end;
    }

    if (rw->inject_after) {
        if (consent_rw_emit_to(rw, end) != 0
            || consent_rw_inject(rw, rw->inject_after - 1) != 0)
        {
            return -1;
        }
        rw->inject_after = 0;
    }

    return 0;
}


static int
consent_rw_value_is(const consent_attr_t *a, const unsigned char *bytes,
    const char *value)
{
    size_t                i, n, len;
    const unsigned char  *v;

    v = bytes + a->value_off;
    len = a->value_len;

    /* ASCII whitespace around a keyword value does not count */
    while (len && (v[0] == ' ' || v[0] == '\t' || v[0] == '\n'
                   || v[0] == '\f' || v[0] == '\r'))
    {
        v++;
        len--;
    }

    while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'
                   || v[len - 1] == '\n' || v[len - 1] == '\f'
                   || v[len - 1] == '\r'))
    {
        len--;
    }

    n = strlen(value);
    if (len != n) {
        return 0;
    }

    for (i = 0; i < n; i++) {
        if ((v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i])
            != (unsigned char) value[i])
        {
            return 0;
        }
    }

    return 1;
}


/* Whether a script element's type makes it JavaScript (not a data block). */
static int
consent_rw_is_js(const consent_tag_t *t, const unsigned char *bytes)
{
    static const char *const  js[] = {
        "module", "text/javascript", "application/javascript",
        "application/ecmascript", "application/x-ecmascript",
        "application/x-javascript", "text/ecmascript",
        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
        "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
        "text/jscript", "text/livescript", "text/x-ecmascript",
        "text/x-javascript", NULL };
    static const char *const  lang[] = {
        "javascript", "ecmascript", "javascript1.0", "javascript1.1",
        "javascript1.2", "javascript1.3", "javascript1.4", "javascript1.5",
        "jscript", "livescript", "x-ecmascript", "x-javascript", NULL };
    consent_attr_t            a;
    const consent_attr_t     *type;
    const char *const        *s;
    size_t                    i;

    type = consent_tag_attr(t, bytes, "type");

    if (type == NULL || !type->has_value || consent_rw_value_is(type, bytes,
                                                                 ""))
    {
        if (type == NULL) {
            type = consent_tag_attr(t, bytes, "language");
            if (type && type->has_value
                && !consent_rw_value_is(type, bytes, ""))
            {
                for (s = lang; *s; s++) {
                    if (consent_rw_value_is(type, bytes, *s)) {
                        return 1;
                    }
                }
                return 0;
            }
        }
        return 1;
    }

    /* parameters ("; charset=...") are ignored: blocking an inert data
       block is harmless, missing a script is not */
    a = *type;
    for (i = 0; i < a.value_len; i++) {
        if (bytes[a.value_off + i] == ';') {
            a.value_len = (uint32_t) i;
            break;
        }
    }

    for (s = js; *s; s++) {
        if (consent_rw_value_is(&a, bytes, *s)) {
            return 1;
        }
    }

    return 0;
}


static int
consent_rw_denied(consent_rewriter_t *rw, int service)
{
    if (service == CONSENT_RW_UNKNOWN) {
        return !(rw->conf.granted
                 & ((consent_mask_t) 1 << rw->conf.unknown_category));
    }

    return service >= 0
           && !(rw->conf.granted
                & ((consent_mask_t) 1
                   << rw->conf.policy->services[service].category));
}


/* Room for a decoded value of len raw bytes and its normalized URL. */
static unsigned char *
consent_rw_scratch(consent_rewriter_t *rw, size_t len)
{
    size_t          cap;
    unsigned char  *nb;

    len = CONSENT_DECODE_SIZE(len);
    cap = len + CONSENT_URL_SIZE(len);

    if (cap > rw->scratch_cap) {
        nb = realloc(rw->scratch, cap);
        if (nb == NULL) {
            return NULL;
        }
        rw->scratch = nb;
        rw->scratch_cap = cap;
    }

    return rw->scratch;
}


/*
 * The service of a normalized URL: an index, CONSENT_RW_UNKNOWN (an unknown
 * third party under block_unknown) or -1.  Observers hear of services and
 * unknown third parties.
 */
static int
consent_rw_classify_url(consent_rewriter_t *rw, const unsigned char *url,
    size_t len)
{
    consent_class_t  c;

    consent_policy_classify_url(rw->conf.policy, rw->conf.site, url, len,
                                &c);

    if (c.kind == CONSENT_CLASS_SERVICE) {
        if (rw->conf.observe) {
            rw->conf.observe(rw->conf.observe_data, c.service, c.host.name,
                             c.host.len, rw->element);
        }

        return c.service;
    }

    if (c.kind != CONSENT_CLASS_UNKNOWN) {
        return -1;
    }

    if (rw->conf.observe) {
        rw->conf.observe(rw->conf.observe_data, -1, c.host.name, c.host.len,
                         rw->element);
    }

    return rw->conf.block_unknown ? CONSENT_RW_UNKNOWN : -1;
}


/*
 * The service of the URL (or the first URL of the srcset naming one) of a:
 * 0 and *service set (-1: none, CONSENT_RW_UNKNOWN: an unknown third party
 * to block), or -1 on allocation failure.
 */
static int
consent_rw_match_url(consent_rewriter_t *rw, const consent_attr_t *a,
    const unsigned char *bytes, int srcset, int *service)
{
    int                   unknown, s;
    size_t                n, len, pos;
    unsigned char        *scratch, *norm;
    const unsigned char  *url, *dec;

    scratch = consent_rw_scratch(rw, a->value_len);
    if (scratch == NULL) {
        return -1;
    }
    norm = scratch + CONSENT_DECODE_SIZE(a->value_len);

    dec = bytes + a->value_off;
    len = a->value_len;

    /* most values have no character reference: read them in place */
    if (memchr(dec, '&', len) != NULL) {
        unknown = 0;
        len = consent_decode_attr_value(dec, len, scratch,
                                        CONSENT_DECODE_SIZE(len), &unknown);
        if (len == (size_t) -1) {
            return -1;
        }
        dec = scratch;
    }

    if (!srcset) {
        n = consent_url_normalize(dec, len, norm);
        *service = consent_rw_classify_url(rw, norm, n);
        return 0;
    }

    pos = 0;
    *service = -1;
    while ((n = consent_srcset_next(dec, len, &pos, &url)) != 0) {
        n = consent_url_normalize(url, n, norm);
        s = consent_rw_classify_url(rw, norm, n);

        if (s >= 0) {
            *service = s;
            break;
        }

        if (s == CONSENT_RW_UNKNOWN) {
            *service = s;
        }
    }

    return 0;
}


/* data-category's category: 0 and *category set (-1: unknown), or -1. */
static int
consent_rw_category(consent_rewriter_t *rw, const consent_attr_t *a,
    const unsigned char *bytes, int *category)
{
    int             unknown;
    size_t          len;
    unsigned char  *dec;

    *category = -1;

    if (rw->conf.policy == NULL || !a->has_value) {
        return 0;
    }

    dec = consent_rw_scratch(rw, a->value_len);
    if (dec == NULL) {
        return -1;
    }

    unknown = 0;
    len = consent_decode_attr_value(bytes + a->value_off, a->value_len,
                                    dec, CONSENT_DECODE_SIZE(a->value_len),
                                    &unknown);
    if (len == (size_t) -1) {
        return -1;
    }

    while (len && (dec[len - 1] == ' ' || dec[len - 1] == '\t')) {
        len--;
    }

    *category = consent_policy_category(rw->conf.policy, (const char *) dec,
                                        len);
    return 0;
}


/*
 * Marks every attribute of that name: the first one gets action, later
 * duplicates (which browsers ignore) are dropped so that a rename cannot
 * make one of them count.  Returns how many there were.
 */
static int
consent_rw_edit(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const char *name, unsigned action,
    const char *rename)
{
    int                   found;
    size_t                i, j, n;
    const consent_attr_t *a;

    n = strlen(name);
    found = 0;

    for (i = 0; i < t->nattrs; i++) {
        a = &t->attrs[i];
        if (a->name_len != n) {
            continue;
        }

        for (j = 0; j < n; j++) {
            unsigned char c = bytes[a->name_off + j];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char) name[j])
            {
                break;
            }
        }

        if (j < n) {
            continue;
        }

        rw->edits[i].action = found ? A_DROP : (unsigned char) action;
        rw->edits[i].name = rename;
        found++;
    }

    return found;
}


static int
consent_rw_out(consent_rewriter_t *rw, const void *p, size_t n)
{
    size_t          cap;
    unsigned char  *nb;

    if (rw->out_len + n > rw->out_cap) {
        cap = (rw->out_len + n) * 2;
        nb = realloc(rw->out, cap);
        if (nb == NULL) {
            return -1;
        }
        rw->out = nb;
        rw->out_cap = cap;
    }

    memcpy(rw->out + rw->out_len, p, n);
    rw->out_len += n;

    return 0;
}


/* An attribute value we write: HTML-escaped for a "..." value. */
static int
consent_rw_out_escaped(consent_rewriter_t *rw, const char *s)
{
    const char  *run;

    for (run = s; *s; s++) {
        const char *esc = *s == '&' ? "&amp;" : *s == '"' ? "&quot;"
                          : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : NULL;
        if (esc == NULL) {
            continue;
        }
        if (consent_rw_out(rw, run, (size_t) (s - run)) != 0
            || consent_rw_out(rw, esc, strlen(esc)) != 0)
        {
            return -1;
        }
        run = s + 1;
    }

    return consent_rw_out(rw, run, (size_t) (s - run));
}


/*
 * Builds the rewritten tag into out: the tag name, then (service >= 0) the
 * data attributes naming the service (for a script after type="text/plain"),
 * then the original attributes with rw->edits applied, all other bytes as
 * they were.
 */
static int
consent_rw_build(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, int service, int script)
{
    size_t                    i, prev, end;
    const char               *category, *id;
    const consent_attr_t     *a;
    const consent_service_t  *svc;

    rw->out_len = 0;
    prev = 1 + t->name_len;

    if (consent_rw_out(rw, bytes, prev) != 0) {
        return -1;
    }

    if (service >= 0 || service == CONSENT_RW_UNKNOWN) {
        if (service == CONSENT_RW_UNKNOWN) {
            category = rw->conf.policy
                           ->categories[rw->conf.unknown_category].id;
            id = "unknown";

        } else {
            svc = &rw->conf.policy->services[service];
            category = rw->conf.policy->categories[svc->category].id;
            id = svc->id;
        }

        if ((script && consent_rw_out(rw, " type=\"text/plain\"", 18) != 0)
            || consent_rw_out(rw, " data-category=\"", 16) != 0
            || consent_rw_out_escaped(rw, category) != 0
            || consent_rw_out(rw, "\" data-service=\"", 16) != 0
            || consent_rw_out_escaped(rw, id) != 0
            || consent_rw_out(rw, "\"", 1) != 0)
        {
            return -1;
        }
    }

    for (i = 0; i < t->nattrs; i++) {
        a = &t->attrs[i];
        end = a->has_value ? a->value_off + a->value_len + (a->quote ? 1 : 0)
                           : a->name_off + a->name_len;

        if (rw->edits[i].action == A_KEEP) {
            continue;
        }

        /* a dropped attribute takes its separator along when whitespace
           or '>' follows it: nothing then touches what precedes it */
        if ((rw->edits[i].action != A_DROP
             || !(bytes[end] == ' ' || bytes[end] == '\t'
                  || bytes[end] == '\n' || bytes[end] == '\f'
                  || bytes[end] == '\r' || bytes[end] == '>'))
            && consent_rw_out(rw, bytes + prev, a->name_off - prev) != 0)
        {
            return -1;
        }

        if (rw->edits[i].action == A_RENAME
            && (consent_rw_out(rw, rw->edits[i].name,
                               strlen(rw->edits[i].name)) != 0
                || consent_rw_out(rw, bytes + a->name_off + a->name_len,
                                  end - a->name_off - a->name_len) != 0))
        {
            return -1;
        }

        prev = end;
    }

    return consent_rw_out(rw, bytes + prev, t->len - prev);
}


/*
 * A complete start tag of one of the elements: block it, activate it, or
 * (an inline script) start holding its text.
 */
static int
consent_rw_decide(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes)
{
    int                    service, category, script, activate;
    size_t                 i;
    const char            *url_name, *data_name;
    const consent_attr_t  *url, *srcset, *cat, *type;

    /* by element id, CONSENT_TAG_SCRIPT to CONSENT_TAG_OBJECT */
    static const char *const  url_names[] = { NULL, "src", "src", "src",
                                              "src", "src", "src", "src",
                                              "href", "data" };
    static const char *const  data_names[] = { NULL, "data-src", "data-src",
                                               "data-src", "data-src",
                                               "data-src", "data-src",
                                               "data-src", "data-href",
                                               "data-data" };

    script = rw->element == CONSENT_TAG_SCRIPT;
    url_name = url_names[rw->element];
    data_name = data_names[rw->element];

    for (i = 0; i < t->nattrs; i++) {
        rw->edits[i].action = A_KEEP;
    }

    if (script && !consent_rw_is_js(t, bytes)) {
        type = consent_tag_attr(t, bytes, "type");
        cat = consent_tag_attr(t, bytes, "data-category");

        if (cat == NULL || type == NULL
            || !consent_rw_value_is(type, bytes, "text/plain"))
        {
            return 0;       /* a data block: never touched */
        }

        /* site-tagged: activated once its category is granted */
        if (consent_rw_category(rw, cat, bytes, &category) != 0) {
            return -1;
        }
        if (category < 0
            || !(rw->conf.granted & ((consent_mask_t) 1 << category)))
        {
            return 0;
        }

        consent_rw_edit(rw, t, bytes, "type", A_DROP, NULL);
        consent_rw_edit(rw, t, bytes, "data-type", A_RENAME, "type");
        if (consent_tag_attr(t, bytes, "src") == NULL) {
            consent_rw_edit(rw, t, bytes, "data-src", A_RENAME, "src");
        }
        goto activated;
    }

    cat = consent_tag_attr(t, bytes, "data-category");

    if (!script && cat) {
        activate = 0;

        if (consent_tag_attr(t, bytes, data_name)
            && consent_tag_attr(t, bytes, url_name) == NULL)
        {
            activate = 1;
        }

        if ((rw->element == CONSENT_TAG_IMG
             || rw->element == CONSENT_TAG_SOURCE)
            && consent_tag_attr(t, bytes, "data-srcset")
            && consent_tag_attr(t, bytes, "srcset") == NULL)
        {
            activate = 1;
        }

        if (activate) {
            if (consent_rw_category(rw, cat, bytes, &category) != 0) {
                return -1;
            }
            if (category < 0
                || !(rw->conf.granted & ((consent_mask_t) 1 << category)))
            {
                return 0;
            }

            if (consent_tag_attr(t, bytes, url_name) == NULL) {
                consent_rw_edit(rw, t, bytes, data_name, A_RENAME, url_name);
            }
            if (consent_tag_attr(t, bytes, "srcset") == NULL) {
                consent_rw_edit(rw, t, bytes, "data-srcset", A_RENAME,
                                "srcset");
            }
            goto activated;
        }
    }

    url = consent_tag_attr(t, bytes, url_name);

    if (script && url == NULL) {
        if (!rw->block_inline || rw->conf.inline_max == 0) {
            return 0;
        }

        /* the text decides: hold it up to the end tag */
        memcpy(rw->script, t, offsetof(consent_tag_t, attrs)
                              + t->nattrs * sizeof(consent_attr_t));
        rw->mode = M_INLINE;
        rw->text_start = t->start + t->len;
        return 0;
    }

    if (!rw->block_src) {
        return 0;
    }

    service = -1;

    if (url && url->has_value
        && consent_rw_match_url(rw, url, bytes, 0, &service) != 0)
    {
        return -1;
    }

    srcset = NULL;
    if (rw->element == CONSENT_TAG_IMG || rw->element == CONSENT_TAG_SOURCE) {
        srcset = consent_tag_attr(t, bytes, "srcset");
        if (srcset && srcset->has_value && !consent_rw_denied(rw, service)
            && consent_rw_match_url(rw, srcset, bytes, 1, &service) != 0)
        {
            return -1;
        }
    }

    if (!consent_rw_denied(rw, service)) {
        return 0;
    }

    consent_rw_edit(rw, t, bytes, "data-category", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-service", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, data_name, A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, url_name, A_RENAME, data_name);

    if (srcset) {
        consent_rw_edit(rw, t, bytes, "data-srcset", A_DROP, NULL);
        consent_rw_edit(rw, t, bytes, "srcset", A_RENAME, "data-srcset");
    }

    if (script) {
        consent_rw_edit(rw, t, bytes, "data-type", A_DROP, NULL);
        consent_rw_edit(rw, t, bytes, "type", A_RENAME, "data-type");
    }

    if (consent_rw_build(rw, t, bytes, service, script) != 0) {
        return -1;
    }

    rw->events |= CONSENT_EV_BLOCKED;
    goto replace;

activated:

    if (consent_rw_build(rw, t, bytes, -1, script) != 0) {
        return -1;
    }

    rw->events |= CONSENT_EV_ACTIVATED;

replace:

    if (consent_rw_emit_to(rw, t->start) != 0
        || consent_rw_emit(rw, rw->out, rw->out_len, 0) != 0)
    {
        return -1;
    }

    rw->pending = t->start + t->len;

    return 0;
}


/* The held inline script's text ends at end: match it, then let it go. */
static int
consent_rw_inline_end(consent_rewriter_t *rw, uint64_t end)
{
    int                   service;
    size_t                i;
    consent_class_t       c;
    const consent_tag_t  *t;
    const unsigned char  *bytes;

    rw->mode = M_NONE;

    if (end - rw->text_start > rw->conf.inline_max) {
        rw->events |= CONSENT_EV_INLINE_TOO_LONG;
        return 0;
    }

    t = rw->script;
    bytes = consent_rw_bytes(rw, t->start, end);
    if (bytes == NULL) {
        return -1;
    }

    consent_policy_classify_inline(rw->conf.policy, rw->conf.site,
                                   bytes + t->len,
                                   (size_t) (end - rw->text_start),
                                   rw->conf.granted, &c);

    service = (c.kind == CONSENT_CLASS_SERVICE) ? c.service : -1;

    if (service >= 0 && rw->conf.observe) {
        rw->conf.observe(rw->conf.observe_data, service, NULL, 0,
                         CONSENT_TAG_SCRIPT);
    }

    if (!consent_rw_denied(rw, service)) {
        return 0;
    }

    for (i = 0; i < t->nattrs; i++) {
        rw->edits[i].action = A_KEEP;
    }

    consent_rw_edit(rw, t, bytes, "data-category", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-service", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-type", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "type", A_RENAME, "data-type");

    if (consent_rw_build(rw, t, bytes, service, 1) != 0
        || consent_rw_emit_to(rw, t->start) != 0
        || consent_rw_emit(rw, rw->out, rw->out_len, 0) != 0)
    {
        return -1;
    }

    rw->pending = rw->text_start;
    rw->events |= CONSENT_EV_BLOCKED;

    return 0;
}


static int
consent_rw_noscript_emit(void *data, const unsigned char *p, size_t len,
    int from_input)
{
    size_t               cap;
    unsigned char       *nb;
    consent_rewriter_t  *rw;

    (void) from_input;
    rw = data;

    if (rw->noscript_len + len > rw->noscript_cap) {
        cap = (rw->noscript_len + len) * 2;
        nb = realloc(rw->noscript, cap);
        if (nb == NULL) {
            return -1;
        }
        rw->noscript = nb;
        rw->noscript_cap = cap;
    }

    memcpy(rw->noscript + rw->noscript_len, p, len);
    rw->noscript_len += len;

    return 0;
}


/*
 * The held noscript text ends at end: rewrite it as a document of its own,
 * read as a browser without scripting reads it.
 */
static int
consent_rw_noscript_end(consent_rewriter_t *rw, uint64_t end)
{
    int                       rc;
    size_t                    len;
    const unsigned char      *text;
    consent_rewriter_t       *nrw;
    consent_rewriter_conf_t   conf;

    rw->mode = M_NONE;
    len = (size_t) (end - rw->text_start);

    if (len > rw->conf.inline_max) {
        rw->events |= CONSENT_EV_INLINE_TOO_LONG;
        return 0;
    }

    /* an empty noscript at the end of input has no buffer to point into */
    text = len ? consent_rw_bytes(rw, rw->text_start, end)
               : (const unsigned char *) "";
    if (text == NULL) {
        return -1;
    }

    conf = rw->conf;
    conf.inline_max = 0;            /* scripts never run from a noscript */
    conf.emit = consent_rw_noscript_emit;
    conf.emit_data = rw;

    nrw = consent_rewriter_create(&conf);
    if (nrw == NULL) {
        return -1;
    }

    nrw->nested = 1;
    nrw->sc.scripting = 0;
    nrw->injected = I_ALL;
    rw->noscript_len = 0;

    rc = consent_rewriter_feed(nrw, text, len, 1);
    rw->events |= nrw->events & (CONSENT_EV_BLOCKED | CONSENT_EV_ACTIVATED
                                 | CONSENT_EV_TAG_TOO_LONG);
    consent_rewriter_destroy(nrw);

    if (rc != 0) {
        return -1;
    }

    if (rw->noscript_len == len
        && (len == 0 || memcmp(rw->noscript, text, len) == 0))
    {
        return 0;
    }

    if (consent_rw_emit_to(rw, rw->text_start) != 0
        || consent_rw_emit(rw, rw->noscript, rw->noscript_len, 0) != 0)
    {
        return -1;
    }

    rw->pending = end;

    return 0;
}

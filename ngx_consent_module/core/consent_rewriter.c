/*
 * Streaming HTML rewriter (see consent_rewriter.h): the rewrite decisions and
 * injections on top of consent_scanner.  Bytes are emitted lazily: the
 * untouched run since the last change goes out as one reference into the
 * input when something has to be inserted or at the end of the buffer.
 * Only the tags whose bytes a decision needs (the loaders below, while a
 * style or background attribute may load a denied service every start tag
 * that has one or is not known not to, and the start of any tag whose name
 * is not complete) are held across buffers.
 *
 * Every bound is applied the same way whatever the buffers, so the output
 * does not depend on them, and fails closed: a loader's start tag over
 * CONSENT_TAG_MAX bytes (or with more attributes than the scanner records)
 * is replaced by an inert placeholder when it ends; inline script text
 * over inline_max gets an inert start tag (type="text/plain").  A
 * noscript's text is rewritten as it streams, and so is a style's over
 * inline_max (its tracker URLs made inert in place), without a bound.
 * Rewritten tags keep every byte of the original but the attribute names they
 * rename, the attributes they drop (duplicates, which browsers ignore, and
 * ones the rewrite sets) and the attributes they add after the tag name,
 * HTML-escaped in double quotes.  Every value that decides anything is
 * compared after character references are decoded.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "consent_css.h"
#include "consent_rewriter.h"
#include "consent_scanner.h"
#include "consent_url.h"

/* A longer loader start tag is replaced by an inert placeholder. */
#define CONSENT_TAG_MAX  16384

/* The "service" of an unknown third party blocked as unknown_category. */
#define CONSENT_RW_UNKNOWN  -2

/*
 * What a blocked <style> element's text starts with: browsers' preload
 * scanners fetch its @import rules whatever its type, and no @import after
 * a rule counts (consent.js removes it again).
 */
#define CONSENT_STYLE_STOP  "@media not all{}"

/*
 * A long <style> streams: a URL in it is decided on its first bytes (the
 * host is in them) and, when denied, made inert in place.
 */
#define CONSENT_CSS_URL_MAX  1024
#define CONSENT_CSS_INERT    "about:invalid#"

/* iframe srcdoc documents inside srcdoc documents read before giving up. */
#define CONSENT_SRCDOC_DEPTH  4

enum {
    M_NONE = 0,
    M_TAG,           /* holding a start tag a decision needs */
    M_INLINE,        /* holding an inline script's or style's tag and text */
    M_NOSCRIPT,      /* rewriting a noscript element's text as it streams */
    M_CSS,           /* reading a long <style>'s text as it streams */
    M_SKIP           /* dropping a loader's over-long start tag */
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
    A_RENAME,
    A_KEEP_ORIG,     /* the page's own data-X -> data-consent-orig-X */
    A_PUT_BACK       /* data-consent-orig-X -> data-X */
};

/*
 * While the module holds an element inert, the page's own attribute of a
 * name the module writes (data-src, data-type, data-category, ...) is kept
 * under this prefix; activation puts it back.
 */
#define CONSENT_ORIG      "data-consent-orig-"
#define CONSENT_ORIG_LEN  (sizeof(CONSENT_ORIG) - 1)

/* How an attribute loads something. */
enum {
    L_URL = 1,       /* one URL */
    L_SRCSET,        /* srcset candidates */
    L_PING,          /* URLs separated by spaces */
    L_CSS,           /* CSS: url() and strings */
    L_REFRESH,       /* <meta http-equiv=refresh content="0;url=..."> */
    L_SRCDOC         /* a document of its own */
};

/* What a type attribute decides (and type="text/plain" stops). */
enum {
    T_NONE = 0,
    T_SCRIPT,
    T_STYLE
};

typedef struct {
    unsigned char    action;
    const char      *name;           /* A_RENAME: the new name */
} consent_edit_t;

typedef struct {
    const char      *live;           /* the attribute that loads */
    size_t           live_len;
    const char      *inert;          /* its name while blocked */
    unsigned char    kind;           /* L_* */
} consent_rw_loader_t;

#define CONSENT_RW_LOADER(live, inert, kind)                               \
    { live, sizeof(live) - 1, inert, kind }

#define CONSENT_RW_LOADERS  2

typedef struct {
    unsigned char        typed;      /* T_* */
    consent_rw_loader_t  loaders[CONSENT_RW_LOADERS];
} consent_rw_element_t;

/* The attributes a rewritten start tag gets after its name. */
typedef struct {
    int              category;       /* >= 0: data-category */
    int              service;        /* >= 0: data-service */
    unsigned         plain:1;        /* type="text/plain" */
    unsigned         name:1;         /* data-name (the service id) */
    unsigned         marker:1;       /* data-consent (conf.marker) */
    unsigned         overflow:1;     /* data-consent-overflow */
    unsigned         frame:1;        /* a placeholder goes before it */
    consent_mask_t   requires;       /* data-consent-requires: more denied
                                        categories */
} consent_rw_add_t;

struct consent_rewriter_s {
    consent_rewriter_conf_t   conf;

    uint64_t                  pending;      /* first byte not emitted */
    const unsigned char      *buf;          /* the buffer being fed */
    uint64_t                  buf_off;
    uint64_t                  buf_end;
    uint64_t                  hold_off;     /* hold: [hold_off, hold_end) */
    uint64_t                  hold_end;

    int                       mode;
    int                       element;      /* CONSENT_TAG_* */
    uint64_t                  elem_start;   /* its '<' */
    uint64_t                  text_start;   /* M_INLINE, M_NOSCRIPT: after
                                               the start tag's '>' */
    uint64_t                  text_fed;     /* M_NOSCRIPT, M_CSS: read so
                                               far */
    uint64_t                  css_url;      /* M_CSS: where a URL starts */
    unsigned                  inject_after; /* I_* + 1 after this tag */
    unsigned                  injected;     /* count of I_* done */
    unsigned                  depth;        /* srcdoc nesting */
    unsigned                  seen_head:1;
    unsigned                  seen_body:1;
    unsigned                  block_src:1;  /* a src service is denied */
    unsigned                  block_inline:1;
    unsigned                  check_styles:1; /* any styled start tag is
                                                 read */
    unsigned                  inline_foreign:1; /* the held text is svg's */
    unsigned                  seen_base:1;  /* the <base href> in force */
    unsigned                  done:1;
    unsigned                  failed:1;
    unsigned                  nested:1;     /* rewrites a noscript's text */
    unsigned                  css_url_open:1;
    unsigned                  events;
    int                       blocked_service; /* the first one blocked */
    unsigned                  frames;       /* frames numbered */
    unsigned                 *frame_count;  /* the document's: a noscript's
                                               rewriter counts in its
                                               parent's */
    unsigned                  frame_width;  /* of the frame being blocked */
    unsigned                  frame_height;
    size_t                    nforms;       /* placeholders whose forms go
                                               at the end (forms) */
    consent_mask_t            blocked_mask;    /* categories blocked */

    consent_site_t            site;         /* conf.site points here: the
                                               base host is per document */
    size_t                    out_len;
    unsigned char            *base;         /* absolute <base href>, or
                                               NULL: the document's URL */
    size_t                    base_len;
    size_t                    base_origin;  /* "scheme://host:port" */
    size_t                    base_dir;     /* up to the last '/' */
    size_t                    base_path;    /* before '?' */
    size_t                    base_query;   /* before '#' */
    size_t                    noscript_len;
    consent_rewriter_t       *nrw;          /* M_NOSCRIPT: its rewriter */
    consent_css_scan_t        css;          /* M_CSS */

    /*
     * Not cleared by create: buffers grown to need, kept with a spare
     * rewriter for the next one; the scanner's attributes, the edits and
     * the held script tag, written before they are read.
     */
    unsigned char            *hold;         /* bytes [hold_off, hold_end) */
    size_t                    hold_cap;
    unsigned char            *out;          /* a rewritten tag */
    size_t                    out_cap;
    unsigned char            *scratch;      /* decoded value, its URL */
    size_t                    scratch_cap;
    unsigned char            *dec;          /* a decoded attribute value */
    size_t                    dec_cap;
    unsigned char            *tok;          /* a URL out of CSS */
    size_t                    tok_cap;
    unsigned char            *res;          /* a URL for matching */
    size_t                    res_cap;
    unsigned char            *noscript;     /* a noscript's text rewritten */
    size_t                    noscript_cap;
    consent_frame_t          *forms;        /* [nforms) are this document's */
    size_t                    forms_cap;
    consent_scanner_t         sc;
    consent_edit_t            edits[CONSENT_SCAN_MAX_ATTRS];
    consent_tag_t             script;       /* the held script start tag */
};

/*
 * Destroyed rewriters are kept, buffers and all, for the next ones created
 * on the same thread (an nginx worker's next response and its noscript's
 * rewriter): most responses then allocate nothing.  Buffers grown past
 * CONSENT_RW_SPARE_MAX are not kept.
 */
#define CONSENT_RW_SPARES     2
#define CONSENT_RW_SPARE_MAX  32768

static _Thread_local consent_rewriter_t  *consent_rw_spare[CONSENT_RW_SPARES];
static _Thread_local unsigned             consent_rw_spares;


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
static int consent_rw_bounded(consent_rewriter_t *rw);
static int consent_rw_loader_id(int id);
static const consent_rw_element_t *consent_rw_element(int id, int foreign);
static const consent_rw_loader_t *consent_rw_loader_at(
    const consent_rw_element_t *el, size_t k);
static int consent_rw_placeholder(consent_rewriter_t *rw,
    const consent_tag_t *t);
static int consent_rw_decide(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes);
static int consent_rw_tagged_attr(const consent_tag_t *t,
    const unsigned char *bytes);
static int consent_rw_block(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_rw_element_t *el);
static int consent_rw_tagged(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_rw_element_t *el);
static int consent_rw_replace(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_rw_add_t *add);
static int consent_rw_loader(consent_rewriter_t *rw,
    const unsigned char *bytes, const consent_attr_t *a, unsigned kind,
    int activate, int *service, consent_mask_t *mask);
static int consent_rw_classify(consent_rewriter_t *rw,
    const unsigned char *url, size_t len, int activate, int *service,
    consent_mask_t *mask);
static int consent_rw_css(consent_rewriter_t *rw, const unsigned char *css,
    size_t len, int *service, consent_mask_t *mask);
static int consent_rw_srcdoc(consent_rewriter_t *rw,
    const unsigned char *doc, size_t len, int *service,
    consent_mask_t *mask);
static int consent_rw_set_base(consent_rewriter_t *rw,
    const consent_attr_t *a, const unsigned char *bytes);
static const unsigned char *consent_rw_value(consent_rewriter_t *rw,
    const consent_attr_t *a, const unsigned char *bytes, size_t *len);
static int consent_rw_value_is(consent_rewriter_t *rw,
    const consent_attr_t *a, const unsigned char *bytes, const char *value);
static int consent_rw_typed_active(consent_rewriter_t *rw, unsigned typed,
    const consent_tag_t *t, const unsigned char *bytes);
static int consent_rw_is_js(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes);
static int consent_rw_service_named(consent_rewriter_t *rw,
    const consent_attr_t *a, const unsigned char *bytes, int *service);
static size_t consent_rw_scheme(const unsigned char *p, size_t len,
    unsigned char *scheme, size_t size);
static size_t consent_rw_refresh_url(const unsigned char *p, size_t len,
    const unsigned char **url);
static int consent_rw_inline_end(consent_rewriter_t *rw, uint64_t end);
static int consent_rw_inline_overflow(consent_rewriter_t *rw);
static int consent_rw_style_stop(consent_rewriter_t *rw);
static int consent_rw_css_feed(consent_rewriter_t *rw, uint64_t to,
    int last);
static int consent_rw_css_url(consent_rewriter_t *rw, uint64_t end);
static uint64_t consent_rw_text_end(consent_rewriter_t *rw);
static int consent_rw_noscript_feed(consent_rewriter_t *rw, uint64_t to,
    int last);
static int consent_rw_collect(void *data, const unsigned char *p,
    size_t len, int from_input);
static int consent_rw_discard(void *data, const unsigned char *p,
    size_t len, int from_input);
static consent_rewriter_t *consent_rw_nested(consent_rewriter_t *rw,
    consent_emit_pt emit);
static unsigned consent_rw_category_of(consent_rewriter_t *rw, int service);
static int consent_rw_denied(consent_rewriter_t *rw, int service);
static int consent_rw_classify_url(consent_rewriter_t *rw,
    const unsigned char *url, size_t len);
static int consent_rw_match_url(consent_rewriter_t *rw,
    const consent_attr_t *a, const unsigned char *bytes, int srcset,
    int *service);
static int consent_rw_category(consent_rewriter_t *rw,
    const consent_attr_t *a, const unsigned char *bytes, int *category);
static void consent_rw_keep_orig(consent_rewriter_t *rw,
    const consent_tag_t *t, const unsigned char *bytes, int typed);
static void consent_rw_put_back(consent_rewriter_t *rw,
    const consent_tag_t *t, const unsigned char *bytes);
static int consent_rw_name_is(const consent_attr_t *a,
    const unsigned char *bytes, const char *name);
static int consent_rw_edit(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const char *name, unsigned action,
    const char *rename);
static int consent_rw_build(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_rw_add_t *add);
static unsigned char *consent_rw_scratch(consent_rewriter_t *rw,
    size_t len);
static unsigned char *consent_rw_grow(unsigned char **buf, size_t *cap,
    size_t need);
static int consent_rw_frame_element(consent_rewriter_t *rw,
    const consent_tag_t *t);
static int consent_rw_live_frame(consent_rewriter_t *rw,
    const consent_tag_t *t, const unsigned char *bytes,
    const consent_attr_t *a);
static int consent_rw_frame_box(consent_rewriter_t *rw,
    const consent_tag_t *t, const unsigned char *bytes);
static long consent_rw_pixels(const unsigned char *p, size_t len,
    int css);
static int consent_rw_placeholder_write(void *sink, const void *p,
    size_t len);
static int consent_rw_out(consent_rewriter_t *rw, const void *p, size_t n);
static int consent_rw_out_escaped(consent_rewriter_t *rw, const char *s);
static int consent_rw_out_escaped_n(consent_rewriter_t *rw,
    const unsigned char *s, size_t n);


consent_rewriter_t *
consent_rewriter_create(const consent_rewriter_conf_t *c)
{
    size_t                    i;
    consent_rewriter_t       *rw;
    const consent_policy_t   *pol;
    const consent_service_t  *svc;

    if (consent_rw_spares) {
        rw = consent_rw_spare[--consent_rw_spares];

    } else {
        rw = malloc(sizeof(consent_rewriter_t));
        if (rw == NULL) {
            return NULL;
        }

        memset(&rw->hold, 0, offsetof(consent_rewriter_t, sc)
                             - offsetof(consent_rewriter_t, hold));
    }

    memset(rw, 0, offsetof(consent_rewriter_t, hold));

    rw->conf = *c;
    rw->blocked_service = -1;
    rw->frame_count = &rw->frames;
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
    if (pol && (pol->catalogue_mask & ~c->granted)) {
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

    /*
     * A style or background attribute of any element may load a denied
     * service: the scanner then reports every start tag that has one (or
     * its data- form).  Observers hear only of what responses with
     * something denied load (first visits are those): a visitor who
     * granted everything keeps the fast path.
     */
    rw->check_styles = rw->block_src;
    rw->sc.styles = rw->block_src;

    /* with nothing denied only site-tagged loaders are read */
    rw->sc.tagged = !rw->block_src && !rw->block_inline;

    return rw;
}


void
consent_rewriter_destroy(consent_rewriter_t *rw)
{
    if (rw == NULL) {
        return;
    }

    consent_rewriter_destroy(rw->nrw);
    free(rw->base);

    if (consent_rw_spares < CONSENT_RW_SPARES
        && rw->hold_cap <= CONSENT_RW_SPARE_MAX
        && rw->out_cap <= CONSENT_RW_SPARE_MAX
        && rw->scratch_cap <= CONSENT_RW_SPARE_MAX
        && rw->dec_cap <= CONSENT_RW_SPARE_MAX
        && rw->tok_cap <= CONSENT_RW_SPARE_MAX
        && rw->res_cap <= CONSENT_RW_SPARE_MAX
        && rw->noscript_cap <= CONSENT_RW_SPARE_MAX
        && rw->forms_cap * sizeof(consent_frame_t) <= CONSENT_RW_SPARE_MAX)
    {
        consent_rw_spare[consent_rw_spares++] = rw;
        return;
    }

    free(rw->hold);
    free(rw->out);
    free(rw->scratch);
    free(rw->dec);
    free(rw->tok);
    free(rw->res);
    free(rw->noscript);
    free(rw->forms);
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
    uint64_t  from, end;

    from = rw->buf_end;

    /* longer than inline_max: inert, the text passes as it is (a tag
       may start at its end, as after any text) */
    if (rw->mode == M_INLINE
        && consent_rw_text_end(rw) - rw->text_start > rw->conf.inline_max)
    {
        if (consent_rw_inline_overflow(rw) != 0) {
            return -1;
        }
    }

    if (rw->mode == M_INLINE) {
        from = rw->elem_start;

    } else if (rw->mode == M_CSS) {
        end = consent_rw_text_end(rw);
        if (consent_rw_css_feed(rw, end, 0) != 0) {
            return -1;
        }
        from = rw->css_url_open ? rw->css_url : end;

    } else if (rw->mode == M_NOSCRIPT) {
        end = consent_scanner_text_end(&rw->sc);
        if (consent_rw_noscript_feed(rw, end, 0) != 0) {
            return -1;
        }
        from = end;

    } else if (rw->mode == M_SKIP) {
        rw->pending = rw->buf_end;

    } else if (rw->mode == M_TAG || consent_scanner_in_tag_open(&rw->sc)) {
        if (rw->buf_end - rw->sc.tag.start <= CONSENT_TAG_MAX) {
            from = rw->sc.tag.start;

        } else if (rw->mode == M_TAG && consent_rw_bounded(rw)) {
            /* too long to hold: dropped, a placeholder at its end */
            if (consent_rw_emit_to(rw, rw->sc.tag.start) != 0) {
                return -1;
            }
            rw->mode = M_SKIP;
            rw->pending = rw->buf_end;

        } else {
            if (rw->mode == M_TAG && rw->check_styles) {
                rw->events |= CONSENT_EV_STYLE_UNREAD;
            }
            rw->mode = M_NONE;
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
    size_t  i;

    /* a script, style or noscript open at the end runs to the end */
    if ((rw->mode == M_INLINE && consent_rw_inline_end(rw, rw->buf_end) != 0)
        || (rw->mode == M_CSS && consent_rw_css_feed(rw, rw->buf_end, 1) != 0)
        || (rw->mode == M_NOSCRIPT
            && consent_rw_noscript_feed(rw, rw->buf_end, 1) != 0))
    {
        return -1;
    }

    /* browsers drop a tag the end of input cuts: so does an over-long one */
    if (rw->mode == M_SKIP
        || (rw->mode == M_TAG && consent_rw_bounded(rw)
            && rw->buf_end - rw->sc.tag.start > CONSENT_TAG_MAX))
    {
        if (consent_rw_emit_to(rw, rw->sc.tag.start) != 0) {
            return -1;
        }
        rw->pending = rw->buf_end;
    }

    rw->mode = M_NONE;
    rw->done = 1;

    if (consent_rw_emit_to(rw, rw->buf_end) != 0
        || consent_rw_inject(rw, I_BODY_START) != 0)
    {
        return -1;
    }

    for (i = 0; i < rw->nforms; i++) {
        rw->forms[i].form = 1;
        if (rw->conf.placeholder(rw->conf.placeholder_data, &rw->forms[i],
                                 consent_rw_placeholder_write, rw)
            != 0)
        {
            return -1;
        }
    }

    return 0;
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

    /*
     * Only the element's own end tag is a tag in the raw text of an HTML
     * script, style or noscript; in svg any tag ends the text read and is
     * read itself.
     */
    if (rw->mode == M_INLINE || rw->mode == M_CSS) {
        if ((rw->mode == M_INLINE ? consent_rw_inline_end(rw, t->start)
                                  : consent_rw_css_feed(rw, t->start, 1))
            != 0)
        {
            return -1;
        }
        if (!rw->inline_foreign) {
            return 0;
        }
    }

    if (rw->mode == M_NOSCRIPT) {
        return consent_rw_noscript_feed(rw, t->start, 1);
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
            if (consent_rw_inject(rw, I_HEAD_END) != 0) {
                return -1;
            }
        }

    } else if (t->id == CONSENT_TAG_HEAD && !rw->seen_head
               && !rw->seen_body)
    {
        rw->seen_head = 1;
        rw->inject_after = I_HEAD_START + 1;
    }

    /* ping, refresh and base only matter while some URL may be denied */
    if ((consent_rw_loader_id(t->id)
         && (rw->block_src
             || !(t->id == CONSENT_TAG_A || t->id == CONSENT_TAG_AREA
                  || t->id == CONSENT_TAG_META || t->id == CONSENT_TAG_BASE)))
        || rw->check_styles)
    {
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

    if (rw->mode == M_SKIP
        || (rw->mode == M_TAG && consent_rw_bounded(rw)
            && (t->len > CONSENT_TAG_MAX || t->attrs_overflow)))
    {
        rw->mode = M_NONE;
        if (consent_rw_placeholder(rw, t) != 0) {
            return -1;
        }

    } else if (rw->mode == M_TAG) {
        rw->mode = M_NONE;

        if (t->len > CONSENT_TAG_MAX || t->attrs_overflow) {
            /* it passes, but its style was not read (or, with nothing
               denied, its site tagging: it stays as it is) */
            if (rw->check_styles) {
                rw->events |= CONSENT_EV_STYLE_UNREAD;
            }

        } else {
            bytes = consent_rw_bytes(rw, t->start, end);
            if (bytes == NULL || consent_rw_decide(rw, t, bytes) != 0) {
                return -1;
            }
        }
    }

    /*
     * Browsers without scripting load what a noscript holds: its text is
     * rewritten as markup of its own while it streams.
     */
    if (t->id == CONSENT_TAG_NOSCRIPT && !t->is_end && !rw->nested
        && rw->block_src
        && consent_scanner_content(&rw->sc) == CONSENT_SCAN_RAWTEXT)
    {
        rw->nrw = consent_rw_nested(rw, consent_rw_collect);
        if (rw->nrw == NULL) {
            return -1;
        }
        rw->nrw->nested = 1;
        rw->nrw->sc.scripting = 0;
        rw->nrw->conf.inline_max = 0;   /* no script runs from a noscript */
        rw->mode = M_NOSCRIPT;
        rw->text_start = end;
        rw->text_fed = end;
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


/*
 * Whether the held start tag is replaced by a placeholder past the bounds:
 * a loader's, while something may be denied.  With nothing denied a
 * loader matters only for its site tagging, and the skip layer passes over
 * the untagged ones without telling: so the long ones pass too, whatever
 * the buffers.
 */
static int
consent_rw_bounded(consent_rewriter_t *rw)
{
    return consent_rw_loader_id(rw->element)
           && (rw->block_src || rw->block_inline);
}


/* The elements a start tag of which is held and read whatever it has. */
static int
consent_rw_loader_id(int id)
{
    return (id >= CONSENT_TAG_SCRIPT && id <= CONSENT_TAG_OBJECT)
           || (id >= CONSENT_TAG_FRAME && id <= CONSENT_TAG_FEIMAGE);
}


/*
 * What loads in an element (besides style and background, which any
 * element may have).  In svg (foreign content) script, image, use and
 * feImage load href or xlink:href; HTML's parser reads <image> as <img>.
 */
static const consent_rw_element_t *
consent_rw_element(int id, int foreign)
{
    static const consent_rw_element_t  script = { T_SCRIPT,
        { CONSENT_RW_LOADER("src", "data-src", L_URL) } };
    static const consent_rw_element_t  svg_script = { T_SCRIPT,
        { CONSENT_RW_LOADER("href", "data-href", L_URL),
          CONSENT_RW_LOADER("xlink:href", "data-xlink-href", L_URL) } };
    static const consent_rw_element_t  svg_ref = { T_NONE,
        { CONSENT_RW_LOADER("href", "data-href", L_URL),
          CONSENT_RW_LOADER("xlink:href", "data-xlink-href", L_URL) } };
    static const consent_rw_element_t  style = { T_STYLE,
        { { NULL, 0, NULL, 0 } } };
    static const consent_rw_element_t  src = { T_NONE,
        { CONSENT_RW_LOADER("src", "data-src", L_URL) } };
    static const consent_rw_element_t  img = { T_NONE,
        { CONSENT_RW_LOADER("src", "data-src", L_URL),
          CONSENT_RW_LOADER("srcset", "data-srcset", L_SRCSET) } };
    static const consent_rw_element_t  iframe = { T_NONE,
        { CONSENT_RW_LOADER("src", "data-src", L_URL),
          CONSENT_RW_LOADER("srcdoc", "data-srcdoc", L_SRCDOC) } };
    static const consent_rw_element_t  video = { T_NONE,
        { CONSENT_RW_LOADER("src", "data-src", L_URL),
          CONSENT_RW_LOADER("poster", "data-poster", L_URL) } };
    static const consent_rw_element_t  link = { T_NONE,
        { CONSENT_RW_LOADER("href", "data-href", L_URL),
          CONSENT_RW_LOADER("imagesrcset", "data-imagesrcset", L_SRCSET) } };
    static const consent_rw_element_t  object = { T_NONE,
        { CONSENT_RW_LOADER("data", "data-data", L_URL) } };
    static const consent_rw_element_t  ping = { T_NONE,
        { CONSENT_RW_LOADER("ping", "data-ping", L_PING) } };
    static const consent_rw_element_t  meta = { T_NONE,
        { CONSENT_RW_LOADER("content", "data-content", L_REFRESH) } };
    static const consent_rw_element_t  base = { T_NONE,
        { CONSENT_RW_LOADER("href", "data-href", L_URL) } };
    static const consent_rw_element_t  other = { T_NONE,
        { { NULL, 0, NULL, 0 } } };

    if (foreign) {
        switch (id) {
        case CONSENT_TAG_SCRIPT:
            return &svg_script;
        case CONSENT_TAG_STYLE:
            return &style;
        case CONSENT_TAG_IMAGE:
        case CONSENT_TAG_USE:
        case CONSENT_TAG_FEIMAGE:
            return &svg_ref;
        default:
            return &other;
        }
    }

    switch (id) {
    case CONSENT_TAG_SCRIPT:
        return &script;
    case CONSENT_TAG_STYLE:
        return &style;
    case CONSENT_TAG_IMG:
    case CONSENT_TAG_IMAGE:
    case CONSENT_TAG_SOURCE:
        return &img;
    case CONSENT_TAG_IFRAME:
        return &iframe;
    case CONSENT_TAG_FRAME:
    case CONSENT_TAG_INPUT:
    case CONSENT_TAG_EMBED:
    case CONSENT_TAG_AUDIO:
        return &src;
    case CONSENT_TAG_VIDEO:
        return &video;
    case CONSENT_TAG_LINK:
        return &link;
    case CONSENT_TAG_OBJECT:
        return &object;
    case CONSENT_TAG_A:
    case CONSENT_TAG_AREA:
        return &ping;
    case CONSENT_TAG_META:
        return &meta;
    case CONSENT_TAG_BASE:
        return &base;
    default:
        return &other;
    }
}


/*
 * The k-th loading attribute of an element: its own, then those any
 * element may have (a script's or style's are never rendered).
 */
static const consent_rw_loader_t *
consent_rw_loader_at(const consent_rw_element_t *el, size_t k)
{
    static const consent_rw_loader_t  any[2] = {
        CONSENT_RW_LOADER("style", "data-style", L_CSS),
        CONSENT_RW_LOADER("background", "data-background", L_URL)
    };

    return k < CONSENT_RW_LOADERS ? &el->loaders[k]
                                  : &any[k - CONSENT_RW_LOADERS];
}


/*
 * A loader's start tag too long to read, or with attributes past the
 * scanner's record, becomes the bare element: nothing in it loads, and a
 * script or style stays inert.  Decided on the tag's length alone, emitted
 * when it ends, so the same for every split.
 */
static int
consent_rw_placeholder(consent_rewriter_t *rw, const consent_tag_t *t)
{
    size_t  n;

    rw->events |= CONSENT_EV_TAG_TOO_LONG;
    rw->out_len = 0;
    n = t->name_len < CONSENT_SCAN_NAME_MAX ? t->name_len
                                             : CONSENT_SCAN_NAME_MAX;

    if (consent_rw_out(rw, "<", 1) != 0
        || consent_rw_out(rw, t->name, n) != 0
        || ((rw->element == CONSENT_TAG_SCRIPT
             || rw->element == CONSENT_TAG_STYLE)
            && consent_rw_out(rw, " type=\"text/plain\"", 18) != 0)
        || consent_rw_out(rw, " data-consent-overflow", 22) != 0
        || (t->self_closing && consent_rw_out(rw, "/", 1) != 0)
        || consent_rw_out(rw, ">", 1) != 0)
    {
        return -1;
    }

    if (rw->pending < t->start && consent_rw_emit_to(rw, t->start) != 0) {
        return -1;
    }

    if (consent_rw_emit(rw, rw->out, rw->out_len, 0) != 0) {
        return -1;
    }

    rw->pending = t->start + t->len;

    return 0;
}


/*
 * A complete start tag (held element or, while styles are checked, any
 * element): block what it loads, activate it, mark it, or (an inline
 * script or style) start holding its text.
 */
static int
consent_rw_decide(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes)
{
    int                          rc;
    size_t                       i, k;
    const consent_attr_t        *type;
    const consent_rw_loader_t   *l;
    const consent_rw_element_t  *el;

    el = consent_rw_element(rw->element, t->foreign);

    if (el->typed == T_NONE && el->loaders[0].live == NULL) {
        /* most tags: no attribute of a length that may matter (style,
           background, their data- names, data-category, data-name) */
        for (i = 0; i < t->nattrs; i++) {
            k = t->attrs[i].name_len;
            if (k == 5 || k == 9 || k == 10 || k == 13 || k == 15) {
                break;
            }
        }
        if (i == t->nattrs) {
            return 0;
        }
    }

    for (i = 0; i < t->nattrs; i++) {
        rw->edits[i].action = A_KEEP;
    }

    if (el->typed) {
        rc = consent_rw_typed_active(rw, el->typed, t, bytes);
        if (rc < 0) {
            return -1;
        }
        if (rc) {
            return consent_rw_block(rw, t, bytes, el);
        }

        /* a data block, unless the site tagged it for consent */
        type = consent_tag_attr(t, bytes, "type");
        if (type == NULL || !consent_rw_tagged_attr(t, bytes)) {
            return 0;
        }

        rc = consent_rw_value_is(rw, type, bytes, "text/plain");
        if (rc <= 0) {
            return rc;
        }

        return consent_rw_tagged(rw, t, bytes, el);
    }

    /* site-tagged: an inert URL attribute without its live one; what it
       loads live is read first (a replaced tag has gone out) */
    if (consent_rw_tagged_attr(t, bytes)) {
        for (k = 0; k < CONSENT_RW_LOADERS + 2; k++) {
            l = consent_rw_loader_at(el, k);
            if (l->live && consent_tag_attr(t, bytes, l->inert)
                && consent_tag_attr(t, bytes, l->live) == NULL)
            {
                if (consent_rw_block(rw, t, bytes, el) != 0) {
                    return -1;
                }
                return rw->pending > t->start
                       ? 0 : consent_rw_tagged(rw, t, bytes, el);
            }
        }
    }

    return consent_rw_block(rw, t, bytes, el);
}


/* Whether a tag has data-category or data-name (one pass, for every tag). */
static int
consent_rw_tagged_attr(const consent_tag_t *t, const unsigned char *bytes)
{
    size_t                i, k;
    const char           *name;
    const consent_attr_t *a;

    for (i = 0; i < t->nattrs; i++) {
        a = &t->attrs[i];
        name = a->name_len == 13 ? "data-category"
               : a->name_len == 9 ? "data-name" : NULL;

        for (k = 0; name && k < a->name_len; k++) {
            if ((bytes[a->name_off + k] | 0x20) != (unsigned char) name[k]
                && bytes[a->name_off + k] != (unsigned char) name[k])
            {
                break;
            }
        }

        if (name && k == a->name_len) {
            return 1;
        }
    }

    return 0;
}


/* Not site-tagged: every loading attribute of a denied service goes inert. */
static int
consent_rw_block(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_rw_element_t *el)
{
    int                         rc, service, denied, has_url;
    size_t                      i, j, k, n;
    uint32_t                    lengths;
    consent_mask_t              mask;
    consent_rw_add_t            add;
    const consent_attr_t       *a, *equiv, *found[CONSENT_RW_LOADERS + 2];
    const consent_rw_loader_t  *l;

    service = -1;
    mask = 0;
    denied = 0;
    has_url = 0;
    /* with nothing denied nothing is classified (nor observed) */
    n = !rw->block_src && !rw->block_inline ? 0
        : el->typed ? CONSENT_RW_LOADERS : CONSENT_RW_LOADERS + 2;

    /* the first attribute of each loading name, in one pass; most are
       told apart by their length */
    lengths = 0;
    for (k = 0; k < n; k++) {
        found[k] = NULL;
        lengths |= (uint32_t) 1 << consent_rw_loader_at(el, k)->live_len;
    }

    for (i = 0; n && i < t->nattrs; i++) {
        a = &t->attrs[i];
        if (a->name_len > 31 || !(lengths & ((uint32_t) 1 << a->name_len))) {
            continue;
        }
        for (k = 0; k < n; k++) {
            l = consent_rw_loader_at(el, k);
            if (found[k] || l->live == NULL || l->live_len != a->name_len) {
                continue;
            }
            for (j = 0; j < a->name_len; j++) {
                unsigned char c = bytes[a->name_off + j];
                if ((c >= 'A' && c <= 'Z' ? c + 32 : c)
                    != (unsigned char) l->live[j])
                {
                    break;
                }
            }
            if (j == a->name_len) {
                found[k] = a;
                break;
            }
        }
    }

    for (k = 0; k < n; k++) {
        l = consent_rw_loader_at(el, k);
        if ((a = found[k]) == NULL) {
            continue;
        }

        has_url = 1;

        if (!a->has_value) {
            continue;
        }

        if (l->kind == L_REFRESH) {
            equiv = consent_tag_attr(t, bytes, "http-equiv");
            rc = equiv ? consent_rw_value_is(rw, equiv, bytes, "refresh") : 0;
            if (rc <= 0) {
                if (rc < 0) {
                    return -1;
                }
                continue;
            }
        }

        rc = consent_rw_loader(rw, bytes, a, l->kind, 0, &service, &mask);
        if (rc <= 0) {
            if (rc < 0) {
                return -1;
            }
            continue;
        }

        denied = 1;
        consent_rw_edit(rw, t, bytes, l->live, A_RENAME, l->inert);
    }

    /* the first <base href> of the document is the one in force */
    if (rw->element == CONSENT_TAG_BASE && !t->foreign && !denied
        && !rw->seen_base && (a = consent_tag_attr(t, bytes, "href")))
    {
        if (consent_rw_set_base(rw, a, bytes) != 0) {
            return -1;
        }
    }

    if (!denied) {
        if (n && found[0] && consent_rw_frame_element(rw, t)
            && consent_rw_live_frame(rw, t, bytes, found[0]) != 0)
        {
            return -1;
        }

        if (el->typed && !has_url && rw->conf.inline_max
            && (el->typed == T_SCRIPT ? rw->block_inline : rw->block_src))
        {
            /* the text decides: hold it up to the end tag */
            memcpy(&rw->script, t, offsetof(consent_tag_t, attrs)
                                  + t->nattrs * sizeof(consent_attr_t));
            rw->mode = M_INLINE;
            rw->text_start = t->start + t->len;
            rw->inline_foreign = t->foreign;
        }
        return 0;
    }

    memset(&add, 0, sizeof(consent_rw_add_t));
    add.category = -1;
    add.service = service;
    add.marker = 1;

    if (service >= 0 || service == CONSENT_RW_UNKNOWN) {
        add.category = (int) consent_rw_category_of(rw, service);
        add.name = 1;
        add.requires = mask & ~((consent_mask_t) 1 << add.category);
    }

    consent_rw_edit(rw, t, bytes, "data-consent", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-consent-requires", A_DROP, NULL);

    if (el->typed) {
        add.plain = 1;
        consent_rw_edit(rw, t, bytes, "type", A_RENAME, "data-type");
    }

    consent_rw_keep_orig(rw, t, bytes, el->typed != T_NONE);

    if (service >= 0 && consent_rw_frame_element(rw, t)) {
        rc = consent_rw_frame_box(rw, t, bytes);
        if (rc < 0) {
            return -1;
        }
        add.frame = (unsigned) rc;
    }

    if (rw->blocked_service < 0) {
        rw->blocked_service = service;
    }
    rw->blocked_mask |= mask;
    rw->events |= CONSENT_EV_BLOCKED;

    return consent_rw_replace(rw, t, bytes, &add);
}


/*
 * Markup the site tagged for consent (data-category, or Klaro's data-name
 * naming a service by id or name): activated once its category is granted
 * and every URL it would load is a web URL of no denied service; else it
 * stays inert, marked for consent.js.
 */
static int
consent_rw_tagged(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_rw_element_t *el)
{
    int                         rc, category, service, other, named;
    size_t                      k, n;
    consent_mask_t              mask;
    consent_rw_add_t            add;
    const consent_attr_t       *cat, *name, *inert, *svc;
    const consent_rw_loader_t  *l;

    cat = consent_tag_attr(t, bytes, "data-category");
    name = consent_tag_attr(t, bytes, "data-name");
    category = -1;
    service = -1;

    if (cat && consent_rw_category(rw, cat, bytes, &category) != 0) {
        return -1;
    }

    if (category < 0 && name) {
        if (consent_rw_service_named(rw, name, bytes, &service) != 0) {
            return -1;
        }
        if (service >= 0) {
            category = (int) rw->conf.policy->services[service].category;
        }
    }

    if (category < 0) {
        return 0;                   /* not this policy's: left alone */
    }

    memset(&add, 0, sizeof(consent_rw_add_t));
    add.category = -1;
    add.service = -1;

    /* a service granted alone: its data-service (or Klaro's name) says */
    named = service;
    if (!(rw->conf.granted & ((consent_mask_t) 1 << category))
        && rw->conf.services.n != 0 && named < 0)
    {
        svc = consent_tag_attr(t, bytes, "data-service");
        svc = svc ? svc : name;
        if (svc && consent_rw_service_named(rw, svc, bytes, &named) != 0) {
            return -1;
        }
    }

    if (!(rw->conf.granted & ((consent_mask_t) 1 << category))
        && !(named >= 0
             && consent_services_has(&rw->conf.services,
                                     rw->conf.policy->services[named].hash)))
    {
        if (rw->conf.marker.len == 0) {
            return 0;
        }

        add.marker = 1;
        consent_rw_edit(rw, t, bytes, "data-consent", A_DROP, NULL);

        if (service >= 0) {
            /* Klaro's: consent.js reads the category */
            add.category = category;
            add.service = service;
            consent_rw_edit(rw, t, bytes, "data-category", A_DROP, NULL);
            consent_rw_edit(rw, t, bytes, "data-service", A_DROP, NULL);
        }

        return consent_rw_replace(rw, t, bytes, &add);
    }

    other = -1;
    mask = 0;
    n = el->typed ? CONSENT_RW_LOADERS : CONSENT_RW_LOADERS + 2;

    for (k = 0; k < n; k++) {
        l = consent_rw_loader_at(el, k);
        if (l->live == NULL
            || (inert = consent_tag_attr(t, bytes, l->inert)) == NULL
            || consent_tag_attr(t, bytes, l->live) != NULL)
        {
            continue;
        }

        if (inert->has_value) {
            rc = consent_rw_loader(rw, bytes, inert, l->kind, 1, &other,
                                   &mask);
            if (rc != 0) {
                return rc < 0 ? -1 : 0;     /* stays inert */
            }
        }

        consent_rw_edit(rw, t, bytes, l->inert, A_RENAME, l->live);
    }

    if (el->typed) {
        consent_rw_edit(rw, t, bytes, "type", A_DROP, NULL);
        consent_rw_edit(rw, t, bytes, "data-type", A_RENAME, "type");
    }

    consent_rw_edit(rw, t, bytes, "data-category", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-service", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-name", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-consent", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-consent-requires", A_DROP, NULL);
    consent_rw_put_back(rw, t, bytes);

    rw->events |= CONSENT_EV_ACTIVATED;

    return consent_rw_replace(rw, t, bytes, &add);
}


/*
 * Emits the start tag rebuilt with rw->edits and add in place of t, after
 * its placeholder when it is a frame to show.
 */
static int
consent_rw_replace(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_rw_add_t *add)
{
    size_t            n;
    consent_frame_t   frame, *forms;

    if (consent_rw_build(rw, t, bytes, add) != 0
        || consent_rw_emit_to(rw, t->start) != 0)
    {
        return -1;
    }

    if (add->frame) {
        frame.service = add->service;
        frame.width = rw->frame_width;
        frame.height = rw->frame_height;
        frame.number = ++*rw->frame_count;
        frame.live = 0;
        frame.form = 0;

        if (rw->conf.placeholder(rw->conf.placeholder_data, &frame,
                                 consent_rw_placeholder_write, rw)
            != 0)
        {
            return -1;
        }

        if (rw->nforms == rw->forms_cap) {
            n = rw->forms_cap ? rw->forms_cap * 2 : 4;
            forms = realloc(rw->forms, n * sizeof(consent_frame_t));
            if (forms == NULL) {
                return -1;
            }
            rw->forms = forms;
            rw->forms_cap = n;
        }

        rw->forms[rw->nforms++] = frame;
    }

    if (consent_rw_emit(rw, rw->out, rw->out_len, 0) != 0) {
        return -1;
    }

    rw->pending = t->start + t->len;

    return 0;
}


/*
 * Whether an attribute of that kind loads a denied service (activate = 0)
 * or, for an inert one about to be activated, anything but web URLs of
 * services not denied (activate = 1): 1 or 0, *service and *mask updated
 * with the denied ones; -1 on allocation failure.
 */
static int
consent_rw_loader(consent_rewriter_t *rw, const unsigned char *bytes,
    const consent_attr_t *a, unsigned kind, int activate, int *service,
    consent_mask_t *mask)
{
    int                   rc, any, svc;
    size_t                len, n, pos;
    const unsigned char  *v, *url;

    if (kind == L_SRCDOC) {
        if (activate) {
            return 1;               /* the server never puts one back */
        }
        if (!rw->block_src && !rw->block_inline) {
            return 0;
        }
        v = consent_rw_value(rw, a, bytes, &len);
        return v ? consent_rw_srcdoc(rw, v, len, service, mask) : -1;
    }

    if (!rw->block_src && !activate) {
        return 0;
    }

    if (kind == L_URL && rw->base == NULL && !activate) {
        /* the common case: the value as it is */
        svc = -1;
        if (consent_rw_match_url(rw, a, bytes, 0, &svc) != 0) {
            return -1;
        }
        if (!consent_rw_denied(rw, svc)) {
            return 0;
        }
        if (*service < 0) {
            *service = svc;
        }
        *mask |= (consent_mask_t) 1 << consent_rw_category_of(rw, svc);
        return 1;
    }

    v = consent_rw_value(rw, a, bytes, &len);
    if (v == NULL) {
        return -1;
    }

    switch (kind) {

    case L_URL:
        return consent_rw_classify(rw, v, len, activate, service, mask);

    case L_REFRESH:
        n = consent_rw_refresh_url(v, len, &url);
        return consent_rw_classify(rw, url, n, activate, service, mask);

    case L_CSS:
        return consent_rw_css(rw, v, len, service, mask);

    case L_SRCSET:
        any = 0;
        pos = 0;
        while ((n = consent_srcset_next(v, len, &pos, &url)) != 0) {
            rc = consent_rw_classify(rw, url, n, activate, service, mask);
            if (rc < 0) {
                return -1;
            }
            any |= rc;
        }
        return any;

    default: /* L_PING */
        any = 0;
        for (pos = 0; pos < len; pos = n) {
            while (pos < len && (v[pos] == ' ' || v[pos] == '\t'
                                 || v[pos] == '\n' || v[pos] == '\f'
                                 || v[pos] == '\r'))
            {
                pos++;
            }
            for (n = pos; n < len && !(v[n] == ' ' || v[n] == '\t'
                                       || v[n] == '\n' || v[n] == '\f'
                                       || v[n] == '\r'); n++)
            {
                /* void */
            }
            if (n > pos) {
                rc = consent_rw_classify(rw, v + pos, n - pos, activate,
                                         service, mask);
                if (rc < 0) {
                    return -1;
                }
                any |= rc;
            }
        }
        return any;
    }
}


/*
 * One decoded URL: resolved against the <base href> in force when it is
 * relative, then matched (as an attribute value: '&' written as "&amp;",
 * which matching decodes back).  1 when denied (or, activating, not a web
 * URL), 0 when not, -1 on allocation failure.
 */
static int
consent_rw_classify(consent_rewriter_t *rw, const unsigned char *url,
    size_t len, int activate, int *service, consent_mask_t *mask)
{
    int             svc;
    size_t          i, j, n, pre, k;
    unsigned char   scheme[8], *r;
    consent_attr_t  a;

    k = consent_rw_scheme(url, len, scheme, sizeof(scheme));

    if (activate && k != 0
        && !(k == 4 && memcmp(scheme, "http", 4) == 0)
        && !(k == 5 && memcmp(scheme, "https", 5) == 0))
    {
        return 1;                   /* javascript:, data:, vbscript: ... */
    }

    i = 0;
    pre = 0;

    if (rw->base && k == 0) {
        while (i < len && url[i] <= 0x20) {
            i++;
        }

        /* the second character, past tabs and newlines (browsers drop
           them): "/\t/host" is scheme-relative too */
        for (j = i + 1; j < len && (url[j] == '\t' || url[j] == '\n'
                                    || url[j] == '\r'); j++)
        {
            /* void */
        }

        if (i < len && j < len && (url[i] == '/' || url[i] == '\\')
            && (url[j] == '/' || url[j] == '\\'))
        {
            pre = 0;                /* scheme-relative: its own host */

        } else if (i < len && (url[i] == '/' || url[i] == '\\')) {
            pre = rw->base_origin;

        } else if (i < len && url[i] == '?') {
            pre = rw->base_path;

        } else if (i < len && url[i] == '#') {
            pre = rw->base_query;

        } else {
            pre = rw->base_dir;
        }
    }

    r = consent_rw_grow(&rw->res, &rw->res_cap, (pre + len - i) * 5 + 1);
    if (r == NULL) {
        return -1;
    }

    n = 0;
    for (k = 0; k < pre + len - i; k++) {
        unsigned char c = k < pre ? rw->base[k] : url[i + k - pre];
        if (c == '&') {
            memcpy(r + n, "&amp;", 5);
            n += 5;
        } else {
            r[n++] = c;
        }
    }

    memset(&a, 0, sizeof(consent_attr_t));
    a.value_len = (uint32_t) n;
    a.has_value = 1;
    a.quote = '"';

    svc = -1;
    if (consent_rw_match_url(rw, &a, r, 0, &svc) != 0) {
        return -1;
    }

    if (!consent_rw_denied(rw, svc)) {
        return 0;
    }

    if (*service < 0) {
        *service = svc;
    }
    *mask |= (consent_mask_t) 1 << consent_rw_category_of(rw, svc);

    return 1;
}


/* CSS: 1 when a url() or string in it is a URL of a denied service. */
static int
consent_rw_css(consent_rewriter_t *rw, const unsigned char *css, size_t len,
    int *service, consent_mask_t *mask)
{
    int             rc, any;
    size_t          n, pos;
    unsigned char  *tok;

    tok = consent_rw_grow(&rw->tok, &rw->tok_cap, CONSENT_CSS_OUT_SIZE(len));
    if (tok == NULL) {
        return -1;
    }

    any = 0;
    pos = 0;

    while ((n = consent_css_next_url(css, len, &pos, tok)) != (size_t) -1) {
        rc = consent_rw_classify(rw, tok, n, 0, service, mask);
        if (rc < 0) {
            return -1;
        }
        any |= rc;
    }

    return any;
}


/*
 * An iframe's srcdoc document, read by a rewriter of its own: 1 when it
 * blocks anything there (the frame then goes inert as a whole).  Past
 * CONSENT_SRCDOC_DEPTH nested documents any markup counts.
 */
static int
consent_rw_srcdoc(consent_rewriter_t *rw, const unsigned char *doc,
    size_t len, int *service, consent_mask_t *mask)
{
    int                  rc;
    unsigned             blocked;
    consent_rewriter_t  *nrw;

    if (rw->depth + 1 >= CONSENT_SRCDOC_DEPTH) {
        return memchr(doc, '<', len) != NULL;
    }

    nrw = consent_rw_nested(rw, consent_rw_discard);
    if (nrw == NULL) {
        return -1;
    }

    nrw->depth = rw->depth + 1;
    nrw->conf.placeholder = NULL;   /* only read, never shown */

    rc = consent_rewriter_feed(nrw, len ? doc : (const unsigned char *) "",
                               len, 1);

    blocked = nrw->events & (CONSENT_EV_BLOCKED | CONSENT_EV_TAG_TOO_LONG
                             | CONSENT_EV_INLINE_TOO_LONG);
    rw->events |= nrw->events & (CONSENT_EV_TAG_TOO_LONG
                                 | CONSENT_EV_INLINE_TOO_LONG
                                 | CONSENT_EV_STYLE_UNREAD);

    if (blocked && *service < 0) {
        *service = nrw->blocked_service;
    }
    *mask |= nrw->blocked_mask;

    consent_rewriter_destroy(nrw);

    return rc != 0 ? -1 : blocked != 0;
}


/*
 * The document's first <base href>: an absolute http(s) one is what
 * relative URLs resolve against from now on; a relative one keeps them on
 * the document's own host.
 */
static int
consent_rw_set_base(consent_rewriter_t *rw, const consent_attr_t *a,
    const unsigned char *bytes)
{
    size_t                i, k, n, len, host;
    unsigned char         scheme[8];
    const unsigned char  *v;

    rw->seen_base = 1;

    v = consent_rw_value(rw, a, bytes, &len);
    if (v == NULL) {
        return -1;
    }

    /* as browsers read it: without surrounding spaces, tabs, newlines */
    rw->base = malloc(6 + len + 1);
    if (rw->base == NULL) {
        return -1;
    }

    memcpy(rw->base, "https:", 6);
    n = 6;
    for (k = 0; k < len; k++) {
        if (v[k] != '\t' && v[k] != '\n' && v[k] != '\r') {
            rw->base[n++] = v[k];
        }
    }

    for (i = 6; i < n && rw->base[i] <= 0x20; i++) { /* void */ }
    while (n > i && rw->base[n - 1] <= 0x20) {
        n--;
    }

    k = consent_rw_scheme(rw->base + i, n - i, scheme, sizeof(scheme));

    if (k == 0 && n - i >= 2 && (rw->base[i] == '/' || rw->base[i] == '\\')
        && (rw->base[i + 1] == '/' || rw->base[i + 1] == '\\'))
    {
        /* "https:" + "//host..." */
        memmove(rw->base + 6, rw->base + i, n - i);
        n = 6 + n - i;

    } else if ((k == 4 && memcmp(scheme, "http", 4) == 0)
               || (k == 5 && memcmp(scheme, "https", 5) == 0))
    {
        memmove(rw->base, rw->base + i, n - i);
        n -= i;

    } else {
        free(rw->base);             /* relative: the document's host */
        rw->base = NULL;
        return 0;
    }

    /* after "scheme:" and the slashes: the host, then the path */
    for (host = 0; host < n && rw->base[host] != ':'; host++) { /* void */ }
    for (host++; host < n && (rw->base[host] == '/'
                              || rw->base[host] == '\\'); host++)
    {
        /* void */
    }

    for (k = host; k < n && rw->base[k] != '/' && rw->base[k] != '\\'
                   && rw->base[k] != '?' && rw->base[k] != '#'; k++)
    {
        /* void */
    }

    rw->base_origin = k;

    if (k == n || rw->base[k] == '?' || rw->base[k] == '#') {
        /* "https://host?q": the path is "/" */
        memmove(rw->base + k + 1, rw->base + k, n - k);
        rw->base[k] = '/';
        n++;
    }

    rw->base_len = n;
    rw->base_query = n;
    rw->base_path = n;

    for (k = rw->base_origin; k < n; k++) {
        if (rw->base[k] == '#') {
            rw->base_query = k;
            if (rw->base_path == n) {
                rw->base_path = k;
            }
            break;
        }
        if (rw->base[k] == '?' && rw->base_path == n) {
            rw->base_path = k;
        }
    }

    for (k = rw->base_path; rw->base[k - 1] != '/' && rw->base[k - 1] != '\\';
         k--)
    {
        /* void: the '/' after the origin ends the search */
    }

    rw->base_dir = k;

    return 0;
}


/*
 * An attribute's value with character references decoded: in place when
 * it has none, else in rw->dec (valid up to the next call).  NULL on
 * allocation failure.
 */
static const unsigned char *
consent_rw_value(consent_rewriter_t *rw, const consent_attr_t *a,
    const unsigned char *bytes, size_t *len)
{
    int             unknown;
    unsigned char  *dec;

    *len = a->has_value ? a->value_len : 0;

    if (*len == 0 || memchr(bytes + a->value_off, '&', *len) == NULL) {
        return bytes + a->value_off;
    }

    dec = consent_rw_grow(&rw->dec, &rw->dec_cap, CONSENT_DECODE_SIZE(*len));
    if (dec == NULL) {
        return NULL;
    }

    unknown = 0;
    *len = consent_decode_attr_value(bytes + a->value_off, a->value_len, dec,
                                     CONSENT_DECODE_SIZE(a->value_len),
                                     &unknown);

    return *len == (size_t) -1 ? NULL : dec;
}


#define consent_rw_ws(c)                                                   \
    ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\f' || (c) == '\r')

/*
 * Whether the decoded value, without surrounding ASCII whitespace and
 * (semicolon: 1) any ";parameters", is value, ASCII case-insensitively:
 * 1 or 0, -1 on allocation failure.
 */
static int
consent_rw_value_cmp(consent_rewriter_t *rw, const consent_attr_t *a,
    const unsigned char *bytes, const char *value, int semicolon)
{
    size_t                n, len;
    const unsigned char  *v, *semi;

    v = consent_rw_value(rw, a, bytes, &len);
    if (v == NULL) {
        return -1;
    }

    if (semicolon && (semi = memchr(v, ';', len)) != NULL) {
        len = (size_t) (semi - v);
    }

    while (len && consent_rw_ws(v[0])) {
        v++;
        len--;
    }

    while (len && consent_rw_ws(v[len - 1])) {
        len--;
    }

    n = strlen(value);

    return len == n && strncasecmp((const char *) v, value, n) == 0;
}


static int
consent_rw_value_is(consent_rewriter_t *rw, const consent_attr_t *a,
    const unsigned char *bytes, const char *value)
{
    return consent_rw_value_cmp(rw, a, bytes, value, 0);
}


/* Whether a script is JavaScript or a style CSS: 1, 0, -1 on failure. */
static int
consent_rw_typed_active(consent_rewriter_t *rw, unsigned typed,
    const consent_tag_t *t, const unsigned char *bytes)
{
    int                    rc;
    const consent_attr_t  *type;

    if (typed == T_SCRIPT) {
        return consent_rw_is_js(rw, t, bytes);
    }

    /* parameters are ignored: blocking inert CSS is harmless */
    type = consent_tag_attr(t, bytes, "type");
    if (type == NULL || !type->has_value) {
        return 1;
    }

    rc = consent_rw_value_cmp(rw, type, bytes, "", 1);
    return rc ? rc : consent_rw_value_cmp(rw, type, bytes, "text/css", 1);
}


/* Whether a script element's type makes it JavaScript (not a data block). */
static int
consent_rw_is_js(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes)
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
    int                       rc;
    const consent_attr_t     *type;
    const char *const        *s;

    type = consent_tag_attr(t, bytes, "type");

    if (type == NULL) {
        type = consent_tag_attr(t, bytes, "language");
        if (type == NULL || !type->has_value) {
            return 1;
        }

        rc = consent_rw_value_is(rw, type, bytes, "");
        for (s = lang; rc == 0 && *s; s++) {
            rc = consent_rw_value_is(rw, type, bytes, *s);
        }
        return rc;
    }

    if (!type->has_value) {
        return 1;
    }

    /* parameters ("; charset=...") are ignored: blocking an inert data
       block is harmless, missing a script is not */
    rc = consent_rw_value_is(rw, type, bytes, "");
    for (s = js; rc == 0 && *s; s++) {
        rc = consent_rw_value_cmp(rw, type, bytes, *s, 1);
    }

    return rc;
}


/* Klaro's data-name: a service by id, else by name in any case. */
static int
consent_rw_service_named(consent_rewriter_t *rw, const consent_attr_t *a,
    const unsigned char *bytes, int *service)
{
    size_t                     i, len;
    const unsigned char       *v;
    const consent_policy_t    *pol;
    const consent_service_t   *svc;

    *service = -1;
    pol = rw->conf.policy;

    v = consent_rw_value(rw, a, bytes, &len);
    if (v == NULL) {
        return -1;
    }

    while (len && consent_rw_ws(v[0])) {
        v++;
        len--;
    }

    while (len && consent_rw_ws(v[len - 1])) {
        len--;
    }

    for (i = 0; pol && len && i < pol->nservices; i++) {
        svc = &pol->services[i];
        if (strlen(svc->id) == len && memcmp(svc->id, v, len) == 0) {
            *service = (int) i;
            return 0;
        }
    }

    for (i = 0; pol && len && i < pol->nservices; i++) {
        svc = &pol->services[i];
        if (svc->name && strlen(svc->name) == len
            && strncasecmp(svc->name, (const char *) v, len) == 0)
        {
            *service = (int) i;
            return 0;
        }
    }

    return 0;
}


/*
 * The scheme of a URL as a browser's parser reads it (leading spaces and
 * controls skipped, tabs and newlines ignored), lowercased into scheme:
 * its length (size + 1 when longer than size), or 0 for a relative URL.
 */
static size_t
consent_rw_scheme(const unsigned char *p, size_t len, unsigned char *scheme,
    size_t size)
{
    size_t         i, k;
    unsigned char  c;

    for (i = 0; i < len && p[i] <= 0x20; i++) { /* void */ }

    for (k = 0; i < len; i++) {
        c = p[i];

        if (c == '\t' || c == '\n' || c == '\r') {
            continue;
        }

        if (c == ':') {
            return k > size ? size + 1 : k;
        }

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (k > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-'
                            || c == '.'))))
        {
            return 0;
        }

        if (k < size) {
            scheme[k] = (unsigned char) (c | 0x20);
        }
        k++;
    }

    return 0;
}


/*
 * The URL of a refresh value ("5; url='x'", "0;URL=x", "0, x"); read
 * loosely, so that whatever a browser may follow is found.
 */
static size_t
consent_rw_refresh_url(const unsigned char *p, size_t len,
    const unsigned char **url)
{
    size_t         i, j, end;
    unsigned char  q;

    i = 0;
    while (i < len && (consent_rw_ws(p[i]) || (p[i] >= '0' && p[i] <= '9')
                       || p[i] == '.'))
    {
        i++;
    }

    if (i < len && (p[i] == ';' || p[i] == ',')) {
        i++;
    }

    while (i < len && consent_rw_ws(p[i])) {
        i++;
    }

    if (len - i >= 3 && strncasecmp((const char *) p + i, "url", 3) == 0) {
        for (j = i + 3; j < len && consent_rw_ws(p[j]); j++) { /* void */ }
        if (j < len && p[j] == '=') {
            for (j++; j < len && consent_rw_ws(p[j]); j++) { /* void */ }
            i = j;
        }
    }

    end = len;

    if (i < len && (p[i] == '"' || p[i] == '\'')) {
        q = p[i++];
        for (end = i; end < len && p[end] != q; end++) { /* void */ }
    }

    *url = p + i;
    return end - i;
}


/*
 * In the held text: where it surely ends.  In svg a '<' starting a tag
 * name not complete yet may end it.
 */
static uint64_t
consent_rw_text_end(consent_rewriter_t *rw)
{
    if (!rw->inline_foreign) {
        return consent_scanner_text_end(&rw->sc);
    }

    return consent_scanner_in_tag_open(&rw->sc) ? rw->sc.tag.start
                                                : consent_scanner_offset(
                                                      &rw->sc);
}


/* The held inline script or style text ends at end: match it, then let
   it go. */
static int
consent_rw_inline_end(consent_rewriter_t *rw, uint64_t end)
{
    int                   unknown, service, denied;
    size_t                i, len;
    unsigned char        *dec;
    consent_mask_t        mask;
    consent_class_t       c;
    consent_rw_add_t      add;
    const consent_tag_t  *t;
    const unsigned char  *bytes, *text;

    rw->mode = M_NONE;

    if (end - rw->text_start > rw->conf.inline_max) {
        if (consent_rw_inline_overflow(rw) != 0) {
            return -1;
        }
        return rw->mode == M_CSS ? consent_rw_css_feed(rw, end, 1) : 0;
    }

    t = &rw->script;
    bytes = consent_rw_bytes(rw, t->start, end);
    if (bytes == NULL) {
        return -1;
    }

    text = bytes + t->len;
    len = (size_t) (end - rw->text_start);

    /* svg text is markup: character references count */
    if (rw->inline_foreign && len && memchr(text, '&', len) != NULL) {
        dec = consent_rw_grow(&rw->dec, &rw->dec_cap,
                              CONSENT_DECODE_SIZE(len));
        if (dec == NULL) {
            return -1;
        }
        unknown = 0;
        len = consent_decode_attr_value(text, len, dec,
                                        CONSENT_DECODE_SIZE(len), &unknown);
        if (len == (size_t) -1) {
            return -1;
        }
        text = dec;
    }

    service = -1;
    mask = 0;

    if (rw->element == CONSENT_TAG_STYLE) {
        denied = consent_rw_css(rw, text, len, &service, &mask);
        if (denied < 0) {
            return -1;
        }

    } else {
        consent_policy_classify_inline(rw->conf.policy, rw->conf.site, text,
                                       len, rw->conf.granted,
                                       &rw->conf.services, &c);

        service = (c.kind == CONSENT_CLASS_SERVICE) ? c.service : -1;

        if (service >= 0 && rw->conf.observe) {
            rw->conf.observe(rw->conf.observe_data, service, NULL, 0,
                             CONSENT_TAG_SCRIPT);
        }

        denied = consent_rw_denied(rw, service);
        if (denied) {
            mask = (consent_mask_t) 1
                   << rw->conf.policy->services[service].category;
        }
    }

    if (!denied) {
        return 0;
    }

    for (i = 0; i < t->nattrs; i++) {
        rw->edits[i].action = A_KEEP;
    }

    consent_rw_edit(rw, t, bytes, "data-consent", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "data-consent-requires", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "type", A_RENAME, "data-type");
    consent_rw_keep_orig(rw, t, bytes, 1);

    memset(&add, 0, sizeof(consent_rw_add_t));
    add.plain = 1;
    add.marker = 1;
    add.name = 1;
    add.service = service;
    add.category = -1;

    if (service >= 0 || service == CONSENT_RW_UNKNOWN) {
        add.category = (int) consent_rw_category_of(rw, service);
        add.requires = mask & ~((consent_mask_t) 1 << add.category);
    }

    if (consent_rw_build(rw, t, bytes, &add) != 0
        || consent_rw_emit_to(rw, t->start) != 0
        || consent_rw_emit(rw, rw->out, rw->out_len, 0) != 0
        || consent_rw_style_stop(rw) != 0)
    {
        return -1;
    }

    rw->pending = rw->text_start;
    if (rw->blocked_service < 0) {
        rw->blocked_service = service;
    }
    rw->blocked_mask |= mask;
    rw->events |= CONSENT_EV_BLOCKED;

    return 0;
}


/*
 * The held text is longer than inline_max: a script's start tag goes out
 * inert (type="text/plain", no category: nothing activates it) and the
 * text passes as it is; a style is read on as it streams.  The same
 * whether the end tag is in sight or not.
 */
static int
consent_rw_inline_overflow(consent_rewriter_t *rw)
{
    size_t                i;
    consent_rw_add_t      add;
    const consent_tag_t  *t;
    const unsigned char  *bytes;

    rw->mode = M_NONE;

    if (rw->element == CONSENT_TAG_STYLE) {
        /* CSS can be read as it streams: the element stays as it is */
        consent_css_scan_init(&rw->css);
        rw->css_url_open = 0;
        rw->text_fed = rw->text_start;
        rw->mode = M_CSS;
        return 0;
    }

    rw->events |= CONSENT_EV_INLINE_TOO_LONG;

    t = &rw->script;
    bytes = consent_rw_bytes(rw, t->start, rw->text_start);
    if (bytes == NULL) {
        return -1;
    }

    for (i = 0; i < t->nattrs; i++) {
        rw->edits[i].action = A_KEEP;
    }

    consent_rw_edit(rw, t, bytes, "data-consent", A_DROP, NULL);
    consent_rw_edit(rw, t, bytes, "type", A_RENAME, "data-type");
    consent_rw_keep_orig(rw, t, bytes, 1);

    memset(&add, 0, sizeof(consent_rw_add_t));
    add.plain = 1;
    add.overflow = 1;
    add.category = -1;
    add.service = -1;

    if (consent_rw_build(rw, t, bytes, &add) != 0
        || consent_rw_emit_to(rw, t->start) != 0
        || consent_rw_emit(rw, rw->out, rw->out_len, 0) != 0
        || consent_rw_style_stop(rw) != 0)
    {
        return -1;
    }

    rw->pending = rw->text_start;

    return 0;
}


/*
 * Reads a long style's text up to to: each URL is decided once its end or
 * CONSENT_CSS_URL_MAX bytes of it are in sight, whatever the buffers.
 */
static int
consent_rw_css_feed(consent_rewriter_t *rw, uint64_t to, int last)
{
    int                   ev;
    size_t                n, pos, at;
    const unsigned char  *p;

    n = (size_t) (to - rw->text_fed);
    p = n ? consent_rw_bytes(rw, rw->text_fed, to)
          : (const unsigned char *) "";
    if (p == NULL) {
        return -1;
    }

    /* deciding only reads bytes already held: p stays valid */
    for (pos = 0; ; ) {
        ev = consent_css_scan(&rw->css, p, n, &pos, &at);

        if (ev == CONSENT_CSS_URL_START) {
            rw->css_url = rw->text_fed + at;
            rw->css_url_open = 1;

        } else if (ev == CONSENT_CSS_URL_END) {
            if (rw->css_url_open
                && consent_rw_css_url(rw, rw->text_fed + at) != 0)
            {
                return -1;
            }

        } else {
            break;
        }
    }

    if (rw->css_url_open
        && (last || to - rw->css_url >= CONSENT_CSS_URL_MAX)
        && consent_rw_css_url(rw, to) != 0)
    {
        return -1;
    }

    rw->text_fed = to;

    if (last) {
        rw->mode = M_NONE;
    }

    return 0;
}


/* The URL of a long style from css_url to end: denied, it goes inert. */
static int
consent_rw_css_url(consent_rewriter_t *rw, uint64_t end)
{
    int                   rc, service;
    size_t                n;
    unsigned char        *tok;
    consent_mask_t        mask;
    const unsigned char  *p;

    rw->css_url_open = 0;

    if (end - rw->css_url > CONSENT_CSS_URL_MAX) {
        end = rw->css_url + CONSENT_CSS_URL_MAX;
    }

    n = (size_t) (end - rw->css_url);
    p = n ? consent_rw_bytes(rw, rw->css_url, end)
          : (const unsigned char *) "";
    tok = consent_rw_grow(&rw->tok, &rw->tok_cap, CONSENT_CSS_OUT_SIZE(n));
    if (p == NULL || tok == NULL) {
        return -1;
    }

    n = consent_css_unescape(p, n, tok);
    service = -1;
    mask = 0;

    rc = consent_rw_classify(rw, tok, n, 0, &service, &mask);
    if (rc <= 0) {
        return rc;
    }

    if (consent_rw_emit_to(rw, rw->css_url) != 0
        || consent_rw_emit(rw, (const unsigned char *) CONSENT_CSS_INERT,
                           sizeof(CONSENT_CSS_INERT) - 1, 0) != 0)
    {
        return -1;
    }

    if (rw->blocked_service < 0) {
        rw->blocked_service = service;
    }
    rw->blocked_mask |= mask;
    rw->events |= CONSENT_EV_BLOCKED;

    return 0;
}


/* After a blocked <style> start tag: no @import of its text is fetched. */
static int
consent_rw_style_stop(consent_rewriter_t *rw)
{
    if (rw->element != CONSENT_TAG_STYLE) {
        return 0;
    }

    return consent_rw_emit(rw, (const unsigned char *) CONSENT_STYLE_STOP,
                           sizeof(CONSENT_STYLE_STOP) - 1, 0);
}


/*
 * Feeds the noscript's text up to to into its rewriter (read as markup, as
 * browsers without scripting read it) and emits what that produced.
 */
static int
consent_rw_noscript_feed(consent_rewriter_t *rw, uint64_t to, int last)
{
    const unsigned char  *p;

    if (to == rw->text_fed && !last) {
        return 0;
    }

    p = to > rw->text_fed ? consent_rw_bytes(rw, rw->text_fed, to)
                          : (const unsigned char *) "";
    if (p == NULL) {
        return -1;
    }

    rw->noscript_len = 0;

    if (consent_rewriter_feed(rw->nrw, p, (size_t) (to - rw->text_fed), last)
        != 0
        || consent_rw_emit_to(rw, rw->text_fed) != 0
        || consent_rw_emit(rw, rw->noscript, rw->noscript_len, 0) != 0)
    {
        return -1;
    }

    rw->pending = to;
    rw->text_fed = to;

    if (last) {
        rw->events |= rw->nrw->events & (CONSENT_EV_BLOCKED
                                         | CONSENT_EV_ACTIVATED
                                         | CONSENT_EV_TAG_TOO_LONG
                                         | CONSENT_EV_STYLE_UNREAD);
        consent_rewriter_destroy(rw->nrw);
        rw->nrw = NULL;
        rw->mode = M_NONE;
    }

    return 0;
}


static int
consent_rw_collect(void *data, const unsigned char *p, size_t len,
    int from_input)
{
    consent_rewriter_t  *rw;

    (void) from_input;
    rw = data;

    if (consent_rw_grow(&rw->noscript, &rw->noscript_cap,
                        rw->noscript_len + len) == NULL)
    {
        return -1;
    }

    memcpy(rw->noscript + rw->noscript_len, p, len);
    rw->noscript_len += len;

    return 0;
}


static int
consent_rw_discard(void *data, const unsigned char *p, size_t len,
    int from_input)
{
    (void) data;
    (void) p;
    (void) len;
    (void) from_input;

    return 0;
}


/* A rewriter for a document inside this one: no injections, same base. */
static consent_rewriter_t *
consent_rw_nested(consent_rewriter_t *rw, consent_emit_pt emit)
{
    consent_rewriter_t       *nrw;
    consent_rewriter_conf_t   conf;

    conf = rw->conf;
    conf.emit = emit;
    conf.emit_data = rw;

    nrw = consent_rewriter_create(&conf);
    if (nrw == NULL) {
        return NULL;
    }

    nrw->injected = I_ALL;
    nrw->depth = rw->depth;
    nrw->frame_count = rw->frame_count;
    nrw->seen_base = rw->seen_base;

    if (rw->base) {
        nrw->base = malloc(rw->base_len);
        if (nrw->base == NULL) {
            consent_rewriter_destroy(nrw);
            return NULL;
        }
        memcpy(nrw->base, rw->base, rw->base_len);
        nrw->base_len = rw->base_len;
        nrw->base_origin = rw->base_origin;
        nrw->base_dir = rw->base_dir;
        nrw->base_path = rw->base_path;
        nrw->base_query = rw->base_query;
    }

    return nrw;
}


/* The category a blocked service (or the unknown third party) counts as. */
static unsigned
consent_rw_category_of(consent_rewriter_t *rw, int service)
{
    return service == CONSENT_RW_UNKNOWN
           ? rw->conf.unknown_category
           : rw->conf.policy->services[service].category;
}


static int
consent_rw_denied(consent_rewriter_t *rw, int service)
{
    const consent_service_t  *svc;

    if (service == CONSENT_RW_UNKNOWN) {
        return !(rw->conf.granted
                 & ((consent_mask_t) 1 << rw->conf.unknown_category));
    }

    if (service < 0) {
        return 0;
    }

    svc = &rw->conf.policy->services[service];

    /* the category first: a service grant is looked up only without it */
    if (rw->conf.granted & ((consent_mask_t) 1 << svc->category)) {
        return 0;
    }

    return rw->conf.services.n == 0
           || !consent_services_has(&rw->conf.services, svc->hash);
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
 * The element is being made inert: each attribute of the page with a name
 * the module writes on it or activation would read (every inert loader
 * name, data-category, data-service, data-name; data-type on a script or
 * style) moves to data-consent-orig-X, and the page's own
 * data-consent-orig-* (a reserved name) is dropped.  Runs after the
 * renames, which it leaves alone.
 */
static void
consent_rw_keep_orig(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, int typed)
{
    size_t                i, k;
    const consent_attr_t *a;

    /* data-type last: only a script's or style's */
    static const char  *names[] = {
        "data-src", "data-href", "data-xlink-href", "data-data",
        "data-poster", "data-background", "data-srcset", "data-imagesrcset",
        "data-ping", "data-content", "data-style", "data-srcdoc",
        "data-category", "data-service", "data-name", "data-type"
    };

    for (i = 0; i < t->nattrs; i++) {
        a = &t->attrs[i];
        if (rw->edits[i].action != A_KEEP || a->name_len < 8) {
            continue;
        }

        if (consent_rw_name_is(a, bytes, CONSENT_ORIG)) {
            rw->edits[i].action = A_DROP;
            continue;
        }

        for (k = 0; k < sizeof(names) / sizeof(names[0]) - !typed; k++) {
            if (a->name_len == strlen(names[k])
                && consent_rw_name_is(a, bytes, names[k]))
            {
                rw->edits[i].action = A_KEEP_ORIG;
                break;
            }
        }
    }
}


/*
 * The element is being activated: each data-consent-orig-X goes back to
 * data-X, unless a data-X stays (then the page's markup was not ours).
 */
static void
consent_rw_put_back(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes)
{
    size_t                i, j, n;
    const consent_attr_t *a, *b;

    for (i = 0; i < t->nattrs; i++) {
        a = &t->attrs[i];
        if (rw->edits[i].action != A_KEEP || a->name_len <= CONSENT_ORIG_LEN
            || !consent_rw_name_is(a, bytes, CONSENT_ORIG))
        {
            continue;
        }

        n = a->name_len - CONSENT_ORIG_LEN;

        for (j = 0; j < t->nattrs; j++) {
            b = &t->attrs[j];
            if (b->name_len == n + 5 && rw->edits[j].action == A_KEEP
                && consent_rw_name_is(b, bytes, "data-")
                && strncasecmp((const char *) bytes + b->name_off + 5,
                               (const char *) bytes + a->name_off
                               + CONSENT_ORIG_LEN, n) == 0)
            {
                break;
            }
        }

        if (j == t->nattrs) {
            rw->edits[i].action = A_PUT_BACK;
        }
    }
}


/* Whether an attribute's name starts with name (ASCII case-insensitive). */
static int
consent_rw_name_is(const consent_attr_t *a, const unsigned char *bytes,
    const char *name)
{
    size_t  j, n;

    n = strlen(name);
    if (a->name_len < n) {
        return 0;
    }

    for (j = 0; j < n; j++) {
        unsigned char c = bytes[a->name_off + j];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char) name[j]) {
            return 0;
        }
    }

    return 1;
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


/* An HTML frame that may get a placeholder. */
static int
consent_rw_frame_element(consent_rewriter_t *rw, const consent_tag_t *t)
{
    return rw->conf.placeholder != NULL && !t->foreign
           && (rw->element == CONSENT_TAG_IFRAME
               || rw->element == CONSENT_TAG_EMBED
               || rw->element == CONSENT_TAG_OBJECT);
}


/*
 * A frame that loads (a, its src or data, is no denied service's): when it
 * is a granted service's and visible, it is counted like a blocked one and
 * gets the anchor of its number, where the form of the placeholder it had
 * comes back to.
 */
static int
consent_rw_live_frame(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_attr_t *a)
{
    int                 rc, svc;
    consent_frame_t     frame;
    consent_observe_pt  observe;

    if (!a->has_value) {
        return 0;
    }

    /* observers heard of this URL when it was decided */
    observe = rw->conf.observe;
    rw->conf.observe = NULL;
    svc = -1;
    rc = consent_rw_match_url(rw, a, bytes, 0, &svc);
    rw->conf.observe = observe;

    if (rc != 0) {
        return -1;
    }

    if (svc < 0) {
        return 0;
    }

    rc = consent_rw_frame_box(rw, t, bytes);
    if (rc <= 0) {
        return rc;
    }

    frame.service = svc;
    frame.width = rw->frame_width;
    frame.height = rw->frame_height;
    frame.number = ++*rw->frame_count;
    frame.live = 1;
    frame.form = 0;

    if (consent_rw_emit_to(rw, t->start) != 0) {
        return -1;
    }

    return rw->conf.placeholder(rw->conf.placeholder_data, &frame,
                                consent_rw_placeholder_write, rw);
}


/*
 * Whether a blocked frame is one the visitor sees: 0 when it is hidden
 * (hidden, display:none, visibility:hidden) or a pixel (a side under 3
 * px), else 1 with its size in frame_width and frame_height from the
 * width and height attributes or, without them, a "width:Npx" of its
 * style (0: not given in pixels).  -1 on allocation failure.
 */
static int
consent_rw_frame_box(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes)
{
    long                   px[2];
    size_t                 len, i, k, n, end;
    const unsigned char   *v;
    const consent_attr_t  *a;

    static const char  *sides[2] = { "width", "height" };

    if (consent_tag_attr(t, bytes, "hidden") != NULL) {
        return 0;
    }

    for (k = 0; k < 2; k++) {
        px[k] = -1;
        a = consent_tag_attr(t, bytes, sides[k]);
        if (a != NULL && a->has_value) {
            v = consent_rw_value(rw, a, bytes, &len);
            if (v == NULL) {
                return -1;
            }
            px[k] = consent_rw_pixels(v, len, 0);
        }
    }

    a = consent_tag_attr(t, bytes, "style");

    if (a != NULL && a->has_value) {
        v = consent_rw_value(rw, a, bytes, &len);
        if (v == NULL) {
            return -1;
        }

        /* declarations "name: value", read without comments or escapes */
        for (i = 0; i < len; i = end + 1) {
            for (end = i; end < len && v[end] != ';'; end++) {
                /* void */
            }
            while (i < end && consent_rw_ws(v[i])) {
                i++;
            }
            for (n = i; n < end && v[n] != ':'; n++) {
                /* void */
            }
            if (n == end) {
                continue;
            }
            k = n - i;
            while (k && consent_rw_ws(v[i + k - 1])) {
                k--;
            }
            for (n++; n < end && consent_rw_ws(v[n]); n++) {
                /* void */
            }

            if ((k == 7 && strncasecmp((const char *) v + i, "display", 7)
                           == 0
                 && end - n >= 4
                 && strncasecmp((const char *) v + n, "none", 4) == 0)
                || (k == 10
                    && strncasecmp((const char *) v + i, "visibility", 10)
                       == 0
                    && end - n >= 6
                    && strncasecmp((const char *) v + n, "hidden", 6) == 0))
            {
                return 0;
            }

            if (k == 5 && px[0] < 0
                && strncasecmp((const char *) v + i, "width", 5) == 0)
            {
                px[0] = consent_rw_pixels(v + n, end - n, 1);

            } else if (k == 6 && px[1] < 0
                       && strncasecmp((const char *) v + i, "height", 6) == 0)
            {
                px[1] = consent_rw_pixels(v + n, end - n, 1);
            }
        }
    }

    if ((px[0] >= 0 && px[0] < 3) || (px[1] >= 0 && px[1] < 3)) {
        return 0;
    }

    rw->frame_width = px[0] > 0 ? (unsigned) px[0] : 0;
    rw->frame_height = px[1] > 0 ? (unsigned) px[1] : 0;

    return 1;
}


/*
 * A length in CSS pixels, up to 10000, as HTML reads a width or height
 * attribute (digits, a fraction dropped; "px" and whatever follows
 * ignored) or, css = 1, a CSS length in "px" (or 0): -1 when it is not one
 * (no digits, a percentage, "auto", another CSS unit).
 */
static long
consent_rw_pixels(const unsigned char *p, size_t len, int css)
{
    long    n;
    size_t  i;

    for (i = 0; i < len && consent_rw_ws(p[i]); i++) {
        /* void */
    }

    if (i == len || p[i] < '0' || p[i] > '9') {
        return -1;
    }

    for (n = 0; i < len && p[i] >= '0' && p[i] <= '9'; i++) {
        n = n * 10 + (p[i] - '0');
        if (n > 10000) {
            n = 10000;
        }
    }

    while (i < len && ((p[i] >= '0' && p[i] <= '9') || p[i] == '.')) {
        i++;
    }

    if (css && n != 0
        && !(len - i >= 2 && (p[i] | 0x20) == 'p' && (p[i + 1] | 0x20) == 'x'))
    {
        return -1;
    }

    return i < len && p[i] == '%' ? -1 : n;
}


/* The placeholder renderer's output goes out as generated bytes. */
static int
consent_rw_placeholder_write(void *sink, const void *p, size_t len)
{
    return consent_rw_emit(sink, p, len, 0);
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


/* Room for need bytes in a growable buffer; NULL on allocation failure. */
static unsigned char *
consent_rw_grow(unsigned char **buf, size_t *cap, size_t need)
{
    size_t          n;
    unsigned char  *nb;

    if (need > *cap || *buf == NULL) {
        n = need < 256 ? 256 : need * 2;
        nb = realloc(*buf, n);
        if (nb == NULL) {
            return NULL;
        }
        *buf = nb;
        *cap = n;
    }

    return *buf;
}


static int
consent_rw_out_escaped_n(consent_rewriter_t *rw, const unsigned char *s,
    size_t n)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        const char *esc = s[i] == '&' ? "&amp;" : s[i] == '"' ? "&quot;"
                          : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                          : NULL;
        if (esc ? consent_rw_out(rw, esc, strlen(esc))
                : consent_rw_out(rw, s + i, 1))
        {
            return -1;
        }
    }

    return 0;
}


/*
 * Builds the rewritten tag into out: the tag name, the attributes add asks
 * for, then the original attributes with rw->edits applied, all other
 * bytes as they were.
 */
static int
consent_rw_build(consent_rewriter_t *rw, const consent_tag_t *t,
    const unsigned char *bytes, const consent_rw_add_t *add)
{
    size_t                    i, n, prev, end;
    const char               *sep, *id;
    const consent_attr_t     *a;
    const consent_policy_t   *pol;

    pol = rw->conf.policy;
    rw->out_len = 0;
    prev = 1 + t->name_len;

    if (consent_rw_out(rw, bytes, prev) != 0
        || (add->plain && consent_rw_out(rw, " type=\"text/plain\"", 18) != 0))
    {
        return -1;
    }

    if (add->category >= 0
        && (consent_rw_out(rw, " data-category=\"", 16) != 0
            || consent_rw_out_escaped(rw, pol->categories[add->category].id)
               != 0
            || consent_rw_out(rw, "\"", 1) != 0))
    {
        return -1;
    }

    if (add->service >= 0 || add->service == CONSENT_RW_UNKNOWN) {
        id = add->service >= 0 ? pol->services[add->service].id : "unknown";

        if (consent_rw_out(rw, " data-service=\"", 15) != 0
            || consent_rw_out_escaped(rw, id) != 0
            || consent_rw_out(rw, "\"", 1) != 0
            || (add->name
                && (consent_rw_out(rw, " data-name=\"", 12) != 0
                    || consent_rw_out_escaped(rw, id) != 0
                    || consent_rw_out(rw, "\"", 1) != 0)))
        {
            return -1;
        }
    }

    if (add->requires) {
        if (consent_rw_out(rw, " data-consent-requires=\"", 24) != 0) {
            return -1;
        }
        sep = "";
        for (i = 0; i < pol->ncategories; i++) {
            if (!(add->requires & ((consent_mask_t) 1 << i))) {
                continue;
            }
            if (consent_rw_out(rw, sep, strlen(sep)) != 0
                || consent_rw_out_escaped(rw, pol->categories[i].id) != 0)
            {
                return -1;
            }
            sep = " ";
        }
        if (consent_rw_out(rw, "\"", 1) != 0) {
            return -1;
        }
    }

    if (add->marker && rw->conf.marker.len
        && (consent_rw_out(rw, " data-consent=\"", 15) != 0
            || consent_rw_out_escaped_n(rw, rw->conf.marker.p,
                                        rw->conf.marker.len) != 0
            || consent_rw_out(rw, "\"", 1) != 0))
    {
        return -1;
    }

    if (add->overflow
        && consent_rw_out(rw, " data-consent-overflow", 22) != 0)
    {
        return -1;
    }

    for (i = 0; i < t->nattrs; i++) {
        a = &t->attrs[i];
        end = a->has_value ? a->value_off + a->value_len + (a->quote ? 1 : 0)
                           : a->name_off + a->name_len;

        if (rw->edits[i].action == A_KEEP) {
            continue;
        }

        /* a dropped attribute takes the whitespace before it along when
           whitespace or '>' follows it: nothing else changes meaning */
        n = a->name_off;
        if (rw->edits[i].action == A_DROP
            && (consent_rw_ws(bytes[end]) || bytes[end] == '>'))
        {
            while (n > prev && consent_rw_ws(bytes[n - 1])) {
                n--;
            }
        }

        if (consent_rw_out(rw, bytes + prev, n - prev) != 0) {
            return -1;
        }

        if (rw->edits[i].action == A_DROP) {
            prev = end;
            continue;
        }

        if (rw->edits[i].action == A_KEEP_ORIG) {
            /* data-X: CONSENT_ORIG then X */
            if (consent_rw_out(rw, CONSENT_ORIG, CONSENT_ORIG_LEN) != 0
                || consent_rw_out(rw, bytes + a->name_off + 5,
                                  end - a->name_off - 5) != 0)
            {
                return -1;
            }

        } else if (rw->edits[i].action == A_PUT_BACK) {
            if (consent_rw_out(rw, "data-", 5) != 0
                || consent_rw_out(rw, bytes + a->name_off + CONSENT_ORIG_LEN,
                                  end - a->name_off - CONSENT_ORIG_LEN) != 0)
            {
                return -1;
            }

        } else if (consent_rw_out(rw, rw->edits[i].name,
                                  strlen(rw->edits[i].name)) != 0
                   || consent_rw_out(rw, bytes + a->name_off + a->name_len,
                                     end - a->name_off - a->name_len) != 0)
        {
            return -1;
        }

        prev = end;
    }

    return consent_rw_out(rw, bytes + prev, t->len - prev);
}

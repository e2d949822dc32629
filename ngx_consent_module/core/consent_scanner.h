#ifndef CONSENT_SCANNER_H
#define CONSENT_SCANNER_H

/*
 * Streaming HTML tag scanner: the WHATWG tokenizer states that decide what a
 * '<' means, fed one buffer at a time.  It copies no input: tags are reported
 * as a stream offset plus attribute offsets relative to the tag's '<', so the
 * caller, which holds the tag bytes, can read names and values.  A minimal
 * tree-builder model switches into script data, RAWTEXT, RCDATA and
 * PLAINTEXT after the matching start tags and tracks svg/math foreign content
 * (where CDATA sections exist and those switches do not happen).
 *
 * noscript is RAWTEXT as in browsers with scripting enabled; a scanner with
 * scripting = 0 reads its content as markup, as browsers without do.
 */

#include <stddef.h>
#include <stdint.h>

#define CONSENT_SCAN_NAME_MAX    32    /* name bytes kept for comparisons */
#define CONSENT_SCAN_MAX_ATTRS   256   /* attributes recorded per tag */
#define CONSENT_SCAN_FOREIGN_MAX 32    /* svg/math nesting levels tracked */

/* Content states a scanner can be started in (tests) or be in. */
typedef enum {
    CONSENT_SCAN_DATA = 0,
    CONSENT_SCAN_RCDATA,
    CONSENT_SCAN_RAWTEXT,
    CONSENT_SCAN_SCRIPT,
    CONSENT_SCAN_PLAINTEXT,
    CONSENT_SCAN_CDATA
} consent_scan_content_e;

/* The tag names the scanner and the rewriter act on (consent_tag_t.id). */
typedef enum {
    CONSENT_TAG_OTHER = 0,
    CONSENT_TAG_SCRIPT,
    CONSENT_TAG_IFRAME,
    CONSENT_TAG_IMG,
    CONSENT_TAG_EMBED,
    CONSENT_TAG_VIDEO,
    CONSENT_TAG_AUDIO,
    CONSENT_TAG_SOURCE,
    CONSENT_TAG_LINK,
    CONSENT_TAG_OBJECT,
    CONSENT_TAG_HEAD,
    CONSENT_TAG_BODY,
    CONSENT_TAG_SVG,
    CONSENT_TAG_MATH,
    CONSENT_TAG_P,
    CONSENT_TAG_BR,
    CONSENT_TAG_PLAINTEXT,
    CONSENT_TAG_NOSCRIPT,
    CONSENT_TAG_FRAME,
    CONSENT_TAG_INPUT,
    CONSENT_TAG_META,
    CONSENT_TAG_BASE,
    CONSENT_TAG_STYLE,
    CONSENT_TAG_A,
    CONSENT_TAG_AREA,
    CONSENT_TAG_IMAGE,
    CONSENT_TAG_USE,
    CONSENT_TAG_FEIMAGE
} consent_tag_id_e;

/* consent_tag_t.flags */
#define CONSENT_TAG_RAWTEXT      0x01
#define CONSENT_TAG_RCDATA       0x02
#define CONSENT_TAG_BREAKOUT     0x04   /* a start tag that ends svg/math */
#define CONSENT_TAG_SVG_POINT    0x08   /* HTML integration point in svg */
#define CONSENT_TAG_MATH_POINT   0x10   /* and in math */

/* What consent_scanner_next() stopped for. */
typedef enum {
    CONSENT_SCAN_MORE = 0,      /* the buffer is consumed */
    CONSENT_SCAN_TAG_NAME,      /* a tag's name is complete */
    CONSENT_SCAN_TAG            /* a tag ended with '>' */
} consent_scan_event_e;

typedef struct {
    uint32_t        name_off;       /* relative to the tag's '<' */
    uint32_t        name_len;
    uint32_t        value_off;
    uint32_t        value_len;      /* raw, character references undecoded */
    unsigned char   quote;          /* '"', '\'' or 0 when unquoted */
    unsigned char   has_value;
} consent_attr_t;

typedef struct {
    uint64_t        start;          /* stream offset of the '<' */
    uint64_t        len;            /* up to and with '>' (TAG event) */
    size_t          name_len;       /* full length of the name */
    unsigned char   name[CONSENT_SCAN_NAME_MAX];   /* lowercased prefix */
    unsigned char   id;             /* consent_tag_id_e */
    unsigned char   flags;          /* CONSENT_TAG_RAWTEXT ... */
    unsigned        is_end:1;
    unsigned        self_closing:1;
    unsigned        foreign:1;      /* in svg/math content, not HTML */
    unsigned        attrs_overflow:1;
    unsigned        nattrs;
    consent_attr_t  attrs[CONSENT_SCAN_MAX_ATTRS];
} consent_tag_t;

typedef struct {
    int                   state;
    int                   raw_state;    /* content state a '<' returns to */
    int                   tree;         /* switch states like a browser */
    int                   all_tags;     /* report tags of no known name */
    int                   scripting;    /* 1: noscript is RAWTEXT */
    int                   tag_end_pending;
    uint64_t              base;         /* stream offset of buf */
    const unsigned char  *buf;
    const unsigned char  *cur;
    const unsigned char  *end;
    uintptr_t             origin;       /* where tag.start is in memory */

    size_t                tmp_len;      /* end tag name / double escape */
    unsigned char         tmp[CONSENT_SCAN_NAME_MAX];
    size_t                last_len;     /* last start tag of a raw state */
    unsigned char         last[CONSENT_SCAN_NAME_MAX];
    unsigned              decl_len;     /* "<!" lookahead matched */

    unsigned              foreign_depth;
    unsigned char         foreign[CONSENT_SCAN_FOREIGN_MAX];

    consent_tag_t         tag;
} consent_scanner_t;

/*
 * tree = 1: behave like a browser (script/style/... switch states, foreign
 * content tracked); tree = 0: tokenizer only, as the html5lib tests expect.
 */
void consent_scanner_init(consent_scanner_t *sc, int tree);

/* Start in another content state with that last start tag (tests). */
void consent_scanner_set_state(consent_scanner_t *sc,
    consent_scan_content_e state, const unsigned char *last, size_t len);

/* The next buffer; the stream offset continues from the previous one. */
void consent_scanner_feed(consent_scanner_t *sc, const unsigned char *p,
    size_t len);

/*
 * Scan on; sc->tag describes the tag of TAG_NAME and TAG events.  With
 * tree = 1 only tags with a known name (id) are reported.
 */
consent_scan_event_e consent_scanner_next(consent_scanner_t *sc);

/* Stream offset of the scan position. */
#define consent_scanner_offset(sc)                                         \
    ((sc)->base + (uint64_t) ((sc)->cur - (sc)->buf))

/* 1 when a tag whose name is not known yet may have started at tag.start. */
int consent_scanner_in_tag_open(const consent_scanner_t *sc);

/*
 * In raw text: where the text read so far surely ends (the '<' of what may
 * still become the closing end tag, else the scan position).
 */
uint64_t consent_scanner_text_end(const consent_scanner_t *sc);

consent_scan_content_e consent_scanner_content(const consent_scanner_t *sc);

/* The first attribute with that lowercase name (first wins), or NULL. */
const consent_attr_t *consent_tag_attr(const consent_tag_t *tag,
    const unsigned char *bytes, const char *name);

/*
 * Decode character references of a raw attribute value into out (the
 * numeric ones and a table of common named ones, with the attribute-value
 * rules for a missing ';').  Returns the decoded length, or (size_t) -1 when
 * out is too small.  *unknown is set to 1 when a named reference not in the
 * table was left as is.
 */
size_t consent_decode_attr_value(const unsigned char *p, size_t len,
    unsigned char *out, size_t size, int *unknown);

#endif /* CONSENT_SCANNER_H */

#ifndef CONSENT_SCANNER_H
#define CONSENT_SCANNER_H

/*
 * Streaming HTML tag scanner: the WHATWG tokenizer states that decide what a
 * '<' means, fed one buffer at a time.  It copies no input: tags are reported
 * as a stream offset plus attribute offsets relative to the tag's '<', so the
 * caller, which holds the tag bytes, can read names and values.  A minimal
 * tree-builder model switches into script data, RAWTEXT, RCDATA and
 * PLAINTEXT after the matching start tags and follows svg/math foreign
 * content (where CDATA sections exist and those switches do not happen) with
 * the tree-construction rules for entering and leaving it: a bounded stack
 * of the elements open from the outermost svg/math element on (foreign ones,
 * and HTML ones inside integration points).  HTML elements outside foreign
 * content are not tracked (see docs/filter.md for the guesses this implies).
 *
 * noscript is RAWTEXT as in browsers with scripting enabled; a scanner with
 * scripting = 0 reads its content as markup, as browsers without do.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CONSENT_SCAN_NAME_MAX    32    /* name bytes kept for comparisons */
#define CONSENT_SCAN_MAX_ATTRS   256   /* attributes recorded per tag */
#define CONSENT_SCAN_STACK_MAX   64    /* elements tracked in foreign content */

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
    CONSENT_TAG_IMAGE,          /* svg image; in HTML the parser makes it img */
    CONSENT_TAG_USE,            /* svg use */
    CONSENT_TAG_FEIMAGE         /* svg feImage */
} consent_tag_id_e;

/* consent_tag_t.ns: the namespace of the element a start tag creates. */
typedef enum {
    CONSENT_NS_HTML = 0,
    CONSENT_NS_SVG,
    CONSENT_NS_MATH
} consent_ns_e;

/* consent_tag_t.flags */
#define CONSENT_TAG_RAWTEXT      0x01
#define CONSENT_TAG_RCDATA       0x02
/*
 * The tag closed an svg script element (its </script>, or any tag that
 * popped it, e.g. a breakout start tag): the script's text ends at the
 * tag's '<'.  Such a tag is reported (TAG event only) whatever its name.
 */
#define CONSENT_TAG_SCRIPT_END   0x04

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
    unsigned char   ns;             /* consent_ns_e (TAG event; tree = 1) */
    unsigned        is_end:1;
    unsigned        self_closing:1;
    /*
     * TAG event, tree = 1: a start tag creates an svg/math element (ns);
     * an end tag closed one by the foreign content rules.
     */
    unsigned        foreign:1;
    unsigned        attrs_overflow:1;
    unsigned        nattrs;
    consent_attr_t  attrs[CONSENT_SCAN_MAX_ATTRS];
} consent_tag_t;

typedef struct {
    int                   state;
    int                   raw_state;    /* content state a '<' returns to */
    int                   tree;         /* switch states like a browser */
    int                   all_tags;     /* report tags of no known name */
    int                   styles;       /* report start tags with a style,
                                           background, data-style or
                                           data-background attribute */
    int                   report;       /* the tag in hand is reported
                                           whatever its name (styles) */
    int                   tagged;       /* loaders without data-category
                                           or data-name may be passed
                                           over */
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

    unsigned              tag_tree;         /* the tag name's T_* bits */
    consent_attr_t       *attr;             /* being scanned, or NULL */

    /* the open elements from the outermost svg/math element on */
    unsigned              depth;
    unsigned              script_level;     /* open svg script: depth + 1 */
    /* times the stack was full and dropped: the scanner then takes the
       content for HTML (docs/filter.md says why) */
    unsigned              overflowed;
    struct {
        uint32_t          hash;             /* of the lowercased name */
        uint16_t          kind;             /* integration point, ... */
        unsigned char     ns;               /* consent_ns_e */
        unsigned char     id;               /* consent_tag_id_e */
    }                     stack[CONSENT_SCAN_STACK_MAX];

    /* attributes the tree builder reads: font color/face/size, and the
       encoding of math annotation-xml (raw, decoded at the tag's end) */
    unsigned char         watch;
    unsigned char         watch_hit;
    unsigned char         watch_attr;       /* the current one matters */
    size_t                wname_len;
    unsigned char         wname[8];
    size_t                wval_len;
    unsigned char         wval[64];

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
 * all_tags = 0 (the rewriter) only tags with a known name (id) are
 * reported, and of those outside svg/math content: start tags, but a and
 * area only when they may have a ping or data-ping attribute (always when
 * they do not end in the buffer they start in, or are longer than
 * 2 * CONSENT_SCAN_MAX_ATTRS); end tags of head and body, and the end
 * tag of a raw text element.  In svg/math content every tag of a known
 * name is reported, and any tag that ends an svg script (a TAG event,
 * CONSENT_TAG_SCRIPT_END).  With styles = 1 (and all_tags = 0) start tags
 * of any other name are reported too when they have one of the attributes
 * a style may load from (style, background, data-style, data-background,
 * in any case) or do not end in the buffer their name ends in (whether
 * they have one is not known there).  With tagged = 1, outside svg/math
 * the start tags of known names that switch no state (but head, body, svg
 * and math) may be passed over when they have no data-category or
 * data-name attribute (and end in the buffer their name ends in).
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

/*
 * Parse as the content of a context element (the fragment case, tests):
 * name lowercase, ns its namespace.  Call right after init (and before
 * set_state for a raw text context).
 */
void consent_scanner_set_context(consent_scanner_t *sc, consent_ns_e ns,
    const char *name);

/*
 * The first attribute with that lowercase name (first wins), or NULL.  The
 * macro lets the compiler count a literal name's length.
 */
const consent_attr_t *consent_tag_attr_n(const consent_tag_t *tag,
    const unsigned char *bytes, const char *name, size_t len);

#define consent_tag_attr(tag, bytes, name)                                 \
    consent_tag_attr_n(tag, bytes, name, strlen(name))

/*
 * Decode character references of a raw attribute value into out (numeric
 * ones and every named one of the HTML standard, with the attribute-value
 * rules for a missing ';').  Returns the decoded length, or (size_t) -1 when
 * out is too small.  *unknown is set to 1 when a name followed by ';' that
 * is no reference was left as is.  Decoding lengthens a value by at most
 * one byte in five (&nGt; and &nLt; are two code points of six bytes): out
 * of CONSENT_DECODE_SIZE(len) bytes is always enough.
 */
#define CONSENT_DECODE_SIZE(len)  ((len) + (len) / 5)

size_t consent_decode_attr_value(const unsigned char *p, size_t len,
    unsigned char *out, size_t size, int *unknown);

#endif /* CONSENT_SCANNER_H */

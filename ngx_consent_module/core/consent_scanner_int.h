#ifndef CONSENT_SCANNER_INT_H
#define CONSENT_SCANNER_INT_H

/*
 * Shared by the tokenizer (consent_scanner.c) and the tree builder model
 * (consent_scanner_tree.c): what the model knows of a tag name, and its
 * entry points.
 */

#include <string.h>
#if defined(__SSE2__) && !defined(CONSENT_SCALAR)
#include <emmintrin.h>
#endif
#include "consent_scanner.h"

/* consent_tag_name_t.tree, consent_scanner_t.tag_tree */
#define T_BREAKOUT  0x0001    /* a start tag that leaves svg/math */
#define T_FONT      0x0002    /* breaks out with color, face or size */
#define T_SVG_POINT 0x0004    /* svg: HTML integration point */
#define T_MATH_TEXT 0x0008    /* math: text integration point */
#define T_ANNOT     0x0010    /* math annotation-xml */
#define T_MGLYPH    0x0020    /* stays foreign in a text integration point */
#define T_VOID      0x0040    /* HTML: never opens an element in a body */
#define T_SPECIAL   0x0080    /* HTML: the "special" category */
#define T_SCOPE     0x0100    /* HTML: bounds the default scope */
#define T_CLOSES_P  0x0200    /* HTML: its start tag closes an open p */
#define T_LIST      0x0400    /* ol, ul: bound the list item scope */
#define T_BUTTON    0x0800    /* bounds the button scope */
#define T_LI        0x1000
#define T_DD        0x2000    /* dd, dt */
#define T_END       0x4000    /* end tag reported in untracked HTML content */

/* consent_scanner_t.watch: a tag whose attributes the model reads */
#define W_FONT   1
#define W_ANNOT  2

/*
 * A start tag ended (tree = 1): the model follows it and sets tag.ns,
 * tag.foreign.  Returns 1 when the tag is an HTML element, whose name may
 * switch the tokenizer to a raw text state.
 */
int consent_scanner_tree_start(consent_scanner_t *sc);

/* An end tag ended (tree = 1). */
void consent_scanner_tree_end(consent_scanner_t *sc);

/* Whether "<![CDATA[" starts a CDATA section here (foreign content). */
int consent_scanner_cdata_allowed(const consent_scanner_t *sc);

/* The T_* bits of a lowercase name (0 for names not in the table). */
unsigned consent_scanner_name_tree(const char *name);

/*
 * Shared by the tokenizer's states (consent_scanner.c) and its skip layer
 * (consent_scanner_skip.c).
 */
/* tokenizer states (WHATWG; those differing only in errors merged) */
enum {
    S_DATA = 0,
    S_RCDATA,
    S_RAWTEXT,
    S_SCRIPT,
    S_PLAINTEXT,
    S_CDATA,
    S_CDATA_BRACKET,
    S_CDATA_END,
    S_TAG_OPEN,
    S_END_TAG_OPEN,
    S_TAG_NAME,
    S_BEFORE_ATTR_NAME,
    S_ATTR_NAME,
    S_AFTER_ATTR_NAME,
    S_BEFORE_ATTR_VALUE,
    S_ATTR_VALUE_DQ,
    S_ATTR_VALUE_SQ,
    S_ATTR_VALUE_UNQ,
    S_AFTER_ATTR_VALUE_Q,
    S_SELF_CLOSING,
    S_MARKUP_DECL,
    S_COMMENT_START,
    S_COMMENT_START_DASH,
    S_COMMENT,
    S_COMMENT_END_DASH,
    S_COMMENT_END,
    S_COMMENT_END_BANG,
    S_BOGUS_COMMENT,
    S_DOCTYPE,
    S_RAW_LT,
    S_RAW_END_TAG_OPEN,
    S_RAW_END_TAG_NAME,
    S_SD_ESCAPE_START,
    S_SD_ESCAPE_START_DASH,
    S_SD_ESCAPED,
    S_SD_ESCAPED_DASH,
    S_SD_ESCAPED_DASH_DASH,
    S_SD_ESCAPED_LT,
    S_SD_DOUBLE_ESCAPE_START,
    S_SD_DOUBLE_ESCAPED,
    S_SD_DE_DASH,
    S_SD_DE_DASH_DASH,
    S_SD_DE_LT,
    S_SD_DOUBLE_ESCAPE_END
};

#define C_WS       0x01    /* \t \n \f \r space */
#define C_ALPHA    0x02
#define C_NAME_END 0x04    /* ends a tag name: ws / > */
#define C_ATTR_END 0x08    /* ends an attribute name: ws / > = */
#define C_UNQ_END  0x10    /* ends an unquoted value: ws > */

#define CONSENT_TAG_NAME_LONGEST  14

extern unsigned char  consent_scan_class[256];
extern unsigned char  consent_scan_lower[256];
/* first letters (bit c - 'a') of the names that matter outside svg/math
   by length: [0] start tags, [1] end tags */
extern uint32_t       consent_tag_first_html[2][CONSENT_TAG_NAME_LONGEST + 1];
/* of those start tags, the ones reported whatever their attributes (tagged) */
extern uint32_t       consent_tag_first_keep[CONSENT_TAG_NAME_LONGEST + 1];

/* Offset of p from the tag's '<' (origin: where the '<' is or would be). */
#define consent_scanner_rel(sc, p)                                         \
    ((uint32_t) ((uintptr_t) (p) - (sc)->origin))

/* A '<' at q may start a tag. */
#define consent_scanner_mark(sc, q)                                        \
    do {                                                                   \
        (sc)->tag.start = (sc)->base + (uint64_t) ((q) - (sc)->buf);       \
        (sc)->origin = (uintptr_t) (q);                                    \
    } while (0)


/* The first byte of a class (C_*) at or after p, or end. */
static inline const unsigned char *
consent_scanner_until(const unsigned char *p, const unsigned char *end,
    unsigned cls)
{
    while (p < end && !(consent_scan_class[*p] & cls)) {
        p++;
    }

    return p;
}


/*
 * The first c at or after p, or end (an empty buffer may be NULL).  Most
 * searches in a tag end within 16 bytes: where SSE2 is there (x86-64
 * always) those are looked at at once before memchr() is called.
 * CONSENT_SCALAR builds the byte-loop path alone (the scalar unit tests).
 */
static inline const unsigned char *
consent_scanner_char(const unsigned char *p, const unsigned char *end, int c)
{
    const unsigned char  *q;
#if defined(__SSE2__) && !defined(CONSENT_SCALAR)
    unsigned              m;

    if (end - p >= 16) {
        m = (unsigned) _mm_movemask_epi8(
                _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) p),
                               _mm_set1_epi8((char) c)));
        if (m) {
            return p + __builtin_ctz(m);
        }
        p += 16;
    }
#endif

    if (p == end) {
        return end;
    }

    q = memchr(p, c, (size_t) (end - p));

    return q ? q : end;
}


/* A tag starts: nothing of the previous one carries over. */
static inline void
consent_scanner_tag_reset(consent_scanner_t *sc, unsigned is_end)
{
    sc->tag.is_end = is_end;
    sc->tag.name_len = 0;
    sc->tag.id = CONSENT_TAG_OTHER;
    sc->tag.flags = 0;
    sc->tag.ns = CONSENT_NS_HTML;
    sc->tag.self_closing = 0;
    sc->tag.foreign = 0;
    sc->tag.attrs_overflow = 0;
    sc->tag.nattrs = 0;
    sc->tag_tree = 0;
    sc->watch = 0;
    sc->attr = NULL;
}

/*
 * Tags of HTML content outside svg/math that nobody is told about and that
 * switch no state, with all_tags = 0: passed over to their '>' without
 * recording anything.  Returns the '<' where the ordinary states take over
 * (a tag that matters, one whose name the buffer ends in, or with styles a
 * start tag they report: sc->report), or NULL when the buffer is
 * consumed, with *state where the scan resumes.
 */
const unsigned char *consent_scanner_skip_data(consent_scanner_t *sc,
    const unsigned char *p, int *state);

/* consent_scanner_skip_attrs() watch bits: attribute names that matter */
#define SKIP_PING   0x01    /* ping, data-ping */
#define SKIP_STYLE  0x02    /* style, background, data-style,
                               data-background */
#define SKIP_TAGGED 0x04    /* data-category, data-name */

/*
 * The attribute states of such a tag, recording nothing: the position
 * after its '>', or NULL when the buffer ends first (*state: where the
 * ordinary states resume).  With watch bits, NULL also when an attribute
 * has a watched name (then *state is not set).
 */
const unsigned char *consent_scanner_skip_attrs(consent_scanner_t *sc,
    const unsigned char *p, int *state, unsigned watch);

/*
 * From the byte that ends a start tag's name (styles): the position after
 * its '>' when it surely has no attribute SKIP_STYLE names, else NULL (it
 * has one, or the buffer ends first).
 */
const unsigned char *consent_scanner_skip_unstyled(consent_scanner_t *sc,
    const unsigned char *p);

/* Whether the tag name from name to p is a or area. */
#define consent_scanner_is_link(name, p)                                   \
    (((p) - (name) == 1 && consent_scan_lower[(name)[0]] == 'a')           \
     || ((p) - (name) == 4 && consent_scan_lower[(name)[0]] == 'a'         \
         && consent_scan_lower[(name)[1]] == 'r'                           \
         && consent_scan_lower[(name)[2]] == 'e'                           \
         && consent_scan_lower[(name)[3]] == 'a'))

#endif /* CONSENT_SCANNER_INT_H */

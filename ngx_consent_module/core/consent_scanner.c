/*
 * Streaming HTML tag scanner (see consent_scanner.h).  States follow the
 * WHATWG tokenizer; the ones that only differ in parse errors are merged.
 */

#include <string.h>
#include "consent_scanner.h"


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

/* Kinds of entries on the foreign content stack. */
enum {
    F_SVG = 1,
    F_MATH,
    F_HTML_POINT       /* an integration point: HTML rules inside */
};

#define C_WS       0x01    /* \t \n \f \r space */
#define C_ALPHA    0x02
#define C_NAME_END 0x04    /* ends a tag name: ws / > */
#define C_ATTR_END 0x08    /* ends an attribute name: ws / > = */
#define C_UNQ_END  0x10    /* ends an unquoted value: ws > */
#define C_ALNUM    0x20

/* Offset of p from the tag's '<' (origin: where the '<' is or would be). */
#define consent_scanner_rel(sc, p)                                         \
    ((uint32_t) ((uintptr_t) (p) - (sc)->origin))

/* A '<' at q may start a tag. */
#define consent_scanner_mark(sc, q)                                        \
    do {                                                                   \
        (sc)->tag.start = (sc)->base + (uint64_t) ((q) - (sc)->buf);       \
        (sc)->origin = (uintptr_t) (q);                                    \
    } while (0)

typedef struct {
    const char     *name;
    unsigned char   id;
    unsigned char   flags;
} consent_tag_name_t;

#define B  CONSENT_TAG_BREAKOUT

/* Known tag names, found through consent_tag_hash. */
static const consent_tag_name_t  consent_tag_names[] = {
    { "b", 0, B }, { "i", 0, B }, { "p", CONSENT_TAG_P, B }, { "s", 0, B },
    { "u", 0, B }, { "a", CONSENT_TAG_A, 0 },
    { "br", CONSENT_TAG_BR, B }, { "dd", 0, B }, { "dl", 0, B },
    { "dt", 0, B }, { "em", 0, B }, { "h1", 0, B }, { "h2", 0, B },
    { "h3", 0, B }, { "h4", 0, B }, { "h5", 0, B }, { "h6", 0, B },
    { "hr", 0, B }, { "li", 0, B }, { "ol", 0, B }, { "tt", 0, B },
    { "ul", 0, B }, { "mi", 0, CONSENT_TAG_MATH_POINT },
    { "mo", 0, CONSENT_TAG_MATH_POINT }, { "mn", 0, CONSENT_TAG_MATH_POINT },
    { "ms", 0, CONSENT_TAG_MATH_POINT },
    { "img", CONSENT_TAG_IMG, B }, { "svg", CONSENT_TAG_SVG, 0 },
    { "xmp", 0, CONSENT_TAG_RAWTEXT }, { "big", 0, B }, { "div", 0, B },
    { "pre", 0, B }, { "sub", 0, B }, { "sup", 0, B }, { "var", 0, B },
    { "head", CONSENT_TAG_HEAD, B }, { "body", CONSENT_TAG_BODY, B },
    { "link", CONSENT_TAG_LINK, 0 }, { "math", CONSENT_TAG_MATH, 0 },
    { "code", 0, B }, { "desc", 0, CONSENT_TAG_SVG_POINT },
    { "font", 0, B }, { "menu", 0, B }, { "meta", CONSENT_TAG_META, B },
    { "nobr", 0, B },
    { "ruby", 0, B }, { "span", 0, B },
    { "embed", CONSENT_TAG_EMBED, B }, { "video", CONSENT_TAG_VIDEO, 0 },
    { "audio", CONSENT_TAG_AUDIO, 0 },
    { "style", CONSENT_TAG_STYLE, CONSENT_TAG_RAWTEXT },
    { "title", 0, CONSENT_TAG_RCDATA | CONSENT_TAG_SVG_POINT },
    { "small", 0, B }, { "table", 0, B },
    { "mtext", 0, CONSENT_TAG_MATH_POINT },
    { "script", CONSENT_TAG_SCRIPT, 0 },
    { "iframe", CONSENT_TAG_IFRAME, CONSENT_TAG_RAWTEXT },
    { "source", CONSENT_TAG_SOURCE, 0 }, { "object", CONSENT_TAG_OBJECT, 0 },
    { "center", 0, B }, { "strike", 0, B }, { "strong", 0, B },
    { "noembed", 0, CONSENT_TAG_RAWTEXT }, { "listing", 0, B },
    { "noframes", 0, CONSENT_TAG_RAWTEXT },
    { "noscript", CONSENT_TAG_NOSCRIPT, CONSENT_TAG_RAWTEXT },
    { "textarea", 0, CONSENT_TAG_RCDATA },
    { "plaintext", CONSENT_TAG_PLAINTEXT, 0 },
    { "frame", CONSENT_TAG_FRAME, 0 }, { "input", CONSENT_TAG_INPUT, 0 },
    { "base", CONSENT_TAG_BASE, 0 }, { "area", CONSENT_TAG_AREA, 0 },
    { "image", CONSENT_TAG_IMAGE, 0 }, { "use", CONSENT_TAG_USE, 0 },
    { "feimage", CONSENT_TAG_FEIMAGE, 0 },
    { "blockquote", 0, B },
    { "foreignobject", 0, CONSENT_TAG_SVG_POINT },
    { "annotation-xml", 0, CONSENT_TAG_MATH_POINT },
    { NULL, 0, 0 }
};

#undef B

#define CONSENT_TAG_NAME_LONGEST  14
#define CONSENT_TAG_HASH          256

#define consent_tag_hash_of(name, len)                                     \
    (((name)[0] * 31u + (name)[(len) - 1] * 7u + (len) * 3u)               \
     & (CONSENT_TAG_HASH - 1))

/* Open addressing: entry index + 1, 0 for an empty slot. */
static unsigned char  consent_tag_hash[CONSENT_TAG_HASH];
static unsigned char  consent_tag_len[sizeof(consent_tag_names)
                                      / sizeof(consent_tag_names[0])];

/*
 * First letters (bit c - 'a') of the names of each length: of all names,
 * and of those that matter outside svg/math (all but the breakout tags,
 * whose end closes integration points too).  Most tags of a page are
 * rejected by one test.
 */
static uint32_t       consent_tag_first_all[CONSENT_TAG_NAME_LONGEST + 1];
static uint32_t       consent_tag_first_html[CONSENT_TAG_NAME_LONGEST + 1];
static unsigned char  consent_scan_class[256];
static unsigned char  consent_scan_lower[256];
static int            consent_scan_tables_ready;


static void consent_scanner_tables(void);
static void consent_scanner_classify(consent_scanner_t *sc);
static int consent_scanner_appropriate(const consent_scanner_t *sc);
static void consent_scanner_start_tag_done(consent_scanner_t *sc);
static unsigned consent_scanner_top(const consent_scanner_t *sc);
static int consent_scanner_in_foreign(const consent_scanner_t *sc);
static void consent_scanner_break_out(consent_scanner_t *sc);
static void consent_scanner_push(consent_scanner_t *sc, unsigned kind);
static int consent_decl_prefix(const unsigned char *s, size_t n,
    const char *word, int caseless);
static void consent_scanner_end_tag_done(consent_scanner_t *sc);
static void consent_scanner_raw_end_tag(consent_scanner_t *sc);
static void consent_scanner_new_attr(consent_scanner_t *sc,
    const unsigned char *p);
static const unsigned char *consent_scanner_skip_attrs(
    const unsigned char *p, const unsigned char *end, int *state);


static void
consent_scanner_tables(void)
{
    int                   c;
    size_t                len, h;
    const unsigned char  *name;

    for (c = 0; c < 256; c++) {
        consent_scan_lower[c] = (unsigned char)
            ((c >= 'A' && c <= 'Z') ? c + 32 : c);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            consent_scan_class[c] |= C_ALPHA | C_ALNUM;
        }
        if (c >= '0' && c <= '9') {
            consent_scan_class[c] |= C_ALNUM;
        }
    }

    consent_scan_class['\t'] |= C_WS | C_NAME_END | C_ATTR_END | C_UNQ_END;
    consent_scan_class['\n'] |= C_WS | C_NAME_END | C_ATTR_END | C_UNQ_END;
    consent_scan_class['\f'] |= C_WS | C_NAME_END | C_ATTR_END | C_UNQ_END;
    consent_scan_class['\r'] |= C_WS | C_NAME_END | C_ATTR_END | C_UNQ_END;
    consent_scan_class[' '] |= C_WS | C_NAME_END | C_ATTR_END | C_UNQ_END;
    consent_scan_class['/'] |= C_NAME_END | C_ATTR_END;
    consent_scan_class['>'] |= C_NAME_END | C_ATTR_END | C_UNQ_END;
    consent_scan_class['='] |= C_ATTR_END;

    for (c = 0; consent_tag_names[c].name; c++) {
        name = (const unsigned char *) consent_tag_names[c].name;
        len = strlen(consent_tag_names[c].name);
        consent_tag_len[c] = (unsigned char) len;

        consent_tag_first_all[len] |= (uint32_t) 1 << (name[0] - 'a');
        if ((consent_tag_names[c].id != CONSENT_TAG_OTHER
             && consent_tag_names[c].id != CONSENT_TAG_P
             && consent_tag_names[c].id != CONSENT_TAG_BR)
            || (consent_tag_names[c].flags
                & (CONSENT_TAG_RAWTEXT | CONSENT_TAG_RCDATA
                   | CONSENT_TAG_SVG_POINT | CONSENT_TAG_MATH_POINT)))
        {
            consent_tag_first_html[len] |= (uint32_t) 1 << (name[0] - 'a');
        }

        h = consent_tag_hash_of(name, len);
        while (consent_tag_hash[h]) {
            h = (h + 1) & (CONSENT_TAG_HASH - 1);
        }
        consent_tag_hash[h] = (unsigned char) (c + 1);
    }

    consent_scan_tables_ready = 1;
}


/* Sets the tag's id and flags from its (lowercased) name. */
static void
consent_scanner_classify(consent_scanner_t *sc)
{
    size_t                     h, i, k;
    uint32_t                   first;
    consent_tag_t             *tag;
    const consent_tag_name_t  *n;

    tag = &sc->tag;
    tag->id = CONSENT_TAG_OTHER;
    tag->flags = 0;

    if (tag->name_len == 0 || tag->name_len > CONSENT_TAG_NAME_LONGEST
        || tag->name[0] < 'a' || tag->name[0] > 'z')
    {
        return;
    }

    first = consent_scanner_in_foreign(sc)
            ? consent_tag_first_all[tag->name_len]
            : consent_tag_first_html[tag->name_len];

    if (!(first & ((uint32_t) 1 << (tag->name[0] - 'a')))) {
        return;
    }

    for (h = consent_tag_hash_of(tag->name, tag->name_len);
         consent_tag_hash[h];
         h = (h + 1) & (CONSENT_TAG_HASH - 1))
    {
        i = consent_tag_hash[h] - 1;

        if (consent_tag_len[i] != tag->name_len) {
            continue;
        }

        /* names are short: a loop beats a memcmp() call */
        n = &consent_tag_names[i];
        for (k = 0; k < tag->name_len; k++) {
            if ((unsigned char) n->name[k] != tag->name[k]) {
                break;
            }
        }

        if (k == tag->name_len) {
            tag->id = n->id;
            tag->flags = n->flags;
            return;
        }
    }
}


void
consent_scanner_init(consent_scanner_t *sc, int tree)
{
    if (!consent_scan_tables_ready) {
        consent_scanner_tables();
    }

    memset(sc, 0, offsetof(consent_scanner_t, tag));
    memset(&sc->tag, 0, offsetof(consent_tag_t, attrs));
    sc->state = S_DATA;
    sc->raw_state = S_DATA;
    sc->tree = tree;
    sc->all_tags = !tree;
    sc->scripting = 1;
}


void
consent_scanner_set_state(consent_scanner_t *sc, consent_scan_content_e state,
    const unsigned char *last, size_t len)
{
    static const int  states[] = { S_DATA, S_RCDATA, S_RAWTEXT, S_SCRIPT,
                                   S_PLAINTEXT, S_CDATA };
    size_t            i;

    sc->state = states[state];
    sc->raw_state = states[state];
    sc->last_len = len <= CONSENT_SCAN_NAME_MAX ? len : 0;

    for (i = 0; i < sc->last_len; i++) {
        sc->last[i] = consent_scan_lower[last[i]];
    }
}


void
consent_scanner_feed(consent_scanner_t *sc, const unsigned char *p,
    size_t len)
{
    sc->base += (uint64_t) (sc->end - sc->buf);
    sc->buf = p;
    sc->cur = p;
    sc->end = p + len;

    /* unsigned arithmetic: the '<' may lie in an earlier buffer */
    sc->origin = (uintptr_t) p - (uintptr_t) (sc->base - sc->tag.start);
}


int
consent_scanner_in_tag_open(const consent_scanner_t *sc)
{
    return sc->state == S_TAG_OPEN || sc->state == S_END_TAG_OPEN
           || sc->state == S_TAG_NAME;
}


uint64_t
consent_scanner_text_end(const consent_scanner_t *sc)
{
    if (sc->state == S_RAW_LT || sc->state == S_RAW_END_TAG_OPEN
        || (sc->state == S_RAW_END_TAG_NAME && sc->tmp_len <= sc->last_len
            && memcmp(sc->tmp, sc->last, sc->tmp_len) == 0))
    {
        return sc->tag.start;
    }

    return consent_scanner_offset(sc);
}


consent_scan_content_e
consent_scanner_content(const consent_scanner_t *sc)
{
    switch (sc->raw_state) {
    case S_RCDATA:
        return CONSENT_SCAN_RCDATA;
    case S_RAWTEXT:
        return CONSENT_SCAN_RAWTEXT;
    case S_SCRIPT:
    case S_SD_ESCAPED:
    case S_SD_DOUBLE_ESCAPED:
        return CONSENT_SCAN_SCRIPT;
    case S_PLAINTEXT:
        return CONSENT_SCAN_PLAINTEXT;
    default:
        return CONSENT_SCAN_DATA;
    }
}


/* Whether the end tag name in tmp closes the raw state (last start tag). */
static int
consent_scanner_appropriate(const consent_scanner_t *sc)
{
    return sc->last_len != 0 && sc->tmp_len == sc->last_len
           && memcmp(sc->tmp, sc->last, sc->last_len) == 0;
}


static void
consent_scanner_new_attr(consent_scanner_t *sc, const unsigned char *p)
{
    consent_attr_t  *a;

    if (sc->tag.nattrs == CONSENT_SCAN_MAX_ATTRS) {
        sc->tag.attrs_overflow = 1;
        return;
    }

    a = &sc->tag.attrs[sc->tag.nattrs++];
    a->name_off = consent_scanner_rel(sc, p);
    a->name_len = 0;
    a->value_off = 0;
    a->value_len = 0;
    a->quote = 0;
    a->has_value = 0;
}


/* The attribute being scanned, or NULL past the recorded ones. */
#define consent_scanner_attr(sc)                                           \
    ((sc)->tag.attrs_overflow ? NULL                                       \
                              : &(sc)->tag.attrs[(sc)->tag.nattrs - 1])




const consent_attr_t *
consent_tag_attr(const consent_tag_t *tag, const unsigned char *bytes,
    const char *name)
{
    size_t                i, j, n;
    const unsigned char  *s;

    n = strlen(name);

    for (i = 0; i < tag->nattrs; i++) {
        if (tag->attrs[i].name_len != n) {
            continue;
        }

        s = bytes + tag->attrs[i].name_off;

        for (j = 0; j < n; j++) {
            if (consent_scan_lower[s[j]] != (unsigned char) name[j]) {
                break;
            }
        }

        if (j == n) {
            return &tag->attrs[i];
        }
    }

    return NULL;
}


/* The innermost svg/math/integration point entry, or 0 in HTML. */
static unsigned
consent_scanner_top(const consent_scanner_t *sc)
{
    if (sc->foreign_depth == 0) {
        return 0;
    }

    /* levels past the tracked ones are taken as the deepest tracked one */
    return sc->foreign[(sc->foreign_depth > CONSENT_SCAN_FOREIGN_MAX
                        ? CONSENT_SCAN_FOREIGN_MAX : sc->foreign_depth) - 1];
}


static int
consent_scanner_in_foreign(const consent_scanner_t *sc)
{
    unsigned  top;

    top = consent_scanner_top(sc);

    return sc->tree && (top == F_SVG || top == F_MATH);
}


/* Pops svg/math levels up to an integration point or HTML. */
static void
consent_scanner_break_out(consent_scanner_t *sc)
{
    while (sc->foreign_depth && consent_scanner_top(sc) != F_HTML_POINT) {
        sc->foreign_depth--;
    }
}


/* Whether s[0..n) is a prefix of word. */
static int
consent_decl_prefix(const unsigned char *s, size_t n, const char *word,
    int caseless)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        if (word[i] == '\0'
            || (caseless ? consent_scan_lower[s[i]] : s[i])
               != (unsigned char) word[i])
        {
            return 0;
        }
    }

    return 1;
}


/*
 * A start tag ended: the tree builder model decides the next content state
 * and follows svg/math foreign content.  font counts as a breakout tag
 * whatever its attributes (browsers: only with color, face or size).
 */
static void
consent_scanner_start_tag_done(consent_scanner_t *sc)
{
    consent_tag_t  *t;
    unsigned        top;

    t = &sc->tag;
    sc->state = S_DATA;
    sc->raw_state = S_DATA;

    if (!sc->tree) {
        return;
    }

    top = consent_scanner_top(sc);

    if (top == F_SVG || top == F_MATH) {

        if (t->flags & CONSENT_TAG_BREAKOUT) {
            /* pops foreign elements, then the tag is HTML */
            consent_scanner_break_out(sc);
            t->foreign = 0;
            return;
        }

        t->foreign = 1;

        if (t->self_closing) {
            return;
        }

        if (t->id == CONSENT_TAG_SVG) {
            top = F_SVG;

        } else if (t->id == CONSENT_TAG_MATH) {
            top = F_MATH;

        } else if ((top == F_SVG && (t->flags & CONSENT_TAG_SVG_POINT))
                   || (top == F_MATH && (t->flags & CONSENT_TAG_MATH_POINT)))
        {
            top = F_HTML_POINT;

        } else {
            return;
        }

        consent_scanner_push(sc, top);
        return;
    }

    t->foreign = 0;

    if (t->id == CONSENT_TAG_SVG || t->id == CONSENT_TAG_MATH) {
        if (!t->self_closing) {
            consent_scanner_push(sc, t->id == CONSENT_TAG_SVG ? F_SVG
                                                              : F_MATH);
        }
        return;
    }

    if (t->id == CONSENT_TAG_SCRIPT) {
        sc->state = S_SCRIPT;

    } else if ((t->flags & CONSENT_TAG_RAWTEXT)
               && (t->id != CONSENT_TAG_NOSCRIPT || sc->scripting))
    {
        sc->state = S_RAWTEXT;

    } else if (t->flags & CONSENT_TAG_RCDATA) {
        sc->state = S_RCDATA;

    } else if (t->id == CONSENT_TAG_PLAINTEXT) {
        sc->state = S_PLAINTEXT;

    } else {
        return;
    }

    sc->raw_state = sc->state;
    sc->last_len = t->name_len;
    memcpy(sc->last, t->name, t->name_len);
}


static void
consent_scanner_push(consent_scanner_t *sc, unsigned kind)
{
    if (sc->foreign_depth < CONSENT_SCAN_FOREIGN_MAX) {
        sc->foreign[sc->foreign_depth] = (unsigned char) kind;
    }

    sc->foreign_depth++;
}


/* An end tag ended: leaves raw states and pops foreign content. */
static void
consent_scanner_end_tag_done(consent_scanner_t *sc)
{
    consent_tag_t  *t;
    unsigned        top;

    t = &sc->tag;
    sc->state = S_DATA;
    sc->raw_state = S_DATA;

    if (!sc->tree || sc->foreign_depth == 0) {
        return;
    }

    top = consent_scanner_top(sc);

    if (top == F_HTML_POINT) {
        /* an integration point's end tag closes it */
        if (t->flags & (CONSENT_TAG_SVG_POINT | CONSENT_TAG_MATH_POINT)) {
            sc->foreign_depth--;
        }
        return;
    }

    t->foreign = 1;

    if ((top == F_SVG && t->id == CONSENT_TAG_SVG)
        || (top == F_MATH && t->id == CONSENT_TAG_MATH))
    {
        sc->foreign_depth--;

    } else if (t->id == CONSENT_TAG_P || t->id == CONSENT_TAG_BR) {
        consent_scanner_break_out(sc);
        t->foreign = 0;
    }
}


/* An appropriate end tag in a raw state: it becomes a tag. */
static void
consent_scanner_raw_end_tag(consent_scanner_t *sc)
{
    sc->tag.is_end = 1;
    sc->tag.self_closing = 0;
    sc->tag.foreign = 0;
    sc->tag.attrs_overflow = 0;
    sc->tag.nattrs = 0;
    sc->tag.name_len = sc->tmp_len;
    memcpy(sc->tag.name, sc->tmp, sc->tmp_len);
    consent_scanner_classify(sc);
}


/*
 * The attribute states for a tag nobody is told about, without recording
 * attributes: the same transitions, to find the '>' that ends the tag.
 * Returns the position after it, or NULL when the buffer ends first, with
 * *state where the scan resumes (the ordinary states take over from there).
 */
static const unsigned char *
consent_scanner_skip_attrs(const unsigned char *p, const unsigned char *end,
    int *state)
{
    int                   st;
    unsigned char         c;
    const unsigned char  *q;

    st = *state;

    for ( ;; ) {

        switch (st) {

        case S_BEFORE_ATTR_NAME:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p++;
            if (c == '>') {
                goto done;
            }
            if (c == '/') {
                st = S_SELF_CLOSING;
                break;
            }
            /* any other byte, '=' too, starts a name */
            st = S_ATTR_NAME;
            /* fall through */

        case S_ATTR_NAME:
            while (p < end && !(consent_scan_class[*p] & C_ATTR_END)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p++;
            if (c == '=') {
                st = S_BEFORE_ATTR_VALUE;
            } else if (c == '>') {
                goto done;
            } else if (c == '/') {
                st = S_SELF_CLOSING;
                break;
            } else {
                st = S_AFTER_ATTR_NAME;
                break;
            }
            /* fall through */

        case S_BEFORE_ATTR_VALUE:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '"' || c == '\'') {
                p++;
                st = c == '"' ? S_ATTR_VALUE_DQ : S_ATTR_VALUE_SQ;
                break;
            }
            if (c == '>') {
                p++;
                goto done;
            }
            st = S_ATTR_VALUE_UNQ;
            break;

        case S_AFTER_ATTR_NAME:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '=') {
                p++;
                st = S_BEFORE_ATTR_VALUE;
            } else if (c == '/') {
                p++;
                st = S_SELF_CLOSING;
            } else if (c == '>') {
                p++;
                goto done;
            } else {
                st = S_ATTR_NAME;
            }
            break;

        case S_ATTR_VALUE_DQ:
        case S_ATTR_VALUE_SQ:
            q = memchr(p, st == S_ATTR_VALUE_DQ ? '"' : '\'',
                       (size_t) (end - p));
            if (q == NULL) {
                p = end;
                goto more;
            }
            p = q + 1;
            st = S_AFTER_ATTR_VALUE_Q;
            /* fall through */

        case S_AFTER_ATTR_VALUE_Q:
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '>') {
                p++;
                goto done;
            }
            if (c == '/') {
                p++;
                st = S_SELF_CLOSING;
                break;
            }
            if (consent_scan_class[c] & C_WS) {
                p++;
            }
            st = S_BEFORE_ATTR_NAME;
            break;

        case S_ATTR_VALUE_UNQ:
            while (p < end && !(consent_scan_class[*p] & C_UNQ_END)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            if (*p++ == '>') {
                goto done;
            }
            st = S_BEFORE_ATTR_NAME;
            break;

        default:    /* S_SELF_CLOSING */
            if (p == end) {
                goto more;
            }
            if (*p == '>') {
                p++;
                goto done;
            }
            st = S_BEFORE_ATTR_NAME;
            break;
        }
    }

done:

    return p;

more:

    *state = st;
    return NULL;
}


consent_scan_event_e
consent_scanner_next(consent_scanner_t *sc)
{
    int                    state, is_end;
    unsigned char          c;
    consent_attr_t        *a;
    const unsigned char   *p, *end, *q, *name, *lim;

    p = sc->cur;
    end = sc->end;
    state = sc->state;

    if (sc->tag_end_pending) {
        sc->tag_end_pending = 0;
        goto tag_end;
    }

    if (p == end) {
        /* an empty buffer may be NULL: never passed to memchr() */
        return CONSENT_SCAN_MORE;
    }

    for ( ;; ) {

        switch (state) {

        case S_DATA:
            if (sc->all_tags || sc->foreign_depth) {
                q = memchr(p, '<', (size_t) (end - p));
                if (q == NULL) {
                    p = end;
                    goto more;
                }

            } else {
                /*
                 * The common case in one loop: tags whose names are
                 * rejected by length and first letter (see tag_name_start)
                 * are skipped to their '>' without leaving it.
                 */
                for ( ;; ) {
                    /* the text between tags is often a short indentation:
                       found sooner inline than by a memchr() call */
                    lim = end - p > 16 ? p + 16 : end;
                    for (q = p; q < lim && *q != '<'; q++) {
                        /* void */
                    }
                    if (q == lim) {
                        q = lim == end ? NULL
                                       : memchr(lim, '<', (size_t) (end - lim));
                        if (q == NULL) {
                            p = end;
                            goto more;
                        }
                    }
                    name = q + 1;
                    is_end = name < end && *name == '/';
                    name += is_end;
                    if (name == end || !(consent_scan_class[*name] & C_ALPHA))
                    {
                        break;
                    }
                    p = name + 1;
                    while (p < end && !(consent_scan_class[*p] & C_NAME_END))
                    {
                        p++;
                    }
                    if (p == end
                        || ((size_t) (p - name) <= CONSENT_TAG_NAME_LONGEST
                            && (consent_tag_first_html[p - name]
                                & ((uint32_t) 1
                                   << (consent_scan_lower[*name] - 'a')))))
                    {
                        break;
                    }
                    c = *p++;
                    if (c != '>') {
                        state = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
                        p = consent_scanner_skip_attrs(p, end, &state);
                        if (p == NULL) {
                            /* as skip_tag leaves it */
                            p = end;
                            consent_scanner_mark(sc, q);
                            sc->tag.is_end = is_end;
                            sc->tag.id = CONSENT_TAG_OTHER;
                            sc->tag.flags = 0;
                            sc->tag.attrs_overflow = 1;
                            sc->tag.nattrs = 0;
                            goto more;
                        }
                        state = S_DATA;
                    }
                    sc->raw_state = S_DATA;
                }
            }

            consent_scanner_mark(sc, q);
            p = q + 1;
            state = S_TAG_OPEN;
            break;

        case S_RCDATA:
        case S_RAWTEXT:
        case S_SCRIPT:
            q = memchr(p, '<', (size_t) (end - p));
            if (q == NULL) {
                p = end;
                goto more;
            }
            consent_scanner_mark(sc, q);
            sc->raw_state = state;
            p = q + 1;
            state = S_RAW_LT;
            break;

        case S_PLAINTEXT:
            p = end;
            goto more;

        case S_CDATA:
            q = memchr(p, ']', (size_t) (end - p));
            if (q == NULL) {
                p = end;
                goto more;
            }
            p = q + 1;
            state = S_CDATA_BRACKET;
            break;

        case S_CDATA_BRACKET:
            if (p == end) {
                goto more;
            }
            if (*p == ']') {
                p++;
                state = S_CDATA_END;
            } else {
                state = S_CDATA;
            }
            break;

        case S_CDATA_END:
            if (p == end) {
                goto more;
            }
            if (*p == ']') {
                p++;
            } else if (*p == '>') {
                p++;
                state = S_DATA;
            } else {
                state = S_CDATA;
            }
            break;

        case S_TAG_OPEN:
            if (p == end) {
                goto more;
            }
            c = *p;
            if (consent_scan_class[c] & C_ALPHA) {
                sc->tag.is_end = 0;
                goto tag_name_start;
            }
            if (c == '!') {
                p++;
                sc->decl_len = 0;
                state = S_MARKUP_DECL;
            } else if (c == '/') {
                p++;
                state = S_END_TAG_OPEN;
            } else if (c == '?') {
                state = S_BOGUS_COMMENT;
            } else {
                state = S_DATA;
            }
            break;

        case S_END_TAG_OPEN:
            if (p == end) {
                goto more;
            }
            c = *p;
            if (consent_scan_class[c] & C_ALPHA) {
                sc->tag.is_end = 1;
                goto tag_name_start;
            }
            if (c == '>') {
                p++;
                state = S_DATA;
            } else {
                state = S_BOGUS_COMMENT;
            }
            break;

        tag_name_start:
            state = S_TAG_NAME;

            if (!sc->all_tags && sc->foreign_depth == 0) {
                /* most names are rejected by length and first letter
                   before being copied */
                q = p + 1;
                while (q < end && !(consent_scan_class[*q] & C_NAME_END)) {
                    q++;
                }
                if (q < end
                    && ((size_t) (q - p) > CONSENT_TAG_NAME_LONGEST
                        || !(consent_tag_first_html[q - p]
                             & ((uint32_t) 1
                                << (consent_scan_lower[*p] - 'a')))))
                {
                    sc->tag.id = CONSENT_TAG_OTHER;
                    sc->tag.flags = 0;
                    p = q;
                    goto skip_tag;
                }
            }

            sc->tag.name_len = 0;
            sc->tag.self_closing = 0;
            sc->tag.foreign = 0;
            sc->tag.attrs_overflow = 0;
            sc->tag.nattrs = 0;
            /* fall through */

        case S_TAG_NAME:
            while (p < end && !(consent_scan_class[*p] & C_NAME_END)) {
                if (sc->tag.name_len < CONSENT_SCAN_NAME_MAX) {
                    sc->tag.name[sc->tag.name_len] = consent_scan_lower[*p];
                }
                sc->tag.name_len++;
                p++;
            }
            if (p == end) {
                goto more;
            }
            consent_scanner_classify(sc);
            if (!sc->all_tags && sc->tag.id == CONSENT_TAG_OTHER
                && sc->foreign_depth == 0
                && !(sc->tag.flags
                     & (CONSENT_TAG_RAWTEXT | CONSENT_TAG_RCDATA)))
            {
                goto skip_tag;
            }
            c = *p++;
            if (c != '>') {
                state = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
            }
            if (!sc->all_tags && sc->tag.id == CONSENT_TAG_OTHER) {
                if (c == '>') {
                    goto tag_end;
                }
                break;
            }
            sc->tag_end_pending = c == '>';
            sc->state = state;
            sc->cur = p;
            return CONSENT_SCAN_TAG_NAME;

        case S_BEFORE_ATTR_NAME:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '/') {
                p++;
                state = S_SELF_CLOSING;
                break;
            }
            if (c == '>') {
                p++;
                goto tag_end;
            }
            consent_scanner_new_attr(sc, p);
            if (c == '=') {
                p++;
            }
            state = S_ATTR_NAME;
            /* fall through */

        case S_ATTR_NAME:
            while (p < end && !(consent_scan_class[*p] & C_ATTR_END)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            a = consent_scanner_attr(sc);
            if (a) {
                a->name_len = consent_scanner_rel(sc, p) - a->name_off;
            }
            c = *p++;
            if (c == '=') {
                state = S_BEFORE_ATTR_VALUE;
            } else if (c == '>') {
                goto tag_end;
            } else if (c == '/') {
                state = S_SELF_CLOSING;
            } else {
                state = S_AFTER_ATTR_NAME;
            }
            break;

        case S_AFTER_ATTR_NAME:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '=') {
                p++;
                state = S_BEFORE_ATTR_VALUE;
            } else if (c == '/') {
                p++;
                state = S_SELF_CLOSING;
            } else if (c == '>') {
                p++;
                goto tag_end;
            } else {
                consent_scanner_new_attr(sc, p);
                state = S_ATTR_NAME;
            }
            break;

        case S_BEFORE_ATTR_VALUE:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            a = consent_scanner_attr(sc);
            if (a) {
                a->has_value = 1;
                a->value_off = consent_scanner_rel(sc, p);
            }
            if (c == '"' || c == '\'') {
                p++;
                if (a) {
                    a->quote = c;
                    a->value_off++;
                }
                state = c == '"' ? S_ATTR_VALUE_DQ : S_ATTR_VALUE_SQ;
            } else if (c == '>') {
                p++;
                goto tag_end;
            } else {
                state = S_ATTR_VALUE_UNQ;
            }
            break;

        case S_ATTR_VALUE_DQ:
        case S_ATTR_VALUE_SQ:
            q = memchr(p, state == S_ATTR_VALUE_DQ ? '"' : '\'',
                       (size_t) (end - p));
            if (q == NULL) {
                p = end;
                goto more;
            }
            a = consent_scanner_attr(sc);
            if (a) {
                a->value_len = consent_scanner_rel(sc, q) - a->value_off;
            }
            p = q + 1;
            state = S_AFTER_ATTR_VALUE_Q;
            break;

        case S_ATTR_VALUE_UNQ:
            while (p < end && !(consent_scan_class[*p] & C_UNQ_END)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            a = consent_scanner_attr(sc);
            if (a) {
                a->value_len = consent_scanner_rel(sc, p) - a->value_off;
            }
            if (*p++ == '>') {
                goto tag_end;
            }
            state = S_BEFORE_ATTR_NAME;
            break;

        case S_AFTER_ATTR_VALUE_Q:
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '/') {
                p++;
                state = S_SELF_CLOSING;
            } else if (c == '>') {
                p++;
                goto tag_end;
            } else {
                if (consent_scan_class[c] & C_WS) {
                    p++;
                }
                state = S_BEFORE_ATTR_NAME;
            }
            break;

        case S_SELF_CLOSING:
            if (p == end) {
                goto more;
            }
            if (*p == '>') {
                p++;
                sc->tag.self_closing = 1;
                goto tag_end;
            }
            state = S_BEFORE_ATTR_NAME;
            break;

        case S_MARKUP_DECL:
            /* "<!" then "--", "doctype" or "[CDATA[", or a bogus comment */
            if (p == end) {
                goto more;
            }
            sc->tmp[sc->decl_len++] = *p;
            if (consent_decl_prefix(sc->tmp, sc->decl_len, "--", 0)) {
                p++;
                if (sc->decl_len == 2) {
                    state = S_COMMENT_START;
                }
            } else if (consent_decl_prefix(sc->tmp, sc->decl_len,
                                           "doctype", 1))
            {
                p++;
                if (sc->decl_len == 7) {
                    state = S_DOCTYPE;
                }
            } else if (consent_decl_prefix(sc->tmp, sc->decl_len,
                                           "[CDATA[", 0))
            {
                p++;
                if (sc->decl_len == 7) {
                    state = consent_scanner_in_foreign(sc)
                                ? S_CDATA : S_BOGUS_COMMENT;
                }
            } else {
                /* the byte is reconsumed in the bogus comment */
                state = S_BOGUS_COMMENT;
            }
            break;

        case S_BOGUS_COMMENT:
        case S_DOCTYPE:
            q = memchr(p, '>', (size_t) (end - p));
            if (q == NULL) {
                p = end;
                goto more;
            }
            p = q + 1;
            state = S_DATA;
            break;

        case S_COMMENT_START:
            if (p == end) {
                goto more;
            }
            if (*p == '-') {
                p++;
                state = S_COMMENT_START_DASH;
            } else if (*p == '>') {
                p++;
                state = S_DATA;
            } else {
                state = S_COMMENT;
            }
            break;

        case S_COMMENT_START_DASH:
            if (p == end) {
                goto more;
            }
            if (*p == '-') {
                p++;
                state = S_COMMENT_END;
            } else if (*p == '>') {
                p++;
                state = S_DATA;
            } else {
                state = S_COMMENT;
            }
            break;

        case S_COMMENT:
            q = memchr(p, '-', (size_t) (end - p));
            if (q == NULL) {
                p = end;
                goto more;
            }
            p = q + 1;
            state = S_COMMENT_END_DASH;
            break;

        case S_COMMENT_END_DASH:
            if (p == end) {
                goto more;
            }
            if (*p == '-') {
                p++;
                state = S_COMMENT_END;
            } else {
                state = S_COMMENT;
            }
            break;

        case S_COMMENT_END:
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '>') {
                p++;
                state = S_DATA;
            } else if (c == '!') {
                p++;
                state = S_COMMENT_END_BANG;
            } else if (c == '-') {
                p++;
            } else {
                state = S_COMMENT;
            }
            break;

        case S_COMMENT_END_BANG:
            if (p == end) {
                goto more;
            }
            if (*p == '-') {
                p++;
                state = S_COMMENT_END_DASH;
            } else if (*p == '>') {
                p++;
                state = S_DATA;
            } else {
                state = S_COMMENT;
            }
            break;

        case S_RAW_LT:
            /* '<' in RCDATA, RAWTEXT, script data or its escaped state */
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '/') {
                p++;
                sc->tmp_len = 0;
                state = S_RAW_END_TAG_OPEN;
            } else if (c == '!' && sc->raw_state == S_SCRIPT) {
                p++;
                state = S_SD_ESCAPE_START;
            } else if (sc->raw_state == S_SD_ESCAPED
                       && (consent_scan_class[c] & C_ALPHA))
            {
                sc->tmp_len = 0;
                state = S_SD_DOUBLE_ESCAPE_START;
            } else {
                state = sc->raw_state;
            }
            break;

        case S_RAW_END_TAG_OPEN:
            if (p == end) {
                goto more;
            }
            state = (consent_scan_class[*p] & C_ALPHA)
                        ? S_RAW_END_TAG_NAME : sc->raw_state;
            break;

        case S_RAW_END_TAG_NAME:
            while (p < end && (consent_scan_class[*p] & C_ALPHA)) {
                if (sc->tmp_len < CONSENT_SCAN_NAME_MAX) {
                    sc->tmp[sc->tmp_len] = consent_scan_lower[*p];
                }
                sc->tmp_len++;
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            if (!(consent_scan_class[c] & C_NAME_END)
                || !consent_scanner_appropriate(sc))
            {
                state = sc->raw_state;
                break;
            }
            consent_scanner_raw_end_tag(sc);
            p++;
            if (c != '>') {
                state = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
            }
            if (!sc->all_tags && sc->tag.id == CONSENT_TAG_OTHER) {
                if (c == '>') {
                    goto tag_end;
                }
                break;
            }
            sc->tag_end_pending = c == '>';
            sc->state = state;
            sc->cur = p;
            return CONSENT_SCAN_TAG_NAME;

        case S_SD_ESCAPE_START:
        case S_SD_ESCAPE_START_DASH:
            if (p == end) {
                goto more;
            }
            if (*p != '-') {
                state = S_SCRIPT;
                break;
            }
            p++;
            if (state == S_SD_ESCAPE_START) {
                state = S_SD_ESCAPE_START_DASH;
            } else {
                sc->raw_state = S_SD_ESCAPED;
                state = S_SD_ESCAPED_DASH_DASH;
            }
            break;

        case S_SD_ESCAPED:
            while (p < end && *p != '-' && *p != '<') {
                p++;
            }
            if (p == end) {
                goto more;
            }
            if (*p == '-') {
                p++;
                state = S_SD_ESCAPED_DASH;
                break;
            }
            goto escaped_lt;

        case S_SD_ESCAPED_DASH:
        case S_SD_ESCAPED_DASH_DASH:
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '-') {
                p++;
                state = S_SD_ESCAPED_DASH_DASH;
            } else if (c == '<') {
                goto escaped_lt;
            } else if (c == '>' && state == S_SD_ESCAPED_DASH_DASH) {
                p++;
                state = S_SCRIPT;
                sc->raw_state = S_SCRIPT;
            } else {
                state = S_SD_ESCAPED;
            }
            break;

        escaped_lt:
            consent_scanner_mark(sc, p);
            p++;
            sc->raw_state = S_SD_ESCAPED;
            state = S_RAW_LT;
            break;

        case S_SD_DOUBLE_ESCAPE_START:
        case S_SD_DOUBLE_ESCAPE_END:
            while (p < end && (consent_scan_class[*p] & C_ALPHA)) {
                if (sc->tmp_len < CONSENT_SCAN_NAME_MAX) {
                    sc->tmp[sc->tmp_len] = consent_scan_lower[*p];
                }
                sc->tmp_len++;
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            if ((consent_scan_class[c] & C_NAME_END)
                && sc->tmp_len == 6 && memcmp(sc->tmp, "script", 6) == 0)
            {
                p++;
                state = state == S_SD_DOUBLE_ESCAPE_START
                            ? S_SD_DOUBLE_ESCAPED : S_SD_ESCAPED;
            } else {
                state = state == S_SD_DOUBLE_ESCAPE_START
                            ? S_SD_ESCAPED : S_SD_DOUBLE_ESCAPED;
            }
            sc->raw_state = state == S_SD_DOUBLE_ESCAPED
                            ? S_SD_DOUBLE_ESCAPED : S_SD_ESCAPED;
            break;

        case S_SD_DOUBLE_ESCAPED:
            while (p < end && *p != '-' && *p != '<') {
                p++;
            }
            if (p == end) {
                goto more;
            }
            p++;
            state = p[-1] == '-' ? S_SD_DE_DASH : S_SD_DE_LT;
            break;

        case S_SD_DE_DASH:
        case S_SD_DE_DASH_DASH:
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '-') {
                p++;
                state = S_SD_DE_DASH_DASH;
            } else if (c == '<') {
                p++;
                state = S_SD_DE_LT;
            } else if (c == '>' && state == S_SD_DE_DASH_DASH) {
                p++;
                state = S_SCRIPT;
                sc->raw_state = S_SCRIPT;
            } else {
                state = S_SD_DOUBLE_ESCAPED;
            }
            break;

        case S_SD_DE_LT:
            if (p == end) {
                goto more;
            }
            if (*p == '/') {
                p++;
                sc->tmp_len = 0;
                state = S_SD_DOUBLE_ESCAPE_END;
            } else {
                state = S_SD_DOUBLE_ESCAPED;
            }
            break;

        default:
            /* unreachable: every state is handled above */
            p = end;
            goto more;
        }

        continue;

    skip_tag:

        /*
         * A tag that is not reported and, in HTML content, changes no state:
         * only its end matters.  Should it not end in this buffer, the
         * ordinary states go on from where the skip stopped, recording no
         * attributes (attrs_overflow): nothing reads them, nor its name.
         */
        c = *p++;
        sc->tag.attrs_overflow = 1;
        sc->tag.nattrs = 0;
        if (c != '>') {
            state = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
            p = consent_scanner_skip_attrs(p, end, &state);
            if (p == NULL) {
                p = end;
                goto more;
            }
        }
        state = S_DATA;
        sc->raw_state = S_DATA;
        continue;

    tag_end:

        sc->tag.len = sc->base + (uint64_t) (p - sc->buf) - sc->tag.start;

        if (sc->tag.is_end) {
            consent_scanner_end_tag_done(sc);
        } else {
            consent_scanner_start_tag_done(sc);
        }

        state = sc->state;

        if (sc->all_tags || sc->tag.id != CONSENT_TAG_OTHER) {
            sc->cur = p;
            return CONSENT_SCAN_TAG;
        }
    }

more:

    sc->state = state;
    sc->cur = p;
    return CONSENT_SCAN_MORE;
}


/* Named references decoded: the Latin-1 legacy set and a few common ones. */

static const char *const  consent_latin1_names[96] = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
    "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
    "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
    "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
    "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
    "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
    "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"
};

typedef struct {
    const char  *name;
    uint32_t     cp;
    int          legacy;       /* also recognised without ';' */
} consent_entity_t;

static const consent_entity_t  consent_entities[] = {
    { "amp", '&', 1 }, { "AMP", '&', 1 }, { "lt", '<', 1 }, { "LT", '<', 1 },
    { "gt", '>', 1 }, { "GT", '>', 1 }, { "quot", '"', 1 },
    { "QUOT", '"', 1 }, { "COPY", 0xA9, 1 }, { "REG", 0xAE, 1 },
    { "apos", '\'', 0 }, { "sol", '/', 0 }, { "quest", '?', 0 },
    { "equals", '=', 0 }, { "num", '#', 0 }, { "colon", ':', 0 },
    { "period", '.', 0 }, { "percnt", '%', 0 }, { "hellip", 0x2026, 0 },
    { "ndash", 0x2013, 0 }, { "mdash", 0x2014, 0 }, { "lsquo", 0x2018, 0 },
    { "rsquo", 0x2019, 0 }, { "ldquo", 0x201C, 0 }, { "rdquo", 0x201D, 0 },
    { "euro", 0x20AC, 0 }, { "trade", 0x2122, 0 }, { "bull", 0x2022, 0 },
    { NULL, 0, 0 }
};

/* Windows-1252 meanings of numeric references 0x80-0x9F (0: unchanged). */
static const uint16_t  consent_c1[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};


static size_t
consent_utf8(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char) cp;
        return 1;
    }

    if (cp < 0x800) {
        out[0] = (unsigned char) (0xC0 | (cp >> 6));
        out[1] = (unsigned char) (0x80 | (cp & 0x3F));
        return 2;
    }

    if (cp < 0x10000) {
        out[0] = (unsigned char) (0xE0 | (cp >> 12));
        out[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char) (0x80 | (cp & 0x3F));
        return 3;
    }

    out[0] = (unsigned char) (0xF0 | (cp >> 18));
    out[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char) (0x80 | (cp & 0x3F));
    return 4;
}


/* A named reference's code point: 0 when not in the tables. */
static uint32_t
consent_entity_lookup(const unsigned char *name, size_t len, int semicolon)
{
    size_t                   i;
    const consent_entity_t  *e;

    /* the first letter rejects most names before strlen() */
    for (i = 0; i < 96; i++) {
        if (consent_latin1_names[i][0] == (char) name[0]
            && strlen(consent_latin1_names[i]) == len
            && memcmp(consent_latin1_names[i], name, len) == 0)
        {
            return 0xA0 + (uint32_t) i;
        }
    }

    for (e = consent_entities; e->name; e++) {
        if (e->name[0] == (char) name[0] && (semicolon || e->legacy)
            && strlen(e->name) == len && memcmp(e->name, name, len) == 0)
        {
            return e->cp;
        }
    }

    return 0;
}


size_t
consent_decode_attr_value(const unsigned char *p, size_t len,
    unsigned char *out, size_t size, int *unknown)
{
    int                   hex, digits;
    size_t                n, w;
    uint32_t              cp;
    const unsigned char  *end, *s, *name;
    unsigned char         utf8[4];

    if (!consent_scan_tables_ready) {
        consent_scanner_tables();
    }

    if (memchr(p, '&', len) == NULL) {
        if (len > size) {
            return (size_t) -1;
        }
        memcpy(out, p, len);
        return len;
    }

    end = p + len;
    n = 0;

    while (p < end) {

        w = 0;

        if (*p != '&' || p + 1 == end) {
            utf8[0] = *p++;
            w = 1;
            goto put;
        }

        s = p + 1;

        if (*s == '#') {
            s++;
            hex = s < end && (*s == 'x' || *s == 'X');
            if (hex) {
                s++;
            }

            cp = 0;
            digits = 0;

            while (s < end) {
                if (*s >= '0' && *s <= '9') {
                    cp = cp * (hex ? 16 : 10) + (uint32_t) (*s - '0');
                } else if (hex && ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')) {
                    cp = cp * 16 + (uint32_t) ((*s | 0x20) - 'a' + 10);
                } else {
                    break;
                }
                if (cp > 0x10FFFF) {
                    cp = 0x110000;
                }
                digits++;
                s++;
            }

            if (digits == 0) {
                utf8[0] = *p++;
                w = 1;
                goto put;
            }

            if (s < end && *s == ';') {
                s++;
            }

            if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                cp = 0xFFFD;
            } else if (cp >= 0x80 && cp <= 0x9F && consent_c1[cp - 0x80]) {
                cp = consent_c1[cp - 0x80];
            }

            w = consent_utf8(cp, utf8);
            p = s;
            goto put;
        }

        name = s;
        while (s < end && (consent_scan_class[*s] & C_ALNUM)) {
            s++;
        }

        if (s == name) {
            utf8[0] = *p++;
            w = 1;
            goto put;
        }

        if (s < end && *s == ';') {
            cp = consent_entity_lookup(name, (size_t) (s - name), 1);
            if (cp) {
                w = consent_utf8(cp, utf8);
                p = s + 1;
                goto put;
            }
            *unknown = 1;

        } else if (s == end || *s != '=') {
            /* attribute values decode legacy names only when not followed
               by an alphanumeric (the run ends here) or '=' */
            cp = consent_entity_lookup(name, (size_t) (s - name), 0);
            if (cp) {
                w = consent_utf8(cp, utf8);
                p = s;
                goto put;
            }
        }

        /* not decoded: copy the '&' and the name literally */
        if (n + (size_t) (s - p) > size) {
            return (size_t) -1;
        }
        memcpy(out + n, p, (size_t) (s - p));
        n += (size_t) (s - p);
        p = s;
        continue;

    put:

        if (n + w > size) {
            return (size_t) -1;
        }
        memcpy(out + n, utf8, w);
        n += w;
    }

    return n;
}

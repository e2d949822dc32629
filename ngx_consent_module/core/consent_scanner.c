/*
 * Streaming HTML tag scanner (see consent_scanner.h).  States follow the
 * WHATWG tokenizer; the ones that only differ in parse errors are merged.
 */

#include <string.h>
#include "consent_scanner.h"
#include "consent_scanner_int.h"


typedef struct {
    const char     *name;
    unsigned char   id;
    unsigned char   flags;      /* CONSENT_TAG_RAWTEXT, CONSENT_TAG_RCDATA */
    uint16_t        tree;       /* T_* below */
} consent_tag_name_t;

#define B   T_BREAKOUT
#define S   T_SPECIAL
#define P   T_CLOSES_P
#define V   T_VOID
#define RAW CONSENT_TAG_RAWTEXT
#define RC  CONSENT_TAG_RCDATA

/*
 * Known tag names, found through consent_tag_hash: those the rewriter acts
 * on (id), those that switch the tokenizer's state, and those the tree
 * builder model needs in and around foreign content.
 */
static const consent_tag_name_t  consent_tag_names[] = {
    { "a", CONSENT_TAG_A, 0, 0 },
    { "b", 0, 0, B }, { "i", 0, 0, B }, { "s", 0, 0, B }, { "u", 0, 0, B },
    { "p", CONSENT_TAG_P, 0, B | S | P | T_BUTTON },
    { "br", CONSENT_TAG_BR, 0, B | S | V },
    { "dd", 0, 0, B | S | P | T_DD }, { "dt", 0, 0, B | S | P | T_DD },
    { "dl", 0, 0, B | S | P }, { "em", 0, 0, B }, { "tt", 0, 0, B },
    { "h1", 0, 0, B | S | P }, { "h2", 0, 0, B | S | P },
    { "h3", 0, 0, B | S | P }, { "h4", 0, 0, B | S | P },
    { "h5", 0, 0, B | S | P }, { "h6", 0, 0, B | S | P },
    { "hr", 0, 0, B | S | P | V }, { "li", 0, 0, B | S | P | T_LI },
    { "ol", 0, 0, B | S | P | T_LIST }, { "ul", 0, 0, B | S | P | T_LIST },
    { "td", 0, 0, S | T_SCOPE }, { "th", 0, 0, S | T_SCOPE },
    { "tr", 0, 0, S },
    { "mi", 0, 0, T_MATH_TEXT }, { "mo", 0, 0, T_MATH_TEXT },
    { "mn", 0, 0, T_MATH_TEXT }, { "ms", 0, 0, T_MATH_TEXT },
    { "big", 0, 0, B }, { "col", 0, 0, S | V }, { "dir", 0, 0, S | P },
    { "div", 0, 0, B | S | P }, { "img", CONSENT_TAG_IMG, 0, B | S | V },
    { "nav", 0, 0, S | P }, { "pre", 0, 0, B | S | P },
    { "sub", 0, 0, B }, { "sup", 0, 0, B }, { "svg", CONSENT_TAG_SVG, 0, 0 },
    { "use", CONSENT_TAG_USE, 0, 0 }, { "var", 0, 0, B },
    { "wbr", 0, 0, S | V }, { "xmp", 0, RAW, S | P },
    { "area", CONSENT_TAG_AREA, 0, S | V },
    { "base", CONSENT_TAG_BASE, 0, S | V },
    { "body", CONSENT_TAG_BODY, 0, B | S | V | T_END },
    { "code", 0, 0, B }, { "desc", 0, 0, T_SVG_POINT },
    { "font", 0, 0, T_FONT }, { "form", 0, 0, S | P },
    { "head", CONSENT_TAG_HEAD, 0, B | S | V | T_END },
    { "html", 0, 0, S | V | T_SCOPE }, { "link", CONSENT_TAG_LINK, 0, S | V },
    { "main", 0, 0, S | P }, { "math", CONSENT_TAG_MATH, 0, 0 },
    { "menu", 0, 0, B | S | P }, { "meta", CONSENT_TAG_META, 0, B | S | V },
    { "nobr", 0, 0, B }, { "ruby", 0, 0, B }, { "span", 0, 0, B },
    { "aside", 0, 0, S | P }, { "audio", CONSENT_TAG_AUDIO, 0, 0 },
    { "embed", CONSENT_TAG_EMBED, 0, B | S | V },
    { "frame", CONSENT_TAG_FRAME, 0, S | V },
    { "image", CONSENT_TAG_IMAGE, 0, V },
    { "input", CONSENT_TAG_INPUT, 0, S | V },
    { "mtext", 0, 0, T_MATH_TEXT }, { "param", 0, 0, S | V },
    { "small", 0, 0, B }, { "style", CONSENT_TAG_STYLE, RAW, S },
    { "table", 0, 0, B | S | P | T_SCOPE }, { "tbody", 0, 0, S },
    { "tfoot", 0, 0, S }, { "thead", 0, 0, S },
    { "title", 0, RC, S | T_SVG_POINT }, { "track", 0, 0, S | V },
    { "video", CONSENT_TAG_VIDEO, 0, 0 },
    { "applet", 0, 0, S | T_SCOPE }, { "button", 0, 0, S | T_BUTTON },
    { "center", 0, 0, B | S | P }, { "dialog", 0, 0, P },
    { "figure", 0, 0, S | P }, { "footer", 0, 0, S | P },
    { "header", 0, 0, S | P }, { "hgroup", 0, 0, S | P },
    { "iframe", CONSENT_TAG_IFRAME, RAW, S },
    { "keygen", 0, 0, S | V }, { "mglyph", 0, 0, T_MGLYPH },
    { "object", CONSENT_TAG_OBJECT, 0, S | T_SCOPE },
    { "script", CONSENT_TAG_SCRIPT, 0, S },
    { "search", 0, 0, S | P }, { "select", 0, 0, S },
    { "source", CONSENT_TAG_SOURCE, 0, S | V },
    { "strike", 0, 0, B }, { "strong", 0, 0, B },
    { "address", 0, 0, S | P }, { "article", 0, 0, S | P },
    { "bgsound", 0, 0, S | V }, { "caption", 0, 0, S | T_SCOPE },
    { "details", 0, 0, S | P }, { "feimage", CONSENT_TAG_FEIMAGE, 0, 0 },
    { "listing", 0, 0, B | S | P }, { "marquee", 0, 0, S | T_SCOPE },
    { "noembed", 0, RAW, S }, { "section", 0, 0, S | P },
    { "summary", 0, 0, S | P }, { "basefont", 0, 0, S | V },
    { "colgroup", 0, 0, S }, { "fieldset", 0, 0, S | P },
    { "frameset", 0, 0, S }, { "noframes", 0, RAW, S },
    { "noscript", CONSENT_TAG_NOSCRIPT, RAW, S },
    { "template", 0, 0, S | T_SCOPE }, { "textarea", 0, RC, S },
    { "plaintext", CONSENT_TAG_PLAINTEXT, 0, S | P },
    { "malignmark", 0, 0, T_MGLYPH }, { "blockquote", 0, 0, B | S | P },
    { "figcaption", 0, 0, S | P },
    { "foreignobject", 0, 0, T_SVG_POINT },
    { "annotation-xml", 0, 0, T_ANNOT },
    { NULL, 0, 0, 0 }
};

#undef B
#undef S
#undef P
#undef V
#undef RAW
#undef RC

#define CONSENT_TAG_HASH          256

#define consent_tag_hash_of(name, len)                                     \
    (((name)[0] * 31u + (name)[(len) - 1] * 7u + (len) * 3u)               \
     & (CONSENT_TAG_HASH - 1))

/* Open addressing: entry index + 1, 0 for an empty slot. */
static unsigned char  consent_tag_hash[CONSENT_TAG_HASH];
static unsigned char  consent_tag_len[sizeof(consent_tag_names)
                                      / sizeof(consent_tag_names[0])];

/*
 * First letters (bit c - 'a') of the names of each length: of all names
 * (in and around foreign content), of the start tags that matter in HTML
 * content outside it (a name the rewriter acts on, or a state switch), and
 * of the end tags that do (T_END).  Most tags of a page are rejected by one
 * test.  Of the start tags, those that matter whatever their attributes: a
 * state switch, head, body, svg, math.
 */
static uint32_t       consent_tag_first_all[CONSENT_TAG_NAME_LONGEST + 1];
uint32_t              consent_tag_first_html[2][CONSENT_TAG_NAME_LONGEST + 1];
uint32_t              consent_tag_first_keep[CONSENT_TAG_NAME_LONGEST + 1];
unsigned char         consent_scan_class[256];
unsigned char         consent_scan_lower[256];
static int            consent_scan_tables_ready;


static void consent_scanner_tables(void);
static void consent_scanner_classify(consent_scanner_t *sc);
static int consent_scanner_appropriate(const consent_scanner_t *sc);
static int consent_decl_prefix(const unsigned char *s, size_t n,
    const char *word, int caseless);
static void consent_scanner_start_tag_done(consent_scanner_t *sc);
static void consent_scanner_end_tag_done(consent_scanner_t *sc);
static void consent_scanner_raw_end_tag(consent_scanner_t *sc);
static void consent_scanner_new_attr(consent_scanner_t *sc,
    const unsigned char *p);
static const unsigned char *consent_scanner_quoted(consent_scanner_t *sc,
    const unsigned char *p);
static void consent_scanner_watch_name(consent_scanner_t *sc,
    const unsigned char *p, size_t n, int done);
static void consent_scanner_watch_value(consent_scanner_t *sc,
    const unsigned char *p, size_t n);


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
            consent_scan_class[c] |= C_ALPHA;
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
                & (CONSENT_TAG_RAWTEXT | CONSENT_TAG_RCDATA)))
        {
            consent_tag_first_html[0][len] |= (uint32_t) 1 << (name[0] - 'a');
        }
        if (consent_tag_names[c].tree & T_END) {
            consent_tag_first_html[1][len] |= (uint32_t) 1 << (name[0] - 'a');
        }
        if ((consent_tag_names[c].flags
             & (CONSENT_TAG_RAWTEXT | CONSENT_TAG_RCDATA))
            || consent_tag_names[c].id == CONSENT_TAG_SCRIPT
            || consent_tag_names[c].id == CONSENT_TAG_PLAINTEXT
            || consent_tag_names[c].id == CONSENT_TAG_HEAD
            || consent_tag_names[c].id == CONSENT_TAG_BODY
            || consent_tag_names[c].id == CONSENT_TAG_SVG
            || consent_tag_names[c].id == CONSENT_TAG_MATH)
        {
            consent_tag_first_keep[len] |= (uint32_t) 1 << (name[0] - 'a');
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
    sc->tag_tree = 0;

    if (tag->name_len == 0 || tag->name_len > CONSENT_TAG_NAME_LONGEST
        || tag->name[0] < 'a' || tag->name[0] > 'z')
    {
        return;
    }

    /* in untracked HTML content only the names that matter there (a raw
       text state's end tag is its start tag's name) */
    first = (sc->depth && sc->tree) || sc->all_tags || sc->raw_state != S_DATA
            ? consent_tag_first_all[tag->name_len]
            : consent_tag_first_html[tag->is_end][tag->name_len];

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
            sc->tag_tree = n->tree;
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

    sc->watch_attr = 0;
    sc->wname_len = 0;

    if (sc->tag.nattrs == CONSENT_SCAN_MAX_ATTRS) {
        sc->tag.attrs_overflow = 1;
        sc->attr = NULL;
        return;
    }

    a = &sc->tag.attrs[sc->tag.nattrs++];
    sc->attr = a;
    a->name_off = consent_scanner_rel(sc, p);
    a->name_len = 0;
    a->value_off = 0;
    a->value_len = 0;
    a->quote = 0;
    a->has_value = 0;
}


/*
 * The common shape of attributes, name="value" or name='value' separated
 * by single spaces, recorded without a state per byte class: from the
 * first byte of a name (not '='), the position after the last closing
 * quote, or NULL when the first attribute is of another shape or the
 * buffer ends in it.  The ordinary states go on from there.
 */
static const unsigned char *
consent_scanner_quoted(consent_scanner_t *sc, const unsigned char *p)
{
    const unsigned char  *q, *r, *end, *done;
    consent_attr_t       *a;

    end = sc->end;
    done = NULL;

    for ( ;; ) {
        q = consent_scanner_until(p + 1, end, C_ATTR_END);
        if (end - q < 2 || *q != '=' || (q[1] != '"' && q[1] != '\'')) {
            return done;
        }

        r = consent_scanner_char(q + 2, end, q[1]);
        if (r == end) {
            return done;
        }

        consent_scanner_new_attr(sc, p);
        a = sc->attr;
        if (a) {
            a->name_len = consent_scanner_rel(sc, q) - a->name_off;
            a->has_value = 1;
            a->quote = q[1];
            a->value_off = consent_scanner_rel(sc, q + 2);
            a->value_len = consent_scanner_rel(sc, r) - a->value_off;
        }

        done = r + 1;

        /* another one after a single space */
        if (end - done < 2 || done[0] != ' '
            || (consent_scan_class[done[1]] & (C_WS | C_ATTR_END)))
        {
            return done;
        }

        p = done + 1;
    }
}


/*
 * The bytes of an attribute name of a watched tag (done: the name is
 * complete): font's color, face and size, annotation-xml's encoding.
 */
static void
consent_scanner_watch_name(consent_scanner_t *sc, const unsigned char *p,
    size_t n, int done)
{
    size_t  i;

    for (i = 0; i < n; i++, sc->wname_len++) {
        if (sc->wname_len < sizeof(sc->wname)) {
            sc->wname[sc->wname_len] = consent_scan_lower[p[i]];
        }
    }

    if (!done) {
        return;
    }

#define consent_wname_is(sc, s)                                            \
    ((sc)->wname_len == sizeof(s) - 1                                      \
     && memcmp((sc)->wname, s, sizeof(s) - 1) == 0)

    if (sc->watch == W_FONT) {
        if (consent_wname_is(sc, "color") || consent_wname_is(sc, "face")
            || consent_wname_is(sc, "size"))
        {
            sc->watch_hit = 1;
        }

    } else if (consent_wname_is(sc, "encoding") && !sc->watch_hit) {
        /* the first one wins */
        sc->watch_hit = 1;
        sc->watch_attr = 1;
    }

#undef consent_wname_is
}


/* Bytes of the watched attribute's raw value, kept up to sizeof(wval). */
static void
consent_scanner_watch_value(consent_scanner_t *sc, const unsigned char *p,
    size_t n)
{
    if (sc->wval_len < sizeof(sc->wval)) {
        memcpy(sc->wval + sc->wval_len, p,
               n < sizeof(sc->wval) - sc->wval_len
               ? n : sizeof(sc->wval) - sc->wval_len);
    }

    sc->wval_len += n;
}






const consent_attr_t *
consent_tag_attr_n(const consent_tag_t *tag, const unsigned char *bytes,
    const char *name, size_t n)
{
    size_t                i, j;
    const unsigned char  *s;

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
 * A start tag ended: the tree builder model follows it, and an HTML
 * element's name may switch the tokenizer to a raw text state.
 */
static void
consent_scanner_start_tag_done(consent_scanner_t *sc)
{
    consent_tag_t  *t;

    t = &sc->tag;
    sc->state = S_DATA;
    sc->raw_state = S_DATA;

    if (!sc->tree || !consent_scanner_tree_start(sc)) {
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


/* An end tag ended: leaves raw states; the model follows it. */
static void
consent_scanner_end_tag_done(consent_scanner_t *sc)
{
    sc->state = S_DATA;
    sc->raw_state = S_DATA;

    if (sc->tree) {
        consent_scanner_tree_end(sc);
    }
}


unsigned
consent_scanner_name_tree(const char *name)
{
    size_t  h, i, len;

    if (!consent_scan_tables_ready) {
        consent_scanner_tables();
    }

    len = strlen(name);
    if (len == 0) {
        return 0;
    }

    for (h = consent_tag_hash_of((const unsigned char *) name, len);
         consent_tag_hash[h];
         h = (h + 1) & (CONSENT_TAG_HASH - 1))
    {
        i = consent_tag_hash[h] - 1;
        if (consent_tag_len[i] == len
            && memcmp(consent_tag_names[i].name, name, len) == 0)
        {
            return consent_tag_names[i].tree;
        }
    }

    return 0;
}


/* An appropriate end tag in a raw state: it becomes a tag. */
static void
consent_scanner_raw_end_tag(consent_scanner_t *sc)
{
    consent_scanner_tag_reset(sc, 1);
    sc->tag.name_len = sc->tmp_len;
    memcpy(sc->tag.name, sc->tmp, sc->tmp_len);
    consent_scanner_classify(sc);
}


consent_scan_event_e
consent_scanner_next(consent_scanner_t *sc)
{
    int                    state, skip;
    unsigned char          c;
    consent_attr_t        *a;
    const unsigned char   *p, *end, *q;

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
            if (sc->all_tags || sc->depth) {
                q = consent_scanner_char(p, end, '<');
                if (q == end) {
                    p = end;
                    goto more;
                }

            } else {
                q = consent_scanner_skip_data(sc, p, &state);
                if (q == NULL) {
                    p = end;
                    goto more;
                }
            }

            consent_scanner_mark(sc, q);
            p = q + 1;
            state = S_TAG_OPEN;
            break;

        case S_RCDATA:
        case S_RAWTEXT:
        case S_SCRIPT:
            q = consent_scanner_char(p, end, '<');
            if (q == end) {
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

            if (!sc->all_tags && sc->depth == 0 && !sc->report
                && (sc->tag.is_end || !sc->styles))
            {
                /* most names are rejected by length and first letter
                   before being copied */
                q = consent_scanner_until(p + 1, end, C_NAME_END);
                if (q < end
                    && ((size_t) (q - p) > CONSENT_TAG_NAME_LONGEST
                        || !(consent_tag_first_html[sc->tag.is_end][q - p]
                             & ((uint32_t) 1
                                << (consent_scan_lower[*p] - 'a')))))
                {
                    p = q;
                    goto skip_tag;
                }
            }

            consent_scanner_tag_reset(sc, sc->tag.is_end);
            /* fall through */

        case S_TAG_NAME:
            q = consent_scanner_until(p, end, C_NAME_END);
            for ( ; p < q; p++, sc->tag.name_len++) {
                if (sc->tag.name_len < CONSENT_SCAN_NAME_MAX) {
                    sc->tag.name[sc->tag.name_len] = consent_scan_lower[*p];
                }
            }
            if (p == end) {
                goto more;
            }
            consent_scanner_classify(sc);
            sc->watch = 0;
            if (sc->tree && sc->depth && !sc->tag.is_end
                && (sc->tag_tree & (T_FONT | T_ANNOT)))
            {
                /* the tree builder reads some of their attributes */
                sc->watch = sc->tag_tree & T_FONT ? W_FONT : W_ANNOT;
                sc->watch_hit = 0;
                sc->watch_attr = 0;
                sc->wval_len = 0;
            }
            if (sc->styles && sc->depth) {
                /* svg/math: any tag may end a script's text (as with
                   all_tags) */
                sc->report = 1;
            }
            if (!sc->all_tags && sc->tag.id == CONSENT_TAG_OTHER
                && !sc->report)
            {
                skip = sc->depth == 0
                       && !(sc->tag.flags
                            & (CONSENT_TAG_RAWTEXT | CONSENT_TAG_RCDATA));

                if (sc->styles && !sc->tag.is_end) {
                    q = consent_scanner_skip_unstyled(sc, p);
                    if (q == NULL) {
                        /* a style may load: reported from here on */
                        sc->report = 1;

                    } else if (skip) {
                        p = q;
                        state = S_DATA;
                        sc->raw_state = S_DATA;
                        break;
                    }

                } else if (skip) {
                    goto skip_tag;
                }
            }
            c = *p++;
            if (c != '>') {
                state = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
            }
            if (!sc->all_tags && sc->tag.id == CONSENT_TAG_OTHER
                && !sc->report)
            {
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
            if (c != '=' && !sc->watch) {
                q = consent_scanner_quoted(sc, p);
                if (q != NULL) {
                    p = q;
                    state = S_AFTER_ATTR_VALUE_Q;
                    break;
                }
            }
            consent_scanner_new_attr(sc, p);
            if (c == '=') {
                if (sc->watch) {
                    consent_scanner_watch_name(sc, p, 1, 0);
                }
                p++;
            }
            state = S_ATTR_NAME;
            /* fall through */

        case S_ATTR_NAME:
            q = p;
            p = consent_scanner_until(p, end, C_ATTR_END);
            if (sc->watch) {
                consent_scanner_watch_name(sc, q, (size_t) (p - q), p < end);
            }
            if (p == end) {
                goto more;
            }
            a = sc->attr;
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
            a = sc->attr;
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
            q = consent_scanner_char(p, end,
                                     state == S_ATTR_VALUE_DQ ? '"' : '\'');
            if (sc->watch_attr) {
                consent_scanner_watch_value(sc, p, (size_t) (q - p));
            }
            if (q == end) {
                p = end;
                goto more;
            }
            a = sc->attr;
            if (a) {
                a->value_len = consent_scanner_rel(sc, q) - a->value_off;
            }
            p = q + 1;
            state = S_AFTER_ATTR_VALUE_Q;
            break;

        case S_ATTR_VALUE_UNQ:
            q = p;
            p = consent_scanner_until(p, end, C_UNQ_END);
            if (sc->watch_attr) {
                consent_scanner_watch_value(sc, q, (size_t) (p - q));
            }
            if (p == end) {
                goto more;
            }
            a = sc->attr;
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
                    state = consent_scanner_cdata_allowed(sc)
                                ? S_CDATA : S_BOGUS_COMMENT;
                }
            } else {
                /* the byte is reconsumed in the bogus comment */
                state = S_BOGUS_COMMENT;
            }
            break;

        case S_BOGUS_COMMENT:
        case S_DOCTYPE:
            q = consent_scanner_char(p, end, '>');
            if (q == end) {
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
            sc->report = sc->styles && sc->depth;
            p++;
            if (c != '>') {
                state = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
            }
            if (!sc->all_tags && sc->tag.id == CONSENT_TAG_OTHER
                && !sc->report)
            {
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
        consent_scanner_tag_reset(sc, sc->tag.is_end);
        sc->tag.attrs_overflow = 1;
        if (c != '>') {
            state = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
            p = consent_scanner_skip_attrs(sc, p, &state, 0);
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

        if (sc->all_tags || sc->report || sc->tag.id != CONSENT_TAG_OTHER
            || (sc->tag.flags & CONSENT_TAG_SCRIPT_END))
        {
            sc->report = 0;
            sc->cur = p;
            return CONSENT_SCAN_TAG;
        }
    }

more:

    sc->state = state;
    sc->cur = p;
    return CONSENT_SCAN_MORE;
}

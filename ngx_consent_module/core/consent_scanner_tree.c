/*
 * The scanner's tree builder model: the HTML tree-construction rules that
 * decide whether a tag is read as HTML or as svg/math foreign content
 * (WHATWG HTML, "tree construction dispatcher" and "the rules for parsing
 * tokens in foreign content"), on a bounded stack of the elements open from
 * the outermost svg/math element on.  HTML elements outside foreign content
 * are not tracked: the page's common path stays a skip to the next '>'.
 * What that costs, and the guess made for it, is in docs/filter.md.
 */

#include <stdlib.h>
#include <string.h>
#include "consent_scanner_int.h"


/* consent_scanner_t.stack[].kind */
#define K_HTML_POINT  0x0001    /* HTML integration point */
#define K_TEXT_POINT  0x0002    /* MathML text integration point */
#define K_ANNOT       0x0004    /* math annotation-xml */
#define K_SPECIAL     0x0008    /* the "special" category */
#define K_SCOPE       0x0010    /* bounds "has an element in scope" */
#define K_CONTEXT     0x0020    /* the fragment's context: never popped */
#define K_LIST        0x0040    /* ol, ul: bound the list item scope */
#define K_BUTTON      0x0080    /* bounds the button scope */
#define K_ADP         0x0100    /* address, div, p: li/dd/dt look past */
#define K_P           0x0200
#define K_LI          0x0400
#define K_DD          0x0800    /* dd, dt */

#define consent_tree_top(sc)  (&(sc)->stack[(sc)->depth - 1])


static uint32_t consent_tree_hash(const unsigned char *name, size_t len);
static unsigned consent_tree_kind(consent_ns_e ns, unsigned tree,
    const unsigned char *name, size_t len, int annot_html);
static int consent_tree_annot_html(const consent_scanner_t *sc);
static int consent_tree_html_start(const consent_scanner_t *sc);
static int consent_tree_push(consent_scanner_t *sc, consent_ns_e ns,
    unsigned kind);
static void consent_tree_pop_to(consent_scanner_t *sc, unsigned depth);
static void consent_tree_break_out(consent_scanner_t *sc);
static void consent_tree_close(consent_scanner_t *sc, unsigned kind,
    unsigned bound, unsigned pass);
static void consent_tree_html_end(consent_scanner_t *sc);
static int consent_tree_foreign_name(const consent_tag_t *t);
static int consent_tree_name_cmp(const void *a, const void *b);


/*
 * The svg and math element names that are no HTML element names: an end
 * tag of one of them that closes no open svg/math element closes no HTML
 * element either (sorted: bsearch).
 */
static const char *const  consent_tree_foreign_names[] = {
    "altglyph", "altglyphdef", "altglyphitem", "animate", "animatecolor",
    "animatemotion", "animatetransform", "annotation", "annotation-xml",
    "circle", "clippath", "color-profile", "cursor", "defs", "desc",
    "discard", "ellipse", "feblend", "fecolormatrix",
    "fecomponenttransfer", "fecomposite", "feconvolvematrix",
    "fediffuselighting", "fedisplacementmap", "fedistantlight",
    "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr",
    "fegaussianblur", "feimage", "femerge", "femergenode", "femorphology",
    "feoffset", "fepointlight", "fespecularlighting", "fespotlight",
    "fetile", "feturbulence", "filter", "font-face", "font-face-format",
    "font-face-name", "font-face-src", "font-face-uri", "foreignobject",
    "g", "glyph", "glyphref", "hatch", "hatchpath", "hkern", "line",
    "lineargradient", "maction", "maligngroup", "malignmark", "marker",
    "mask", "math", "menclose", "merror", "mesh", "meshgradient",
    "meshpatch", "meshrow", "metadata", "mfenced", "mfrac", "mglyph", "mi",
    "missing-glyph", "mlabeledtr", "mlongdiv", "mmultiscripts", "mn", "mo",
    "mover", "mpadded", "mpath", "mphantom", "mprescripts", "mroot",
    "mrow", "ms", "mscarries", "mscarry", "msgroup", "msline", "mspace",
    "msqrt", "msrow", "mstack", "mstyle", "msub", "msubsup", "msup",
    "mtable", "mtd", "mtext", "mtr", "munder", "munderover", "none",
    "path", "pattern", "polygon", "polyline", "radialgradient", "rect",
    "semantics", "set", "solidcolor", "stop", "svg", "switch", "symbol",
    "text", "textpath", "tref", "tspan", "use", "view", "vkern"
};


/* FNV-1a of the (lowercased) name and its length. */
static uint32_t
consent_tree_hash(const unsigned char *name, size_t len)
{
    size_t    i, n;
    uint32_t  h;

    h = 2166136261u;
    n = len < CONSENT_SCAN_NAME_MAX ? len : CONSENT_SCAN_NAME_MAX;

    for (i = 0; i < n; i++) {
        h = (h ^ name[i]) * 16777619u;
    }

    return (h ^ (uint32_t) len) * 16777619u;
}


/* What an element of that namespace and name is to the rules. */
static unsigned
consent_tree_kind(consent_ns_e ns, unsigned tree, const unsigned char *name,
    size_t len, int annot_html)
{
    unsigned  kind;

    if (ns == CONSENT_NS_SVG) {
        return (tree & T_SVG_POINT) ? K_HTML_POINT | K_SPECIAL | K_SCOPE : 0;
    }

    if (ns == CONSENT_NS_MATH) {
        if (tree & T_MATH_TEXT) {
            return K_TEXT_POINT | K_SPECIAL | K_SCOPE;
        }
        if (tree & T_ANNOT) {
            return K_ANNOT | K_SPECIAL | K_SCOPE
                   | (annot_html ? K_HTML_POINT : 0);
        }
        return 0;
    }

    kind = 0;

    if (tree & T_SPECIAL) {
        kind |= K_SPECIAL;
    }
    if (tree & T_SCOPE) {
        kind |= K_SCOPE;
    }
    if (tree & T_LIST) {
        kind |= K_LIST;
    }
    if (tree & T_BUTTON) {
        kind |= K_BUTTON;
    }
    if (tree & T_LI) {
        kind |= K_LI;
    }
    if (tree & T_DD) {
        kind |= K_DD;
    }
    if ((len == 1 && name[0] == 'p')
        || (len == 3 && memcmp(name, "div", 3) == 0)
        || (len == 7 && memcmp(name, "address", 7) == 0))
    {
        kind |= K_ADP | (len == 1 ? K_P : 0);
    }

    return kind;
}


/*
 * Whether an annotation-xml start tag's encoding is text/html or
 * application/xhtml+xml (ASCII case-insensitive, after character
 * references).  A value longer than the scanner keeps counts as HTML: the
 * content is then read as HTML, where scripts are seen as scripts.
 */
static int
consent_tree_annot_html(const consent_scanner_t *sc)
{
    int             unknown;
    size_t          n, i;
    unsigned char   v[sizeof(sc->wval) * 4];

    if (sc->watch != W_ANNOT || !sc->watch_hit) {
        return 0;
    }

    if (sc->wval_len > sizeof(sc->wval)) {
        return 1;
    }

    unknown = 0;
    n = consent_decode_attr_value(sc->wval, sc->wval_len, v, sizeof(v),
                                  &unknown);
    if (n == (size_t) -1) {
        return 1;
    }

    for (i = 0; i < n; i++) {
        if (v[i] >= 'A' && v[i] <= 'Z') {
            v[i] += 32;
        }
    }

    return (n == 9 && memcmp(v, "text/html", 9) == 0)
           || (n == 21 && memcmp(v, "application/xhtml+xml", 21) == 0);
}


/* The tree construction dispatcher: whether the HTML rules take a start tag. */
static int
consent_tree_html_start(const consent_scanner_t *sc)
{
    unsigned  kind;

    if (sc->depth == 0 || consent_tree_top(sc)->ns == CONSENT_NS_HTML) {
        return 1;
    }

    kind = consent_tree_top(sc)->kind;

    return (kind & K_HTML_POINT)
           || ((kind & K_TEXT_POINT) && !(sc->tag_tree & T_MGLYPH))
           || ((kind & K_ANNOT) && sc->tag.id == CONSENT_TAG_SVG);
}


/*
 * The stack is bounded: when it is full, the model stops tracking and takes
 * the content for HTML, as it does after the outermost svg/math element
 * ends (docs/filter.md: why HTML is the side to err on).  Returns -1 then:
 * the element is taken for an HTML one too.
 */
static int
consent_tree_push(consent_scanner_t *sc, consent_ns_e ns, unsigned kind)
{
    if (sc->depth == CONSENT_SCAN_STACK_MAX) {
        sc->overflowed++;
        consent_tree_pop_to(sc, (sc->stack[0].kind & K_CONTEXT) ? 1 : 0);
        return -1;
    }

    sc->stack[sc->depth].hash = consent_tree_hash(sc->tag.name,
                                                  sc->tag.name_len);
    sc->stack[sc->depth].kind = (uint16_t) kind;
    sc->stack[sc->depth].ns = (unsigned char) ns;
    sc->stack[sc->depth].id = sc->tag.id;
    sc->depth++;

    if (ns == CONSENT_NS_SVG && sc->tag.id == CONSENT_TAG_SCRIPT
        && sc->script_level == 0)
    {
        sc->script_level = sc->depth;
    }

    return 0;
}


/* Pops the elements above depth; tells when that closes an svg script. */
static void
consent_tree_pop_to(consent_scanner_t *sc, unsigned depth)
{
    sc->depth = depth;

    if (sc->script_level > depth) {
        sc->script_level = 0;
        sc->tag.flags |= CONSENT_TAG_SCRIPT_END;
    }
}


/* Pops foreign elements up to an integration point or HTML element. */
static void
consent_tree_break_out(consent_scanner_t *sc)
{
    unsigned  d;

    for (d = sc->depth; d; d--) {
        if (sc->stack[d - 1].ns == CONSENT_NS_HTML
            || (sc->stack[d - 1].kind
                & (K_HTML_POINT | K_TEXT_POINT | K_CONTEXT)))
        {
            break;
        }
    }

    consent_tree_pop_to(sc, d);
}


/*
 * Closes the nearest open HTML element of that kind (p, li, dd/dt) unless
 * an element of a bound kind comes first; elements of a pass kind are
 * looked past even when bound says otherwise.
 */
static void
consent_tree_close(consent_scanner_t *sc, unsigned kind, unsigned bound,
    unsigned pass)
{
    unsigned  d, k;

    for (d = sc->depth; d; d--) {
        k = sc->stack[d - 1].kind;

        if (k & K_CONTEXT) {
            return;
        }

        if (sc->stack[d - 1].ns == CONSENT_NS_HTML && (k & kind)) {
            consent_tree_pop_to(sc, d - 1);
            return;
        }

        if ((k & bound) && !(k & pass)) {
            return;
        }
    }
}


int
consent_scanner_tree_start(consent_scanner_t *sc)
{
    unsigned        tree;
    consent_ns_e    ns;
    consent_tag_t  *t;

    t = &sc->tag;
    tree = sc->tag_tree;

    if (!consent_tree_html_start(sc)) {

        if (!((tree & T_BREAKOUT) || ((tree & T_FONT) && sc->watch_hit))) {
            /* a foreign element, in the namespace of the current node */
            ns = (consent_ns_e) consent_tree_top(sc)->ns;

            if (!t->self_closing
                && consent_tree_push(sc, ns,
                                     consent_tree_kind(ns, tree, t->name,
                                         t->name_len,
                                         consent_tree_annot_html(sc)))
                   != 0)
            {
                t->ns = CONSENT_NS_HTML;
                t->foreign = 0;
                return 1;
            }

            t->ns = (unsigned char) ns;
            t->foreign = 1;

            return 0;
        }

        /* the tag leaves svg/math and is read again as HTML */
        consent_tree_break_out(sc);
    }

    if (t->id == CONSENT_TAG_SVG || t->id == CONSENT_TAG_MATH) {
        ns = t->id == CONSENT_TAG_SVG ? CONSENT_NS_SVG : CONSENT_NS_MATH;
        if (!t->self_closing && consent_tree_push(sc, ns, 0) != 0) {
            t->ns = CONSENT_NS_HTML;
            t->foreign = 0;
            return 1;
        }

        t->ns = (unsigned char) ns;
        t->foreign = 1;

        return 0;
    }

    t->ns = CONSENT_NS_HTML;
    t->foreign = 0;

    if (sc->depth == 0) {
        /* HTML elements outside foreign content are not tracked */
        return 1;
    }

    if (tree & T_CLOSES_P) {
        consent_tree_close(sc, K_P, K_SCOPE | K_BUTTON, 0);
    }

    if (tree & T_LI) {
        consent_tree_close(sc, K_LI, K_SPECIAL, K_ADP);

    } else if (tree & T_DD) {
        consent_tree_close(sc, K_DD, K_SPECIAL, K_ADP);
    }

    if (!(tree & T_VOID)) {
        (void) consent_tree_push(sc, CONSENT_NS_HTML,
                                 consent_tree_kind(CONSENT_NS_HTML, tree,
                                                   t->name, t->name_len, 0));
    }

    return 1;
}


/*
 * An end tag the HTML rules ("in body") take: it closes the nearest open
 * HTML element of its name, unless a boundary comes first: for the names
 * of the special category the scope's boundaries, for the others any
 * special element.
 */
static void
consent_tree_html_end(consent_scanner_t *sc)
{
    unsigned        d, k, bound;
    uint32_t        h;
    consent_tag_t  *t;

    t = &sc->tag;
    h = consent_tree_hash(t->name, t->name_len);

    if (t->id == CONSENT_TAG_P) {
        bound = K_SCOPE | K_BUTTON;

    } else if (sc->tag_tree & T_LI) {
        bound = K_SCOPE | K_LIST;

    } else {
        bound = (sc->tag_tree & T_SPECIAL) ? K_SCOPE : K_SPECIAL;
    }

    for (d = sc->depth; d; d--) {
        k = sc->stack[d - 1].kind;

        if (k & K_CONTEXT) {
            return;
        }

        if (sc->stack[d - 1].ns == CONSENT_NS_HTML
            && sc->stack[d - 1].hash == h)
        {
            consent_tree_pop_to(sc, d - 1);
            return;
        }

        if (k & bound) {
            return;
        }
    }

    /*
     * Past the outermost svg/math element: the HTML elements there are not
     * tracked.  </html> and </body> only change the insertion mode, </head>
     * is ignored in a body, no HTML element has an svg/math name, and void
     * and raw text elements never hold one; any other name is taken to
     * close an element there, which ends the foreign content (HTML is the
     * side to err on: docs/filter.md).
     */
    if (t->id == CONSENT_TAG_BODY || t->id == CONSENT_TAG_HEAD
        || (t->name_len == 4 && memcmp(t->name, "html", 4) == 0)
        || (sc->tag_tree & T_VOID)
        || (t->flags & CONSENT_TAG_RCDATA)
        || ((t->flags & CONSENT_TAG_RAWTEXT)
            && (t->id != CONSENT_TAG_NOSCRIPT || sc->scripting))
        || t->id == CONSENT_TAG_SCRIPT || t->id == CONSENT_TAG_PLAINTEXT
        || consent_tree_foreign_name(t))
    {
        return;
    }

    consent_tree_pop_to(sc, 0);
}


static int
consent_tree_name_cmp(const void *a, const void *b)
{
    return strcmp((const char *) a, *(const char *const *) b);
}


static int
consent_tree_foreign_name(const consent_tag_t *t)
{
    char  name[CONSENT_SCAN_NAME_MAX + 1];

    if (t->name_len > CONSENT_SCAN_NAME_MAX) {
        return 0;
    }

    memcpy(name, t->name, t->name_len);
    name[t->name_len] = '\0';

    return bsearch(name, consent_tree_foreign_names,
                   sizeof(consent_tree_foreign_names)
                   / sizeof(consent_tree_foreign_names[0]),
                   sizeof(consent_tree_foreign_names[0]),
                   consent_tree_name_cmp) != NULL;
}


void
consent_scanner_tree_end(consent_scanner_t *sc)
{
    unsigned        d;
    uint32_t        h;
    consent_tag_t  *t;

    t = &sc->tag;

    if (sc->depth == 0) {
        return;
    }

    if (consent_tree_top(sc)->ns == CONSENT_NS_HTML) {
        consent_tree_html_end(sc);
        return;
    }

    /* the rules for foreign content */

    if (t->id == CONSENT_TAG_P || t->id == CONSENT_TAG_BR) {
        consent_tree_break_out(sc);
        if (t->id == CONSENT_TAG_P) {
            consent_tree_html_end(sc);
        }
        return;
    }

    h = consent_tree_hash(t->name, t->name_len);

    for (d = sc->depth; d; d--) {

        if (sc->stack[d - 1].kind & K_CONTEXT) {
            /* the html root is the topmost element: ignored */
            return;
        }

        if (sc->stack[d - 1].hash == h) {
            t->ns = sc->stack[d - 1].ns;
            t->foreign = 1;
            consent_tree_pop_to(sc, d - 1);
            return;
        }

        if (d == 1 || sc->stack[d - 2].ns == CONSENT_NS_HTML) {
            consent_tree_html_end(sc);
            return;
        }
    }
}


int
consent_scanner_cdata_allowed(const consent_scanner_t *sc)
{
    return sc->tree && sc->depth
           && consent_tree_top(sc)->ns != CONSENT_NS_HTML;
}


void
consent_scanner_set_context(consent_scanner_t *sc, consent_ns_e ns,
    const char *name)
{
    size_t         len, i;
    unsigned char  n[CONSENT_SCAN_NAME_MAX + 1];

    len = strlen(name);
    if (len > CONSENT_SCAN_NAME_MAX) {
        len = CONSENT_SCAN_NAME_MAX;
    }

    for (i = 0; i < len; i++) {
        n[i] = (unsigned char) ((name[i] >= 'A' && name[i] <= 'Z')
                                ? name[i] + 32 : name[i]);
    }
    n[len] = '\0';

    sc->stack[0].hash = consent_tree_hash(n, len);
    sc->stack[0].kind = (uint16_t)
        (consent_tree_kind(ns, consent_scanner_name_tree((char *) n), n, len,
                           0)
         | K_CONTEXT);
    sc->stack[0].ns = (unsigned char) ns;
    sc->stack[0].id = CONSENT_TAG_OTHER;
    sc->depth = 1;
}

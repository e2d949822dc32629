/*
 * The scanner's skip layer against its ordinary states: a scanner that is
 * told of every tag (all_tags = 1, the skip layer unused) reads each input
 * in one buffer; the rewriter's scanner (all_tags = 0) reads it in random
 * splits in three modes: as with something denied but no style read,
 * reading styles (styles = 1), and with nothing denied (tagged = 1).
 * Every tag the second reports must be a tag of the first (same offsets,
 * name, attributes), and every start tag the rewriter acts on (a known id
 * outside a, area, p, br) must be reported; with styles also every start
 * tag with a style, background, data-style or data-background attribute,
 * and every tag in svg/math content; with tagged the loaders outside
 * svg/math only when they have a data-category or data-name; in every
 * mode the links (a, area) with a ping or data-ping, or longer than
 * 2 * CONSENT_SCAN_MAX_ATTRS bytes.  Inputs:
 * the html5lib tokenizer tests, the real-world pages and random tag soup.
 * CONSENT_DATA names the shared data (default ../shared/data); the parts
 * that need it are skipped when it is missing.
 */

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <zlib.h>
#include "tap.h"
#include "consent_scanner.h"

typedef struct {
    uint64_t       start;
    uint64_t       len;
    unsigned char  id;
    unsigned char  is_end;
    unsigned char  self_closing;
    unsigned char  styled;          /* has an attribute a style loads */
    unsigned char  tagged;          /* has data-category or data-name */
    unsigned char  pinged;          /* has ping or data-ping */
    unsigned char  foreign;         /* starts in svg/math content */
    unsigned       nattrs;
    uint32_t       attr_sum;        /* offsets and lengths, summed */
} sk_event_t;

typedef struct {
    sk_event_t  *ev;
    size_t       n;
    size_t       cap;
    int          oom;
} sk_events_t;

/* the modes of the skip layer */
enum {
    SK_PLAIN = 0,
    SK_STYLES,
    SK_TAGGED
};

static const char *const  sk_style_names[] = { "style", "background",
    "data-style", "data-background", NULL };
static const char *const  sk_tagged_names[] = { "data-category",
    "data-name", NULL };
static const char *const  sk_ping_names[] = { "ping", "data-ping", NULL };

static unsigned long  sk_rand_state = 12345;
static unsigned       sk_docs, sk_bad, sk_tags_checked;


static unsigned
sk_rand(void)
{
    sk_rand_state = sk_rand_state * 6364136223846793005UL
                    + 1442695040888963407UL;
    return (unsigned) (sk_rand_state >> 33);
}


/* Whether an attribute name is one of names, in any case. */
static int
sk_name_in(const unsigned char *n, size_t len, const char *const *names)
{
    size_t       i, k;
    const char  *w;

    for (k = 0; names[k]; k++) {
        w = names[k];
        if (strlen(w) != len) {
            continue;
        }
        for (i = 0; i < len; i++) {
            if ((n[i] >= 'A' && n[i] <= 'Z' ? n[i] + 32 : n[i])
                != (unsigned char) w[i])
            {
                break;
            }
        }
        if (i == len) {
            return 1;
        }
    }

    return 0;
}


static void
sk_add(sk_events_t *e, const consent_tag_t *t, const unsigned char *doc,
    unsigned foreign)
{
    unsigned     i;
    sk_event_t  *nb, *v;

    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 256;
        nb = realloc(e->ev, e->cap * sizeof(sk_event_t));
        if (nb == NULL) {
            e->oom = 1;
            return;
        }
        e->ev = nb;
    }

    v = &e->ev[e->n++];
    v->start = t->start;
    v->len = t->len;
    v->id = t->id;
    v->is_end = t->is_end;
    v->self_closing = t->self_closing;
    v->nattrs = t->attrs_overflow ? (unsigned) -1 : t->nattrs;
    v->attr_sum = 0;
    v->styled = 0;
    v->tagged = 0;
    v->pinged = 0;
    v->foreign = (unsigned char) foreign;

    for (i = 0; !t->attrs_overflow && i < t->nattrs; i++) {
        v->styled |= sk_name_in(doc + t->start + t->attrs[i].name_off,
                                t->attrs[i].name_len, sk_style_names);
        v->tagged |= sk_name_in(doc + t->start + t->attrs[i].name_off,
                                t->attrs[i].name_len, sk_tagged_names);
        v->pinged |= sk_name_in(doc + t->start + t->attrs[i].name_off,
                                t->attrs[i].name_len, sk_ping_names);
        v->attr_sum += t->attrs[i].name_off * 3 + t->attrs[i].name_len * 5
                       + t->attrs[i].value_off * 7 + t->attrs[i].value_len
                       + t->attrs[i].has_value;
    }
}


/*
 * The TAG events of p in one buffer or random splits (each tag's
 * namespace depth taken at its TAG_NAME event, which all_tags = 1 has).
 */
static void
sk_scan(const unsigned char *p, size_t len, int all_tags, int mode,
    int split, sk_events_t *e)
{
    size_t                 off, n;
    unsigned               depth;
    consent_scanner_t     *sc;
    consent_scan_event_e   ev;

    sc = malloc(sizeof(consent_scanner_t));
    if (sc == NULL) {
        e->oom = 1;
        return;
    }

    consent_scanner_init(sc, 1);
    sc->all_tags = all_tags;
    sc->styles = mode == SK_STYLES;
    sc->tagged = mode == SK_TAGGED;
    depth = 0;

    for (off = 0; off < len || off == 0; off += n) {
        n = split ? 1 + sk_rand() % (sk_rand() % 4 == 0 ? 3 : 97) : len;
        n = n < len - off ? n : len - off;

        consent_scanner_feed(sc, p + off, n);

        while ((ev = consent_scanner_next(sc)) != CONSENT_SCAN_MORE) {
            if (ev == CONSENT_SCAN_TAG_NAME) {
                depth = sc->depth;
            } else {
                sk_add(e, &sc->tag, p, depth != 0);
            }
        }

        if (len == 0) {
            break;
        }
    }

    free(sc);
}


/*
 * The names of p and br are looked up only in svg/math, where they end it:
 * a p or br reported for its style elsewhere has no id.
 */
static int
sk_same(const sk_event_t *a, const sk_event_t *b)
{
    return a->start == b->start && a->len == b->len
           && (a->id == b->id
               || (b->id == CONSENT_TAG_OTHER
                   && (a->id == CONSENT_TAG_P || a->id == CONSENT_TAG_BR)))
           && a->is_end == b->is_end && a->self_closing == b->self_closing
           && (b->nattrs == (unsigned) -1
               || (a->nattrs == b->nattrs && a->attr_sum == b->attr_sum));
}


/* Whether the rewriter must be told of this tag of the full scan. */
static int
sk_must_report(const sk_event_t *a, int mode)
{
    if (mode == SK_STYLES && (a->foreign || (!a->is_end && a->styled))) {
        return 1;
    }

    /* links with a ping, or longer than their attributes may be counted */
    if ((a->id == CONSENT_TAG_A || a->id == CONSENT_TAG_AREA) && !a->is_end
        && (a->pinged || a->len > 2 * CONSENT_SCAN_MAX_ATTRS))
    {
        return 1;
    }

    if (mode == SK_TAGGED && !a->foreign
        && (a->id == CONSENT_TAG_IMG || a->id == CONSENT_TAG_EMBED
            || a->id == CONSENT_TAG_VIDEO || a->id == CONSENT_TAG_AUDIO
            || a->id == CONSENT_TAG_SOURCE || a->id == CONSENT_TAG_LINK
            || a->id == CONSENT_TAG_OBJECT || a->id == CONSENT_TAG_FRAME
            || a->id == CONSENT_TAG_INPUT || a->id == CONSENT_TAG_META
            || a->id == CONSENT_TAG_BASE || a->id == CONSENT_TAG_IMAGE
            || a->id == CONSENT_TAG_USE || a->id == CONSENT_TAG_FEIMAGE))
    {
        return !a->is_end && a->tagged;
    }

    return !a->is_end && a->id != CONSENT_TAG_OTHER && a->id != CONSENT_TAG_A
           && a->id != CONSENT_TAG_AREA && a->id != CONSENT_TAG_P
           && a->id != CONSENT_TAG_BR;
}


/*
 * One document, one mode of the skip layer: 0 when it agrees with the
 * ordinary states.
 */
static int
sk_check_mode(const char *what, const unsigned char *p, size_t len,
    int mode)
{
    size_t       i, j;
    sk_events_t  all, skip;

    memset(&all, 0, sizeof(all));
    memset(&skip, 0, sizeof(skip));

    sk_scan(p, len, 1, 0, 0, &all);
    sk_scan(p, len, 0, mode, 1, &skip);

    if (all.oom || skip.oom) {
        free(all.ev);
        free(skip.ev);
        return -1;
    }

    /* both lists are in stream order: a merge */
    for (i = 0, j = 0; j < skip.n; j++) {
        while (i < all.n && all.ev[i].start < skip.ev[j].start) {
            if (sk_must_report(&all.ev[i], mode)) {
                printf("# %s: tag at %llu (id %u) not reported\n", what,
                       (unsigned long long) all.ev[i].start, all.ev[i].id);
                goto bad;
            }
            i++;
        }

        if (i == all.n || !sk_same(&all.ev[i], &skip.ev[j])) {
            printf("# %s: tag at %llu differs\n", what,
                   (unsigned long long) skip.ev[j].start);
            goto bad;
        }

        sk_tags_checked++;
        i++;
    }

    for ( ; i < all.n; i++) {
        if (sk_must_report(&all.ev[i], mode)) {
            printf("# %s: tag at %llu (id %u) not reported\n", what,
                   (unsigned long long) all.ev[i].start, all.ev[i].id);
            goto bad;
        }
    }

    free(all.ev);
    free(skip.ev);
    return 0;

bad:

    printf("# (%s)\n", mode == SK_STYLES ? "reading styles"
                       : mode == SK_TAGGED ? "nothing denied" : "plain");
    sk_bad++;
    free(all.ev);
    free(skip.ev);
    return 1;
}


static int
sk_check(const char *what, const unsigned char *p, size_t len)
{
    sk_docs++;

    return sk_check_mode(what, p, len, SK_PLAIN)
           | sk_check_mode(what, p, len, SK_STYLES)
           | sk_check_mode(what, p, len, SK_TAGGED);
}


static void
sk_html5lib(const char *data)
{
    DIR            *d;
    char            path[1024];
    size_t          i;
    json_t         *root, *tests, *input;
    struct dirent  *de;
    json_error_t    err;
    unsigned        bad, docs;

    snprintf(path, sizeof(path), "%s/html5lib-tokenizer", data);

    d = opendir(path);
    if (d == NULL) {
        skip("%s is missing (CONSENT_DATA)", path);
        return;
    }

    bad = sk_bad;
    docs = sk_docs;

    while ((de = readdir(d)) != NULL) {
        if (strstr(de->d_name, ".test") == NULL) {
            continue;
        }

        snprintf(path, sizeof(path), "%s/html5lib-tokenizer/%s", data,
                 de->d_name);
        root = json_load_file(path, 0, &err);
        if (root == NULL) {
            continue;
        }

        tests = json_object_get(root, "tests");
        for (i = 0; i < json_array_size(tests); i++) {
            input = json_object_get(json_array_get(tests, i), "input");
            if (json_is_string(input)) {
                (void) sk_check(de->d_name,
                                (const unsigned char *)
                                    json_string_value(input),
                                json_string_length(input));
            }
        }

        json_decref(root);
    }

    closedir(d);

    ok(sk_docs > docs && sk_bad == bad,
       "html5lib inputs: skip layer agrees (%u inputs)", sk_docs - docs);
}


static void
sk_realworld(const char *data)
{
    DIR            *d;
    int             n;
    char            path[1024];
    gzFile          gz;
    size_t          len, cap;
    unsigned char  *buf, *nb;
    struct dirent  *de;
    unsigned        bad, docs;

    snprintf(path, sizeof(path), "%s/realworld-pages", data);

    d = opendir(path);
    if (d == NULL) {
        skip("%s is missing (CONSENT_DATA)", path);
        return;
    }

    bad = sk_bad;
    docs = sk_docs;

    while ((de = readdir(d)) != NULL) {
        if (strstr(de->d_name, ".html.gz") == NULL) {
            continue;
        }

        snprintf(path, sizeof(path), "%s/realworld-pages/%s", data,
                 de->d_name);
        gz = gzopen(path, "rb");
        if (gz == NULL) {
            continue;
        }

        buf = NULL;
        len = 0;
        cap = 0;

        for ( ;; ) {
            if (cap - len < 65536) {
                cap = cap ? cap * 2 : 262144;
                nb = realloc(buf, cap);
                if (nb == NULL) {
                    break;
                }
                buf = nb;
            }

            n = gzread(gz, buf + len, 65536);
            if (n <= 0) {
                break;
            }
            len += (size_t) n;
        }

        gzclose(gz);

        if (buf) {
            (void) sk_check(de->d_name, buf, len);
            free(buf);
        }
    }

    closedir(d);

    ok(sk_docs > docs && sk_bad == bad,
       "real-world pages: skip layer agrees (%u pages)", sk_docs - docs);
}


/* Tag soup from the pieces that steer the attribute and content states. */
static void
sk_random(void)
{
    int            k;
    size_t         len, n;
    unsigned char  doc[4096];
    unsigned       bad;

    static const char  *pieces[] = {
        "<", ">", "</", "/", "/>", "=", "\"", "'", " ", "\n", "\t", "\f",
        "a", "div", "p", "img", "script", "iframe", "link", "svg", "math",
        "style", "title", "noscript", "textarea", "area", "br", "span",
        "foreignObject", "desc", "font", "plaintext", "!--", "--", "!",
        "?", "src", "ping", "href", "class", "x", "&amp;", "CDATA[", "]]",
        "<a ping=x>", "<img src=\"u\">", "<p class='c'>", "<div a=b c>",
        "<a href=\"/x\" ping>", "<span x=\"y\"z=w>", "<b =\"q\">",
        "<i x= \"v\">", "<u x==\"v\">", "<s x/=\"v\">", "<em\"q\"=\"r\">",
        "<script>", "</script>", "<!--", "-->", "<svg>", "</svg>",
        "style", "background", "data-style", "data-", " style=\"u\"",
        " STYLE=v", " Background='w'", " data-Style", " data-background=",
        "<div style=\"x\">", "<p background=y>", "<br data-style/>",
        "<title style=z>", "<a style>", "<area class=c ping>",
        "<span\nstyle=\"q\"\n>", "<g style=", "<b stylex=1>",
        "<i xstyle=2>", "data-category", " data-name=x", " DATA-Category",
        "<img data-category=a data-src=/x>", "<link data-name='y'>",
        "<video\tdata-name>", "<source data-categoryx>", "<meta ",
        " data-ping=z", "<area Data-Ping>", "<a PING=1 href='/'>"
    };

    bad = sk_bad;

    for (k = 0; k < 3000; k++) {
        len = 0;
        n = 1 + sk_rand() % 200;

        while (n-- > 0) {
            const char  *s = pieces[sk_rand() % (sizeof(pieces)
                                                / sizeof(pieces[0]))];
            size_t       l = strlen(s);

            if (len + l > sizeof(doc)) {
                break;
            }
            memcpy(doc + len, s, l);
            len += l;
        }

        (void) sk_check("random", doc, len);
    }

    ok(sk_bad == bad, "random documents: skip layer agrees");
}


int
main(void)
{
    const char  *data;

    data = getenv("CONSENT_DATA");
    if (data == NULL || *data == '\0') {
        data = TAP_DATA_DEFAULT;
    }

    sk_html5lib(data);
    sk_realworld(data);
    sk_random();

    ok(sk_tags_checked > 0, "tags compared: %u", sk_tags_checked);

    return done_testing();
}

/*
 * The html5lib tree-construction tests on foreign content through
 * consent_scanner (tree = 1, all_tags = 1): the namespace of each element
 * of the expected tree says whether the scanner must read the start tag
 * that made it as HTML, svg or math.  Start tags (in source order) are
 * matched to the tree's elements (in document order) by name; elements the
 * parser makes without a start tag (html, head, body, tbody, tr, colgroup)
 * may be passed over, and start tags of html/head/body the parser merges
 * must be read as HTML.  Where the tree reorders elements (foster parenting)
 * they are matched by name and count; where the parser ignores start tags
 * or clones elements (the adoption agency, reconstructed formatting
 * elements) which element a tag made is not known: such tests are skipped
 * and counted.  Each input is scanned whole and one byte at a time.  Run from
 * the repository root.
 */

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "consent_scanner.h"

#define TC_SUB  "html5lib-tree-construction"   /* in the shared test data */

static char  tc_dir[512];

typedef struct {
    char          *name;        /* lowercase, as the tree prints it */
    consent_ns_e   ns;
} tc_elt_t;

typedef struct {
    tc_elt_t      *v;
    size_t         n;
    size_t         cap;
} tc_list_t;

typedef struct {
    char          *data;
    size_t         len;
    char          *context;     /* #document-fragment, or NULL */
    int            scripting;
    tc_list_t      tree;
} tc_test_t;

static unsigned  tc_checked, tc_passed, tc_failed, tc_skipped, tc_tags,
                 tc_by_name;


static int
tc_push(tc_list_t *l, const char *name, size_t len, consent_ns_e ns)
{
    size_t     i;
    tc_elt_t  *v;

    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        v = realloc(l->v, l->cap * sizeof(tc_elt_t));
        if (v == NULL) {
            return -1;
        }
        l->v = v;
    }

    l->v[l->n].name = malloc(len + 1);
    if (l->v[l->n].name == NULL) {
        return -1;
    }

    for (i = 0; i < len; i++) {
        l->v[l->n].name[i] = (char) (name[i] >= 'A' && name[i] <= 'Z'
                                     ? name[i] + 32 : name[i]);
    }
    l->v[l->n].name[len] = '\0';
    l->v[l->n].ns = ns;
    l->n++;

    return 0;
}


static void
tc_free(tc_list_t *l)
{
    size_t  i;

    for (i = 0; i < l->n; i++) {
        free(l->v[i].name);
    }
    free(l->v);
    memset(l, 0, sizeof(*l));
}


/* An element line of a #document dump: "| " indent "<" [ns " "] name ">". */
static int
tc_tree_line(tc_list_t *tree, const char *line, size_t len)
{
    consent_ns_e  ns;

    if (len < 2 || line[0] != '|' || line[1] != ' ') {
        return 0;
    }

    line += 2;
    len -= 2;
    while (len && *line == ' ') {
        line++;
        len--;
    }

    if (len < 3 || line[0] != '<' || line[len - 1] != '>'
        || line[1] == '!' || line[1] == '?')
    {
        return 0;
    }

    line++;
    len -= 2;
    ns = CONSENT_NS_HTML;

    if (len > 4 && memcmp(line, "svg ", 4) == 0) {
        ns = CONSENT_NS_SVG;
        line += 4;
        len -= 4;

    } else if (len > 5 && memcmp(line, "math ", 5) == 0) {
        ns = CONSENT_NS_MATH;
        line += 5;
        len -= 5;
    }

    return tc_push(tree, line, len, ns);
}


/*
 * The next test of a .dat file from *pos: 1, 0 at the end, -1 on a
 * malformed file or no memory.
 */
static int
tc_next(const char *buf, size_t size, size_t *pos, tc_test_t *t)
{
    int          section;
    size_t       p, e, dstart;
    const char  *line;

    enum { NONE, DATA, ERRORS, FRAGMENT, DOCUMENT };

    memset(t, 0, sizeof(*t));
    t->scripting = 1;
    p = *pos;

    while (p < size && buf[p] == '\n') {
        p++;
    }
    if (p == size) {
        return 0;
    }

    section = NONE;
    dstart = 0;

    while (p < size) {
        e = p;
        while (e < size && buf[e] != '\n') {
            e++;
        }
        line = buf + p;

#define tc_is(word)                                                        \
    (e - p == sizeof(word) - 1 && memcmp(line, word, sizeof(word) - 1) == 0)

        if (section == DATA) {
            if (tc_is("#errors")) {
                /* the data without its last newline */
                t->len = p > dstart ? p - dstart - 1 : 0;
                t->data = strndup(buf + dstart, t->len);
                if (t->data == NULL) {
                    return -1;
                }
                section = ERRORS;
            }

        } else if (tc_is("#data")) {
            if (section != NONE) {
                break;      /* the next test */
            }
            section = DATA;
            dstart = e + 1;

        } else if (tc_is("#errors") || tc_is("#new-errors")) {
            section = ERRORS;

        } else if (tc_is("#document-fragment")) {
            section = FRAGMENT;

        } else if (tc_is("#script-off")) {
            t->scripting = 0;

        } else if (tc_is("#script-on")) {
            t->scripting = 1;

        } else if (tc_is("#document")) {
            section = DOCUMENT;

        } else if (section == FRAGMENT && t->context == NULL) {
            t->context = strndup(line, e - p);
            if (t->context == NULL) {
                return -1;
            }

        } else if (section == DOCUMENT) {
            if (tc_tree_line(&t->tree, line, e - p) != 0) {
                return -1;
            }
        }

#undef tc_is

        p = e + (e < size);
    }

    *pos = p;
    return t->data ? 1 : -1;
}


/* The start tags the scanner reports, with the namespace it read them in. */
static int
tc_scan(const tc_test_t *t, size_t step, tc_list_t *tags)
{
    size_t                 off, n, i;
    const char            *ctx, *name;
    consent_scanner_t     *sc;
    consent_scan_event_e   ev;
    static const struct {
        const char              *name;
        consent_scan_content_e   state;
    } raw[] = {
        { "style", CONSENT_SCAN_RAWTEXT }, { "xmp", CONSENT_SCAN_RAWTEXT },
        { "iframe", CONSENT_SCAN_RAWTEXT }, { "noembed", CONSENT_SCAN_RAWTEXT },
        { "noframes", CONSENT_SCAN_RAWTEXT },
        { "script", CONSENT_SCAN_SCRIPT }, { "title", CONSENT_SCAN_RCDATA },
        { "textarea", CONSENT_SCAN_RCDATA },
        { "plaintext", CONSENT_SCAN_PLAINTEXT }
    };

    sc = malloc(sizeof(consent_scanner_t));
    if (sc == NULL) {
        return -1;
    }

    consent_scanner_init(sc, 1);
    sc->all_tags = 1;
    sc->scripting = t->scripting;

    if (t->context) {
        ctx = t->context;

        if (strncmp(ctx, "svg ", 4) == 0) {
            consent_scanner_set_context(sc, CONSENT_NS_SVG, ctx + 4);

        } else if (strncmp(ctx, "math ", 5) == 0) {
            consent_scanner_set_context(sc, CONSENT_NS_MATH, ctx + 5);

        } else {
            consent_scanner_set_context(sc, CONSENT_NS_HTML, ctx);

            for (i = 0; i < sizeof(raw) / sizeof(raw[0]); i++) {
                if (strcmp(ctx, raw[i].name) == 0) {
                    consent_scanner_set_state(sc, raw[i].state,
                        (const unsigned char *) ctx, strlen(ctx));
                }
            }

            if (strcmp(ctx, "noscript") == 0 && t->scripting) {
                consent_scanner_set_state(sc, CONSENT_SCAN_RAWTEXT,
                    (const unsigned char *) ctx, strlen(ctx));
            }
        }
    }

    for (off = 0; off < t->len || off == 0; off += n) {
        n = t->len - off < step ? t->len - off : step;
        consent_scanner_feed(sc, (const unsigned char *) t->data + off, n);

        while ((ev = consent_scanner_next(sc)) != CONSENT_SCAN_MORE) {
            if (ev != CONSENT_SCAN_TAG || sc->tag.is_end) {
                continue;
            }
            name = t->data + sc->tag.start + 1;
            if (tc_push(tags, name, sc->tag.name_len,
                        (consent_ns_e) sc->tag.ns) != 0)
            {
                free(sc);
                return -1;
            }
        }

        if (n == 0) {
            break;
        }
    }

    free(sc);
    return 0;
}


/* Elements the parser creates without a start tag of their own (</p> and
   </br> make a p and a br). */
static int
tc_implied(const tc_elt_t *e)
{
    static const char *const  names[] = {
        "html", "head", "body", "tbody", "tr", "colgroup", "p", "br", NULL
    };
    size_t                    i;

    if (e->ns != CONSENT_NS_HTML) {
        return 0;
    }

    for (i = 0; names[i]; i++) {
        if (strcmp(e->name, names[i]) == 0) {
            return 1;
        }
    }

    return 0;
}


/* Start tags the parser may merge into existing elements or ignore. */
static int
tc_mergeable(const tc_elt_t *e)
{
    return strcmp(e->name, "html") == 0 || strcmp(e->name, "head") == 0
           || strcmp(e->name, "body") == 0;
}


static int
tc_same_name(const tc_elt_t *tag, const tc_elt_t *elt)
{
    /* the parser makes an img of an HTML image start tag */
    return strcmp(tag->name, elt->name) == 0
           || (strcmp(tag->name, "image") == 0
               && strcmp(elt->name, "img") == 0
               && elt->ns == CONSENT_NS_HTML);
}


static const char *
tc_ns_name(consent_ns_e ns)
{
    return ns == CONSENT_NS_SVG ? "svg" : ns == CONSENT_NS_MATH ? "math"
                                                                : "html";
}


/*
 * When the tree reorders elements (foster parenting moves them before the
 * table): the k-th start tag of a name made the k-th element of that name,
 * provided every name has as many start tags as elements.  Names the parser
 * also implies or merges (html, head, body, tbody, tr, colgroup) may differ
 * in count: their tags are then not compared.
 */
static int
tc_compare_by_name(const tc_list_t *tags, const tc_list_t *tree, char *why,
    size_t size)
{
    size_t    i, j, k, nt, ne, compared;
    tc_elt_t  any;

    compared = 0;

    for (i = 0; i < tags->n; i++) {
        for (j = 0, k = 0; j < i; j++) {
            k += strcmp(tags->v[j].name, tags->v[i].name) == 0;
        }
        for (j = 0, nt = 0; j < tags->n; j++) {
            nt += strcmp(tags->v[j].name, tags->v[i].name) == 0;
        }

        any = tags->v[i];
        any.ns = CONSENT_NS_HTML;

        for (j = 0, ne = 0; j < tree->n; j++) {
            ne += tc_same_name(&tags->v[i], &tree->v[j]);
        }

        if (nt != ne) {
            if (tc_implied(&any) || tc_mergeable(&any)) {
                continue;
            }
            snprintf(why, size, "%zu start tags <%s>, %zu elements",
                     nt, tags->v[i].name, ne);
            return -1;
        }

        for (j = 0; j < tree->n; j++) {
            if (tc_same_name(&tags->v[i], &tree->v[j]) && k-- == 0) {
                break;
            }
        }

        if (tags->v[i].ns != tree->v[j].ns) {
            snprintf(why, size, "start tag %zu <%s> read as %s, the element "
                     "is %s (matched by name)", i + 1, tags->v[i].name,
                     tc_ns_name(tags->v[i].ns), tc_ns_name(tree->v[j].ns));
            return 0;
        }

        compared++;
    }

    for (j = 0; j < tree->n; j++) {
        for (i = 0; i < tags->n; i++) {
            if (tc_same_name(&tags->v[i], &tree->v[j])) {
                break;
            }
        }
        if (i == tags->n && !tc_implied(&tree->v[j])) {
            snprintf(why, size, "element %zu <%s> has no start tag", j + 1,
                     tree->v[j].name);
            return -1;
        }
    }

    tc_tags += (unsigned) compared;
    tc_by_name++;
    return 1;
}


/*
 * Matches tags to tree elements: 1 all namespaces agree, 0 one differs
 * (*why describes it), -1 the order does not tell (skipped).
 */
static int
tc_compare(const tc_list_t *tags, const tc_list_t *tree, char *why,
    size_t size)
{
    size_t  i, j;

    for (i = 0, j = 0; i < tags->n; ) {

        if (j < tree->n && tc_same_name(&tags->v[i], &tree->v[j])) {
            if (tags->v[i].ns != tree->v[j].ns) {
                snprintf(why, size, "start tag %zu <%s> read as %s, the "
                         "element is %s", i + 1, tags->v[i].name,
                         tc_ns_name(tags->v[i].ns),
                         tc_ns_name(tree->v[j].ns));
                return 0;
            }
            i++;
            j++;
            continue;
        }

        if (j < tree->n && tc_implied(&tree->v[j])) {
            j++;
            continue;
        }

        if (tc_mergeable(&tags->v[i])) {
            if (tags->v[i].ns != CONSENT_NS_HTML) {
                snprintf(why, size, "start tag %zu <%s> read as %s, the "
                         "parser merges it into the HTML element", i + 1,
                         tags->v[i].name, tc_ns_name(tags->v[i].ns));
                return 0;
            }
            i++;
            continue;
        }

        return tc_compare_by_name(tags, tree, why, size);
    }

    while (j < tree->n && tc_implied(&tree->v[j])) {
        j++;
    }

    if (j < tree->n) {
        return tc_compare_by_name(tags, tree, why, size);
    }

    tc_tags += (unsigned) tags->n;
    return 1;
}


static int
tc_run_file(const char *file)
{
    int          rc, r1, r2, fail_before;
    char         path[1024], why[256], why2[256];
    char        *buf;
    long         size;
    FILE        *f;
    size_t       pos;
    unsigned     n;
    tc_test_t    t;
    tc_list_t    whole, bytes;

    snprintf(path, sizeof(path), "%s/%s", tc_dir, file);
    f = fopen(path, "rb");
    if (f == NULL) {
        ok(0, "%s: open", file);
        return -1;
    }

    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t) size + 1);
    if (buf == NULL || fread(buf, 1, (size_t) size, f) != (size_t) size) {
        fclose(f);
        free(buf);
        ok(0, "%s: read", file);
        return -1;
    }
    fclose(f);
    buf[size] = '\0';

    fail_before = (int) tc_failed;
    pos = 0;
    n = 0;

    while ((rc = tc_next(buf, (size_t) size, &pos, &t)) == 1) {
        n++;
        memset(&whole, 0, sizeof(whole));
        memset(&bytes, 0, sizeof(bytes));

        if (tc_scan(&t, t.len + 1, &whole) != 0
            || tc_scan(&t, 1, &bytes) != 0)
        {
            rc = -1;
            break;
        }

        r1 = tc_compare(&whole, &t.tree, why, sizeof(why));
        r2 = tc_compare(&bytes, &t.tree, why2, sizeof(why2));

        if (r1 != r2 || (r1 == 0 && strcmp(why, why2) != 0)) {
            tc_failed++;
            tc_checked++;
            diag("FAIL %s #%u: whole and 1-byte scans differ: %s / %s",
                 file, n, why, why2);

        } else if (r1 == 1) {
            tc_checked++;
            tc_passed++;

        } else if (r1 == 0) {
            tc_checked++;
            tc_failed++;
            diag("FAIL %s #%u%s%s: %s\n#   %s", file, n,
                 t.context ? " in " : "", t.context ? t.context : "", why,
                 t.data);

        } else {
            tc_skipped++;
            if (getenv("TC_VERBOSE")) {
                diag("skip %s #%u: %s\n#   %s", file, n, why, t.data);
            }
        }

        tc_free(&whole);
        tc_free(&bytes);
        tc_free(&t.tree);
        free(t.data);
        free(t.context);
    }

    free(buf);

    ok(rc == 0, "%s: %u tests read", file, n);
    ok((int) tc_failed == fail_before, "%s: the scanner reads every "
       "matched start tag in its element's namespace", file);

    return 0;
}


static int
tc_name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}


int
main(void)
{
    DIR            *dir;
    char           *files[128];
    size_t          i, n, len;
    struct dirent  *de;

    dir = opendir(tap_data(TC_SUB, tc_dir, sizeof(tc_dir)));
    if (dir == NULL) {
        printf("1..0 # SKIP no html5lib tree-construction tests in %s "
               "(CONSENT_DATA)\n", tc_dir);
        return 0;
    }

    n = 0;
    while ((de = readdir(dir)) != NULL && n < 128) {
        len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".dat") == 0) {
            files[n] = strdup(de->d_name);
            if (files[n]) {
                n++;
            }
        }
    }
    closedir(dir);

    qsort(files, n, sizeof(char *), tc_name_cmp);

    /* the foreign content tests (tests9-12, math, svg, foreign-fragment,
       webkit01/02) and all others, where the scanner must stay in HTML */
    for (i = 0; i < n; i++) {
        tc_run_file(files[i]);
        free(files[i]);
    }

    diag("tree construction: %u tests checked (%u start tags; %u matched "
         "by name as the tree reorders them), %u pass, %u fail; %u skipped "
         "(start tags the parser ignores or elements it clones: which "
         "element a start tag made is not known; TC_VERBOSE=1 lists them)",
         tc_checked, tc_tags, tc_by_name, tc_passed, tc_failed, tc_skipped);

    return done_testing();
}

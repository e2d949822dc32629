/*
 * consent_scanner as the rewriter uses it (tree = 1: raw text states after
 * their start tags, foreign content), the attribute value decoder and URL
 * normalization.  Every case is scanned whole and one byte at a time.
 */

#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "consent_scanner.h"
#include "consent_url.h"


static int  scripting = 1;
static int  all_tags = 1;      /* 0: only known names, as the rewriter */


/*
 * The tags found in in, as "name" / "/name" separated by spaces; a tag in
 * foreign content gets a "^" prefix, a self-closing one a "/" suffix.
 */
static char *
tags(const char *in, size_t step)
{
    size_t                off, n, len;
    consent_scanner_t     sc;
    consent_scan_event_e  ev;
    static char           out[2][4096];
    static int            which;
    char                 *o;

    which ^= 1;
    o = out[which];
    o[0] = '\0';
    len = strlen(in);

    consent_scanner_init(&sc, 1);
    sc.all_tags = all_tags;
    sc.scripting = scripting;

    for (off = 0; off < len; off += n) {
        n = len - off < step ? len - off : step;
        consent_scanner_feed(&sc, (const unsigned char *) in + off, n);

        while ((ev = consent_scanner_next(&sc)) != CONSENT_SCAN_MORE) {
            if (ev != CONSENT_SCAN_TAG) {
                continue;
            }
            if (o[0]) {
                strcat(o, " ");
            }
            if (sc.tag.foreign) {
                strcat(o, "^");
            }
            if (sc.tag.is_end) {
                strcat(o, "/");
            }
            strncat(o, in + sc.tag.start + (sc.tag.is_end ? 2 : 1),
                    sc.tag.name_len);
            if (sc.tag.self_closing) {
                strcat(o, "/");
            }
        }
    }

    return o;
}


/* Checks whole and 1-byte scanning give want. */
#define scan_is(in, want, ...)                                             \
    do {                                                                   \
        is_str(tags(in, (size_t) -1), want, __VA_ARGS__);                  \
        is_str(tags(in, 1), want, "  (1-byte buffers)");                   \
    } while (0)


static void
test_states(void)
{
    scan_is("<a href=x>t</a>", "a /a", "data: start and end tags");
    scan_is("<DIV ID=1></Div>", "DIV /Div", "names keep their bytes");
    scan_is("a < b <1> <> </> <a", "", "not tags; unfinished tag at EOF");
    scan_is("<br/><br /><br/ x>", "br/ br/ br", "self-closing flag");

    scan_is("<a title=\"x>y\" b='c>d' e=f>g<i>", "a i",
            "'>' inside quoted values");
    scan_is("<a b=c\"d>e<i>", "a i", "quote inside an unquoted value");
    scan_is("<a =\"b>\" <i>", "a i", "'=' starting a name is a name");
    scan_is("<a b=\"c\"=\"d>\"<i>", "a i", "'=' after a value is a name");

    scan_is("<!-- <a> --><b>", "b", "comment");
    scan_is("<!--><a>", "a", "<!--> is an empty comment");
    scan_is("<!---><a>", "a", "<!---> is an empty comment");
    scan_is("<!-- x --!><a>", "a", "--!> ends a comment");
    scan_is("<!-- -- > <!-- <a> -- --><b>", "b", "-- > does not end it");
    scan_is("<!-- <!-- <a> --><b>", "b", "nested <!-- ");
    scan_is("<? <a> <b>", "b", "<? is a bogus comment to '>'");
    scan_is("</ <a> <b>", "b", "</ + space is a bogus comment");
    scan_is("</3 <a> <b>", "b", "</digit is a bogus comment");
    scan_is("<!x <a> <b>", "b", "<!x is a bogus comment");
    scan_is("<!DOCTYPE html PUBLIC \"<a>\"><b>", "b",
            "doctype ends at the first '>'");
    scan_is("<!doctype html><a>", "a", "lowercase doctype");
    scan_is("<![CDATA[<a>]]><b>", "b", "CDATA in HTML: bogus comment");
    scan_is("<!-", "", "unfinished declaration at EOF");

    scan_is("<script><a></script><b>", "script /script b", "script data");
    scan_is("<SCRIPT><a></SCRIPT ><b>", "SCRIPT /SCRIPT b",
            "uppercase script end tag");
    scan_is("<script></scripts></script x=1><b>", "script /script b",
            "appropriate end tag only");
    scan_is("<script><!--<a></script><b>", "script /script b",
            "escaped script ends at </script>");
    scan_is("<script><!--<script></script><a>--></script><b>",
            "script /script b", "double-escaped script");
    scan_is("<script><!--<script>--></script><b>", "script /script b",
            "--> leaves double-escaped");
    scan_is("<script><!--<scriptx></script><b>", "script /script b",
            "<scriptx> does not double-escape");
    scan_is("<script><!-></script><b>", "script /script b",
            "<!- is not an escape");
    scan_is("<script/><a></script>", "script/ /script",
            "self-closing script still opens script data");

    scan_is("<style><a></style><b>", "style /style b", "style RAWTEXT");
    scan_is("<xmp><a></xmp><b>", "xmp /xmp b", "xmp RAWTEXT");
    scan_is("<iframe><a></iframe><b>", "iframe /iframe b", "iframe RAWTEXT");
    scan_is("<noembed><a></noembed><b>", "noembed /noembed b",
            "noembed RAWTEXT");
    scan_is("<noframes><a></noframes><b>", "noframes /noframes b",
            "noframes RAWTEXT");
    scan_is("<noscript><img src=x></noscript><b>", "noscript /noscript b",
            "noscript RAWTEXT (scripting enabled)");
    scripting = 0;
    scan_is("<noscript><img src=x></noscript><b>",
            "noscript img /noscript b", "noscript markup without scripting");
    scripting = 1;
    scan_is("<style><!--</style><b>", "style /style b",
            "no escape states in RAWTEXT");
    scan_is("<title><a></title><b>", "title /title b", "title RCDATA");
    scan_is("<textarea></textareax><a></TEXTAREA><b>", "textarea /TEXTAREA b",
            "textarea RCDATA");
    scan_is("<plaintext></plaintext><a>", "plaintext",
            "plaintext: the rest is text");

    scan_is("<svg><style><a></style></svg><b>", "^svg ^style ^a ^/style "
            "^/svg b", "svg style is not RAWTEXT");
    scan_is("<svg><![CDATA[<a>]]><g></svg><![CDATA[<c>]]><d>",
            "^svg ^g ^/svg d", "CDATA only in foreign content");
    scan_is("<svg><![CDATA[<a>]]><b></svg><![CDATA[<c>]]><d>",
            "^svg b /svg d", "b breaks out of svg: CDATA a bogus comment");
    scan_is("<svg><script><a></script></svg>",
            "^svg ^script ^a ^/script ^/svg", "svg script is not script data");
    scan_is("<svg><p><style><a></style>", "^svg p style /style",
            "breakout tag leaves svg");
    scan_is("<svg><foreignObject><style><a></style></foreignObject><style>"
            "<g></style></svg>",
            "^svg ^foreignObject style /style ^/foreignObject ^style ^g "
            "^/style ^/svg", "foreignObject is HTML until its end tag");
    scan_is("<svg><foreignObject><![CDATA[<a>]]></foreignObject>",
            "^svg ^foreignObject ^/foreignObject",
            "CDATA in an integration point (an svg element)");
    scan_is("<svg><title><a></title></svg>", "^svg ^title a /title /svg",
            "svg title is an integration point, not RCDATA; an open HTML "
            "element in it ignores </title> and </svg>");
    scan_is("<svg><title>t</title><style><a></style></svg>",
            "^svg ^title ^/title ^style ^a ^/style ^/svg",
            "back in svg after the integration point");
    scan_is("<math><mi><textarea><a></textarea></mi><style><g></style>"
            "</math>",
            "^math ^mi textarea /textarea ^/mi ^style ^g ^/style ^/math",
            "mi is an integration point");
    scan_is("<math><mi><mglyph><malignmark><b>",
            "^math ^mi ^mglyph ^malignmark b",
            "mglyph and malignmark stay math in mi");
    scan_is("<svg/><style><a></style>", "^svg/ style /style",
            "self-closing svg does not enter foreign content");
    scan_is("<svg><svg></svg><style><a></style></svg><style><b></style>",
            "^svg ^svg ^/svg ^style ^a ^/style ^/svg style /style",
            "nested svg");
    scan_is("<svg></p><style><a></style>", "^svg /p style /style",
            "</p> leaves svg");
    scan_is("<svg></br><style><a></style>", "^svg /br style /style",
            "</br> leaves svg");
    scan_is("<svg><font><style><a></style></svg>",
            "^svg ^font ^style ^a ^/style ^/svg",
            "font without color/face/size stays svg");
    scan_is("<svg><font SIZE=1><style><a></style>", "^svg font style /style",
            "font with size breaks out");
    scan_is("<svg><font x=1 face><style><a></style>",
            "^svg font style /style", "font with face breaks out");
    scan_is("<math><annotation-xml><style><a></style></math>",
            "^math ^annotation-xml ^style ^a ^/style ^/math",
            "annotation-xml is no integration point by itself");
    scan_is("<math><annotation-xml encoding='Text/HTML'><style><a></style>"
            "</annotation-xml><style><g></style>",
            "^math ^annotation-xml style /style ^/annotation-xml ^style ^g "
            "^/style", "annotation-xml encoding=text/html");
    scan_is("<math><annotation-xml encoding=\"application/xhtml&#x2B;xml\">"
            "<style><a></style>",
            "^math ^annotation-xml style /style",
            "encoding compared after character references");
    scan_is("<math><annotation-xml encoding=text/plain encoding=text/html>"
            "<style><a></style>",
            "^math ^annotation-xml ^style ^a ^/style",
            "the first encoding attribute wins");
    scan_is("<math><annotation-xml><svg><style><a></style>",
            "^math ^annotation-xml ^svg ^style ^a ^/style",
            "svg in annotation-xml is an svg element");
    scan_is("<math><svg><style><a></style>",
            "^math ^svg ^style ^a ^/style",
            "svg in math is a math element");
    scan_is("<span><svg><path></span><style><a></style>",
            "span ^svg ^path /span style /style",
            "an end tag of an HTML element leaves svg (taken to be open)");
    scan_is("<svg><path/></path><g></svg><style><a></style>",
            "^svg ^path/ /path ^g ^/svg style /style",
            "a stray svg end tag closes nothing");
    scan_is("<svg><g></body><style><a></style>",
            "^svg ^g /body ^style ^a ^/style", "</body> does not leave svg");
    scan_is("<svg><foreignObject><div><p><svg><g></p><style><a></style>",
            "^svg ^foreignObject div p ^svg ^g /p style /style",
            "</p> pops to the p in the integration point");
    scan_is("<svg><foreignObject><span></foreignObject><style><a></style>",
            "^svg ^foreignObject span /foreignObject style /style",
            "an open span in foreignObject ignores </foreignObject>");
}


/* The tags as the rewriter gets them (all_tags = 0), with ids. */
static void
test_foreign_ids(void)
{
    size_t                 i, n;
    consent_scanner_t      sc;
    consent_scan_event_e   ev;
    const char            *in;
    char                   got[512], whole[512];

    in = "<image src=a><svg><image href=b><use href=c><feImage href=d>"
         "<script href=e></script><script>x<g>y</g></script>"
         "<script>z<p>t</svg>";

    for (n = 0; n < 2; n++) {
        consent_scanner_init(&sc, 1);
        got[0] = '\0';

        for (i = 0; i < strlen(in); i += n ? 1 : strlen(in)) {
            consent_scanner_feed(&sc, (const unsigned char *) in + i,
                                 n ? 1 : strlen(in));
            while ((ev = consent_scanner_next(&sc)) != CONSENT_SCAN_MORE) {
                if (ev != CONSENT_SCAN_TAG) {
                    continue;
                }
                snprintf(got + strlen(got), sizeof(got) - strlen(got),
                         "%s%d:%d%s%s ", sc.tag.is_end ? "/" : "", sc.tag.id,
                         sc.tag.ns, sc.tag.foreign ? "^" : "",
                         (sc.tag.flags & CONSENT_TAG_SCRIPT_END) ? "!" : "");
            }
        }

        if (n == 0) {
            strcpy(whole, got);
        }
    }

    is_str(whole, "25:0 12:1^ 25:1^ 26:1^ 27:1^ 1:1^ /1:1^! 1:1^ /1:1^! "
                  "1:1^ 14:0! ",
           "svg image/use/feImage/script ids and namespaces; the tags that "
           "end svg scripts");
    is_str(got, whole, "  (1-byte buffers)");

    is_int(CONSENT_TAG_NOSCRIPT, 17, "existing ids keep their values");
    is_int(CONSENT_TAG_FRAME, 18, "new ids appended: frame");
    is_int(CONSENT_TAG_FEIMAGE, 27, "new ids appended: feImage last");

    all_tags = 0;
    scan_is("<a href=x ping=y>t</a><area ping=z><meta http-equiv=refresh>"
            "<base href=/><input type=image src=i><frame src=f>"
            "<style>s</style>",
            "a area meta base input frame style /style",
            "the loaders' start tags are reported, not </a>");
    all_tags = 1;
}


/* A nesting over the stack's bound: the scanner takes HTML and says so. */
static void
test_overflow(void)
{
    size_t   i;
    char     in[CONSENT_SCAN_STACK_MAX * 3 + 64];
    char     want[CONSENT_SCAN_STACK_MAX * 4 + 64];
    consent_scanner_t  sc;

    strcpy(in, "<svg>");
    strcpy(want, "^svg");
    for (i = 1; i < CONSENT_SCAN_STACK_MAX; i++) {
        strcat(in, "<g>");
        strcat(want, " ^g");
    }
    strcat(in, "<g><style><a></style>");
    strcat(want, " g style /style");

    scan_is(in, want, "the element past the bound ends the tracking: HTML");

    /* an svg script past the bound is read as an HTML script */
    in[strlen(in) - strlen("<g><style><a></style>")] = '\0';
    want[strlen(want) - strlen(" g style /style")] = '\0';
    strcat(in, "<script><!--</script><img>");
    strcat(want, " script /script img");
    scan_is(in, want, "an svg script past the bound: script data");

    consent_scanner_init(&sc, 1);
    consent_scanner_feed(&sc, (const unsigned char *) in, strlen(in));
    while (consent_scanner_next(&sc) != CONSENT_SCAN_MORE) {
        /* void */
    }
    is_int(sc.overflowed, 1, "overflow counted");
}


static void
test_attrs(void)
{
    consent_scanner_t      sc;
    const consent_attr_t  *a;
    const char            *in;

    in = "<IMG Src='a' SRC=b alt data-x=\"1\" =c>";
    consent_scanner_init(&sc, 1);
    consent_scanner_feed(&sc, (const unsigned char *) in, strlen(in));
    is_int(consent_scanner_next(&sc), CONSENT_SCAN_TAG_NAME, "tag name");
    is_int(sc.tag.id, CONSENT_TAG_IMG, "img id");
    is_int(consent_scanner_next(&sc), CONSENT_SCAN_TAG, "tag");
    is_int(sc.tag.nattrs, 5, "five attributes");
    is_int(sc.tag.len, strlen(in), "tag length");

    a = consent_tag_attr(&sc.tag, (const unsigned char *) in, "src");
    ok(a == &sc.tag.attrs[0], "first src wins, case-insensitive");
    ok(a && a->quote == '\'' && a->value_len == 1
       && in[a->value_off] == 'a', "single-quoted value");
    a = &sc.tag.attrs[1];
    ok(a->quote == 0 && a->value_len == 1 && in[a->value_off] == 'b',
       "unquoted value");
    a = consent_tag_attr(&sc.tag, (const unsigned char *) in, "alt");
    ok(a && !a->has_value, "attribute without value");
    a = consent_tag_attr(&sc.tag, (const unsigned char *) in, "=c");
    ok(a != NULL, "attribute named \"=c\"");
    is_int(consent_scanner_next(&sc), CONSENT_SCAN_MORE, "end");

    /* tags of unknown names are not reported to the rewriter */
    in = "<div><span></span><b></div><head>";
    consent_scanner_init(&sc, 1);
    consent_scanner_feed(&sc, (const unsigned char *) in, strlen(in));
    is_int(consent_scanner_next(&sc), CONSENT_SCAN_TAG_NAME, "head name");
    ok(sc.tag.id == CONSENT_TAG_HEAD && sc.tag.start == 27,
       "only head reported");
}


/* The tags of tags() but the lowercase "a" and "area" ones. */
static const char *
without_links(const char *in)
{
    size_t       n;
    const char  *w;
    static char  out[4096];

    out[0] = '\0';

    for (w = in; *w; w += n + (w[n] == ' ')) {
        n = strcspn(w, " ");
        if ((n == 1 && w[0] == 'a') || (n == 4 && strncmp(w, "area", 4) == 0))
        {
            continue;
        }
        if (out[0]) {
            strcat(out, " ");
        }
        strncat(out, w, n);
    }

    return out;
}


/*
 * As the rewriter scans: the tags of unknown names are skipped to their
 * '>' without recording attributes.  The skip must end them exactly where
 * the attribute states do, also when resumed in the next buffer.
 */
static void
test_skip(void)
{
    int          bad;
    size_t       step;
    const char  *in;

    all_tags = 0;

    scan_is("<div class=\"a\"><q href='/x'>t</q><img src=x></div>", "img",
            "skipped tags, then a known one");
    scan_is("<q title=\"<img src=x>\" b='<img>'><img src=y>", "img",
            "'>' inside quoted values of a skipped tag");
    scan_is("<q b=c\"d><img src=x>\"><i>", "img",
            "quote inside an unquoted value of a skipped tag");
    scan_is("<q =\"b><img src=x>\" <i>", "img",
            "'=' starting a name is a name in a skipped tag");
    scan_is("<q b=\"c\"=\"d><img src=x>", "img",
            "'=' after a quoted value is a name in a skipped tag");
    scan_is("<q b = \"><img>\" c><img src=x>", "img",
            "whitespace around '=' before a quoted value");
    scan_is("<q b =><img src=x>", "img", "'>' right after '='");
    scan_is("<q b/><img src=x><br/ x='>'><img src=y>", "img img",
            "'/' in skipped tags");
    scan_is("<q\tb\n=\r'>'\f><img src=x>", "img",
            "every kind of whitespace in a skipped tag");
    scan_is("<span\"x\"=\"><img>\"><img src=x>", "img img",
            "quotes inside a tag name quote nothing");
    scan_is("<span a\"=\"><img>\"><img src=x>", "img",
            "a quote inside an attribute name quotes nothing");
    scan_is("</div class=\">\"><img src=x>", "img",
            "attributes of a skipped end tag");
    scan_is("<averyveryverylongname a='>'><img src=x>", "img",
            "a long name is skipped too");
    scan_is("<mark content='>'><img src=x>", "img",
            "a name passing the first test, skipped");
    scan_is("<title a='>'><img></title><img src=x>", "img",
            "a tag that switches to RCDATA still does");
    scan_is("<xmp a='>'><img></xmp><img src=x>", "img",
            "a tag that switches to RAWTEXT still does");
    scan_is("<script src=x></script><p a='>'><img src=x>",
            "script /script img", "skip after a known tag");
    scan_is("<svg><p a='>'><img src=x></svg>", "^svg p img",
            "breakout tag in foreign content");
    scan_is("<svg><g a='>'><img src=x></svg>", "^svg img",
            "unknown tag in foreign content");

    /* buffers that end inside a skipped tag's attributes at every state */
    in = "<div a b = \"<img>\" c='<img>' d=e/ f= g><img src=x>"
         "</p x=\">\"><img src=y><q b=c\"d><img src=z>\">";
    bad = 0;
    for (step = 2; step <= 24; step++) {
        if (strcmp(tags(in, step), "img img img") != 0) {
            diag("buffers of %zu bytes: %s", step, tags(in, step));
            bad++;
        }
    }
    is_int(bad, 0, "skipped tags split anywhere, buffers of 2-24 bytes");

    /*
     * A link without ping is skipped too (when it ends in the buffer; else
     * it is reported: the "a" and "area" below), and the state after it is
     * data.
     */
    in = "<a href='/x'>t</a><area href=y><xmp><img></xmp><img src=z>"
         "<A PING=p href=q><AREA\tping>";
    bad = 0;
    for (step = 1; step <= 24; step++) {
        if (strcmp(without_links(tags(in, step)), "img A AREA") != 0) {
            diag("buffers of %zu bytes: %s", step, tags(in, step));
            bad++;
        }
    }
    is_int(bad, 0, "links with ping reported, the state after links, "
           "buffers of 1-24 bytes");
    is_str(tags(in, (size_t) -1), "img A AREA", "links without ping skipped");
    is_str(tags("<a href=x>\n<xmp><img></xmp><img src=z>", 10), "img",
           "data state after a link that ends its buffer");

    all_tags = 1;
}


static const char *
decode(const char *in, int *unknown)
{
    size_t         n;
    static char    out[256];

    *unknown = 0;
    n = consent_decode_attr_value((const unsigned char *) in, strlen(in),
                                  (unsigned char *) out, sizeof(out) - 1,
                                  unknown);
    if (n == (size_t) -1) {
        return "(overflow)";
    }
    out[n] = '\0';
    return out;
}


static void
test_decode(void)
{
    int  unknown;

    is_str(decode("a=1&amp;b=2&AMP;c", &unknown), "a=1&b=2&c", "&amp;");
    is_str(decode("&lt;&gt;&quot;&apos;", &unknown), "<>\"'", "basic");
    is_str(decode("&#x3a;&#X3A;&#58;&#0058", &unknown), "::::", "numeric");
    is_str(decode("&#0;&#xD800;&#x110000;", &unknown),
           "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "invalid -> U+FFFD");
    is_str(decode("&#x80;&#150;", &unknown), "\xE2\x82\xAC\xE2\x80\x93",
           "C1 numeric references as windows-1252");
    is_str(decode("&#;&#x;&", &unknown), "&#;&#x;&", "no digits");
    is_str(decode("&copy &copy= &copyx &not;", &unknown),
           "\xC2\xA9 &copy= &copyx \xC2\xAC",
           "legacy names without ';' in attribute values");
    ok(!unknown, "all known");
    is_str(decode("&hellip;&unknownname;", &unknown),
           "\xE2\x80\xA6&unknownname;", "unknown name left as is");
    ok(unknown, "unknown reported");

    /* the complete table */
    is_str(decode("a&Tab;b&NewLine;c", &unknown), "a\tb\nc",
           "&Tab; &NewLine;");
    is_str(decode("https&colon;&sol;&sol;t&period;example&bsol;x", &unknown),
           "https://t.example\\x", "&colon; &sol; &period; &bsol;");
    is_str(decode("&lpar;&rpar;&excl;&quest;&commat;&lowbar;&Hat;", &unknown),
           "()!?@_^", "more ASCII punctuation names");
    is_str(decode("&fjlig;&NotEqualTilde;", &unknown),
           "fj\xE2\x89\x82\xCC\xB8", "two code points");
    is_str(decode("&Afr;&zwnj;", &unknown), "\xF0\x9D\x94\x84\xE2\x80\x8C",
           "first and last names, astral plane");
    ok(!unknown, "all known");
    is_str(decode("&Tab &NewLine", &unknown), "&Tab &NewLine",
           "non-legacy names need ';'");
    is_str(decode("&not &notit; &notin; &AMP &ampx &amp= &amp;", &unknown),
           "\xC2\xAC &notit; \xE2\x88\x89 & &ampx &amp= &",
           "legacy prefixes: not before an alphanumeric or '='");
    ok(unknown, "&notit; is no reference");

    /* numeric edge cases */
    is_str(decode("&#0;&#x0;&#xD800;&#xDFFF;&#x110000;&#99999999999;",
                  &unknown),
           "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
           "\xEF\xBF\xBD\xEF\xBF\xBD",
           "0, surrogates, over 0x10FFFF (no overflow) -> U+FFFD");
    is_str(decode("&#x10FFFF;&#xFFFE;&#x1;", &unknown),
           "\xF4\x8F\xBF\xBF\xEF\xBF\xBE\x01",
           "noncharacters and controls kept");
    is_str(decode("&#x80;&#x81;&#x8D;&#x9F;&#159&#x9c", &unknown),
           "\xE2\x82\xAC\xC2\x81\xC2\x8D\xC5\xB8\xC5\xB8\xC5\x93",
           "C1 remapped per the table (0x81, 0x8D unchanged), ';' optional");

    /* the one lengthening: &nGt; and &nLt; (5 bytes, 6 decoded) */
    {
        int            u;
        size_t         n;
        unsigned char  out[CONSENT_DECODE_SIZE(10)];

        u = 0;
        n = consent_decode_attr_value((const unsigned char *) "&nGt;&nLt;",
                                      10, out, sizeof(out), &u);
        is_int(n, 12, "&nGt;&nLt; decode into CONSENT_DECODE_SIZE bytes");
        n = consent_decode_attr_value((const unsigned char *) "&nGt;&nLt;",
                                      10, out, 10, &u);
        ok(n == (size_t) -1, "and not into the input's length");
    }
}


static const char *
norm(const char *in)
{
    size_t          n;
    static char     out[CONSENT_URL_SIZE(256)];

    n = consent_url_normalize((const unsigned char *) in, strlen(in),
                              (unsigned char *) out);
    out[n] = '\0';
    return out;
}


static void
test_url(void)
{
    size_t                pos, n;
    const char           *s;
    const unsigned char  *url;

    is_str(norm(" \tHTTPS://WWW.Example.COM/A/B?Q=1 "),
           "https://www.example.com/A/B?Q=1", "trim, scheme and host case");
    is_str(norm("https://exa\nmple.com/a\tb"), "https://example.com/ab",
           "tabs and newlines removed");
    is_str(norm("//cdn.example/x"), "https://cdn.example/x",
           "scheme-relative");
    is_str(norm("https:\\\\cdn.example\\a\\b?c\\d"),
           "https://cdn.example/a/b?c\\d", "backslashes before the query");
    is_str(norm("https:cdn.example/x"), "https://cdn.example/x",
           "missing slashes");
    is_str(norm("https://u:p@Host.example:8443/x"),
           "https://host.example:8443/x", "userinfo dropped");
    is_str(norm("https://host.example"), "https://host.example/",
           "empty path is /");
    is_str(norm("/img/a.png"), "/img/a.png", "relative untouched");
    is_str(norm("data:image/png;base64,AAAA"), "data:image/png;base64,AAAA",
           "non-special scheme untouched");

    s = " a.png 1x,b.png  2x , c.png, d.png 100w, e(1,2).png 1x";
    pos = 0;
    n = consent_srcset_next((const unsigned char *) s, strlen(s), &pos, &url);
    ok(n == 5 && memcmp(url, "a.png", 5) == 0, "srcset 1");
    n = consent_srcset_next((const unsigned char *) s, strlen(s), &pos, &url);
    ok(n == 5 && memcmp(url, "b.png", 5) == 0, "srcset 2");
    n = consent_srcset_next((const unsigned char *) s, strlen(s), &pos, &url);
    ok(n == 5 && memcmp(url, "c.png", 5) == 0, "srcset 3 (trailing comma)");
    n = consent_srcset_next((const unsigned char *) s, strlen(s), &pos, &url);
    ok(n == 5 && memcmp(url, "d.png", 5) == 0, "srcset 4");
    n = consent_srcset_next((const unsigned char *) s, strlen(s), &pos, &url);
    ok(n == 10 && memcmp(url, "e(1,2).png", 10) == 0, "srcset 5");
    n = consent_srcset_next((const unsigned char *) s, strlen(s), &pos, &url);
    is_int(n, 0, "srcset end");
}


int
main(void)
{
    test_states();
    test_foreign_ids();
    test_overflow();
    test_attrs();
    test_skip();
    test_decode();
    test_url();

    return done_testing();
}

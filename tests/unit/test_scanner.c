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

    scan_is("<svg><style><a></style></svg><b>", "svg ^style ^a ^/style "
            "^/svg b", "svg style is not RAWTEXT");
    scan_is("<svg><![CDATA[<a>]]><g></svg><![CDATA[<c>]]><d>",
            "svg ^g ^/svg d", "CDATA only in foreign content");
    scan_is("<svg><![CDATA[<a>]]><b></svg><![CDATA[<c>]]><d>",
            "svg b /svg d", "b breaks out of svg: CDATA a bogus comment");
    scan_is("<svg><script><a></script></svg>",
            "svg ^script ^a ^/script ^/svg", "svg script is not script data");
    scan_is("<svg><p><style><a></style>", "svg p style /style",
            "breakout tag leaves svg");
    scan_is("<svg><foreignObject><style><a></style></foreignObject><style>"
            "<g></style></svg>",
            "svg ^foreignObject style /style /foreignObject ^style ^g "
            "^/style ^/svg", "foreignObject is HTML until its end tag");
    scan_is("<svg><title><a></title></svg>", "svg ^title a /title ^/svg",
            "svg title is an integration point, not RCDATA");
    scan_is("<math><mi><textarea><a></textarea></mi><style><g></style>"
            "</math>",
            "math ^mi textarea /textarea /mi ^style ^g ^/style ^/math",
            "mi is an integration point");
    scan_is("<svg/><style><a></style>", "svg/ style /style",
            "self-closing svg does not enter foreign content");
    scan_is("<svg><svg></svg><style><a></style></svg><style><b></style>",
            "svg ^svg ^/svg ^style ^a ^/style ^/svg style /style",
            "nested svg");
    scan_is("<svg></p><style><a></style>", "svg /p style /style",
            "</p> leaves svg");
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
    scan_is("<svg><p a='>'><img src=x></svg>", "svg p img /svg",
            "breakout tag in foreign content");
    scan_is("<svg><g a='>'><img src=x></svg>", "svg img /svg",
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
    test_attrs();
    test_skip();
    test_decode();
    test_url();

    return done_testing();
}

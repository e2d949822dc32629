/*
 * consent_rewriter: every rewrite rule, activation of site-tagged markup,
 * data blocks, injection placement, the inline and tag bounds, events, and
 * split invariance over the html5lib inputs, the test pages and random
 * inputs.  Run from the repository root (reads tests/unit/pages/ and
 * ../shared/data/html5lib-tokenizer/).
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "tap.h"
#include "rewrite_util.h"

#define PAGES   "tests/unit/pages"
#define H5_SUB  "html5lib-tokenizer"      /* in the shared test data */

static consent_policy_t  *policy;
static consent_mask_t     necessary, preferences, analytics, marketing;


static void
conf_init(consent_rewriter_conf_t *conf, consent_mask_t granted)
{
    memset(conf, 0, sizeof(*conf));
    conf->policy = policy;
    conf->granted = granted | necessary;
    conf->inline_max = 65536;
    conf->head_start.p = (const unsigned char *) "[HS]";
    conf->head_start.len = 4;
    conf->head_end.p = (const unsigned char *) "[HE]";
    conf->head_end.len = 4;
    conf->body_start.p = (const unsigned char *) "[BS]";
    conf->body_start.len = 4;
}


/* The output for the input in one buffer (a static, for is_str). */
static const char *
rewrite_conf(consent_rewriter_conf_t *conf, const char *in, unsigned *events)
{
    size_t          n;
    unsigned char  *out;
    static char    *last;

    free(last);
    out = rw_run(conf, (const unsigned char *) in, strlen(in), NULL, 0, &n,
                 events);
    last = (char *) out;
    return out ? last : "(rewrite failed)";
}


static const char *
rewrite(consent_mask_t granted, const char *in)
{
    consent_rewriter_conf_t  conf;

    conf_init(&conf, granted);
    conf.head_start.len = 0;
    conf.head_end.len = 0;
    conf.body_start.len = 0;

    return rewrite_conf(&conf, in, NULL);
}


static const char *
inject(const char *in)
{
    consent_rewriter_conf_t  conf;

    conf_init(&conf, 0);
    return rewrite_conf(&conf, in, NULL);
}


static void
test_blocking(void)
{
    is_str(rewrite(0, "<script async src=\"https://www.googletagmanager.com/"
                      "gtag/js?id=G-1\"></script>"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" data-name=\"google-analytics\" "
           "async data-src=\"https://"
           "www.googletagmanager.com/gtag/js?id=G-1\"></script>",
           "script src blocked: src becomes data-src in place");

    is_str(rewrite(analytics, "<script async src=\"https://www."
                              "googletagmanager.com/gtag/js\"></script>"),
           "<script async src=\"https://www.googletagmanager.com/gtag/js\">"
           "</script>",
           "granted category: untouched");

    is_str(rewrite(0, "<SCRIPT TYPE='text/javascript' SRC=https://connect."
                      "facebook.net/en_US/fbevents.js defer></SCRIPT>"),
           "<SCRIPT type=\"text/plain\" data-category=\"marketing\" "
           "data-service=\"meta-pixel\" data-name=\"meta-pixel\" "
           "data-type='text/javascript' "
           "data-src=https://connect.facebook.net/en_US/fbevents.js defer>"
           "</SCRIPT>",
           "uppercase, quotes kept; type kept as data-type");

    is_str(rewrite(0, "<script type=module src=\"https://www.clarity.ms/t\">"
                      "</script>"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"clarity\" data-name=\"clarity\" data-type=module "
           "data-src=\"https://"
           "www.clarity.ms/t\"></script>",
           "module script blocked");

    is_str(rewrite(0, "<script data-src=\"x\" src=\"https://static.hotjar"
                      ".com/a.js\" src=\"/b.js\" data-type=\"y\" "
                      "data-category=\"z\"></script>"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"hotjar\" data-name=\"hotjar\" "
           "data-consent-orig-src=\"x\" data-src=\"https://static.hotjar.com/"
           "a.js\" data-consent-orig-type=\"y\" "
           "data-consent-orig-category=\"z\"></script>",
           "the page's own data-* of the rewrite kept as data-consent-orig-*, "
           "duplicate src dropped");

    is_str(rewrite(0, "<script src=\"https://www.google-analytics.com/"
                      "analytics.js?a=1&amp;b=2\"></script>"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" data-name=\"google-analytics\" "
           "data-src=\"https://www."
           "google-analytics.com/analytics.js?a=1&amp;b=2\"></script>",
           "URL with &amp; matches, raw value kept");

    is_str(rewrite(0, "<img src=\"https&#x3a;//www.facebook.com/tr?id=1\">"),
           "<img data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-name=\"meta-pixel\" "
           "data-src=\"https&#x3a;//www.facebook.com/tr?id=1\">",
           "numeric character reference decoded for matching");

    is_str(rewrite(0, "<img src=\" HTTPS://WWW.FACEBOOK.COM/tr\n?id=1 \">"),
           "<img data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-name=\"meta-pixel\" "
           "data-src=\" HTTPS://WWW.FACEBOOK.COM/tr\n?id=1 \">",
           "spaces, newline and host case do not hide a URL");

    is_str(rewrite(0, "<img src=\"//www.facebook.com/tr\">"
                      "<img src=\"https:\\\\www.facebook.com\\tr\">"
                      "<img src=\"https://u:p@www.facebook.com/tr\">"),
           "<img data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-name=\"meta-pixel\" "
           "data-src=\"//www.facebook.com/tr\">"
           "<img data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-name=\"meta-pixel\" "
           "data-src=\"https:\\\\www.facebook.com\\tr\">"
           "<img data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-name=\"meta-pixel\" "
           "data-src=\"https://u:p@www.facebook.com/tr\">",
           "scheme-relative, backslashes and userinfo normalized");

    is_str(rewrite(0, "<img src=\"/a.png\" srcset=\"/a.png 1x, https://i."
                      "ytimg.com/vi/x/hq.jpg 2x\" alt=\"\">"),
           "<img data-category=\"marketing\" data-service=\"youtube\" "
           "data-name=\"youtube\" src=\"/a.png\" data-srcset=\"/a.png 1x, "
           "https://i.ytimg.com/vi/x/hq.jpg 2x\" alt=\"\">",
           "img srcset candidate blocks srcset, a first-party src stays");

    is_str(rewrite(0, "<picture><source srcset=\"https://i.ytimg.com/a.webp"
                      "\" type=\"image/webp\"><img src=\"/f.jpg\"></picture>"),
           "<picture><source data-category=\"marketing\" data-service="
           "\"youtube\" data-name=\"youtube\" "
           "data-srcset=\"https://i.ytimg.com/a.webp\" type="
           "\"image/webp\"><img src=\"/f.jpg\"></picture>",
           "source srcset");

    is_str(rewrite(0, "<iframe width=560 src=\"https://www.youtube.com/embed"
                      "/x?rel=0\" allowfullscreen></iframe>"),
           "<iframe data-category=\"marketing\" data-service=\"youtube\" "
           "data-name=\"youtube\" "
           "width=560 data-src=\"https://www.youtube.com/embed/x?rel=0\" "
           "allowfullscreen></iframe>",
           "iframe");

    is_str(rewrite(0, "<embed src=\"https://www.youtube.com/embed/e\">"
                      "<video src=\"https://www.youtube.com/embed/v\">"
                      "<source src=\"https://i.ytimg.com/s.mp4\"></video>"
                      "<audio src=\"https://i.ytimg.com/a.mp3\"></audio>"),
           "<embed data-category=\"marketing\" data-service=\"youtube\" "
           "data-name=\"youtube\" "
           "data-src=\"https://www.youtube.com/embed/e\">"
           "<video data-category=\"marketing\" data-service=\"youtube\" "
           "data-name=\"youtube\" "
           "data-src=\"https://www.youtube.com/embed/v\">"
           "<source data-category=\"marketing\" data-service=\"youtube\" "
           "data-name=\"youtube\" "
           "data-src=\"https://i.ytimg.com/s.mp4\"></video>"
           "<audio data-category=\"marketing\" data-service=\"youtube\" "
           "data-name=\"youtube\" "
           "data-src=\"https://i.ytimg.com/a.mp3\"></audio>",
           "embed, video, source, audio");

    is_str(rewrite(0, "<link rel=preload href=\"https://www.googletagmanager"
                      ".com/gtm.js\" as=script><object data=\"https://www."
                      "youtube.com/embed/o\" type=\"text/html\"></object>"),
           "<link data-category=\"analytics\" data-service=\"google-"
           "analytics\" data-name=\"google-analytics\" rel=preload "
           "data-href=\"https://www.googletagmanager"
           ".com/gtm.js\" as=script><object data-category=\"marketing\" "
           "data-service=\"youtube\" data-name=\"youtube\" "
           "data-data=\"https://www.youtube.com/"
           "embed/o\" type=\"text/html\"></object>",
           "link href and object data");

    is_str(rewrite(0, "<img alt='a > b' src=\"https://www.facebook.com/tr\""
                      "/>"),
           "<img data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-name=\"meta-pixel\" "
           "alt='a > b' data-src=\"https://www.facebook.com/tr\"/>",
           "'>' in a quoted value; self-closing slash kept");

    is_str(rewrite(0, "<img src=/local.png><script src=\"/app.js\"></script>"
                      "<a href=\"https://www.facebook.com/tr\">x</a>"),
           "<img src=/local.png><script src=\"/app.js\"></script>"
           "<a href=\"https://www.facebook.com/tr\">x</a>",
           "other URLs and other elements untouched");

    is_str(rewrite(0, "<img src=\"https://fonts.example/x.png\">"),
           "<img data-category=\"preferences\" data-service=\"fonts\" "
           "data-name=\"fonts\" "
           "data-src=\"https://fonts.example/x.png\">",
           "preferences service blocked without consent");

    is_str(rewrite(preferences, "<img src=\"https://fonts.example/x.png\">"),
           "<img src=\"https://fonts.example/x.png\">",
           "preferences service loads with preferences granted");
}


static void
test_inline(void)
{
    consent_rewriter_conf_t  conf;
    unsigned                 ev;

    is_str(rewrite(0, "<script>gtag('js', new Date());</script>"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" "
           "data-name=\"google-analytics\">gtag('js', new Date());"
           "</script>",
           "inline script blocked");

    is_str(rewrite(0, "<script type=\"text/javascript\" nonce=n>fbq('init',"
                      " '1');</script >"),
           "<script type=\"text/plain\" data-category=\"marketing\" "
           "data-service=\"meta-pixel\" data-name=\"meta-pixel\" "
           "data-type=\"text/javascript\" "
           "nonce=n>fbq('init', '1');</script >",
           "inline with type: data-type");

    is_str(rewrite(analytics, "<script>gtag('js');</script>"),
           "<script>gtag('js');</script>", "inline granted: untouched");

    is_str(rewrite(0, "<script>var cart = 1;</script>"),
           "<script>var cart = 1;</script>", "inline without a match");

    is_str(rewrite(0, "<script type=\"application/ld+json\">{\"a\": "
                      "\"gtag(\"}</script>"
                      "<script type=\"importmap\">{\"fbq(\": 1}</script>"
                      "<script type=\"speculationrules\">gtag(</script>"
                      "<script type=\"text/template\"><script src=\"https://"
                      "connect.facebook.net/t.js\"></script>"
                      "<script type=\"text/vbscript\">gtag(</script>"
                      "<script type=\"application/ld+json\" src=\"https://"
                      "www.googletagmanager.com/gtag/js\"></script>"),
           "<script type=\"application/ld+json\">{\"a\": \"gtag(\"}</script>"
           "<script type=\"importmap\">{\"fbq(\": 1}</script>"
           "<script type=\"speculationrules\">gtag(</script>"
           "<script type=\"text/template\"><script src=\"https://"
           "connect.facebook.net/t.js\"></script>"
           "<script type=\"text/vbscript\">gtag(</script>"
           "<script type=\"application/ld+json\" src=\"https://"
           "www.googletagmanager.com/gtag/js\"></script>",
           "data blocks never touched");

    is_str(rewrite(0, "<script language=\"JavaScript\">gtag(1)</script>"
                      "<script language=\"vbscript\">gtag(1)</script>"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" data-name=\"google-analytics\" "
           "language=\"JavaScript\">"
           "gtag(1)</script><script language=\"vbscript\">gtag(1)</script>",
           "language attribute decides without type");

    is_str(rewrite(0, "<script type=\" Text/JavaScript; charset=utf-8\">"
                      "gtag(1)</script><script type=\"\">gtag(2)</script>"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" data-name=\"google-analytics\" "
           "data-type=\" Text/JavaScript;"
           " charset=utf-8\">gtag(1)</script><script type=\"text/plain\" "
           "data-category=\"analytics\" data-service=\"google-analytics\" "
           "data-name=\"google-analytics\" "
           "data-type=\"\">gtag(2)</script>",
           "JavaScript type with parameters and empty type");

    is_str(rewrite(0, "<script><!-- <script>gtag(1)</script> --></script>"
                      "<p>"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" "
           "data-name=\"google-analytics\"><!-- <script>gtag(1)</script>"
           " --></script><p>",
           "double-escaped script text is one script");

    is_str(rewrite(0, "<script>var a = \"</scr\" + \"ipt>\"; fbq(1);"
                      "</script>"),
           "<script type=\"text/plain\" data-category=\"marketing\" "
           "data-service=\"meta-pixel\" data-name=\"meta-pixel\">var a = "
           "\"</scr\" + \"ipt>\"; "
           "fbq(1);</script>",
           "split end tag string is script text");

    is_str(rewrite(0, "<script>gtag(1)"),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" "
           "data-name=\"google-analytics\">gtag(1)",
           "script open at the end of the document is matched");

    is_str(rewrite(0, "<svg><script>gtag(1)</script></svg>"),
           "<svg><script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" data-name=\"google-analytics\">"
           "gtag(1)</script></svg>",
           "an inline svg script is blocked like an HTML one");

    is_str(rewrite(0, "<noscript><img src=\"https://www.facebook.com/tr?"
                      "id=1\"/><iframe src=\"https://www.youtube.com/embed/x"
                      "\"></iframe><script>fbq(1)</script></noscript>"),
           "<noscript><img data-category=\"marketing\" data-service=\"meta-"
           "pixel\" data-name=\"meta-pixel\" data-src=\"https://www.facebook."
           "com/tr?id=1\"/><iframe "
           "data-category=\"marketing\" data-service=\"youtube\" "
           "data-name=\"youtube\" data-src="
           "\"https://www.youtube.com/embed/x\"></iframe><script>fbq(1)"
           "</script></noscript>",
           "noscript text rewritten as markup (browsers without scripting)");

    is_str(rewrite(0, "<noscript><!--</noscript><img src=\"https://www."
                      "facebook.com/tr\">--></noscript>"),
           "<noscript><!--</noscript><img data-category=\"marketing\" "
           "data-service=\"meta-pixel\" data-name=\"meta-pixel\" "
           "data-src=\"https://www.facebook.com"
           "/tr\">--></noscript>",
           "noscript ends at </noscript> as with scripting");

    is_str(rewrite(marketing, "<noscript><img src=\"https://www.facebook."
                              "com/tr\"></noscript>"),
           "<noscript><img src=\"https://www.facebook.com/tr\"></noscript>",
           "noscript with consent untouched");

    conf_init(&conf, 0);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    conf.inline_max = 8;
    is_str(rewrite_conf(&conf, "<noscript><img src=\"https://www.facebook."
                               "com/tr\"></noscript>", &ev),
           "<noscript><img data-category=\"marketing\" data-service=\"meta-"
           "pixel\" data-name=\"meta-pixel\" data-src=\"https://www.facebook."
           "com/tr\"></noscript>",
           "noscript text over inline_max is rewritten all the same");
    ok(!(ev & CONSENT_EV_INLINE_TOO_LONG), "noscript has no bound");

    is_str(rewrite_conf(&conf, "<script>gtag(1);</script>", &ev),
           "<script type=\"text/plain\" data-category=\"analytics\" "
           "data-service=\"google-analytics\" "
           "data-name=\"google-analytics\">gtag(1);</script>",
           "inline text of exactly inline_max is matched");
    ok(!(ev & CONSENT_EV_INLINE_TOO_LONG), "no inline event");

    is_str(rewrite_conf(&conf, "<script>gtag(12);</script>", &ev),
           "<script type=\"text/plain\" data-consent-overflow>gtag(12);"
           "</script>",
           "inline text over inline_max is made inert");
    ok(ev & CONSENT_EV_INLINE_TOO_LONG, "inline event");
}


static void
test_activation(void)
{
    unsigned                 ev;
    consent_rewriter_conf_t  conf;

    static const char  tagged[] =
        "<script type=\"text/plain\" data-category=\"analytics\" "
        "data-service=\"matomo\">_paq.push(1)</script>"
        "<script type=\"text/plain\" data-category=\"marketing\" "
        "data-type=\"module\" data-src=\"https://ads.example/t.js\" async>"
        "</script>"
        "<iframe data-category=\"marketing\" data-service=\"youtube\" "
        "data-src=\"https://www.youtube.com/embed/t\"></iframe>"
        "<img data-category=\"analytics\" data-srcset=\"/a.png 1x\">"
        "<link rel=stylesheet data-category=\"preferences\" data-href=\"/t"
        ".css\"><object data-category=\"marketing\" data-data=\"/o\">"
        "</object>";

    is_str(rewrite(0, tagged), tagged, "site-tagged markup stays inert");

    conf_init(&conf, analytics | marketing | preferences);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    is_str(rewrite_conf(&conf, tagged, &ev),
           "<script>_paq.push(1)</script>"
           "<script type=\"module\" src=\"https://ads.example/t.js\" async>"
           "</script>"
           "<iframe src=\"https://www.youtube.com/embed/t\"></iframe>"
           "<img srcset=\"/a.png 1x\">"
           "<link rel=stylesheet href=\"/t.css\"><object data=\"/o\">"
           "</object>",
           "site-tagged markup activated when granted, without markers");
    ok(ev & CONSENT_EV_ACTIVATED, "activated event");

    is_str(rewrite(analytics, "<script type=\"text/plain\" data-category="
                              "\"analytics\" src=\"/keep.js\" data-src=\"/x"
                              ".js\"></script>"),
           "<script src=\"/keep.js\" data-src=\"/x.js\"></script>",
           "activation keeps an existing src");

    is_str(rewrite(analytics | marketing,
                   "<script type=\"text/plain\" data-category=\"unknown\">"
                   "x</script><script type=\"text/plain\">gtag(1)</script>"),
           "<script type=\"text/plain\" data-category=\"unknown\">x</script>"
           "<script type=\"text/plain\">gtag(1)</script>",
           "unknown category and untagged text/plain untouched");
}


#define FB_MARK   "data-category=\"marketing\" data-service=\"meta-pixel\" " \
                  "data-name=\"meta-pixel\""
#define YT_MARK   "data-category=\"marketing\" data-service=\"youtube\" " \
                  "data-name=\"youtube\""
#define GA_MARK   "data-category=\"analytics\" data-service=\"google-" \
                  "analytics\" data-name=\"google-analytics\""

/* The loaders beyond src/href: each goes inert for a denied service. */
static void
test_loaders(void)
{
    is_str(rewrite(0, "<frameset><frame src=\"https://www.youtube.com/embed/"
                      "f\"></frameset>"),
           "<frameset><frame " YT_MARK " data-src=\"https://www.youtube.com"
           "/embed/f\"></frameset>",
           "frame src");

    is_str(rewrite(0, "<input type=image src=\"https://www.facebook.com/tr\">"
                      "<input type=image src=\"/go.png\">"),
           "<input " FB_MARK " type=image data-src=\"https://www.facebook."
           "com/tr\"><input type=image src=\"/go.png\">",
           "input type=image src");

    is_str(rewrite(0, "<video poster=\"https://i.ytimg.com/p.jpg\" src=\"/v."
                      "mp4\"></video>"),
           "<video " YT_MARK " data-poster=\"https://i.ytimg.com/p.jpg\" "
           "src=\"/v.mp4\"></video>",
           "video poster; a first-party src stays");

    is_str(rewrite(0, "<image src=\"https://www.facebook.com/tr\">"),
           "<image " FB_MARK " data-src=\"https://www.facebook.com/tr\">",
           "HTML <image> is read as <img>");

    is_str(rewrite(0, "<svg><image href=\"https://www.facebook.com/tr\"/>"
                      "<use xlink:href=\"https://www.facebook.com/tr#a\"/>"
                      "<filter><feImage HREF=\"https://www.facebook.com/tr\"/>"
                      "</filter><use href=\"#local\"/></svg>"),
           "<svg><image " FB_MARK " data-href=\"https://www.facebook.com/tr\""
           "/><use " FB_MARK " data-xlink-href=\"https://www.facebook.com/tr"
           "#a\"/><filter><feImage " FB_MARK " data-href=\"https://www."
           "facebook.com/tr\"/></filter><use href=\"#local\"/></svg>",
           "svg image, use and feImage href / xlink:href");

    is_str(rewrite(0, "<svg><script href=\"https://www.googletagmanager.com/"
                      "gtag/js\"></script><script xlink:href=\"/app.js\">"
                      "</script></svg>"),
           "<svg><script type=\"text/plain\" " GA_MARK " data-href=\"https://"
           "www.googletagmanager.com/gtag/js\"></script><script xlink:href="
           "\"/app.js\"></script></svg>",
           "svg script href blocked, first-party one kept");

    is_str(rewrite(0, "<svg><script>fbq&#40;1)</script><p>x</svg>"),
           "<svg><script type=\"text/plain\" " FB_MARK ">fbq&#40;1)</script>"
           "<p>x</svg>",
           "svg script text is matched with references decoded");

    is_str(rewrite(0, "<math><script>gtag(1)</script></math>"),
           "<math><script type=\"text/plain\" " GA_MARK ">gtag(1)</script>"
           "</math>",
           "math script: blocked too (harmless)");

    is_str(rewrite(0, "<table background=\"https://www.facebook.com/tr\">"
                      "<td background=/cell.png>"),
           "<table " FB_MARK " data-background=\"https://www.facebook.com/tr"
           "\"><td background=/cell.png>",
           "background attribute");

    is_str(rewrite(0, "<a href=/x ping=\"/count https://www.facebook.com/tr"
                      "\">x</a><area ping=/p href=/y>"),
           "<a " FB_MARK " href=/x data-ping=\"/count https://www.facebook."
           "com/tr\">x</a><area ping=/p href=/y>",
           "a ping with a tracker URL; a first-party ping stays");

    is_str(rewrite(0, "<meta http-equiv=\"Refresh\" content=\"0; URL='https:"
                      "//www.facebook.com/tr'\"><meta http-equiv=refresh "
                      "content=\"5;url=/next\"><meta name=x content=\"https:"
                      "//www.facebook.com/tr\">"),
           "<meta " FB_MARK " http-equiv=\"Refresh\" data-content=\"0; URL="
           "'https://www.facebook.com/tr'\"><meta http-equiv=refresh content"
           "=\"5;url=/next\"><meta name=x content=\"https://www.facebook.com"
           "/tr\">",
           "meta refresh to a tracker; others untouched");

    is_str(rewrite(0, "<meta http-equiv=\"&#114;efresh\" content=\"0,https:"
                      "//www.facebook.com/tr\">"),
           "<meta " FB_MARK " http-equiv=\"&#114;efresh\" data-content=\"0,"
           "https://www.facebook.com/tr\">",
           "http-equiv compared decoded");

    is_str(rewrite(0, "<div style=\"color:red; background: URL( 'https://www"
                      ".facebook.com/tr' )\">x</div><p style=\"background:url"
                      "(/a.png)\">"),
           "<div " FB_MARK " data-style=\"color:red; background: URL( 'https:"
           "//www.facebook.com/tr' )\">x</div><p style=\"background:url(/a.png"
           ")\">",
           "style attribute url() on any element");

    is_str(rewrite(0, "<span style=\"b:u\\72 l(https://www.facebook.com/tr)"
                      "\"></span><b style='x:image-set(&quot;https://i.ytimg."
                      "com/a.jpg&quot; 1x)'>"),
           "<span " FB_MARK " data-style=\"b:u\\72 l(https://www.facebook.com"
           "/tr)\"></span><b " YT_MARK " data-style='x:image-set(&quot;https:"
           "//i.ytimg.com/a.jpg&quot; 1x)'>",
           "CSS escapes in url, strings in image-set, character references");

    is_str(rewrite(0, "<style>@import \"https://fonts.example/a.css\"; p{}"
                      "</style><style>p{background:url(/x.png)}</style>"),
           "<style type=\"text/plain\" data-category=\"preferences\" data-"
           "service=\"fonts\" data-name=\"fonts\">@media not all{}@import "
           "\"https://fonts.example/a.css\"; p{}</style><style>p{background:"
           "url(/x.png)}</style>",
           "style element with @import of a tracker goes type=text/plain, "
           "after a rule that no preload scanner reads past");

    is_str(rewrite(0, "<style type=\"text/less\">@import \"https://fonts."
                      "example/a.css\";</style>"),
           "<style type=\"text/less\">@import \"https://fonts.example/a.css"
           "\";</style>",
           "a style that is not CSS is not touched");

    is_str(rewrite(0, "<div style=\"a:\\\nb\\\"></div><p style=\"\\\">"),
           "<div style=\"a:\\\nb\\\"></div><p style=\"\\\">",
           "a backslash before a newline or at the end of CSS");

    is_str(rewrite(0, "<style>/* url(https://www.facebook.com/tr) */ "
                      "a{}</style>"),
           "<style>/* url(https://www.facebook.com/tr) */ a{}</style>",
           "CSS comments do not load");

    is_str(rewrite(0, "<iframe srcdoc=\"&lt;script src=&quot;https://www."
                      "googletagmanager.com/gtag/js&quot;&gt;&lt;/script&gt;"
                      "\"></iframe><iframe srcdoc=\"&lt;p&gt;hi\"></iframe>"),
           "<iframe " GA_MARK " data-srcdoc=\"&lt;script src=&quot;https://"
           "www.googletagmanager.com/gtag/js&quot;&gt;&lt;/script&gt;\">"
           "</iframe><iframe srcdoc=\"&lt;p&gt;hi\"></iframe>",
           "iframe srcdoc holding a tracker goes inert; a plain one stays");

    is_str(rewrite(0, "<iframe srcdoc=\"<script>gtag(1)</script>\">"
                      "</iframe>"),
           "<iframe " GA_MARK " data-srcdoc=\"<script>gtag(1)</script>\">"
           "</iframe>",
           "srcdoc with an inline tracker");

    is_str(rewrite(0, "<iframe srcdoc=\"<img src=https://www.facebook.com/tr>"
                      "<script>gtag(1)</script>\"></iframe>"),
           "<iframe data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-name=\"meta-pixel\" data-consent-requires=\"analytics\" "
           "data-srcdoc=\"<img src=https://www.facebook.com/tr><script>gtag"
           "(1)</script>\"></iframe>",
           "every denied category of an element is required");

    is_str(rewrite(marketing | analytics,
                   "<iframe srcdoc=\"<script>gtag(1)</script>\"></iframe>"),
           "<iframe srcdoc=\"<script>gtag(1)</script>\"></iframe>",
           "srcdoc untouched with consent");

    is_str(rewrite(marketing, "<link rel=preload as=image imagesrcset=\"https"
                              "://fonts.example/a.png 1x\">"),
           "<link data-category=\"preferences\" data-service=\"fonts\" "
           "data-name=\"fonts\" rel=preload as=image data-imagesrcset=\""
           "https://fonts.example/a.png 1x\">",
           "link imagesrcset");

    is_str(rewrite(0, "<img srcset=\"https://fonts.example/a.png 1x, https://"
                      "www.facebook.com/tr 2x\">"),
           "<img data-category=\"preferences\" data-service=\"fonts\" "
           "data-name=\"fonts\" data-consent-requires=\"marketing\" "
           "data-srcset=\"https://fonts.example/a.png 1x, https://www."
           "facebook.com/tr 2x\">",
           "every srcset candidate is read");
}


/* Values are decided on after character references are decoded. */
static void
test_decoded(void)
{
    is_str(rewrite(0, "<script type=\"text&#47;javascript\">gtag(1)</script>"),
           "<script type=\"text/plain\" " GA_MARK " data-type=\"text&#47;"
           "javascript\">gtag(1)</script>",
           "type=\"text&#47;javascript\" is JavaScript");

    is_str(rewrite(0, "<script type=\"application&sol;ld+json\">{\"gtag(\":1}"
                      "</script>"),
           "<script type=\"application&sol;ld+json\">{\"gtag(\":1}</script>",
           "a decoded data block type stays a data block");

    is_str(rewrite(analytics, "<script type=\"text&#x2F;plain\" data-category"
                              "=\"analytics\" data-src=\"/a.js\"></script>"),
           "<script src=\"/a.js\"></script>",
           "text/plain recognised decoded");

    is_str(rewrite(0, "<script src=\"https:&#x2F;&#x2F;www.googletagmanager"
                      "&period;com/gtag/js\"></script>"),
           "<script type=\"text/plain\" " GA_MARK " data-src=\"https:&#x2F;"
           "&#x2F;www.googletagmanager&period;com/gtag/js\"></script>",
           "URL with named and numeric references");
}


/* <base href> decides where relative URLs go. */
static void
test_base(void)
{
    is_str(rewrite(0, "<base href=\"https://www.facebook.com\"><img src=\"tr"
                      "?x=1\"><img src=\"//cdn.example/tr\"><img "
                      "src=\"/tr\">"),
           "<base href=\"https://www.facebook.com\"><img " FB_MARK " data-src"
           "=\"tr?x=1\"><img src=\"//cdn.example/tr\"><img " FB_MARK " data-"
           "src=\"/tr\">",
           "relative URLs resolve against the base");

    is_str(rewrite(0, "<base href=\"https://www.facebook.com/a/b?q#f\">"
                      "<img src=\"?tr\"><img src=\"#tr\"><img src=\"tr\">"
                      "<img src=\"\\tr\">"),
           "<base href=\"https://www.facebook.com/a/b?q#f\"><img src=\"?tr\">"
           "<img src=\"#tr\"><img src=\"tr\"><img " FB_MARK " data-src=\"\\"
           "tr\">",
           "queries, fragments and paths resolve as browsers do");

    is_str(rewrite(0, "<base href=\"https://connect.facebook.net/en_US/\">"
                      "<script src=\"fbevents.js\"></script>"),
           "<base " FB_MARK " data-href=\"https://connect.facebook.net/en_US/"
           "\"><script src=\"fbevents.js\"></script>",
           "a base on a tracker is itself neutralised: relative URLs stay "
           "first party");

    is_str(rewrite(0, "<base href=\"/shop/\"><base href=\"https://www."
                      "facebook.com/\"><img src=\"tr\">"),
           "<base href=\"/shop/\"><base href=\"https://www.facebook.com/\">"
           "<img src=\"tr\">",
           "only the first base counts");

    is_str(rewrite(0, "<base href=\" /\t/www.facebook.com\"><img src=\"tr\">"),
           "<base href=\" /\t/www.facebook.com\"><img " FB_MARK " data-src="
           "\"tr\">",
           "a scheme-relative base with a space and a tab");

    is_str(rewrite(0, "<base href=\"//www.facebook.com/\"><img src=\"tr\">"),
           "<base href=\"//www.facebook.com/\"><img " FB_MARK " data-src=\"tr"
           "\">",
           "a scheme-relative base");

    is_str(rewrite(0, "<base href=\"https://cdn.example/x/\"><img src=\"/\t/"
                      "www.facebook.com/tr\">"),
           "<base href=\"https://cdn.example/x/\"><img " FB_MARK " data-src="
           "\"/\t/www.facebook.com/tr\">",
           "a tab inside \"//\" does not hide a scheme-relative URL");

    is_str(rewrite(0, "<base href=\"https://cdn.example/x/\"><img src=\"/a."
                      "png\"><img srcset=\"b.png 1x\">"),
           "<base href=\"https://cdn.example/x/\"><img src=\"/a.png\"><img "
           "srcset=\"b.png 1x\">",
           "a base on another host: its relative URLs are not trackers");

    is_str(rewrite(0, "<svg><base href=\"https://www.facebook.com/\"></svg>"
                      "<img src=\"tr\">"),
           "<svg><base href=\"https://www.facebook.com/\"></svg><img src=\""
           "tr\">",
           "an svg base element is no base");
}


/* The response marker, and markup tagged by the site or in Klaro style. */
static void
test_marker(void)
{
    consent_rewriter_conf_t  conf;

    conf_init(&conf, 0);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    conf.marker.p = (const unsigned char *) "c0ffee";
    conf.marker.len = 6;

    is_str(rewrite_conf(&conf, "<img data-consent=\"forged\" src=\"https://"
                        "www.facebook.com/tr\">", NULL),
           "<img " FB_MARK " data-consent=\"c0ffee\" data-src=\"https://www."
           "facebook.com/tr\">",
           "blocked elements carry the response marker, a forged one "
           "dropped");

    is_str(rewrite_conf(&conf, "<script type=\"text/plain\" data-category="
                        "\"analytics\" data-src=\"/a.js\"></script><img "
                        "data-src=\"javascript:alert(1)\" data-consent=x>",
                        NULL),
           "<script data-consent=\"c0ffee\" type=\"text/plain\" data-category"
           "=\"analytics\" data-src=\"/a.js\"></script><img data-src=\""
           "javascript:alert(1)\" data-consent=x>",
           "site-tagged inert markup is marked; untagged data-src is not");

    is_str(rewrite_conf(&conf, "<script type=\"text/plain\" data-type=\"text/"
                        "javascript\" data-name=\"Google Analytics\" data-src"
                        "=\"/ga.js\"></script><iframe data-name=\"youtube\" "
                        "data-src=\"https://www.youtube.com/embed/k\"></ifram"
                        "e>"
                        "<img data-name=\"nobody\" "
                        "data-src=\"/x.png\">", NULL),
           "<script data-category=\"analytics\" data-service=\"google-"
           "analytics\" data-consent=\"c0ffee\" type=\"text/plain\" data-type"
           "=\"text/javascript\" data-name=\"Google Analytics\" data-src=\"/ga"
           ".js\"></script><iframe data-category=\"marketing\" data-service="
           "\"youtube\" data-consent=\"c0ffee\" data-name=\"youtube\" data-src"
           "=\"https://www.youtube.com/embed/k\"></iframe><img data-name=\""
           "nobody\" data-src=\"/x.png\">",
           "Klaro data-name by id or name: category written for consent.js");

    conf_init(&conf, analytics | marketing);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    conf.marker.p = (const unsigned char *) "c0ffee";
    conf.marker.len = 6;

    is_str(rewrite_conf(&conf, "<script type=\"text/plain\" data-type=\"text/"
                        "javascript\" data-name=\"google analytics\" data-src"
                        "=\"/ga.js\" data-consent=\"c0ffee\"></script><iframe "
                        "data-name=\"youtube\" data-src=\"https://www.youtube."
                        "com/embed/k\" class=v></iframe>", NULL),
           "<script type=\"text/javascript\" src=\"/ga.js\"></script><iframe "
           "src=\"https://www.youtube.com/embed/k\" class=v></iframe>",
           "Klaro markup activated when granted, every marker removed");

    is_str(rewrite_conf(&conf, "<img data-category=\"analytics\" data-src=\""
                        "javascript:alert(1)\"><iframe "
                        "data-category=\"marketing"
                        "\" data-src=\" JAVA&#9;SCRIPT:x\"></iframe><script "
                        "type=\"text/plain\" data-category=\"analytics\" "
                        "data-src=\"data:text/javascript,alert(1)\"></script>",
                        NULL),
           "<img data-category=\"analytics\" data-src=\"javascript:alert(1)\">"
           "<iframe data-category=\"marketing\" data-src=\" JAVA&#9;SCRIPT:x"
           "\"></iframe><script type=\"text/plain\" data-category=\"analytics"
           "\" data-src=\"data:text/javascript,alert(1)\"></script>",
           "only http(s) and relative URLs are ever activated");

    is_str(rewrite_conf(&conf, "<img data-category=\"analytics\" data-src=\""
                        "https://fonts.example/a.png\">", NULL),
           "<img data-category=\"analytics\" data-src=\"https://fonts.example"
           "/a.png\">",
           "a tagged URL of another, denied service stays inert");

    is_str(rewrite_conf(&conf, "<div data-category=\"analytics\" data-style=\""
                        "background:url(/a.png)\" class=a></div>", NULL),
           "<div style=\"background:url(/a.png)\" class=a></div>",
           "tagged style activated");
}


static void
test_injection(void)
{
    unsigned                 ev;
    consent_rewriter_conf_t  conf;

    is_str(inject("<!DOCTYPE html><html><head><title>t</title></head>"
                  "<body class=a><p>x</p></body></html>"),
           "<!DOCTYPE html><html><head>[HS]<title>t</title>[HE]</head>"
           "<body class=a>[BS]<p>x</p></body></html>",
           "head start, head end, body start");

    is_str(inject("<HTML><HEAD lang=en><TITLE>t</TITLE></HEAD><BODY>x"),
           "<HTML><HEAD lang=en>[HS]<TITLE>t</TITLE>[HE]</HEAD><BODY>[BS]x",
           "uppercase tags");

    is_str(inject("<html><body><p>x</p></body></html>"),
           "<html>[HS][HE]<body>[BS]<p>x</p></body></html>",
           "no head: head parts before <body>");

    is_str(inject("<head><title>t</title><body>x"),
           "<head>[HS]<title>t</title>[HE]<body>[BS]x",
           "no </head>: head end before <body>");

    is_str(inject("<p>fragment</p>"),
           "<p>fragment</p>[HS][HE][BS]", "no head, no body: at the end");

    is_str(inject("<head></head><p>no body"),
           "<head>[HS][HE]</head><p>no body[BS]", "no body: body at the end");

    is_str(inject("<!-- <head> <body> --><title><body></title>"
                  "<script>'<body>'</script><textarea></head></textarea>"
                  "<body>x"),
           "<!-- <head> <body> --><title><body></title>"
           "<script>'<body>'</script><textarea></head></textarea>"
           "[HS][HE]<body>[BS]x",
           "tags in comments, RCDATA and script text do not count");

    is_str(inject("<body>a<body>b<head>c</head>"),
           "[HS][HE]<body>[BS]a<body>b<head>c</head>",
           "only the first body counts; head after body ignored");

    is_str(inject("<head><head></head></head><body>"),
           "<head>[HS]<head>[HE]</head></head><body>[BS]",
           "only the first head and </head>");

    conf_init(&conf, 0);
    rewrite_conf(&conf, "<body>", &ev);
    ok(ev & CONSENT_EV_INJECTED, "injected event");

    conf_init(&conf, 0);
    conf.body_start.len = 0;
    is_str(rewrite_conf(&conf, "<body>", &ev), "[HS][HE]<body>",
           "empty parts are skipped");
    ok(!(ev & CONSENT_EV_INJECTED), "no injected event without body_start");
}


static void
test_bounds(void)
{
    char                    *in, *want;
    size_t                   n;
    unsigned                 ev;
    const char              *got;
    consent_rewriter_conf_t  conf;

    n = 17000;
    in = malloc(2 * n + 400);
    want = malloc(2 * n + 400);
    if (in == NULL || want == NULL) {
        ok(0, "allocation");
        free(in);
        free(want);
        return;
    }

    conf_init(&conf, 0);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;

    sprintf(in, "<img src=\"https://www.facebook.com/tr\" title=\"%*s\">"
                "<script title=\"%*s\">gtag(1)</script>",
            (int) n, "", (int) n, "");
    got = rewrite_conf(&conf, in, &ev);
    is_str(got, "<img data-consent-overflow><script type=\"text/plain\" "
           "data-consent-overflow>gtag(1)</script>",
           "a loader tag over 16 KB becomes an inert placeholder");
    ok(ev & CONSENT_EV_TAG_TOO_LONG, "tag too long event");

    sprintf(in, "<div title=\"%*s\" style=\"background:url(https://www."
                "facebook.com/tr)\">", (int) n, "");
    is_str(rewrite_conf(&conf, in, &ev), in,
           "another element's tag over 16 KB passes");
    ok(ev & CONSENT_EV_STYLE_UNREAD, "style unread event");

    conf.inline_max = 3;
    is_str(rewrite_conf(&conf, "<svg><script type=module>gtag(1)</script>"
                        "</svg>", &ev),
           "<svg><script type=\"text/plain\" data-consent-overflow "
           "data-type=module>gtag(1)</script></svg>",
           "svg script text over inline_max made inert");
    ok(ev & CONSENT_EV_INLINE_TOO_LONG, "inline event");

    conf.inline_max = 8;
    is_str(rewrite_conf(&conf, "<style media=print>@import 'https://fonts."
                        "example/a.css'; a{b:url( https://www.facebook.com/tr"
                        " )} c{d:url(/e.png)} /* url(https://i.ytimg.com/x) "
                        "*/ f{g:u\\72l(\\68ttps://i.ytimg.com/y)}</style>",
                        &ev),
           "<style media=print>@import 'about:invalid#https://fonts.example/"
           "a.css'; a{b:url( about:invalid#https://www.facebook.com/tr )} c{d:"
           "url(/e.png)} /* url(https://i.ytimg.com/x) */ f{g:u\\72l("
           "about:invalid#\\68ttps://i.ytimg.com/y)}</style>",
           "a style over inline_max streams: its tracker URLs made inert in "
           "place");
    ok(ev == CONSENT_EV_BLOCKED, "a long style is read whole: no bound event");

    is_str(rewrite_conf(&conf, "<svg><style>a{b:url(https://www.facebook.com"
                        "/tr)}</style></svg>", &ev),
           "<svg><style>a{b:url(about:invalid#https://www.facebook.com/tr)}"
           "</style></svg>",
           "a long svg style too");
    conf.inline_max = 65536;

    sprintf(in, "<img src=\"https://www.facebook.com/tr\" title=\"%*s\">",
            16000, "");
    sprintf(want, "<img data-category=\"marketing\" data-service=\"meta-"
                  "pixel\" data-name=\"meta-pixel\" data-src=\"https://www."
                  "facebook.com/tr\" title=\"%*s\">", 16000, "");
    is_str(rewrite_conf(&conf, in, &ev), want, "a 16 000 byte tag is "
           "rewritten");
    ok(!(ev & CONSENT_EV_TAG_TOO_LONG), "no tag event");

    free(in);
    free(want);
}


static int
held_emit(void *data, const unsigned char *p, size_t len, int from_input)
{
    (void) data;
    (void) p;
    (void) len;
    (void) from_input;
    return 0;
}


static int
failing_emit(void *data, const unsigned char *p, size_t len, int from_input)
{
    (void) data;
    (void) p;
    (void) len;
    (void) from_input;
    return -1;
}


static void
test_held(void)
{
    consent_rewriter_t      *rw;
    consent_rewriter_conf_t  conf;

    conf_init(&conf, 0);
    conf.emit = held_emit;
    rw = consent_rewriter_create(&conf);
    ok(rw != NULL, "create");
    if (rw == NULL) {
        return;
    }

    consent_rewriter_feed(rw, (const unsigned char *) "text <scr", 9, 0);
    is_int(consent_rewriter_held(rw), 4, "unfinished tag held");
    consent_rewriter_feed(rw, (const unsigned char *) "ipt>gtag(", 9, 0);
    is_int(consent_rewriter_held(rw), 13, "inline script held");
    consent_rewriter_feed(rw, (const unsigned char *) "1)</script><p>", 14, 0);
    is_int(consent_rewriter_held(rw), 0, "nothing held after the script");
    consent_rewriter_feed(rw, (const unsigned char *) "<div class=\"a", 13, 0);
    is_int(consent_rewriter_held(rw), 13,
           "a div is held while style attributes are read");
    is_int(consent_rewriter_feed(rw, NULL, 0, 1), 0, "last");
    consent_rewriter_destroy(rw);

    conf_init(&conf, analytics | marketing | preferences);
    conf.emit = held_emit;
    rw = consent_rewriter_create(&conf);
    ok(rw != NULL, "create");
    if (rw == NULL) {
        return;
    }
    consent_rewriter_feed(rw, (const unsigned char *) "<div class=\"a", 13, 0);
    is_int(consent_rewriter_held(rw), 0,
           "with every category granted a div is not held");
    is_int(consent_rewriter_feed(rw, NULL, 0, 1), 0, "last");
    consent_rewriter_destroy(rw);

    conf.emit = failing_emit;
    rw = consent_rewriter_create(&conf);
    ok(rw != NULL, "create");
    if (rw == NULL) {
        return;
    }
    is_int(consent_rewriter_feed(rw, (const unsigned char *) "<p>", 3, 1), -1,
           "an emit error aborts the feed");
    is_int(consent_rewriter_feed(rw, (const unsigned char *) "<p>", 3, 1), -1,
           "and the rewriter stays failed");
    consent_rewriter_destroy(rw);
}


/*
 * A stand-in for the renderer: "[F<number>:<service>:<width>x<height>]"
 * for a placeholder, "[A...]" for the anchor of a live frame, "{form
 * <number>:<service>}" for a placeholder's form.
 */
static int
frame_stub(void *data, const consent_frame_t *f, consent_write_pt write,
    void *sink)
{
    int   n;
    char  buf[128];

    (void) data;
    if (f->form) {
        n = snprintf(buf, sizeof(buf), "{form %u:%s}", f->number,
                     policy->services[f->service].id);
    } else {
        n = snprintf(buf, sizeof(buf), "[%s%u:%s:%ux%u]",
                     f->live ? "A" : "F", f->number,
                     policy->services[f->service].id, f->width, f->height);
    }

    return write(sink, buf, (size_t) n);
}


static const char *
frames(consent_mask_t granted, const char *in)
{
    consent_rewriter_conf_t  conf;

    conf_init(&conf, granted);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    conf.placeholder = frame_stub;

    return rewrite_conf(&conf, in, NULL);
}


/* Split invariance of one input under one configuration. */
static unsigned  split_runs, split_fail;

static int
split_check(consent_rewriter_conf_t *conf, const unsigned char *in,
    size_t len, int every_point, unsigned seed)
{
    int             same;
    size_t          i, whole_len, ncuts, *cuts;
    unsigned char  *whole;

    whole = rw_run(conf, in, len, NULL, 0, &whole_len, NULL);
    if (whole == NULL) {
        split_fail++;
        return 0;
    }

    cuts = malloc((len + 1) * sizeof(size_t));
    if (cuts == NULL) {
        free(whole);
        split_fail++;
        return 0;
    }

    same = 1;

    /* every split point into two buffers */
    for (i = 1; every_point && i < len && same; i++) {
        cuts[0] = i;
        same = rw_same(conf, in, len, cuts, 1, whole, whole_len);
        if (!same) {
            diag("split at %zu differs", i);
        }
        split_runs++;
    }

    /* 1-byte buffers */
    for (i = 1; i < len; i++) {
        cuts[i - 1] = i;
    }
    if (!rw_same(conf, in, len, cuts, len ? len - 1 : 0, whole, whole_len)) {
        diag("1-byte buffers differ");
        same = 0;
    }
    split_runs++;

    /* random splits */
    srand(seed);
    for (i = 0; i < 8 && same; i++) {
        size_t at = 0;
        ncuts = 0;
        while (len > 1) {
            at += 1 + (size_t) rand() % (i < 4 ? 7 : 4096);
            if (at >= len) {
                break;
            }
            cuts[ncuts++] = at;
        }
        same = rw_same(conf, in, len, cuts, ncuts, whole, whole_len);
        if (!same) {
            diag("random split %zu differs", i);
        }
        split_runs++;
    }

    free(cuts);
    free(whole);

    if (!same) {
        split_fail++;
    }

    return same;
}


#define YT_SRC  "https://www.youtube.com/embed/v"

/*
 * Blocked frames a visitor sees get a placeholder right before them, with
 * the frame's size; hidden and pixel frames, other elements, granted
 * services and unknown third parties do not.
 */
static void
test_placeholders(void)
{
    char                    *in;
    const char              *got;
    consent_rewriter_conf_t  conf;

    is_str(frames(0, "<p><iframe src=\"" YT_SRC "\" width=\"560\" height=315>"
                     "</iframe></p>"),
           "<p>[F1:youtube:560x315]<iframe " YT_MARK " data-src=\"" YT_SRC
           "\" width=\"560\" height=315></iframe></p>{form 1:youtube}",
           "placeholder: before the inert iframe, with its size; its form "
           "at the end of the document");

    is_str(frames(0, "<iframe src=" YT_SRC "></iframe><embed src=" YT_SRC
                     " width=400px height=\"300.5\"><object data=" YT_SRC
                     " width=100% height=&#51;00></object>"),
           "[F1:youtube:0x0]<iframe " YT_MARK " data-src=" YT_SRC "></iframe>"
           "[F2:youtube:400x300]<embed " YT_MARK " data-src=" YT_SRC
           " width=400px height=\"300.5\">[F3:youtube:0x300]<object " YT_MARK
           " data-data=" YT_SRC " width=100% height=&#51;00></object>"
           "{form 1:youtube}{form 2:youtube}{form 3:youtube}",
           "placeholder: no size given, pixels, fractions, percentages, "
           "character references; numbered in the response");

    is_str(frames(0, "<iframe src=" YT_SRC " style=\"border:0; WIDTH : 320px"
                     ";height:180px\"></iframe><iframe src=" YT_SRC
                     " style=\"max-width:9px;width:100vw;height:50%\">"),
           "[F1:youtube:320x180]<iframe " YT_MARK " data-src=" YT_SRC
           " style=\"border:0; WIDTH : 320px;height:180px\"></iframe>"
           "[F2:youtube:0x0]<iframe " YT_MARK " data-src=" YT_SRC
           " style=\"max-width:9px;width:100vw;height:50%\">"
           "{form 1:youtube}{form 2:youtube}",
           "placeholder: the size of a trivial style, in px only");

    is_str(frames(0, "<iframe src=" YT_SRC " width=1 height=1></iframe>"
                     "<iframe src=" YT_SRC " width=0></iframe>"
                     "<iframe src=" YT_SRC " height=\" 2\"></iframe>"
                     "<iframe src=" YT_SRC " hidden></iframe>"
                     "<iframe src=" YT_SRC " style=\"display: none\">"
                     "</iframe><iframe src=" YT_SRC " style=\"visibility:"
                     "HIDDEN\"></iframe><iframe src=" YT_SRC " style=\"width:"
                     "0\"></iframe>"),
           "<iframe " YT_MARK " data-src=" YT_SRC " width=1 height=1></iframe>"
           "<iframe " YT_MARK " data-src=" YT_SRC " width=0></iframe>"
           "<iframe " YT_MARK " data-src=" YT_SRC " height=\" 2\"></iframe>"
           "<iframe " YT_MARK " data-src=" YT_SRC " hidden></iframe>"
           "<iframe " YT_MARK " data-src=" YT_SRC " style=\"display: none\">"
           "</iframe><iframe " YT_MARK " data-src=" YT_SRC " style=\"visi"
           "bility:HIDDEN\"></iframe><iframe " YT_MARK " data-src=" YT_SRC
           " style=\"width:0\"></iframe>",
           "no placeholder: pixel-sized and hidden frames");

    is_str(frames(marketing, "<iframe src=" YT_SRC " width=560 height=315>"
                             "</iframe><iframe src=" YT_SRC " width=1 "
                             "height=1></iframe><iframe src=/own width=560>"
                             "</iframe><iframe src=https://www.googletag"
                             "manager.com/ns.html width=560></iframe>"),
           "[A1:youtube:560x315]<iframe src=" YT_SRC " width=560 height=315>"
           "</iframe><iframe src=" YT_SRC " width=1 height=1></iframe><iframe "
           "src=/own width=560></iframe>[F2:google-analytics:560x0]<iframe "
           GA_MARK " data-src=https://www.googletagmanager.com/ns.html "
           "width=560></iframe>{form 2:google-analytics}",
           "the service granted: only the anchor, numbered with the "
           "blocked ones; none for pixels and first-party frames");

    is_str(frames(analytics | marketing | preferences,
                  "<iframe src=" YT_SRC " width=560 height=315></iframe>"),
           "<iframe src=" YT_SRC " width=560 height=315></iframe>",
           "everything granted: frames are not read, no anchor");

    is_str(frames(0, "<img src=https://i.ytimg.com/x.jpg width=560 height=315>"
                     "<script src=https://www.googletagmanager.com/gtag/js>"
                     "</script><video src=https://i.ytimg.com/v.mp4 width=560>"
                     "<svg><iframe src=" YT_SRC " style=\"background:url("
                     "https://www.facebook.com/tr)\"></iframe></svg>"),
           "<img " YT_MARK " data-src=https://i.ytimg.com/x.jpg width=560 "
           "height=315><script type=\"text/plain\" " GA_MARK " data-src="
           "https://www.googletagmanager.com/gtag/js></script><video " YT_MARK
           " data-src=https://i.ytimg.com/v.mp4 width=560><svg><iframe " FB_MARK
           " src=" YT_SRC " data-style=\"background:url(https://www.facebook."
           "com/tr)\"></iframe></svg>",
           "no placeholder: images, scripts, media, an svg iframe");

    is_str(frames(0, "<noscript><iframe src=" YT_SRC " width=560 height=315>"
                     "</iframe></noscript><iframe src=" YT_SRC " width=560 "
                     "height=315></iframe>"),
           "<noscript>[F1:youtube:560x315]<iframe " YT_MARK " data-src="
           YT_SRC " width=560 height=315></iframe>{form 1:youtube}</noscript>"
           "[F2:youtube:560x315]<iframe " YT_MARK " data-src=" YT_SRC
           " width=560 height=315></iframe>{form 2:youtube}",
           "placeholder in a noscript (shown without script), numbered "
           "with the document");

    is_str(frames(0, "<iframe width=300 height=200 srcdoc=\"<iframe src=&quot;"
                     YT_SRC "&quot; width=9 height=9></iframe>\"></iframe>"
                     "<iframe src=" YT_SRC "></iframe>"),
           "[F1:youtube:300x200]<iframe " YT_MARK " width=300 height=200 "
           "data-srcdoc=\"<iframe src=&quot;" YT_SRC "&quot; width=9 height=9>"
           "</iframe>\"></iframe>[F2:youtube:0x0]<iframe " YT_MARK " data-src="
           YT_SRC "></iframe>{form 1:youtube}{form 2:youtube}",
           "a srcdoc frame gets one placeholder, none for the frames in it");

    conf_init(&conf, 0);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    conf.placeholder = frame_stub;
    conf.block_unknown = 1;
    conf.unknown_category = (unsigned) consent_policy_category(policy,
                                                               "marketing", 9);
    is_str(rewrite_conf(&conf, "<iframe src=https://maps.example/e width=600 "
                               "height=450></iframe>", NULL),
           "<iframe data-category=\"marketing\" data-service=\"unknown\" "
           "data-name=\"unknown\" data-src=https://maps.example/e width=600 "
           "height=450></iframe>",
           "no placeholder: an unknown third party (no service to allow)");

    /* a loader's start tag over the bound: the bare inert element only */
    in = malloc(20000);
    if (in != NULL) {
        memset(in, 'a', 20000);
        memcpy(in, "<iframe src=" YT_SRC " title=\"",
               sizeof("<iframe src=" YT_SRC " title=\"") - 1);
        memcpy(in + 19990, "\"></ifram", 10);
        in[19999] = '\0';
        got = frames(0, in);
        is_str(got, "<iframe data-consent-overflow></ifram",
               "no placeholder: a frame's over-long start tag");
        free(in);
    }

    /* the output with placeholders for every split of the input */
    conf_init(&conf, 0);
    conf.placeholder = frame_stub;
    conf.marker.p = (const unsigned char *) "m";
    conf.marker.len = 1;
    split_runs = split_fail = 0;
    in = "<body><p><iframe src=\"" YT_SRC "\" width=560 height=315></iframe>"
         "<noscript><iframe src=" YT_SRC " style=\"width:9px\"></iframe>"
         "</noscript><embed src=" YT_SRC " hidden><iframe srcdoc=\"<iframe "
         "src=&quot;" YT_SRC "&quot;></iframe>\">";
    split_check(&conf, (const unsigned char *) in, strlen(in), 1, 21);
    ok(split_fail == 0, "placeholders: split invariant (%u runs)",
       split_runs);
}


/*
 * The page's own attributes of the names the module writes survive: kept as
 * data-consent-orig-* while inert, put back exactly on activation.
 */
static void
test_page_attributes(void)
{
    size_t                   i;
    unsigned                 seed;
    char                    *blocked;
    consent_rewriter_conf_t  conf;

    static const char  *own[] = {
        "<script type=\"text/javascript\" data-type=\"s2nScript\" src=\""
        "https://connect.facebook.net/en_US/fbevents.js\"></script>",
        "<img src=\"https://www.facebook.com/tr\" data-src=\"/real.jpg\" "
        "class=lazy>",
        "<img data-category=\"photos\" data-name=\"hero\" data-service=x "
        "src=\"https://www.facebook.com/tr\" data-srcset=\"/a.jpg 2x\">",
        "<iframe src=\"https://www.youtube.com/embed/v\" data-src=\"/lazy\" "
        "data-Href=/h></iframe>",
        "<link rel=stylesheet href=\"https://connect.facebook.net/s.css\" "
        "data-href=\"/own.css\">",
        "<div style=\"background:url(https://www.facebook.com/tr)\" "
        "data-style=\"color:red\" data-background=b></div>",
        "<script type=\"text/javascript\" data-type=own data-name=n>"
        "fbq('init', '1');</script>",
        "<style data-type=own>a{b:url(https://www.facebook.com/tr)}</style>"
    };

    is_str(rewrite(0, own[0]),
           "<script type=\"text/plain\" " FB_MARK " data-type=\"text/"
           "javascript\" data-consent-orig-type=\"s2nScript\" data-src=\""
           "https://connect.facebook.net/en_US/fbevents.js\"></script>",
           "a script's own data-type kept as data-consent-orig-type");

    is_str(rewrite(0, own[1]),
           "<img " FB_MARK " data-src=\"https://www.facebook.com/tr\" "
           "data-consent-orig-src=\"/real.jpg\" class=lazy>",
           "a lazy image's own data-src kept as data-consent-orig-src");

    is_str(rewrite(0, "<img src=\"/a.png\" srcset=\"https://www.facebook.com"
                      "/tr 2x\" data-src=\"/real.jpg\">"),
           "<img " FB_MARK " src=\"/a.png\" data-srcset=\"https://www.facebook"
           ".com/tr 2x\" data-consent-orig-src=\"/real.jpg\">",
           "an own data-src moves even when src stays: activation cannot "
           "take it for an inert src");

    is_str(rewrite(0, "<img data-consent-orig-src=\"/forged\" data-src=\"/r\" "
                      "src=\"https://www.facebook.com/tr\">"),
           "<img " FB_MARK " data-consent-orig-src=\"/r\" data-src=\"https://"
           "www.facebook.com/tr\">",
           "the page's own data-consent-orig-* (reserved) dropped");

    is_str(rewrite(marketing, own[1]), own[1], "granted: untouched");

    is_str(rewrite(analytics, "<img data-category=\"analytics\" data-srcset="
                              "\"/a.png 2x\" src=\"https://www.facebook.com/tr"
                              "\">"),
           "<img " FB_MARK " data-consent-orig-category=\"analytics\" "
           "data-consent-orig-srcset=\"/a.png 2x\" data-src=\"https://www."
           "facebook.com/tr\">",
           "a site-tagged element's live tracker attribute is blocked, its "
           "category granted");
    is_str(rewrite(0, "<img data-category=\"analytics\" data-srcset=\"/a.png"
                      " 2x\" src=\"https://www.facebook.com/tr\">"),
           "<img " FB_MARK " data-consent-orig-category=\"analytics\" "
           "data-consent-orig-srcset=\"/a.png 2x\" data-src=\"https://www."
           "facebook.com/tr\">",
           "... or not");

    /* blocked, then activated as site-tagged markup: the input again */
    for (i = 0; i < sizeof(own) / sizeof(own[0]); i++) {
        blocked = strdup(rewrite(0, own[i]));
        if (blocked == NULL) {
            ok(0, "allocation");
            return;
        }
        ok(strcmp(blocked, own[i]) != 0, "own %zu: blocked", i);
        /* the server leaves the stop rule of a style (consent.js removes
           it): the attributes are what is compared */
        is_str(rewrite(marketing, blocked),
               strncmp(own[i], "<style", 6) == 0
               ? "<style data-type=own>@media not all{}a{b:url(https://"
                 "www.facebook.com/tr)}</style>" : own[i],
               "own %zu: activation restores the page's own attributes", i);
        free(blocked);
    }

    is_str(rewrite(marketing, "<img data-category=\"marketing\" data-src=\"/a"
                              "\" data-consent-orig-src=\"/b\" data-href=\"/c"
                              "\" data-consent-orig-href=\"/d\">"),
           "<img src=\"/a\" data-src=\"/b\" data-href=\"/c\" "
           "data-consent-orig-href=\"/d\">",
           "put back only where the name is free");

    conf_init(&conf, 0);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    split_runs = split_fail = 0;
    seed = 40;
    for (i = 0; i < sizeof(own) / sizeof(own[0]); i++) {
        split_check(&conf, (const unsigned char *) own[i], strlen(own[i]), 1,
                    seed++);
    }
    conf.granted |= marketing;
    for (i = 0; i < sizeof(own) / sizeof(own[0]); i++) {
        blocked = strdup(rewrite(0, own[i]));
        if (blocked == NULL) {
            ok(0, "allocation");
            return;
        }
        split_check(&conf, (const unsigned char *) blocked, strlen(blocked),
                    1, seed++);
        free(blocked);
    }
    ok(split_fail == 0, "page attributes: split invariant (%u runs)",
       split_runs);
}


/* Inputs at the inline and tag bounds, split at every point. */
static void
test_split_bounds(void)
{
    char                    *in;
    const char              *css, *got;
    size_t                   n, k;
    consent_rewriter_conf_t  conf;

    conf_init(&conf, 0);
    conf.inline_max = 8;
    split_runs = split_fail = 0;

    split_check(&conf, (const unsigned char *) "<script>gtag(1);</script>",
                25, 1, 1);
    split_check(&conf, (const unsigned char *) "<script>gtag(12);</script>",
                26, 1, 2);
    split_check(&conf, (const unsigned char *) "<script>gtag(1);</scriptx>"
                "gtag()</script>", 41, 1, 3);
    split_check(&conf, (const unsigned char *) "<script>gtag(1);</scrip",
                23, 1, 4);
    css = "<style>a{b:url(https://www.facebook.com/tr)} c{d:'/x'} e{f:u"
          "\\72l( https://i.ytimg.com/y )}</style><style>p{}</style>";
    split_check(&conf, (const unsigned char *) css, strlen(css), 1, 14);
    split_check(&conf, (const unsigned char *) "<svg><script>gtag(1);"
                "<p></svg><style>@import 'https://fonts.example/';</style>"
                "<style>a{}</style>", 96, 1, 13);
    split_check(&conf, (const unsigned char *) "<noscript><img src=https:"
                "//www.facebook.com/tr></noscript><noscript><img></noscript >"
                "<noscript><img>", 100, 1, 7);
    conf.inline_max = 64;
    split_check(&conf, (const unsigned char *) "<noscript><img src=https:"
                "//www.facebook.com/tr></noscript><noscript><img></noscript >"
                "<noscript><img>", 100, 1, 8);

    n = 16384;
    in = malloc(n + 2);
    if (in == NULL) {
        ok(0, "allocation");
        return;
    }

    /* long style URLs: decided on their first 1024 bytes */
    sprintf(in, "<style>a{b:url(https://www.facebook.com/tr?%0*d)} c{d:url("
                "'data:image/png,%0*d')}</style>", 2000, 0, 2000, 0);
    split_check(&conf, (unsigned char *) in, strlen(in), 0, 15);
    got = rewrite_conf(&conf, in, NULL);
    ok(strstr(got, "url(about:invalid#https://www.facebook.com/tr?000") != NULL
       && strstr(got, "url('data:image/png,000") != NULL,
       "a long style URL is decided on its first bytes");

    /* a tag of exactly the bound, and one byte over it: a loader, an svg
       one, another element, and one the input's end cuts */
    memset(in, ' ', n);
    memcpy(in, "<img src=\"https://www.facebook.com/tr\"", 38);
    in[n - 1] = '>';
    split_check(&conf, (unsigned char *) in, n, 1, 5);
    in[n - 1] = ' ';
    in[n] = '>';
    split_check(&conf, (unsigned char *) in, n + 1, 1, 6);
    memcpy(in, "<svg><use href=https://www.facebook.com/tr/ ", 44);
    split_check(&conf, (unsigned char *) in, n + 1, 0, 9);
    split_check(&conf, (unsigned char *) in, n, 0, 10);
    memcpy(in, "<div style=background:url(https://www.facebook.com/tr)", 54);
    split_check(&conf, (unsigned char *) in, n + 1, 0, 11);
    split_check(&conf, (unsigned char *) in, n, 0, 12);

    /* a link with more attributes than are recorded (no ping among them):
       a placeholder, also when the skip layer sees it in one buffer */
    memcpy(in, "<a", 2);
    for (k = 0; k < 300; k++) {
        memcpy(in + 2 + 2 * k, " b", 2);
    }
    memcpy(in + 602, ">x", 3);
    split_check(&conf, (unsigned char *) in, 604, 1, 18);
    got = rewrite_conf(&conf, in, NULL);
    ok(strncmp(got, "<a data-consent-overflow>x", 26) == 0,
       "a link over the attribute bound becomes a placeholder");

    /* a site-tagged link (data-ping) is marked whatever the buffers */
    conf.marker.p = (const unsigned char *) "m";
    conf.marker.len = 1;
    split_check(&conf, (const unsigned char *) "<a href=/ data-category="
                "analytics data-ping=/p>x", 47, 1, 19);
    got = rewrite_conf(&conf, "<a href=/ data-category=analytics "
                       "data-ping=/p>x", NULL);
    ok(strstr(got, "data-consent=\"m\"") != NULL,
       "a site-tagged link is marked");

    ok(split_fail == 0, "inputs at the bounds: %u runs, %u differ",
       split_runs, split_fail);

    /* with everything granted only site tagging is read: a loader over
       the bound, tagged or not, passes as it is whatever the buffers */
    conf_init(&conf, analytics | marketing | preferences);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    split_runs = split_fail = 0;
    memcpy(in, "<img src=\"https://www.facebook.com/tr\"", 38);
    in[n + 1] = '\0';
    split_check(&conf, (unsigned char *) in, n + 1, 0, 16);
    got = rewrite_conf(&conf, in, NULL);
    ok(split_fail == 0 && strcmp(got, in) == 0,
       "everything granted: a loader over the bound passes as it is");
    memcpy(in, "<img data-category=analytics data-src=/a.png", 44);
    split_check(&conf, (unsigned char *) in, n + 1, 0, 17);
    got = rewrite_conf(&conf, in, NULL);
    ok(split_fail == 0 && strcmp(got, in) == 0,
       "everything granted: a tagged loader over the bound stays inert");
    free(in);
}


/* The configurations split invariance is checked under. */
static void
split_confs(consent_rewriter_conf_t *confs)
{
    conf_init(&confs[0], 0);
    confs[0].marker.p = (const unsigned char *) "m";
    confs[0].marker.len = 1;
    confs[0].placeholder = frame_stub;
    conf_init(&confs[1], analytics | marketing | preferences);
    conf_init(&confs[2], analytics);
    confs[2].inline_max = 5;
}


static unsigned char *
read_file(const char *path, size_t *len)
{
    FILE           *f;
    long            n;
    unsigned char  *buf;

    f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }

    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);

    buf = malloc((size_t) n + 1);
    if (buf && fread(buf, 1, (size_t) n, f) != (size_t) n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);

    *len = (size_t) n;
    return buf;
}


static void
test_split_html5lib(void)
{
    DIR                     *dir;
    char                     path[1024], h5_dir[512];
    size_t                   i, k, ninputs;
    json_t                  *root, *test;
    struct dirent           *de;
    consent_rewriter_conf_t  confs[3];

    split_confs(confs);
    split_runs = split_fail = 0;
    ninputs = 0;

    dir = opendir(tap_data(H5_SUB, h5_dir, sizeof(h5_dir)));
    if (dir == NULL) {
        skip("no html5lib tokenizer tests in %s (CONSENT_DATA)", h5_dir);
        return;
    }

    while ((de = readdir(dir)) != NULL) {
        if (strstr(de->d_name, ".test") == NULL) {
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s", h5_dir, de->d_name);
        root = json_load_file(path, JSON_ALLOW_NUL, NULL);
        if (root == NULL) {
            continue;
        }

        json_array_foreach(json_object_get(root, "tests"), i, test) {
            json_t *in = json_object_get(test, "input");
            ninputs++;
            for (k = 0; k < 3; k++) {
                split_check(&confs[k],
                            (const unsigned char *) json_string_value(in),
                            json_string_length(in), 1, (unsigned) i);
            }
        }

        json_decref(root);
    }
    closedir(dir);

    ok(split_fail == 0 && ninputs > 6000,
       "html5lib inputs: %zu inputs, %u runs, %u differ", ninputs,
       split_runs, split_fail);
}


static void
test_split_pages(void)
{
    DIR                     *dir;
    char                     path[1024];
    size_t                   len, k;
    unsigned char           *page;
    struct dirent           *de;
    consent_rewriter_conf_t  confs[3];

    split_confs(confs);

    dir = opendir(PAGES);
    ok(dir != NULL, "pages found");
    if (dir == NULL) {
        return;
    }

    while ((de = readdir(dir)) != NULL) {
        if (strstr(de->d_name, ".html") == NULL) {
            continue;
        }

        snprintf(path, sizeof(path), "%s/%s", PAGES, de->d_name);
        page = read_file(path, &len);
        ok(page != NULL, "read %s", path);
        if (page == NULL) {
            continue;
        }

        split_runs = split_fail = 0;
        for (k = 0; k < 3; k++) {
            /* every split point of the 80 KB page under one configuration
               (6 GB of rewriting); 1-byte and random ones under all */
            split_check(&confs[k], page, len, k == 0, 17 + (unsigned) k);
        }
        ok(split_fail == 0, "%s: %u runs, %u differ", de->d_name,
           split_runs, split_fail);
        free(page);
    }
    closedir(dir);
}


/* Random documents from fragments that exercise the states. */
static void
test_split_random(void)
{
    size_t                   i, j, len, k;
    unsigned char            doc[2048];
    consent_rewriter_conf_t  confs[3];

    static const char *const  frags[] = {
        "<", ">", "/", "!", "-", "--", "=", "\"", "'", " ", "\n", "a", "&amp;",
        "<script>", "</script>", "<script src=", "<SCRIPT ", "type=module ",
        "type=\"text/plain\" ", "data-category=analytics ", "data-src=/x ",
        "<img src=", "https://www.facebook.com/tr", "gtag(1)", "fbq(", "gtag(",
        "<script>gtag(</script>", "<script>fbq(1</script >",
        "<!--", "-->", "--!>", "<!-->", "<?x>", "</ >", "<!DOCTYPE html>",
        "<svg>", "</svg>", "<![CDATA[", "]]>", "<math><mi>", "<style>",
        "</style>", "<title>", "</title>", "<textarea>", "<plaintext>",
        "<head>", "</head>", "<body>", "<iframe src=\"", "<xmp>",
        "https://www.youtube.com/embed/x", " srcset=\"", "<link href=",
        "<noscript>", "</noscript>", "<scr", "ipt>", "</scr",
        "<noscript><img src=https://www.facebook.com/tr>",
        "<style>@import url(https://www.facebook.com/tr)</style>",
        " style=\"background:url(https://www.facebook.com/tr)\" ",
        "<base href=https://www.facebook.com/>", "<img src=tr>",
        "<iframe srcdoc=\"<script>gtag(1)</script>\">", "<div ", "<a ",
        "<meta http-equiv=refresh content=\"0;url=https://www.facebook."
        "com/tr\">", " ping=https://www.facebook.com/tr ", "<image href=",
        "<use xlink:href=", "data-name=youtube ", "&#47;", "<frame src=",
        " poster=", "<svg><script>", "<svg><style>"
    };

    split_confs(confs);
    split_runs = split_fail = 0;
    srand(4242);

    for (i = 0; i < 600; i++) {
        len = 0;
        for (j = 0; j < 60; j++) {
            const char *f = frags[(size_t) rand()
                                  % (sizeof(frags) / sizeof(frags[0]))];
            if (len + strlen(f) > sizeof(doc)) {
                break;
            }
            memcpy(doc + len, f, strlen(f));
            len += strlen(f);
        }
        for (k = 0; k < 3; k++) {
            split_check(&confs[k], doc, len, 1, (unsigned) i);
        }
    }

    ok(split_fail == 0, "random documents: %u runs, %u differ", split_runs,
       split_fail);
}


/*
 * in with each pair's first string replaced by its second, in order (each
 * searched after the previous one); NULL when one is missing.
 */
static char *
replace_seq(const char *in, const char *const (*pairs)[2], size_t npairs)
{
    char        *out, *w;
    size_t       i, grow;
    const char  *at, *r;

    for (i = 0, grow = 0; i < npairs; i++) {
        grow += strlen(pairs[i][1]);
    }

    out = malloc(strlen(in) + grow + 1);
    if (out == NULL) {
        return NULL;
    }

    w = out;
    r = in;

    for (i = 0; i < npairs; i++) {
        at = strstr(r, pairs[i][0]);
        if (at == NULL) {
            diag("not in the page: %s", pairs[i][0]);
            free(out);
            return NULL;
        }
        memcpy(w, r, (size_t) (at - r));
        w += at - r;
        memcpy(w, pairs[i][1], strlen(pairs[i][1]));
        w += strlen(pairs[i][1]);
        r = at + strlen(pairs[i][0]);
    }

    strcpy(w, r);
    return out;
}


/*
 * shop.html: without consent exactly the trackers are rewritten, with all
 * categories exactly the site-tagged markup is activated; every other byte
 * is the input's.
 */
static void
test_page(void)
{
    size_t                   len, n;
    unsigned                 ev;
    char                    *want;
    unsigned char           *page, *out;
    consent_rewriter_conf_t  conf;

#define GA  "data-category=\"analytics\" data-service=\"google-analytics\" " \
            "data-name=\"google-analytics\""
#define PLAIN  "<script type=\"text/plain\" "

    static const char *const  blocked[][2] = {
        { "<link rel=\"preconnect\" href=\"https://fonts.example\">",
          "<link data-category=\"preferences\" data-service=\"fonts\" "
          "data-name=\"fonts\" "
          "rel=\"preconnect\" data-href=\"https://fonts.example\">" },
        { "<link rel=\"stylesheet\" href=\"https://fonts.example/",
          "<link data-category=\"preferences\" data-service=\"fonts\" "
          "data-name=\"fonts\" "
          "rel=\"stylesheet\" data-href=\"https://fonts.example/" },
        { "<link rel=\"dns-prefetch\" href=\"//www.google-analytics.com\">",
          "<link " GA " rel=\"dns-prefetch\" data-href=\"//www.google-"
          "analytics.com\">" },
        { "<script async src=\"https://www.googletagmanager.com/gtag/js",
          PLAIN GA " async data-src=\"https://www.googletagmanager.com/gtag/"
          "js" },
        { "<script>\n  window.dataLayer", PLAIN GA ">\n  window.dataLayer" },
        { "<script>(function(w,d,s,l,i)", PLAIN GA ">(function(w,d,s,l,i)" },
        { "<script>\n!function(f,b,e,v,n,t,s)",
          PLAIN "data-category=\"marketing\" data-service=\"meta-pixel\" "
                "data-name=\"meta-pixel\">\n"
          "!function(f,b,e,v,n,t,s)" },
        { "<noscript><img height=\"1\" width=\"1\" style=\"display:none\""
          "\nsrc=\"https://www.facebook.com/tr?",
          "<noscript><img data-category=\"marketing\" data-service=\"meta-"
          "pixel\" data-name=\"meta-pixel\" height=\"1\" width=\"1\" "
          "style=\"display:none\"\n"
          "data-src=\"https://www.facebook.com/tr?" },
        { "<script>\n    (function(h,o,t,j,a,r)",
          PLAIN "data-category=\"analytics\" data-service=\"hotjar\" "
                "data-name=\"hotjar\">\n    "
          "(function(h,o,t,j,a,r)" },
        { "<script type=\"text/javascript\">\n    (function(c,l,a,r,i,t,y)",
          PLAIN "data-category=\"analytics\" data-service=\"clarity\" "
                "data-name=\"clarity\" "
          "data-type=\"text/javascript\">\n    (function(c,l,a,r,i,t,y)" },
        { "<script async src=\"https://pagead2.googlesyndication.com/",
          PLAIN "data-category=\"marketing\" data-service=\"google-adsense\" "
                "data-name=\"google-adsense\" "
          "async data-src=\"https://pagead2.googlesyndication.com/" },
        { "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com",
          "<iframe data-category=\"marketing\" data-service=\"youtube\" "
          "data-name=\"youtube\" "
          "width=\"560\" height=\"315\" data-src=\"https://www.youtube.com" },
        { "<img src=\"https://i.ytimg.com/",
          "<img data-category=\"marketing\" data-service=\"youtube\" "
          "data-name=\"youtube\" "
          "data-src=\"https://i.ytimg.com/" },
        { "<script>\n     (adsbygoogle",
          PLAIN "data-category=\"marketing\" data-service=\"google-adsense\" "
                "data-name=\"google-adsense\">"
          "\n     (adsbygoogle" },
        { "<img src=\"https://www.facebook.com/tr?id=1234567890&amp;ev=View",
          "<img data-category=\"marketing\" data-service=\"meta-pixel\" "
          "data-name=\"meta-pixel\" "
          "data-src=\"https://www.facebook.com/tr?id=1234567890&amp;ev=View" },
    };

    static const char *const  activated[][2] = {
        { PLAIN "data-category=\"analytics\" data-service=\"matomo\">",
          "<script>" },
        { PLAIN "data-category=\"marketing\" data-type=\"module\" data-src=",
          "<script type=\"module\" src=" },
        { PLAIN "data-category=\"preferences\" data-service=\"theme\">",
          "<script>" },
    };


    page = read_file(PAGES "/shop.html", &len);
    ok(page != NULL, "shop.html");
    if (page == NULL) {
        return;
    }
    page[len] = '\0';

    conf_init(&conf, 0);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    want = replace_seq((char *) page, blocked,
                       sizeof(blocked) / sizeof(blocked[0]));
    out = rw_run(&conf, page, len, NULL, 0, &n, &ev);
    ok(want && out && n == strlen(want) && memcmp(out, want, n) == 0,
       "shop.html without consent: the 15 trackers rewritten, nothing else");
    ok(ev == CONSENT_EV_BLOCKED, "events: blocked only (%#x)", ev);
    free(out);
    free(want);

    conf_init(&conf, analytics | marketing | preferences);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    want = replace_seq((char *) page, activated,
                       sizeof(activated) / sizeof(activated[0]));
    out = rw_run(&conf, page, len, NULL, 0, &n, &ev);
    ok(want && out && n == strlen(want) && memcmp(out, want, n) == 0,
       "shop.html with all consent: only site-tagged markup activated, "
       "its markers removed");
    ok(ev == CONSENT_EV_ACTIVATED, "events: activated only (%#x)", ev);
    free(out);
    free(want);

    free(page);
}


/* Inputs the fuzzer found; each must rewrite cleanly (run under UBSan). */
static void
test_fuzz_findings(void)
{
    size_t                   i;
    unsigned                 ev;
    consent_rewriter_conf_t  conf;

    static const char  *inputs[][2] = {
        /* an unterminated, empty noscript at the very end */
        { "<xmpnecess%ary<noscript>",
          "<xmpnecess%ary<noscript>[HS][HE][BS]" },
        { "<noscript>", "<noscript>[HS][HE][BS]" },
    };

    conf_init(&conf, 0);

    for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
        is_str(rewrite_conf(&conf, inputs[i][0], &ev), inputs[i][1],
               "fuzz finding %zu rewrites cleanly", i + 1);
    }
}



/* A service granted alone lets through its elements only. */
static void
test_service_grants(void)
{
    uint64_t                 yt;
    const char              *page, *got;
    consent_rewriter_conf_t  conf;

    page = "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>"
           "<script src=\"https://connect.facebook.net/fbevents.js\">"
           "</script>"
           "<script>fbq('init'); var y = 'youtube';</script>"
           "<img src=\"https://i.ytimg.com/vi/x/0.jpg\">"
           "<iframe data-category=\"marketing\" data-service=\"youtube\" "
           "data-src=\"https://www.youtube.com/embed/y\"></iframe>"
           "<iframe data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-src=\"https://www.facebook.com/tr\"></iframe>";

    ok(consent_service_hash("youtube", 7, &yt) == 0, "hash of youtube");

    conf_init(&conf, 0);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    consent_services_add(&conf.services, yt);
    got = rewrite_conf(&conf, page, NULL);

    ok(strstr(got, "<iframe src=\"https://www.youtube.com/embed/x\">")
       != NULL, "youtube granted alone: its iframe stays live");
    ok(strstr(got, "<img src=\"https://i.ytimg.com/vi/x/0.jpg\">") != NULL,
       "and its thumbnail");
    ok(strstr(got, "src=\"https://www.youtube.com/embed/y\"") != NULL
       && strstr(got, "data-src=\"https://www.youtube.com/embed/y\"")
          == NULL, "a site-tagged youtube element is activated");
    ok(strstr(got, "data-src=\"https://connect.facebook.net/fbevents.js\"")
       != NULL, "the marketing category's other service stays inert");
    ok(strstr(got, "<script type=\"text/plain\" data-category=\"marketing"
                   "\" data-service=\"meta-pixel\"") != NULL,
       "and its inline script");
    ok(strstr(got, "data-src=\"https://www.facebook.com/tr\"") != NULL,
       "and its site-tagged element");

    is_str(rewrite_conf(&conf, "<img src=\"https://www.facebook.com/tr\">",
                        NULL),
           "<img data-category=\"marketing\" data-service=\"meta-pixel\" "
           "data-name=\"meta-pixel\" "
           "data-src=\"https://www.facebook.com/tr\">",
           "a marketing tracker is blocked as before");

    /* a category grant implies its services, a grant of nothing else */
    conf_init(&conf, marketing);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    got = rewrite_conf(&conf, page, NULL);
    ok(strstr(got, "data-src") == NULL && strstr(got, "text/plain") == NULL,
       "marketing granted: every marketing service's element is live");

    conf_init(&conf, analytics);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    got = rewrite_conf(&conf, page, NULL);
    ok(strstr(got, "data-src=\"https://www.youtube.com/embed/x\"") != NULL,
       "without the service or its category youtube stays inert");

    /* a script naming a granted and a denied service counts as denied */
    conf_init(&conf, 0);
    conf.head_start.len = conf.head_end.len = conf.body_start.len = 0;
    consent_services_add(&conf.services, yt);
    is_str(rewrite_conf(&conf, "<img src=\"https://pagead2.googlesyndication"
                               ".com/x\">", NULL),
           "<img data-category=\"marketing\" data-service=\"google-adsense\" "
           "data-name=\"google-adsense\" "
           "data-src=\"https://pagead2.googlesyndication.com/x\">",
           "youtube granted: adsense still blocked");
}

int
main(void)
{
    int   c;
    char  err[512];

    policy = consent_policy_load_file(PAGES "/policy.json", NULL, err,
                                      sizeof(err));
    ok(policy != NULL, "test policy loads");
    if (policy == NULL) {
        diag("%s", err);
        return done_testing();
    }

    c = consent_policy_category(policy, "necessary", 9);
    necessary = (consent_mask_t) 1 << c;
    c = consent_policy_category(policy, "preferences", 11);
    preferences = (consent_mask_t) 1 << c;
    c = consent_policy_category(policy, "analytics", 9);
    analytics = (consent_mask_t) 1 << c;
    c = consent_policy_category(policy, "marketing", 9);
    marketing = (consent_mask_t) 1 << c;

    test_blocking();
    test_inline();
    test_activation();
    test_service_grants();
    test_loaders();
    test_decoded();
    test_base();
    test_marker();
    test_injection();
    test_bounds();
    test_held();
    test_page();
    test_page_attributes();
    test_placeholders();
    test_split_bounds();
    test_split_random();
    test_split_pages();
    test_split_html5lib();
    test_fuzz_findings();

    consent_policy_free(policy);
    return done_testing();
}

/*
 * The renderer: escaping of hostile policy texts, markup structure, equal
 * first-layer buttons, language and direction, decided vs undecided,
 * return_to sanitising, CSP nonce, Consent Mode defaults, the policy page,
 * the click-to-load placeholder, and the cost of a cached render.
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "consent_escape.h"
#include "consent_render.h"


static const char  *hostile_policy =
    "{\"revision\": 3, \"default_language\": \"en\","
    " \"controller\": {\"name\": \"Evil <b>Corp</b> & \\\"Sons\\\"\","
    "   \"email\": \"dpo@example.com\\\"><script>x()</script>\","
    "   \"address\": \"1 <Main> St\", \"url\": \"javascript:alert(1)\"},"
    " \"categories\": ["
    "  {\"id\": \"necessary\", \"required\": true,"
    "   \"title\": {\"en\": \"Necessary\", \"de\": \"Notwendig\"},"
    "   \"description\": {\"en\": \"Needed </p><script>n()</script>\","
    "                     \"de\": \"N\\u00f6tig\"}},"
    "  {\"id\": \"analytics\","
    "   \"title\": {\"en\": \"Analytics <img src=x onerror=alert(1)>\","
    "             \"de\": \"Statistik\"},"
    "   \"description\": {\"en\": \"Counts 'visits'\","
    "                     \"de\": \"Z\\u00e4hlt\"}},"
    "  {\"id\": \"marketing\", \"gpc\": true,"
    "   \"title\": {\"en\": \"Marketing\", \"de\": \"Werbung\"},"
    "   \"description\": {\"en\": \"Ads\", \"de\": \"Anzeigen\"}}],"
    " \"services\": ["
    "  {\"id\": \"ga\", \"name\": \"Google \\\"Analytics\\\"\","
    "   \"category\": \"analytics\", \"provider\": \"Google <Ireland>\","
    "   \"privacy_url\": \"https://policies.google.com/privacy?a=1&b=2\","
    "   \"purpose\": {\"en\": \"Statistics\"},"
    "   \"match\": {\"src\": [\"^https://www\\\\.googletagmanager\\\\.com/\"]},"
    "   \"cookies\": [{\"name\": \"^_ga(_.*)?$\", \"duration\": \"2 years\","
    "                \"purpose\": {\"en\": \"Tells <users> apart\"}}]},"
    "  {\"id\": \"evil\", \"name\": \"Evil\", \"category\": \"marketing\","
    "   \"provider\": \"X\","
    "   \"privacy_url\": \"https://evil.example/\\\"><script>e()</script>\","
    "   \"match\": {\"src\": [\"^https://evil\\\\.example/\"]}}],"
    " \"texts\": {"
    "  \"en\": {\"title\": \"Cookies <script>alert(1)</script>\","
    "          \"body\": \"We & \\\"partners\\\" use 'cookies'\","
    "          \"accept_all\": \"Accept all\", \"reject_all\": \"Reject all\","
    "          \"customize\": \"Customize\", \"save\": \"Save\","
    "          \"policy_link\": \"Privacy policy\","
    "          \"load_once\": \"Play <b>once</b>\"},"
    "  \"de\": {\"title\": \"Cookies\", \"body\": \"Wir nutzen Cookies\","
    "          \"accept_all\": \"Alle akzeptieren\","
    "          \"reject_all\": \"Alle ablehnen\", \"customize\": \"Anpassen\","
    "          \"save\": \"Speichern\", \"policy_link\": \"Datenschutz\"}},"
    " \"consent_mode\": {\"ad_storage\": \"marketing\","
    "   \"ad_user_data\": \"marketing\", \"ad_personalization\": \"marketing\","
    "   \"analytics_storage\": \"analytics\","
    "   \"functionality_storage\": \"necessary\","
    "   \"personalization_storage\": \"analytics\","
    "   \"security_storage\": \"necessary\"}}";


static const char *void_tags[] = {
    "input", "meta", "link", "br", "img", "hr", NULL
};


/*
 * Structure check: every "<" starts a tag, comment or doctype; non-void
 * tags nest and close in order.  Returns NULL or what went wrong.
 */
static const char *
check_markup(const char *html)
{
    size_t        n, depth, i;
    const char   *p, *name;
    int           closing, is_void;
    static char   stack[256][16];
    static char   why[128];

    depth = 0;

    for (p = html; (p = strchr(p, '<')) != NULL; ) {
        if (strncmp(p, "<!DOCTYPE", 9) == 0) {
            p = strchr(p, '>');
            if (p == NULL) {
                return "unterminated doctype";
            }
            continue;
        }

        closing = (p[1] == '/');
        name = p + 1 + closing;
        n = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");

        if (n == 0 || n >= 16) {
            snprintf(why, sizeof(why), "stray '<' at \"%.20s\"", p);
            return why;
        }

        /* an unescaped quote or '<' inside a tag would end it early */
        p = name + n;
        while (*p && *p != '>') {
            if (*p == '<') {
                snprintf(why, sizeof(why), "'<' inside a tag at \"%.20s\"",
                         p);
                return why;
            }

            if (*p == '"') {
                p = strchr(p + 1, '"');
                if (p == NULL) {
                    return "unterminated attribute";
                }
            }

            p++;
        }

        if (*p != '>') {
            return "unterminated tag";
        }

        is_void = 0;

        for (i = 0; void_tags[i]; i++) {
            if (strlen(void_tags[i]) == n
                && strncmp(void_tags[i], name, n) == 0)
            {
                is_void = 1;
            }
        }

        if (closing) {
            if (depth == 0 || strlen(stack[depth - 1]) != n
                || strncmp(stack[depth - 1], name, n) != 0)
            {
                snprintf(why, sizeof(why), "</%.*s> closes <%s>", (int) n,
                         name, depth ? stack[depth - 1] : "(nothing)");
                return why;
            }

            depth--;

        } else if (!is_void) {
            if (depth == 256) {
                return "too deep";
            }

            memcpy(stack[depth], name, n);
            stack[depth][n] = '\0';
            depth++;

            /* script bodies are raw text: skip to the end tag */
            if (n == 6 && strncmp(name, "script", 6) == 0) {
                p = strstr(p, "</script>");
                if (p == NULL) {
                    return "unterminated script";
                }
                continue;
            }
        }

        p++;
    }

    if (depth) {
        snprintf(why, sizeof(why), "<%s> not closed", stack[depth - 1]);
        return why;
    }

    return NULL;
}


static size_t
count(const char *hay, const char *needle)
{
    size_t       n;
    const char  *p;

    n = 0;

    for (p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle)) {
        n++;
    }

    return n;
}


/* The start tag that contains the attribute text at, NUL-terminated. */
static char *
tag_with(const char *html, const char *attr)
{
    char        *tag;
    const char  *at, *start, *end;

    at = strstr(html, attr);
    if (at == NULL) {
        return NULL;
    }

    for (start = at; start > html && *start != '<'; start--) {
        /* back to the tag's "<" */
    }

    end = strchr(at, '>');
    if (end == NULL) {
        return NULL;
    }

    tag = malloc(end - start + 2);
    if (tag == NULL) {
        return NULL;
    }

    memcpy(tag, start, end - start + 1);
    tag[end - start + 1] = '\0';

    return tag;
}


static int
has(const consent_render_out_t *out, const char *needle)
{
    return out->data != NULL && strstr(out->data, needle) != NULL;
}


/* A consent_write_pt into a consent_render_out_t (NUL-terminated). */
static int
collect(void *sink, const void *p, size_t len)
{
    char                  *d;
    consent_render_out_t  *out;

    out = sink;
    d = realloc(out->data, out->len + len + 1);
    if (d == NULL) {
        return -1;
    }

    memcpy(d + out->len, p, len);
    out->data = d;
    out->len += len;
    out->data[out->len] = '\0';

    return 0;
}


static void
placeholder(const consent_render_ctx_t *c, int service, unsigned width,
    unsigned height, unsigned number, int kind, consent_render_out_t *out)
{
    consent_frame_t  f;

    f.service = service;
    f.width = width;
    f.height = height;
    f.number = number;
    f.live = kind == 'a';
    f.form = kind == 'f';
    out->data = NULL;
    out->len = 0;

    if (consent_render_placeholder((void *) c, &f, collect, out) != 0) {
        free(out->data);
        out->data = NULL;
    }
}


static void
test_placeholder(consent_policy_t *policy)
{
    char                  *both;
    const char            *why, *url;
    consent_render_ctx_t   c;
    consent_render_out_t   out, form;

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.return_to = "/shop?a=1&b=\"x\"";
    c.marker = "c0ffee";

    placeholder(&c, 0, 560, 315, 3, 'p', &out);
    placeholder(&c, 0, 560, 315, 3, 'f', &form);
    ok(out.data != NULL && form.data != NULL, "placeholder: renders");

    both = malloc(out.len + form.len + 1);
    if (both && out.data && form.data) {
        memcpy(both, out.data, out.len);
        memcpy(both + out.len, form.data, form.len + 1);
    }
    why = both && out.data && form.data ? check_markup(both) : "none";
    ok(why == NULL, "placeholder and form: well-formed with hostile texts");
    if (why) {
        diag("%s", why);
    }
    free(both);

    ok(has(&out, "<span class=\"consent-embed\" id=\"consent-embed-3\" "
                 "role=\"region\" aria-labelledby=\"consent-embed-3-t\" "
                 "lang=\"en\" dir=\"ltr\" data-consent-embed=\"c0ffee\">"
                 "<canvas width=\"560\" "
                 "height=\"315\" aria-hidden=\"true\"></canvas>"),
       "placeholder: a labelled region, the response marker, the box");
    ok(!has(&out, "<div") && !has(&out, "<p") && !has(&out, "<form"),
       "placeholder: phrasing content only (it may stand in a <p>)");
    ok(has(&out, "id=\"consent-embed-3-t\">Google &quot;Analytics&quot;"
                 "</span>")
       && has(&out, "This content is provided by Google &lt;Ireland&gt;. "
                    "Loading it lets Google &lt;Ireland&gt; set cookies")
       && !has(&out, "<Ireland>"),
       "placeholder: service and provider named, escaped");
    ok(has(&out, "<a class=\"consent-link\" href=\"https://policies.google"
                 ".com/privacy?a=1&amp;b=2\" rel=\"noopener noreferrer\" "
                 "target=\"_blank\">"),
       "placeholder: the provider's privacy policy");
    ok(has(&out, "<button type=\"button\" class=\"consent-btn\" "
                 "data-consent-load hidden>Play &lt;b&gt;once&lt;/b&gt;"
                 "</button><button "
                 "class=\"consent-btn\" form=\"consent-embed-3-f\">Always "
                 "allow Google &quot;Analytics&quot;</button>"),
       "placeholder: Load once (shown by consent.js; the policy's text, "
       "escaped), Always allow submitting the form");
    is_str(form.data,
           "<form id=\"consent-embed-3-f\" class=\"consent-form "
           "consent-embed-form\" "
           "method=\"post\" action=\"/_consent/\" hidden><input type=\""
           "hidden\" name=\"action\" value=\"allow\"><input type=\"hidden\" "
           "name=\"service\" value=\"ga\"><input type=\"hidden\" name=\""
           "source\" value=\"placeholder\"><input type=\"hidden\" name=\""
           "return_to\" value=\"/shop?a=1&amp;b=&quot;x&quot;#consent-"
           "embed-3\"></form>",
           "form: action=allow for the service, back to the placeholder");
    free(out.data);
    free(form.data);

    url = policy->services[1].provider;
    policy->services[1].provider = "Evil Inc.";
    placeholder(&c, 1, 0, 0, 1, 'p', &out);
    policy->services[1].provider = url;
    ok(has(&out, "provided by Evil Inc. Loading it lets Evil Inc. set"),
       "placeholder: a provider ending in a full stop ends the sentence");
    ok(has(&out, "<canvas width=\"640\" height=\"360\"")
       && has(&out, "href=\"https://evil.example/&quot;&gt;&lt;script&gt;")
       && !has(&out, "<script"),
       "placeholder: 16:9 without a size; a hostile privacy URL escaped");
    free(out.data);

    placeholder(&c, 1, 320, 0, 1, 'p', &out);
    ok(has(&out, "<canvas width=\"320\" height=\"180\""),
       "placeholder: a missing side at 16:9");
    free(out.data);

    url = policy->services[1].privacy_url;
    policy->services[1].privacy_url = NULL;
    c.lang = "de";
    c.return_to = "//evil.example/";
    placeholder(&c, 1, 0, 360, 2, 'p', &out);
    placeholder(&c, 1, 0, 360, 2, 'f', &form);
    policy->services[1].privacy_url = url;
    ok(has(&out, "<canvas width=\"640\" height=\"360\"")
       && has(&out, " lang=\"de\" dir=\"ltr\" ")
       && !has(&out, "<a ")
       && has(&out, "Dieser Inhalt wird von X bereitgestellt.")
       && has(&out, ">Einmal laden</button>")
       && has(&out, ">Evil immer erlauben</button>")
       && has(&form, "name=\"return_to\" value=\"/#consent-embed-2\""),
       "placeholder: German; no link without a privacy URL; a foreign "
       "return_to becomes /");
    free(out.data);
    free(form.data);

    c.lang = "ar";
    placeholder(&c, 0, 560, 315, 5, 'p', &out);
    ok(has(&out, " lang=\"ar\" dir=\"rtl\" "),
       "placeholder: its language and direction, whatever the page's");
    free(out.data);

    placeholder(&c, 0, 560, 315, 4, 'a', &out);
    ok(out.data && strcmp(out.data, "<span id=\"consent-embed-4\"></span>")
                   == 0,
       "placeholder: a live frame gets only its anchor");
    free(out.data);
}


static double
now_ns(void)
{
    struct timespec  ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);

    return ts.tv_sec * 1e9 + ts.tv_nsec;
}


static void
test_escape(void)
{
    char  buf[64], *end;

    end = consent_escape_html(buf, "<a href=\"x\">'&'</a>", 19);
    *end = '\0';
    is_str(buf, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
           "escape: all five characters");
    is_int(consent_escape_html_len("<a href=\"x\">'&'</a>", 19),
           (long long) strlen(buf), "escape: length matches output");

    ok(consent_escape_safe_path("/a?b=1", 6, 100), "path: plain path");
    ok(!consent_escape_safe_path("//evil.example/", 15, 100),
       "path: network path refused");
    ok(!consent_escape_safe_path("/\\evil.example/", 15, 100),
       "path: /\\ refused");
    ok(!consent_escape_safe_path("https://evil/", 13, 100),
       "path: absolute URL refused");
    ok(!consent_escape_safe_path("/a\r\nSet-Cookie: x", 17, 100),
       "path: CRLF refused");
    ok(!consent_escape_safe_path("", 0, 100), "path: empty refused");
    ok(!consent_escape_safe_path("/aaaa", 5, 4), "path: too long refused");
}


static void
test_head(consent_policy_t *policy, consent_policy_t *plain)
{
    consent_render_ctx_t  c;
    consent_render_out_t  out;

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.nonce = "n\"1";
    c.granted = policy->all_mask;

    ok(consent_render_head_start(&c, &out) == 0, "head_start: renders");
    ok(has(&out, "<script nonce=\"n&quot;1\">"), "head_start: nonce escaped");
    ok(has(&out, "gtag('consent','default',{"), "head_start: default call");
    ok(has(&out, "'analytics_storage':'denied'")
       && has(&out, "'ad_storage':'denied'"),
       "head_start: undecided denies consented signals, whatever granted");
    ok(has(&out, "'security_storage':'granted'")
       && has(&out, "'functionality_storage':'granted'"),
       "head_start: signals of required categories granted");
    is_int(count(out.data, "'granted'") + count(out.data, "'denied'"), 7,
           "head_start: all seven signals");
    ok(check_markup(out.data) == NULL, "head_start: well-formed");
    free(out.data);

    c.decided = 1;
    c.granted = 1u << consent_policy_category(policy, "analytics", 9);
    c.nonce = NULL;

    ok(consent_render_head_start(&c, &out) == 0, "head_start: decided");
    ok(has(&out, "<script>window.dataLayer"), "head_start: no nonce given");
    ok(has(&out, "'analytics_storage':'granted'")
       && has(&out, "'personalization_storage':'granted'"),
       "head_start: granted category grants its signals");
    ok(has(&out, "'ad_storage':'denied'")
       && has(&out, "'ad_user_data':'denied'"),
       "head_start: refused category denies its signals");
    free(out.data);

    c.policy = plain;
    ok(consent_render_head_start(&c, &out) == 0 && out.data == NULL
       && out.len == 0, "head_start: empty without consent_mode");

    c.policy = policy;
    ok(consent_render_head_end(&c, &out) == 0, "head_end: renders");
    is_str(out.data, "<link rel=\"stylesheet\" href=\"/_consent/consent.css\">"
           "<script defer src=\"/_consent/consent.js\"></script>",
           "head_end: stylesheet and deferred script from the endpoint");
    free(out.data);

    c.api_path = "/c";
    ok(consent_render_head_end(&c, &out) == 0
       && has(&out, "src=\"/c/consent.js\""),
       "head_end: a slash joins a prefix without one");
    free(out.data);
}


static void
test_banner(consent_policy_t *policy)
{
    char                  *tag;
    const char            *why;
    consent_render_ctx_t   c;
    consent_render_out_t   out;

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.page_path = "/privacy";
    c.return_to = "/shop?a=1&b=\"x\"";
    c.granted = policy->all_mask;

    ok(consent_render_body_start(&c, &out) == 0 && out.data,
       "banner: renders");
    is_int(strlen(out.data), out.len, "banner: len matches");

    why = check_markup(out.data);
    ok(why == NULL, "banner: well-formed with hostile texts");
    if (why) {
        diag("%s", why);
    }

    ok(!has(&out, "<script") && !has(&out, "<img")
       && !has(&out, "<b>") && !has(&out, "<Ireland>"),
       "banner: no markup from the policy gets through");
    ok(has(&out, "Cookies &lt;script&gt;alert(1)&lt;/script&gt;"),
       "banner: title escaped");
    ok(has(&out, "We &amp; &quot;partners&quot; use &#39;cookies&#39;"),
       "banner: body escaped");
    ok(!has(&out, "consent-prefs") && !has(&out, "Analytics &lt;img"),
       "banner: the preferences are not in the page");
    ok(out.len < 6 * 1024, "banner: under 6 KB");

    ok(has(&out, "<div id=\"consent\" class=\"consent\" lang=\"en\" "
           "dir=\"ltr\" data-api=\"/_consent/\" data-state=\"none\" "
           "data-mode=\"opt-in\" data-granted=\"necessary \""),
       "banner: root with lang, dir, api, state and what is granted");
    ok(has(&out, "data-consent-mode='{"
           "\"ad_storage\":[\"marketing\"],"
           "\"ad_user_data\":[\"marketing\"],"
           "\"ad_personalization\":[\"marketing\"],"
           "\"analytics_storage\":[\"analytics\"],"
           "\"functionality_storage\":[\"necessary\"],"
           "\"personalization_storage\":[\"analytics\"],"
           "\"security_storage\":[\"necessary\"]}'"),
       "banner: Consent Mode map for consent.js in a data attribute");
    ok(has(&out, "role=\"dialog\" aria-modal=\"false\" "
           "aria-labelledby=\"consent-title\" "
           "aria-describedby=\"consent-text\""), "banner: dialog with ARIA");
    ok(has(&out, "id=\"consent-title\"") && has(&out, "id=\"consent-text\""),
       "banner: labelled and described by existing ids");
    ok(has(&out, "<a class=\"consent-link\" href=\"/privacy\">Privacy policy"
           "</a>"), "banner: policy page link");

    is_int(count(out.data, "<form class=\"consent-form\" method=\"post\" "
                 "action=\"/_consent/\">"), 2,
           "banner: accept and reject are POST forms");
    is_int(count(out.data, "<form class=\"consent-open\" method=\"get\" "
                 "action=\"/_consent/preferences\""), 2,
           "banner: customize and settings GET the preferences page");
    is_int(count(out.data, "name=\"source\" value=\"nojs\""), 2,
           "banner: forms say source nojs");
    is_int(count(out.data, "name=\"return_to\" "
                 "value=\"/shop?a=1&amp;b=&quot;x&quot;\""), 4,
           "banner: return_to escaped in every form");
    ok(has(&out, "<button type=\"submit\" class=\"consent-btn\" "
           "data-action=\"accept_all\">Accept all</button>")
       && has(&out, "<button type=\"submit\" class=\"consent-btn\" "
              "data-action=\"reject_all\">Reject all</button>")
       && has(&out, "<button type=\"submit\" class=\"consent-btn\" "
              "data-consent-open>Customize</button>"),
       "banner: three first-layer buttons with the same class");
    ok(has(&out, "action=\"/_consent/preferences\" hidden>")
       && has(&out, "class=\"consent-settings-btn\" data-consent-open>"
              "Cookie settings"), "banner: hidden settings control for JS");
    free(out.data);

    ok(consent_render_preferences_page(&c, &out) == 0 && out.data,
       "preferences: renders");
    why = check_markup(out.data);
    ok(why == NULL, "preferences: well-formed with hostile texts");
    if (why) {
        diag("%s", why);
    }
    ok(has(&out, "Analytics &lt;img src=x onerror=alert(1)&gt;"),
       "preferences: category title escaped");
    ok(has(&out, "href=\"https://evil.example/&quot;&gt;&lt;script&gt;e()"),
       "preferences: hostile privacy URL escaped");
    ok(has(&out, "href=\"https://policies.google.com/privacy?a=1&amp;b=2\""),
       "preferences: privacy link escaped");
    ok(has(&out, "<code>_ga(_*)?</code> (2\xc2\xa0years): Tells &lt;users&gt; "
           "apart"), "preferences: cookie declaration readable and escaped");
    ok(has(&out, "data-consent-mode='{\"ad_storage\""),
       "preferences: Consent Mode map for consent.js");
    ok(has(&out, "value=\"save\">Save</button>")
       && has(&out, "value=\"accept_all\">Accept all</button>")
       && has(&out, "value=\"reject_all\">Reject all</button>"),
       "preferences: Save, Accept all, Reject all");
    ok(!has(&out, "value=\"withdraw\""),
       "preferences: no withdraw before a choice");

    tag = tag_with(out.data, "id=\"consent-cat-analytics\"");
    ok(tag && !strstr(tag, "checked"),
       "preferences: nothing pre-ticked without a decision, whatever "
       "granted");
    free(tag);

    tag = tag_with(out.data, "id=\"consent-cat-necessary\"");
    ok(tag && strstr(tag, " checked disabled"),
       "preferences: required category on and disabled");
    free(tag);

    ok(!has(&out, "class=\"consent-note\""),
       "preferences: no GPC note without it");
    ok(has(&out, "<a class=\"consent-link\" href=\"/shop?a=1&amp;b=&quot;x"
           "&quot;\">Back to the site</a>"),
       "preferences: a link back to the page");
    free(out.data);

    c.gpc = 1;
    c.return_to = "//evil.example/x";
    ok(consent_render_preferences_page(&c, &out) == 0,
       "preferences: GPC request");
    ok(has(&out, "class=\"consent-note\"") && has(&out, "Global Privacy"),
       "preferences: GPC note shown");
    free(out.data);
    ok(consent_render_body_start(&c, &out) == 0, "banner: GPC request");
    is_int(count(out.data, "name=\"return_to\" value=\"/\""), 4,
           "banner: foreign return_to becomes /");
    free(out.data);

    /* the endpoint would send these to "/": the forms offer "/" too */
    c.gpc = 0;
    c.return_to = "/caf\xc3\xa9?q=a b";
    ok(consent_render_body_start(&c, &out) == 0
       && count(out.data, "name=\"return_to\" value=\"/\"") == 4,
       "banner: a return_to the endpoint refuses (space, non-ASCII) is /");
    free(out.data);

    c.return_to = NULL;
    c.page_path = NULL;
    ok(consent_render_body_start(&c, &out) == 0
       && !has(&out, "href=\"/privacy\"")
       && count(out.data, "name=\"return_to\" value=\"/\"") == 4,
       "banner: no page link without a page, no return_to means /");
    free(out.data);

    c.lang = "de";
    c.page_path = "/privacy";
    ok(consent_render_body_start(&c, &out) == 0, "banner: German");
    ok(has(&out, "lang=\"de\" dir=\"ltr\""), "banner: lang de");
    ok(has(&out, ">Alle akzeptieren</button>")
       && has(&out, ">Alle ablehnen</button>")
       && has(&out, ">Anpassen</button>"),
       "banner: German texts from the policy");
    ok(has(&out, ">Cookie-Einstellungen</button>"),
       "banner: built-in German wording");
    free(out.data);
    ok(consent_render_preferences_page(&c, &out) == 0
       && has(&out, "N\xc3\xb6tig") && has(&out, ">Statistik</label>"),
       "preferences: German category texts");
    free(out.data);
}


static void
test_decided(consent_policy_t *policy)
{
    char                  *tag;
    consent_render_ctx_t   c;
    consent_render_out_t   out;

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.page_path = "/privacy";
    c.return_to = "/a";
    c.decided = 1;
    c.granted = 1u << consent_policy_category(policy, "analytics", 9);

    ok(consent_render_body_start(&c, &out) == 0, "decided: renders");
    ok(check_markup(out.data) == NULL, "decided: well-formed");
    ok(!has(&out, "consent-banner"), "decided: no banner");
    ok(has(&out, "data-state=\"valid\""), "decided: state valid");
    ok(has(&out, "<form class=\"consent-open\" method=\"get\" "
           "action=\"/_consent/preferences\"><input type=\"hidden\" "
           "name=\"return_to\" value=\"/a\"><button type=\"submit\" "
           "class=\"consent-settings-btn\" data-consent-open>Cookie settings"
           "</button></form>"), "decided: settings control only");
    ok(!has(&out, "data-consent-mode") && out.len < 1024,
       "decided: under 1 KB");
    ok(has(&out, "data-granted=\"necessary analytics \""),
       "decided: what is granted, for consent.js");
    free(out.data);

    c.issued = 1764645600;      /* 2025-12-02 03:20 UTC */
    c.consent_id = "00112233445566778899aabbccddeeff";
    ok(consent_render_preferences_page(&c, &out) == 0,
       "decided: preferences page");
    ok(has(&out, "Your choice of 2025-12-02 03:20 UTC, consent ID "
           "00112233445566778899aabbccddeeff."),
       "decided: the date and ID of the choice");

    tag = tag_with(out.data, "id=\"consent-cat-analytics\"");
    ok(tag && strstr(tag, " checked"), "decided: granted category on");
    free(tag);

    tag = tag_with(out.data, "id=\"consent-cat-marketing\"");
    ok(tag && !strstr(tag, "checked"), "decided: refused category off");
    free(tag);

    ok(has(&out, "value=\"withdraw\">Withdraw consent</button>"),
       "decided: withdraw as easy as consent");
    free(out.data);

    /* the cached template must not keep the previous request's parts */
    c.granted = 1u << consent_policy_category(policy, "marketing", 9);
    c.return_to = "/b";
    ok(consent_render_preferences_page(&c, &out) == 0,
       "decided: second request");

    tag = tag_with(out.data, "id=\"consent-cat-analytics\"");
    ok(tag && !strstr(tag, "checked"), "decided: template re-spliced");
    free(tag);

    tag = tag_with(out.data, "id=\"consent-cat-marketing\"");
    ok(tag && strstr(tag, " checked"), "decided: new grant shown");
    free(tag);

    free(out.data);

    ok(consent_render_body_start(&c, &out) == 0
       && has(&out, "data-granted=\"necessary marketing \"")
       && has(&out, "value=\"/b\"") && !has(&out, "value=\"/a\""),
       "decided: cached template re-spliced: grants and return_to");
    free(out.data);

    consent_render_forget(policy);
    ok(consent_render_body_start(&c, &out) == 0 && has(&out, "value=\"/b\""),
       "decided: renders again after the cache was dropped");
    free(out.data);
}


/* A switch per service: on alone, on and locked under its category. */
static void
test_service_switches(consent_policy_t *policy)
{
    char                  *tag;
    consent_services_t     services;
    consent_render_ctx_t   c;
    consent_render_out_t   out;

    memset(&services, 0, sizeof(services));
    consent_services_add(&services,
        policy->services[consent_policy_service(policy, "evil", 4)].hash);

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.return_to = "/a";
    c.services = &services;

    ok(consent_render_body_start(&c, &out) == 0
       && has(&out, "data-state=\"none\"")
       && has(&out, "data-services=\"evil\"")
       && has(&out, "consent-banner"),
       "services alone, undecided: the banner, the service for consent.js");
    free(out.data);

    ok(consent_render_preferences_page(&c, &out) == 0
       && check_markup(out.data) == NULL, "service switches: well-formed");

    tag = tag_with(out.data, "id=\"consent-svc-evil\"");
    ok(tag && strstr(tag, "name=\"service\"") && strstr(tag, " checked")
       && !strstr(tag, "disabled") && strstr(tag, "data-category=\"marketing"),
       "a service granted alone: its switch on, free");
    free(tag);

    tag = tag_with(out.data, "id=\"consent-svc-ga\"");
    ok(tag && !strstr(tag, "checked") && !strstr(tag, "disabled"),
       "a service not granted: its switch off");
    free(tag);
    free(out.data);

    c.decided = 1;
    c.granted = 1u << consent_policy_category(policy, "marketing", 9);
    ok(consent_render_preferences_page(&c, &out) == 0, "category granted");
    tag = tag_with(out.data, "id=\"consent-svc-evil\"");
    ok(tag && strstr(tag, " checked disabled")
       && strstr(strstr(tag, "checked") + 1, "checked") == NULL,
       "under a granted category: on and disabled, checked once");
    free(tag);
    free(out.data);

    c.services = NULL;
    ok(consent_render_body_start(&c, &out) == 0
       && has(&out, "data-services=\"\""), "no service grants: empty list");
    free(out.data);
}


static void
test_page(consent_policy_t *policy)
{
    const char            *why;
    consent_render_ctx_t   c;
    consent_render_out_t   out;

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "de";
    c.api_path = "/_consent/";
    c.page_path = "/privacy";
    c.return_to = "/privacy";

    ok(consent_render_policy_page(&c, &out) == 0, "page: renders");
    ok(strncmp(out.data, "<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">",
               41) == 0, "page: doctype, lang and dir");

    why = check_markup(out.data);
    ok(why == NULL, "page: well-formed with hostile texts");
    if (why) {
        diag("%s", why);
    }

    ok(!has(&out, "<script") && !has(&out, "javascript:"),
       "page: no script, no javascript: link");
    ok(has(&out, "<strong>Evil &lt;b&gt;Corp&lt;/b&gt; &amp; &quot;Sons"
           "&quot;</strong>"), "page: controller escaped");
    ok(has(&out, "href=\"mailto:dpo@example.com&quot;&gt;&lt;script&gt;"),
       "page: mailto escaped");
    is_int(count(out.data, "<table class=\"consent-table\">"), 2,
           "page: a table per category with services");
    ok(has(&out, "<tr id=\"service-ga\"><th scope=\"row\">Google "
           "&quot;Analytics&quot;</th><td>Google &lt;Ireland&gt;</td>"),
       "page: service row escaped");
    ok(has(&out, "id=\"consent-page-prefs\"") && has(&out, "value=\"save\""),
       "page: form to change the choice");
    ok(has(&out, "name=\"return_to\" value=\"/privacy\""),
       "page: the form comes back to the page");
    ok(!has(&out, "consent-decided"), "page: no consent id before a choice");
    free(out.data);

    c.decided = 1;
    c.granted = 1u << consent_policy_category(policy, "marketing", 9);
    c.consent_id = "00112233445566778899aabbccddeeff";
    c.issued = 1764645600;

    ok(consent_render_policy_page(&c, &out) == 0, "page: decided");
    ok(has(&out, "Einwilligungs-ID 00112233445566778899aabbccddeeff"),
       "page: consent id");
    ok(has(&out, "<li data-category=\"marketing\">Werbung: <strong>"),
       "page: current choice per category");
    free(out.data);
}


static void
test_speed(consent_policy_t *policy)
{
    int                    i, n;
    double                 t0, t1;
    consent_render_ctx_t   c;
    consent_render_out_t   out;

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.page_path = "/privacy";
    c.return_to = "/blog/2026/11/some-article?utm_source=x";
    c.nonce = "abcdef0123456789";

    n = 20000;

    t0 = now_ns();
    for (i = 0; i < n; i++) {
        c.decided = i & 1;
        if (consent_render_head_start(&c, &out) != 0) {
            break;
        }
        free(out.data);
        if (consent_render_head_end(&c, &out) != 0) {
            break;
        }
        free(out.data);
        if (consent_render_body_start(&c, &out) != 0) {
            break;
        }
        free(out.data);
    }
    t1 = now_ns();

    is_int(i, n, "speed: every render succeeded");
    diag("three fragments per request: %.0f ns/call (banner %zu bytes)",
         (t1 - t0) / n, out.len);

    t0 = now_ns();
    for (i = 0; i < 2000; i++) {
        if (consent_render_policy_page(&c, &out) != 0) {
            break;
        }
        free(out.data);
    }
    t1 = now_ns();

    diag("policy page: %.0f ns/call", (t1 - t0) / 2000);
}


static const char  *catalogue_policy =
    "{\"extends\": \"catalogue\", \"revision\": 1,"
    " \"default_language\": \"en\","
    " \"categories\": ["
    "  {\"id\": \"necessary\", \"required\": true,"
    "   \"title\": {\"en\": \"N\"}, \"description\": {\"en\": \"N\"}},"
    "  {\"id\": \"preferences\","
    "   \"title\": {\"en\": \"P\"}, \"description\": {\"en\": \"P\"}},"
    "  {\"id\": \"analytics\","
    "   \"title\": {\"en\": \"A\"}, \"description\": {\"en\": \"A\"}},"
    "  {\"id\": \"marketing\","
    "   \"title\": {\"en\": \"M\"}, \"description\": {\"en\": \"M\"}}],"
    " \"services\": [{\"id\": \"own\", \"name\": \"Own Stats\","
    "   \"provider\": \"Us\", \"category\": \"analytics\"}],"
    " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\","
    "   \"accept_all\": \"a\", \"reject_all\": \"r\","
    "   \"customize\": \"c\", \"save\": \"s\","
    "   \"policy_link\": \"p\"}}}";


static int
only_chartbeat(void *data, size_t service)
{
    const consent_policy_t *policy = data;

    return strcmp(policy->services[service].id, "chartbeat") == 0;
}


/*
 * Declared services are always listed, catalogue services only when the
 * glue says so (seen on the site); a new generation rebuilds the fragment.
 */
static void
test_listed(void)
{
    char                   err[512];
    consent_policy_t      *policy;
    consent_catalogue_t   *catalogue;
    consent_render_ctx_t   c;
    consent_render_out_t   out;

    catalogue = consent_catalogue_load_file("tests/unit/catalogue.json", err,
                                            sizeof(err));
    ok(catalogue != NULL, "listed: test catalogue loads");
    if (catalogue == NULL) {
        diag("%s", err);
        return;
    }

    policy = consent_policy_load_buffer(catalogue_policy,
                                        strlen(catalogue_policy), "listed",
                                        catalogue, err, sizeof(err));
    ok(policy != NULL && policy->nservices > policy->ndeclared,
       "listed: a policy on the catalogue loads");
    if (policy == NULL) {
        diag("%s", err);
        consent_catalogue_free(catalogue);
        return;
    }

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.return_to = "/";

    ok(consent_render_preferences_page(&c, &out) == 0
       && !has(&out, "Chartbeat") && !has(&out, "comScore")
       && has(&out, "Own Stats"),
       "listed: declared services only without the callback");
    free(out.data);

    c.listed = only_chartbeat;
    c.listed_data = policy;
    ok(consent_render_preferences_page(&c, &out) == 0
       && has(&out, "Chartbeat") && !has(&out, "comScore"),
       "listed: the preferences list the catalogue service seen");
    free(out.data);

    c.decided = 1;
    ok(consent_render_policy_page(&c, &out) == 0 && has(&out, "Chartbeat")
       && !has(&out, "comScore"),
       "listed: the policy page lists it too");
    free(out.data);

    consent_render_forget(policy);
    consent_policy_free(policy);
    consent_catalogue_free(catalogue);
}


int
main(void)
{
    char               err[256], *text;
    json_t            *root;
    consent_policy_t  *policy, *plain;

    test_escape();

    policy = consent_policy_load_buffer(hostile_policy,
                                        strlen(hostile_policy), "hostile", NULL,
                                        err, sizeof(err));
    ok(policy != NULL, "hostile policy loads");
    if (policy == NULL) {
        diag("%s", err);
        return done_testing();
    }

    root = json_loads(hostile_policy, 0, NULL);
    json_object_del(root, "consent_mode");
    text = json_dumps(root, 0);
    plain = consent_policy_load_buffer(text, strlen(text), "plain", NULL, err,
                                       sizeof(err));
    ok(plain != NULL, "policy without consent_mode loads");
    free(text);
    json_decref(root);

    is_str(consent_render_dir("ar"), "rtl", "dir: Arabic rtl");
    is_str(consent_render_dir("he-IL"), "rtl", "dir: Hebrew with region rtl");
    is_str(consent_render_dir("fr"), "ltr", "dir: French ltr");
    is_str(consent_render_dir("ark"), "ltr", "dir: prefix is not a match");

    test_head(policy, plain);
    test_banner(policy);
    test_decided(policy);
    test_service_switches(policy);
    test_page(policy);
    test_placeholder(policy);
    test_listed();
    test_speed(policy);

    consent_render_forget(policy);
    consent_render_forget(plain);
    consent_policy_free(policy);
    consent_policy_free(plain);

    return done_testing();
}

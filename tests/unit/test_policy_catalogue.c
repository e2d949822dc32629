/*
 * A policy on top of the catalogue: "extends", entity overrides and
 * "first_party" with their errors (file:line:column), URL and inline
 * classification (declared patterns first, then first parties, then the
 * catalogue), and the rewriter's use of it: blocked catalogue trackers,
 * untouched first parties, unknown third parties (allowed or blocked) and
 * the observer.  The catalogue is the test fixture tests/unit/catalogue.json.
 * Run from the repository root (make test does).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent_policy.h"
#include "consent_rewriter.h"
#include "consent_scanner.h"
#include "consent_url.h"
#include "rewrite_util.h"
#include "tap.h"

#define FIXTURE  "tests/unit/catalogue.json"

static consent_catalogue_t  *catalogue;

/* Everything but the first line: the tests put their members there. */
static const char  base_policy[] =
    "\n"
    "  \"revision\": 1,\n"
    "  \"default_language\": \"en\",\n"
    "  \"categories\": [\n"
    "    {\"id\": \"necessary\", \"required\": true,\n"
    "     \"title\": {\"en\": \"N\"}, \"description\": {\"en\": \"N\"}},\n"
    "    {\"id\": \"preferences\",\n"
    "     \"title\": {\"en\": \"P\"}, \"description\": {\"en\": \"P\"}},\n"
    "    {\"id\": \"analytics\",\n"
    "     \"title\": {\"en\": \"A\"}, \"description\": {\"en\": \"A\"}},\n"
    "    {\"id\": \"marketing\",\n"
    "     \"title\": {\"en\": \"M\"}, \"description\": {\"en\": \"M\"}}\n"
    "  ],\n"
    "  \"services\": [\n"
    "    {\"id\": \"stats\", \"name\": \"Stats\", \"category\": "
    "\"analytics\",\n"
    "     \"provider\": \"Stats Ltd\",\n"
    "     \"match\": {\"src\": [\"^https://stats\\\\.example/\"],\n"
    "               \"inline\": [\"stats\\\\(\"]}},\n"
    "    {\"id\": \"hotjar\", \"name\": \"Hotjar\", \"category\": "
    "\"analytics\",\n"
    "     \"provider\": \"Hotjar Ltd\"}\n"
    "  ],\n"
    "  \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\", "
    "\"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\", "
    "\"save\": \"s\", \"policy_link\": \"p\"}}\n"
    "}\n";


/* "{" members "," base: members start on line 1, column 2. */
static consent_policy_t *
load(const char *members, const consent_catalogue_t *cat, char *err,
    size_t errlen)
{
    char              *text;
    size_t             n;
    consent_policy_t  *policy;

    n = strlen(members) + sizeof(base_policy) + 8;
    text = malloc(n);
    if (text == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }

    snprintf(text, n, "{%s%s%s", members, members[0] ? "," : "",
             base_policy);
    policy = consent_policy_load_buffer(text, strlen(text), "p.json", cat,
                                        err, errlen);
    free(text);

    return policy;
}


static int
service(const consent_policy_t *policy, const char *id)
{
    size_t  i;

    for (i = 0; i < policy->nservices; i++) {
        if (strcmp(policy->services[i].id, id) == 0) {
            return (int) i;
        }
    }

    return -1;
}


static const char *
category_of(const consent_policy_t *policy, int s)
{
    return s >= 0 ? policy->categories[policy->services[s].category].id
                  : "(none)";
}


static consent_class_t
classify(const consent_policy_t *policy, const consent_site_t *site,
    const char *url)
{
    size_t           n;
    unsigned char    norm[512];
    consent_class_t  c;

    n = consent_url_normalize((const unsigned char *) url, strlen(url),
                              norm);
    consent_policy_classify_url(policy, site, norm, n, &c);

    return c;
}


static void
test_extends(void)
{
    int                s;
    char               err[512];
    size_t             i, blocking;
    consent_policy_t  *plain, *policy;

    plain = load("", catalogue, err, sizeof(err));
    ok(plain != NULL && plain->nservices == 2 && plain->ndeclared == 2
       && plain->catalogue == NULL,
       "without extends the catalogue adds nothing");
    consent_policy_free(plain);

    policy = load("\"extends\": \"catalogue\"", catalogue, err, sizeof(err));
    ok(policy != NULL, "a policy extending the catalogue loads");
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    blocking = 0;
    for (i = 0; i < catalogue->nentities; i++) {
        blocking += catalogue->entities[i].category != NULL;
    }

    is_int(policy->ndeclared, 2, "two declared services, first");
    is_int(policy->nservices, 2 + blocking - 1, "plus every blocking "
           "entity but hotjar, which a declared service names");
    ok(!policy->services[0].from_catalogue
       && !policy->services[1].from_catalogue
       && policy->services[2].from_catalogue, "from_catalogue marks them");

    s = service(policy, "hotjar");
    ok(s == 1 && policy->services[1].entity
                 == consent_catalogue_entity(catalogue, "hotjar", 6),
       "the declared hotjar is the catalogue's hotjar");

    s = service(policy, "taboola");
    ok(s >= 2 && strcmp(category_of(policy, s), "marketing") == 0
       && strcmp(policy->services[s].name, "Taboola") == 0
       && strcmp(policy->services[s].provider, "Taboola") == 0,
       "taboola: a marketing service named after the entity");
    is_str(category_of(policy, service(policy, "youtube")), "preferences",
           "youtube: preferences");
    is_int(service(policy, "jsdelivr"), -1, "a null category is no service");
    ok(policy->catalogue_mask == 0xe, "catalogue services in preferences, "
       "analytics and marketing");

    consent_policy_free(policy);
}


static void
test_classify(void)
{
    char               err[512];
    consent_site_t     site, stats_site;
    consent_class_t    c;
    consent_policy_t  *policy;

    policy = load("\"extends\": \"catalogue\",\n"
                  " \"first_party\": [\"*.cdn-news.example.net\", "
                  "\"static.chartbeat.com\"]", catalogue, err, sizeof(err));
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    consent_site_init(&site, (const unsigned char *) "www.news.example.co.uk",
                      22);

#define is_class(url, k, svc, what)                                           \
    do {                                                                      \
        c = classify(policy, &site, url);                                     \
        ok(c.kind == k && c.service == (svc), "%s: %s", url, what);           \
        if (c.kind != k || c.service != (svc)) {                              \
            diag("got kind %d service %d host %s", c.kind, c.service,         \
                 c.host.name);                                                \
        }                                                                     \
    } while (0)

    is_class("https://cdn.taboola.com/libtrc/news/loader.js",
             CONSENT_CLASS_SERVICE, service(policy, "taboola"),
             "a catalogue tracker");
    ok(c.entity == consent_catalogue_entity(catalogue, "taboola", 7)
       && strcmp((char *) c.host.name, "cdn.taboola.com") == 0,
       "with its entity and host");
    is_class("//Secure-Us.ImrWorldWide.com/x", CONSENT_CLASS_UNKNOWN, -1,
             "a tracker the fixture does not know is unknown");
    is_class("https://b.scorecardresearch.com/beacon.js",
             CONSENT_CLASS_SERVICE, service(policy, "comscore"),
             "a second domain of an entity");
    is_class("https://static.hotjar.com/c/hotjar-1.js",
             CONSENT_CLASS_SERVICE, 1, "the declared service of the entity");
    is_class("https://stats.example/s.js", CONSENT_CLASS_SERVICE, 0,
             "a declared pattern");
    is_class("https://cdn.jsdelivr.net/npm/x.js", CONSENT_CLASS_KNOWN, -1,
             "a CDN is known, not blocked");
    is_class("https://img.news.example.co.uk/a.js",
             CONSENT_CLASS_FIRST_PARTY, -1, "the same registrable domain");
    is_class("/js/app.js", CONSENT_CLASS_FIRST_PARTY, -1, "relative");
    is_class("data:text/javascript,alert(1)", CONSENT_CLASS_NO_HOST, -1,
             "data:");
    is_class("javascript:void(0)", CONSENT_CLASS_NO_HOST, -1, "javascript:");
    is_class("https://tracker.example.org/t.js", CONSENT_CLASS_UNKNOWN, -1,
             "an unknown third party");
    is_str((char *) c.host.name, "tracker.example.org", "with its host, for "
           "discovery");
    is_class("https://exa mple.com/t.js", CONSENT_CLASS_UNKNOWN, -1,
             "an unparsable host is an unknown third party");
    is_class("https://a.cdn-news.example.net/x.js",
             CONSENT_CLASS_FIRST_PARTY, -1, "the policy's first_party *.d");
    is_class("https://static.chartbeat.com/js/chartbeat.js",
             CONSENT_CLASS_FIRST_PARTY, -1, "first_party beats the "
             "catalogue");
    is_class("https://cdn.chartbeat.com/js/chartbeat.js",
             CONSENT_CLASS_SERVICE, service(policy, "chartbeat"),
             "first_party d covers only d");

    consent_site_init(&stats_site, (const unsigned char *) "stats.example",
                      13);
    c = classify(policy, &stats_site, "https://stats.example/s.js");
    ok(c.kind == CONSENT_CLASS_SERVICE && c.service == 0, "a declared "
       "pattern wins even over first party");

    c = classify(policy, NULL, "https://img.news.example.co.uk/a.js");
    is_int(c.kind, CONSENT_CLASS_UNKNOWN, "without a site an absolute URL "
           "is not first party");

    consent_site_set_base(&site, (const unsigned char *)
                          "https://cdn.taboola.com/", 24);
    is_class("/libtrc/loader.js", CONSENT_CLASS_SERVICE,
             service(policy, "taboola"), "a relative URL under a <base> of "
             "a tracker");

    consent_policy_free(policy);

#undef is_class
}


static void
test_overrides(void)
{
    char               err[512];
    consent_site_t     site;
    consent_class_t    c;
    consent_policy_t  *policy;

    policy = load("\"extends\": \"catalogue\", \"entities\": {\n"
                  "  \"taboola\": {\"category\": \"analytics\"},\n"
                  "  \"chartbeat\": {\"exclude\": true},\n"
                  "  \"_comment\": \"ignored\",\n"
                  "  \"jsdelivr\": {\"category\": \"marketing\"}}",
                  catalogue, err, sizeof(err));
    ok(policy != NULL, "a policy with overrides loads");
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    consent_site_init(&site, (const unsigned char *) "www.example.com", 15);

    is_str(category_of(policy, service(policy, "taboola")), "analytics",
           "taboola recategorised");
    is_int(service(policy, "chartbeat"), -1, "chartbeat excluded");
    c = classify(policy, &site, "https://static.chartbeat.com/js/cb.js");
    is_int(c.kind, CONSENT_CLASS_KNOWN, "an excluded entity is known, not "
           "blocked");
    c = classify(policy, &site, "https://cdn.jsdelivr.net/npm/x.js");
    ok(c.kind == CONSENT_CLASS_SERVICE
       && strcmp(category_of(policy, c.service), "marketing") == 0,
       "a CDN the site chose to block is a marketing service");

    consent_policy_free(policy);

    /* excluding the entity of a declared service: only its patterns */
    policy = load("\"extends\": \"catalogue\", \"entities\": "
                  "{\"hotjar\": {\"exclude\": true}}", catalogue, err,
                  sizeof(err));
    ok(policy != NULL, "a declared service's entity can be excluded");
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    c = classify(policy, &site, "https://static.hotjar.com/c/hotjar-1.js");
    ok(c.kind == CONSENT_CLASS_KNOWN && policy->services[1].entity == -1,
       "then the catalogue's hotjar domains block nothing (the declared "
       "hotjar has no patterns)");

    consent_policy_free(policy);
}


typedef struct {
    const char  *members;
    int          with_catalogue;
    const char  *error;
} bad_policy_t;


static void
test_errors(void)
{
    char                 err[512];
    consent_policy_t    *policy;
    const bad_policy_t  *b;

    static const bad_policy_t  bad[] = {
        { "\"extends\": \"catalogue\", \"entities\": {\"nope\": "
          "{\"exclude\": true}}", 1,
          "p.json:1:47: entities.nope: unknown catalogue entity \"nope\": "
          "use an \"id\" of assets/catalogue.json" },
        { "\"extends\": \"catalogue\",\n \"entities\": {\"taboola\": "
          "{\"category\": \"ads\"}}", 1,
          "p.json:2:39: entities.taboola.category: unknown category \"ads\" "
          "(known: necessary, preferences, analytics, marketing;" },
        { "\"extends\": \"catalogue\", \"entities\": {\"taboola\": "
          "{\"category\": 3}}", 1, "unknown category (not a string)" },
        { "\"extends\": \"catalogue\", \"entities\": {\"taboola\": "
          "{\"category\": \"analytics\", \"exclude\": true}}", 1,
          "entities.taboola: give either \"category\"" },
        { "\"extends\": \"catalogue\", \"entities\": {\"taboola\": {}}", 1,
          "entities.taboola: give either \"category\"" },
        { "\"extends\": \"catalogue\", \"entities\": {\"taboola\": "
          "{\"exclude\": false}}", 1,
          "entities.taboola.exclude: must be true" },
        { "\"extends\": \"catalogue\", \"entities\": {\"taboola\": "
          "{\"categroy\": \"analytics\"}}", 1,
          "entities.taboola.categroy: unknown key (known: category, "
          "exclude;" },
        { "\"extends\": \"catalogue\", \"entities\": [\"taboola\"]", 1,
          "p.json:1:38: entities: must be an object" },
        { "\"extends\": \"catalogue\", \"entities\": {\"hotjar\": "
          "{\"category\": \"marketing\"}}", 1,
          "p.json:1:62: entities.hotjar.category: services[1] declares "
          "\"hotjar\": set its category there" },
        { "\"entities\": {\"taboola\": {\"exclude\": true}}", 1,
          "p.json:1:14: entities: entity overrides need \"extends\": "
          "\"catalogue\"" },
        { "\"extends\": \"catalog\"", 1,
          "p.json:1:13: extends: must be \"catalogue\"" },
        { "\"extends\": \"catalogue\"", 0,
          "p.json:1:13: extends: no catalogue is loaded" },
        { "\"first_party\": [\"cdn.example.net\", \"https://x.example/\"]", 1,
          "p.json:1:37: first_party[1]: must be a host" },
        { "\"first_party\": \"cdn.example.net\"", 1,
          "first_party: must be an array of hosts" },
        { "\"first_party\": [7]", 1, "first_party[0]: must be a host" },
        { NULL, 0, NULL }
    };

    static const char  q_json[] =
        "{\"extends\": \"catalogue\", \"revision\": 1,\n"
        " \"default_language\": \"en\",\n"
        " \"categories\": [{\"id\": \"necessary\", \"required\": true,\n"
        "   \"title\": {\"en\": \"N\"}, \"description\": {\"en\": \"N\"}},\n"
        "  {\"id\": \"analytics\", \"title\": {\"en\": \"A\"},\n"
        "   \"description\": {\"en\": \"A\"}},\n"
        "  {\"id\": \"marketing\", \"title\": {\"en\": \"M\"},\n"
        "   \"description\": {\"en\": \"M\"}}],\n"
        " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\", "
        "\"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\", "
        "\"save\": \"s\", \"policy_link\": \"p\"}}}";

    for (b = bad; b->members != NULL; b++) {
        policy = load(b->members, b->with_catalogue ? catalogue : NULL, err,
                      sizeof(err));
        ok(policy == NULL && strstr(err, b->error) != NULL, "refused: %s",
           b->error);
        if (policy != NULL || strstr(err, b->error) == NULL) {
            diag("got: %s", policy ? "(loaded)" : err);
        }
        consent_policy_free(policy);
    }

    /* a policy without the preferences category */
    policy = consent_policy_load_buffer(q_json, strlen(q_json), "q.json",
                                        catalogue, err, sizeof(err));
    ok(policy == NULL
       && strstr(err, "q.json:1:13: extends: the catalogue files 1 entities "
                 "(such as \"youtube\") under the category \"preferences\", "
                 "which this policy lacks") != NULL,
       "a catalogue category the policy lacks is named, with a fix");
    if (policy != NULL || strstr(err, "preferences") == NULL) {
        diag("got: %s", policy ? "(loaded)" : err);
    }
    consent_policy_free(policy);
}


static void
test_inline(void)
{
    char               err[512];
    consent_site_t     site;
    consent_class_t    c;
    consent_mask_t     necessary, analytics, marketing;
    consent_policy_t  *policy;

    policy = load("\"extends\": \"catalogue\", \"entities\": "
                  "{\"outbrain\": {\"exclude\": true}}", catalogue, err,
                  sizeof(err));
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    consent_site_init(&site, (const unsigned char *) "www.news.example", 16);

    necessary = 1;
    analytics = 1 << consent_policy_category(policy, "analytics", 9);
    marketing = 1 << consent_policy_category(policy, "marketing", 9);

#define inline_is(text, granted, svc, what)                                   \
    do {                                                                      \
        consent_policy_classify_inline(policy, &site,                         \
                                       (const unsigned char *) text,          \
                                       strlen(text), granted, NULL, &c);      \
        ok(c.service == (svc)                                                 \
           && c.kind == ((svc) >= 0 ? CONSENT_CLASS_SERVICE                   \
                                    : CONSENT_CLASS_NO_HOST),                 \
           "inline %s", what);                                                \
        if (c.service != (svc)) {                                             \
            diag("got kind %d service %d", c.kind, c.service);                \
        }                                                                     \
    } while (0)

    inline_is("stats('pageview');", necessary, 0, "declared pattern");
    inline_is("var s=document.createElement('script');"
              "s.src='//cdn.taboola.com/libtrc/news/loader.js';",
              necessary, service(policy, "taboola"), "a tracker's host");
    inline_is("window._taboola = window._taboola || [];", necessary,
              service(policy, "taboola"), "a signature");
    inline_is("u='https://www.google-analytics.com/analytics.js';"
              "t='//cdn.taboola.com/x.js'", analytics | necessary,
              service(policy, "taboola"), "the denied one of two");
    inline_is("u='https://www.google-analytics.com/analytics.js';"
              "t='//cdn.taboola.com/x.js'", necessary,
              service(policy, "google-analytics"), "the first when both "
              "are denied");
    inline_is("u='https://www.google-analytics.com/analytics.js';"
              "t='//cdn.taboola.com/x.js'", necessary | analytics
              | marketing, service(policy, "google-analytics"),
              "the first when both are granted");
    inline_is("var GoogleAnalyticsObject='ga'; _tfa.push({})",
              analytics | necessary, service(policy, "taboola"),
              "signatures: the denied one of two");
    inline_is("load('//img.news.example/app.js')", necessary, -1,
              "a first-party host is nothing");
    inline_is("load('https://cdn.jsdelivr.net/npm/x.js')", necessary, -1,
              "a known CDN is nothing");
    inline_is("OBR.extern.researchWidget(); load('//widgets.outbrain.com/')",
              necessary, -1, "an excluded entity is nothing");
    inline_is("var x = 1;", necessary, -1, "plain code is nothing");
    inline_is("e.src = (document.location.protocol == \"https:\" ? "
              "\"https://secure\" : \"http://pixel\") + \".quantserve.com/"
              "aquant.js?a=p-1\";", necessary, service(policy, "quantcast"),
              "a host split by concatenation");

    consent_policy_free(policy);

#undef inline_is
}


typedef struct {
    char      seen[1024];
    size_t    len;
} observed_t;


static void
observe(void *data, int service, const unsigned char *host, size_t len,
    int element)
{
    observed_t  *o = data;

    o->len += (size_t) snprintf(o->seen + o->len, sizeof(o->seen) - o->len,
                                "%d:%.*s:%d ", service, (int) len,
                                host ? (const char *) host : "", element);
}


static void
test_rewriter(void)
{
    int                       s_tab, s_cb;
    char                      err[512], want[256];
    size_t                    len;
    observed_t                seen;
    unsigned char            *out;
    consent_site_t            site;
    consent_policy_t         *policy;
    consent_rewriter_conf_t   conf;

    static const char  page[] =
        "<script src=\"https://cdn.taboola.com/libtrc/news/loader.js\">"
        "</script>\n"
        "<script>var _sf_async_config = {uid: 1};</script>\n"
        "<script src=\"/js/app.js\"></script>\n"
        "<script src=\"https://static.news.example/js/site.js\"></script>\n"
        "<script src=\"https://cdn.jsdelivr.net/npm/x.js\"></script>\n"
        "<img src=\"https://pixel.unknown-ads.example/p.gif\">\n";

    policy = load("\"extends\": \"catalogue\"", catalogue, err, sizeof(err));
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    s_tab = service(policy, "taboola");
    s_cb = service(policy, "chartbeat");

    consent_site_init(&site, (const unsigned char *) "www.news.example", 16);

    memset(&conf, 0, sizeof(conf));
    conf.policy = policy;
    conf.site = &site;
    conf.granted = 1;
    conf.inline_max = 65536;

    out = rw_run(&conf, (const unsigned char *) page, sizeof(page) - 1, NULL,
                 0, &len, NULL);
    ok(out != NULL, "the page rewrites");
    if (out == NULL) {
        return;
    }

    ok(strstr((char *) out, "<script type=\"text/plain\" "
              "data-category=\"marketing\" data-service=\"taboola\" "
              "data-name=\"taboola\" data-src=\"https://cdn.taboola.com/")
       != NULL,
       "Taboola's loader is blocked as the catalogue's marketing service");
    ok(strstr((char *) out, "<script type=\"text/plain\" "
              "data-category=\"analytics\" data-service=\"chartbeat\" "
              "data-name=\"chartbeat\">var _sf_async_config") != NULL,
       "Chartbeat's inline configuration is blocked by its signature");
    ok(strstr((char *) out, "<script src=\"/js/app.js\">") != NULL
       && strstr((char *) out, "<script src=\"https://static.news.example/"
                 "js/site.js\">") != NULL,
       "first-party scripts are untouched");
    ok(strstr((char *) out, "<script src=\"https://cdn.jsdelivr.net/") != NULL,
       "a known CDN is untouched");
    ok(strstr((char *) out, "<img src=\"https://pixel.unknown-ads.example/")
       != NULL, "an unknown third party is allowed by default");
    free(out);

    /* consent_unknown block marketing */
    conf.block_unknown = 1;
    conf.unknown_category = (unsigned) consent_policy_category(policy,
                                                               "marketing",
                                                               9);
    memset(&seen, 0, sizeof(seen));
    conf.observe = observe;
    conf.observe_data = &seen;

    out = rw_run(&conf, (const unsigned char *) page, sizeof(page) - 1, NULL,
                 0, &len, NULL);
    ok(out != NULL && strstr((char *) out, "<img data-category=\"marketing\" "
                             "data-service=\"unknown\" data-name=\"unknown\" "
                             "data-src=\"https://"
                             "pixel.unknown-ads.example/p.gif\">") != NULL,
       "block_unknown: the unknown pixel is blocked as marketing, "
       "data-service=\"unknown\"");
    ok(out != NULL && strstr((char *) out, "<script src=\"/js/app.js\">")
       != NULL && strstr((char *) out, "<script src=\"https://cdn.jsdelivr"
                         ".net/") != NULL,
       "block_unknown leaves first parties and known CDNs alone");
    free(out);

    snprintf(want, sizeof(want), "%d:cdn.taboola.com:%d %d::%d "
             "-1:pixel.unknown-ads.example:%d ", s_tab, CONSENT_TAG_SCRIPT,
             s_cb, CONSENT_TAG_SCRIPT, CONSENT_TAG_IMG);
    is_str(seen.seen, want, "the observer hears of the services and the "
           "unknown third party, in page order");

    /* everything granted: nothing changes, and nothing is classified (the
       fast path: observers learn from responses with something denied) */
    conf.granted = policy->all_mask;
    memset(&seen, 0, sizeof(seen));

    ok(rw_same(&conf, (const unsigned char *) page, sizeof(page) - 1, NULL,
               0, (const unsigned char *) page, sizeof(page) - 1),
       "with every category granted the page is unchanged");
    is_str(seen.seen, "", "and nothing observed");

    conf.observe = NULL;
    conf.granted = 1 | (1u << consent_policy_category(policy, "marketing",
                                                      9));
    out = rw_run(&conf, (const unsigned char *) page, sizeof(page) - 1, NULL,
                 0, &len, NULL);
    ok(out != NULL && strstr((char *) out, "data-service=\"taboola\"") == NULL
       && strstr((char *) out, "data-service=\"chartbeat\"") != NULL
       && strstr((char *) out, "data-service=\"unknown\"") == NULL,
       "marketing granted: Taboola and the unknown pixel load, Chartbeat "
       "(analytics) stays blocked");
    free(out);

    consent_policy_free(policy);
}

static const char *
cookie_service(const consent_policy_t *policy, const char *name)
{
    int  s;

    s = consent_policy_match_cookie(policy, name, strlen(name));

    return s >= 0 ? policy->services[s].id : "(none)";
}


/*
 * The catalogue's cookie facts and purposes: declared by the services of
 * their entities, shown in readable form, and recognised by name for
 * consent_strip_cookies (exact names, prefixes, the odd regex), but never
 * the cookies the Open Cookie Database counts as necessary.
 */
static void
test_cookies(void)
{
    int                s;
    char               err[512];
    consent_policy_t  *policy, *excluding;

    policy = load("\"extends\": \"catalogue\"", catalogue, err, sizeof(err));
    ok(policy != NULL, "a policy extending the catalogue loads");
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    s = service(policy, "hotjar");
    ok(s >= 0 && policy->services[s].catalogue_cookies
       && policy->services[s].ncookies == 1
       && strcmp(policy->services[s].cookies[0].label, "_hjSessionUser_*")
          == 0
       && strcmp(policy->services[s].cookies[0].duration, "1 year") == 0,
       "the declared hotjar, declaring no cookies, takes the entity's");
    is_str(consent_policy_localized(policy, policy->services[s].purpose,
                                    "de"),
           "Zeichnet Besuche auf.", "and its purpose");

    s = service(policy, "taboola");
    ok(s >= 0 && policy->services[s].from_catalogue
       && policy->services[s].ncookies == 3
       && strcmp(policy->services[s].cookies[2].label, "_tb_<number>")
          == 0
       && policy->services[s].purpose == NULL,
       "a catalogue service declares its cookies, necessary ones too");

    is_str(cookie_service(policy, "_ga"), "google-analytics",
           "an exact name");
    is_str(cookie_service(policy, "_ga2"), "(none)", "exact means exact");
    is_str(cookie_service(policy, "_hjSessionUser_123"), "hotjar",
           "a prefix");
    is_str(cookie_service(policy, "_hjSessionUser_"), "hotjar",
           "a prefix alone (\".*\" matches nothing too)");
    is_str(cookie_service(policy, "_hjSession"), "(none)",
           "a name shorter than the prefix");
    is_str(cookie_service(policy, "t_gid"), "taboola", "taboola's t_gid");
    is_str(cookie_service(policy, "_tb_42"), "taboola",
           "a pattern that is no name nor prefix: its regex");
    is_str(cookie_service(policy, "_tb_x"), "(none)", "which must match");
    is_str(cookie_service(policy, "taboola_session"), "(none)",
           "a necessary cookie is never stripped");
    is_str(cookie_service(policy, "UID"), "comscore",
           "two entities with one name: the first in catalogue order");
    is_str(cookie_service(policy, ""), "(none)", "an empty name");

    excluding = load("\"extends\": \"catalogue\", \"entities\": "
                     "{\"comscore\": {\"exclude\": true}}", catalogue, err,
                     sizeof(err));
    ok(excluding != NULL
       && strcmp(cookie_service(excluding, "UID"), "outbrain") == 0,
       "an excluded entity's cookies are not its: the next entity's are");
    consent_policy_free(excluding);
    consent_policy_free(policy);

    policy = load("", catalogue, err, sizeof(err));
    ok(policy != NULL && strcmp(cookie_service(policy, "_ga"), "(none)")
                         == 0,
       "without extends no catalogue cookie counts");
    consent_policy_free(policy);
}


/* The generator's mistakes in cookie facts name their JSON path. */
static void
test_cookie_errors(void)
{
    char                  err[512];
    const char           *json;
    consent_catalogue_t  *cat;

    json = "{\"format\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
           "\"domains\": [], \"cookies\": [{\"display\": \"x\", "
           "\"pattern\": \"^x(y$\"}]}]}";
    cat = consent_catalogue_load_buffer(json, strlen(json), "c.json", err,
                                        sizeof(err));
    ok(cat == NULL && strstr(err, "c.json: entities[0].cookies[0].pattern: "
                                  "at offset") != NULL,
       "a bad pattern: %s", err);
    consent_catalogue_free(cat);

    json = "{\"format\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
           "\"domains\": [], \"cookies\": [{\"pattern\": \"^x$\"}]}]}";
    cat = consent_catalogue_load_buffer(json, strlen(json), "c.json", err,
                                        sizeof(err));
    ok(cat == NULL && strstr(err, "entities[0].cookies[0].display: must be "
                                  "a non-empty string") != NULL,
       "a cookie without its readable name: %s", err);
    consent_catalogue_free(cat);

    json = "{\"format\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
           "\"domains\": [], \"purpose\": {\"en\": 1}}]}";
    cat = consent_catalogue_load_buffer(json, strlen(json), "c.json", err,
                                        sizeof(err));
    ok(cat == NULL && strstr(err, "entities[0].purpose.en: must be a "
                                  "non-empty string") != NULL,
       "a purpose that is no text: %s", err);
    consent_catalogue_free(cat);
}


int
main(void)
{
    char  err[512];

    catalogue = consent_catalogue_load_file(FIXTURE, err, sizeof(err));
    ok(catalogue != NULL, "the catalogue fixture loads");
    if (catalogue == NULL) {
        diag("%s", err);
        return done_testing();
    }

    test_extends();
    test_classify();
    test_overrides();
    test_errors();
    test_inline();
    test_rewriter();
    test_cookies();
    test_cookie_errors();

    consent_catalogue_free(catalogue);

    return done_testing();
}

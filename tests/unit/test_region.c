/*
 * Regions: codes as headers and GeoIP give them, the built-in groups, the
 * policy's "regions" over them (and its errors), the categories each mode
 * grants, and which decisions count where.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "consent_policy.h"
#include "consent_render.h"


#define NECESSARY    (1u << 0)
#define ANALYTICS    (1u << 1)
#define MARKETING    (1u << 2)
#define ALL          (NECESSARY | ANALYTICS | MARKETING)

#define T(s)  "{\"en\": \"" s "\"}"

#define POLICY(marketing, regions)                                         \
    "{\"revision\": 1, \"default_language\": \"en\","                     \
    " \"categories\": ["                                                   \
    "  {\"id\": \"necessary\", \"required\": true,"                       \
    "   \"title\": " T("N") ", \"description\": " T("n") "},"             \
    "  {\"id\": \"analytics\","                                            \
    "   \"title\": " T("A") ", \"description\": " T("a") "},"             \
    "  {\"id\": \"marketing\", " marketing                                 \
    "   \"title\": " T("M") ", \"description\": " T("m") "}],"            \
    " \"services\": [],"                                                   \
    " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\","            \
    "  \"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\"," \
    "  \"save\": \"s\", \"policy_link\": \"l\"}}" regions "}"


static consent_policy_t *
load(const char *text, char *err, size_t errlen)
{
    return consent_policy_load_buffer(text, strlen(text), "p.json", NULL, err,
                                      errlen);
}


static void
test_normalize(void)
{
    char          out[CONSENT_REGION_LEN];
    size_t        i;

    static const char  *good[][2] = {
        { "DE", "DE" }, { "de", "DE" }, { " us-ca ", "US-CA" },
        { "US-", "US" }, { "UK", "GB" }, { "gb", "GB" }, { "FR-75", "FR-75" },
        { "ES-CN", "ES-CN" }, { "XX-ABC", "XX-ABC" }
    };

    static const char  *bad[] = {
        "", "D", "DEU", "D1", "1D", "US_CA", "US-", "US-CALI", "US--",
        "-CA", "US-C-", "U S", "DE;", "US-\xc3\xa9"
    };

    for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        ok(consent_region_normalize(good[i][0], strlen(good[i][0]), out) == 1
           && strcmp(out, good[i][1]) == 0,
           "\"%s\" is %s", good[i][0], good[i][1]);
    }

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (strcmp(bad[i], "US-") == 0) {
            continue;       /* a country without subdivision: good above */
        }

        ok(consent_region_normalize(bad[i], strlen(bad[i]), out) == 0
           && out[0] == '\0', "\"%s\" is no region", bad[i]);
    }

    ok(consent_region_valid_match("*") && consent_region_valid_match("DE")
       && consent_region_valid_match("US-CA"), "match entries");
    ok(!consent_region_valid_match("de") && !consent_region_valid_match("UK")
       && !consent_region_valid_match("US-")
       && !consent_region_valid_match(""),
       "match entries are canonical codes only");
}


static void
test_builtin(void)
{
    char               err[512];
    uint32_t           objection;
    consent_policy_t  *p;

    p = load(POLICY("\"gpc\": true,", ""), err, sizeof(err));
    ok(p != NULL, "a policy without regions loads");
    if (p == NULL) {
        diag("%s", err);
        return;
    }

    is_int(p->opt_out_mask, MARKETING,
           "without opt_out, the gpc categories are the opt-out ones");

    is_int(consent_region_mode(&p->regions, "DE", &objection),
           CONSENT_MODE_OPT_IN, "DE: opt-in");
    is_int(consent_region_mode(&p->regions, "FR-75", &objection),
           CONSENT_MODE_OPT_IN, "a French subdivision: its country's");
    is_int(consent_region_mode(&p->regions, "CH", &objection),
           CONSENT_MODE_OPT_IN, "CH: opt-in");
    is_int(consent_region_mode(&p->regions, "GB", &objection),
           CONSENT_MODE_OPT_IN, "GB: opt-in");
    is_int(objection, 0, "GB: no objection categories by default");
    is_int(consent_region_mode(&p->regions, "US-CA", &objection),
           CONSENT_MODE_OPT_OUT, "US-CA: opt-out");
    is_int(consent_region_mode(&p->regions, "US-TX", &objection),
           CONSENT_MODE_OPT_OUT, "US-TX: opt-out");
    is_int(consent_region_mode(&p->regions, "US-AL", &objection),
           CONSENT_MODE_OPT_IN, "US-AL (no law): the default, opt-in");
    is_int(consent_region_mode(&p->regions, "US", &objection),
           CONSENT_MODE_OPT_IN, "US without state: the default");
    is_int(consent_region_mode(&p->regions, "", &objection),
           CONSENT_MODE_OPT_IN, "unknown region: the default");
    is_str(consent_region_group(&p->regions, "IS")->id, "eea",
           "IS is in the eea group");

    consent_policy_free(p);
}


static void
test_policy_regions(void)
{
    char               err[512];
    uint32_t           objection;
    consent_policy_t  *p;

    p = load(POLICY("\"opt_out\": true,",
        ", \"regions\": {\"default\": \"notice\", \"groups\": ["
        " {\"id\": \"uk\", \"objection\": [\"analytics\"]},"
        " {\"id\": \"us-opt-out\", \"match\": [\"US-CA\", \"US-WA\"]},"
        " {\"id\": \"br\", \"mode\": \"opt-in\", \"match\": [\"BR\"]},"
        " {\"id\": \"quiet\", \"mode\": \"none\", \"match\": [\"JP\"]}]}"),
        err, sizeof(err));
    ok(p != NULL, "a policy with regions loads");
    if (p == NULL) {
        diag("%s", err);
        return;
    }

    is_int(p->opt_out_mask, MARKETING, "opt_out marks marketing");
    is_int(consent_region_mode(&p->regions, "GB", &objection),
           CONSENT_MODE_OPT_IN, "uk changed: still opt-in");
    is_int(objection, ANALYTICS, "uk changed: analytics until objection");
    is_int(consent_region_mode(&p->regions, "US-WA", &objection),
           CONSENT_MODE_OPT_OUT, "the US list edited: WA added");
    is_int(consent_region_mode(&p->regions, "US-TX", &objection),
           CONSENT_MODE_NOTICE, "the US list edited: TX gone, the default");
    is_int(consent_region_mode(&p->regions, "BR", &objection),
           CONSENT_MODE_OPT_IN, "a new group");
    is_int(consent_region_mode(&p->regions, "JP", &objection),
           CONSENT_MODE_NONE, "a none group");
    is_int(consent_region_mode(&p->regions, "DE", &objection),
           CONSENT_MODE_OPT_IN, "the eea group stays");
    is_int(consent_region_mode(&p->regions, "AU", &objection),
           CONSENT_MODE_NOTICE, "elsewhere: the default");
    is_int(consent_region_mode(&p->regions, "", &objection),
           CONSENT_MODE_NOTICE, "unknown: the default");
    consent_policy_free(p);

    p = load(POLICY("",
        ", \"regions\": {\"builtin_groups\": false, \"groups\": ["
        " {\"id\": \"rest\", \"mode\": \"opt-out\", \"match\": [\"*\"]},"
        " {\"id\": \"ca\", \"mode\": \"opt-in\", \"match\": [\"US-CA\"]}]}"),
        err, sizeof(err));
    ok(p != NULL, "a policy without the built-in groups loads");
    if (p == NULL) {
        diag("%s", err);
        return;
    }

    is_int(consent_region_mode(&p->regions, "DE", &objection),
           CONSENT_MODE_OPT_OUT, "no built-ins: DE falls to \"*\"");
    is_int(consent_region_mode(&p->regions, "US-CA", &objection),
           CONSENT_MODE_OPT_IN, "an exact code beats \"*\" listed first");
    is_int(consent_region_mode(&p->regions, "", &objection),
           CONSENT_MODE_OPT_IN, "\"*\" is not the unknown region");
    is_int(p->opt_out_mask, 0, "no opt_out, no gpc: nothing to opt out of");
    consent_policy_free(p);
}


static void
test_errors(void)
{
    char               err[512];
    size_t             i;
    consent_policy_t  *p;

    static const char  *cases[][2] = {
        { POLICY("", ", \"regions\": []"),
          "regions: must be an object" },
        { POLICY("", ", \"regions\": {\"default\": \"opt_in\"}"),
          "regions.default: must be \"opt-in\", \"opt-out\"" },
        { POLICY("", ", \"regions\": {\"zones\": []}"),
          "regions.zones: unknown key" },
        { POLICY("", ", \"regions\": {\"groups\": [{\"id\": \"x\","
                     " \"match\": [\"DE\"]}]}"),
          "regions.groups[0]: missing \"mode\"" },
        { POLICY("", ", \"regions\": {\"groups\": [{\"id\": \"x\","
                     " \"mode\": \"opt-in\", \"match\": [\"de\"]}]}"),
          "regions.groups[0].match[0]: must be an ISO 3166 code" },
        { POLICY("", ", \"regions\": {\"groups\": [{\"id\": \"x\","
                     " \"mode\": \"opt-in\", \"match\": []}]}"),
          "regions.groups[0].match: must be a non-empty array" },
        { POLICY("", ", \"regions\": {\"groups\": [{\"id\": \"uk\","
                     " \"objection\": [\"ads\"]}]}"),
          "regions.groups[0].objection[0]: must be a category id" },
        { POLICY("", ", \"regions\": {\"groups\": [{\"id\": \"us-opt-out\","
                     " \"objection\": [\"analytics\"]}]}"),
          "regions.groups[0].objection: only an opt-in group" },
        { POLICY("", ", \"regions\": {\"groups\": [{\"id\": \"a\","
                     " \"mode\": \"none\", \"match\": [\"JP\"]}, {\"id\":"
                     " \"a\", \"mode\": \"none\", \"match\": [\"KR\"]}]}"),
          "regions.groups[1].id: duplicate group id \"a\"" },
        { POLICY("\"opt_out\": 1,", ""),
          "categories[2].opt_out: must be true or false" },
        { POLICY("", ", \"vendor_signals\": [\"clarity\"]"),
          "vendor_signals: needs \"consent_mode\"" },
        { POLICY("", ", \"consent_mode\": {\"ad_storage\": \"marketing\"},"
                     " \"vendor_signals\": [\"clarity\", \"hotjar\"]"),
          "vendor_signals[1]: must be \"clarity\", \"uet\" or \"meta\"" }
    };

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        err[0] = '\0';
        p = load(cases[i][0], err, sizeof(err));
        ok(p == NULL && strstr(err, cases[i][1]) != NULL,
           "refused: %s", cases[i][1]);
        if (p != NULL || strstr(err, cases[i][1]) == NULL) {
            diag("got: %s", err);
        }

        consent_policy_free(p);
    }

    p = load("{\"revision\": 1, \"default_language\": \"en\","
             " \"categories\": [{\"id\": \"necessary\", \"required\": true,"
             " \"opt_out\": true, \"title\": " T("N") ", \"description\": "
             T("n") "}], \"services\": [], \"texts\": {\"en\": {\"title\":"
             " \"t\", \"body\": \"b\", \"accept_all\": \"a\", \"reject_all\":"
             " \"r\", \"customize\": \"c\", \"save\": \"s\", \"policy_link\":"
             " \"l\"}}}", err, sizeof(err));
    ok(p == NULL && strstr(err, "a required category cannot be opted out"),
       "refused: a required opt_out category");
    consent_policy_free(p);

    p = load("{\"revision\": 1, \"default_language\": \"en\","
             " \"categories\": [{\"id\": \"necessary\", \"required\": true,"
             " \"title\": " T("N") ", \"description\": " T("n") "},"
             " {\"id\": \"region\", \"title\": " T("R") ", \"description\": "
             T("r") "}], \"services\": [], \"texts\": {\"en\": {\"title\":"
             " \"t\", \"body\": \"b\", \"accept_all\": \"a\", \"reject_all\":"
             " \"r\", \"customize\": \"c\", \"save\": \"s\", \"policy_link\":"
             " \"l\"}}}", err, sizeof(err));
    ok(p == NULL && strstr(err, "$consent_region"),
       "refused: a category id that would shadow $consent_region");
    consent_policy_free(p);
}


static void
test_granted(void)
{
    uint32_t  d;

#define G(mode, objection, decision, gpc)                                 \
    consent_mode_granted(mode, ALL, NECESSARY, MARKETING, objection,      \
                         decision, gpc)

    is_int(G(CONSENT_MODE_OPT_IN, 0, NULL, 0), NECESSARY,
           "opt-in, no decision: the required only");
    is_int(G(CONSENT_MODE_OPT_IN, ANALYTICS, NULL, 0), NECESSARY | ANALYTICS,
           "opt-in with objection categories: those run");
    is_int(G(CONSENT_MODE_OPT_IN, ANALYTICS, NULL, 1), NECESSARY,
           "opt-in with objection categories, GPC: an objection");

    d = ANALYTICS | MARKETING;
    is_int(G(CONSENT_MODE_OPT_IN, 0, &d, 1), ALL,
           "opt-in: an explicit decision wins over GPC");

    is_int(G(CONSENT_MODE_OPT_OUT, 0, NULL, 0), ALL,
           "opt-out, no decision: everything");
    is_int(G(CONSENT_MODE_OPT_OUT, 0, NULL, 1), NECESSARY | ANALYTICS,
           "opt-out, GPC: the opt_out categories stop");

    d = ANALYTICS;
    is_int(G(CONSENT_MODE_OPT_OUT, 0, &d, 0), NECESSARY | ANALYTICS,
           "opt-out, opted out: marketing stops");

    d = ALL;
    is_int(G(CONSENT_MODE_OPT_OUT, 0, &d, 1), NECESSARY | ANALYTICS,
           "opt-out: GPC is an opt-out whatever was decided");

    d = 0;
    is_int(G(CONSENT_MODE_NOTICE, 0, &d, 1), ALL, "notice: everything");
    is_int(G(CONSENT_MODE_NONE, 0, NULL, 1), ALL, "none: everything");

#undef G

    ok(consent_mode_decision_counts(CONSENT_MODE_OPT_IN, CONSENT_MODE_OPT_IN),
       "an opt-in decision counts in opt-in");
    ok(!consent_mode_decision_counts(CONSENT_MODE_OPT_OUT,
                                     CONSENT_MODE_OPT_IN),
       "an opt-out decision is no opt-in consent");
    ok(!consent_mode_decision_counts(CONSENT_MODE_NOTICE,
                                     CONSENT_MODE_OPT_IN),
       "nor is a decision from a notice region");
    ok(consent_mode_decision_counts(CONSENT_MODE_OPT_IN,
                                    CONSENT_MODE_OPT_OUT),
       "an opt-in decision counts in opt-out");
    ok(consent_mode_decision_counts(CONSENT_MODE_OPT_OUT,
                                    CONSENT_MODE_OPT_OUT),
       "an opt-out decision counts in opt-out");

    is_str(consent_mode_name(CONSENT_MODE_OPT_OUT), "opt-out", "mode name");
    is_str(consent_mode_name(CONSENT_MODE_NONE), "none", "mode name none");
}


static int
render_has(const consent_render_ctx_t *c, const char *needle)
{
    int                   found;
    consent_render_out_t  out;

    if (consent_render_body_start(c, &out) != 0) {
        return -1;
    }

    found = out.data != NULL && strstr(out.data, needle) != NULL;
    free(out.data);

    return found;
}


/* The same in the preferences page of the endpoint. */
static int
prefs_has(const consent_render_ctx_t *c, const char *needle)
{
    int                   found;
    consent_render_out_t  out;

    if (consent_render_preferences_page(c, &out) != 0) {
        return -1;
    }

    found = out.data != NULL && strstr(out.data, needle) != NULL;
    free(out.data);

    return found;
}


static void
test_render(void)
{
    char                  err[512];
    consent_policy_t     *p;
    consent_render_ctx_t  c;

    p = load(POLICY("\"opt_out\": true,", ""), err, sizeof(err));
    ok(p != NULL, "render policy loads");
    if (p == NULL) {
        diag("%s", err);
        return;
    }

    memset(&c, 0, sizeof(c));
    c.policy = p;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.page_path = "/privacy";
    c.return_to = "/";
    c.mode = CONSENT_MODE_OPT_OUT;
    c.granted = ALL;

    is_int(render_has(&c, "consent-banner\""), 0, "opt-out: no banner");
    is_int(render_has(&c, ">Your Privacy Choices</button>"), 1,
           "opt-out: the Your Privacy Choices control");
    is_int(prefs_has(&c, ">Do Not Sell or Share My Personal Information<"),
           1, "opt-out: the opt-out button");
    is_int(prefs_has(&c, "name=\"granted\" hidden value=\"analytics\" "
                         "checked>"), 1,
           "opt-out: the button keeps analytics on");
    is_int(prefs_has(&c, "consent-cat-marketing-desc\" checked"), 1,
           "opt-out, no decision: marketing shown as on in the preferences");
    is_int(render_has(&c, "Opt-out request honored"), 0,
           "opt-out without GPC: no confirmation");

    c.gpc = 1;
    is_int(render_has(&c, "Opt-out request honored"), 1,
           "opt-out with GPC: \"Opt-out request honored\"");
    is_int(prefs_has(&c, "consent-cat-marketing-desc\" checked"), 0,
           "opt-out with GPC: marketing shown as off");

    c.lang = "es";
    is_int(render_has(&c, ">Sus opciones de privacidad</button>"), 1,
           "opt-out in Spanish");
    is_int(render_has(&c, "Solicitud de exclusi\xc3\xb3n atendida"), 1,
           "the confirmation in Spanish");

    c.lang = "en";
    c.gpc = 0;
    c.mode = CONSENT_MODE_NOTICE;
    is_int(render_has(&c, "id=\"consent-notice\""), 1, "notice: the notice");
    is_int(render_has(&c, "href=\"/privacy\""), 1, "notice: the policy link");
    is_int(render_has(&c, "data-action=\"accept_all\""), 0,
           "notice: no choice to make");

    c.mode = CONSENT_MODE_OPT_IN;
    is_int(render_has(&c, "id=\"consent-banner\""), 1,
           "opt-in: the banner, as before");
    is_int(render_has(&c, "data-mode=\"opt-in\""), 1, "opt-in: marked");

    consent_render_forget(p);
    consent_policy_free(p);
}


static int
head_has(const consent_render_ctx_t *c, const char *needle)
{
    int                   found;
    consent_render_out_t  out;

    if (consent_render_head_start(c, &out) != 0) {
        return -1;
    }

    found = out.data != NULL && strstr(out.data, needle) != NULL;
    free(out.data);

    return found;
}


/* Consent Mode and the other vendors' signals follow the region's mode. */
static void
test_signals(void)
{
    char                  err[512];
    consent_policy_t     *p;
    consent_render_ctx_t  c;

    p = load(POLICY("\"opt_out\": true,",
        ", \"consent_mode\": {\"ad_storage\": \"marketing\","
        " \"analytics_storage\": \"analytics\"},"
        " \"vendor_signals\": [\"clarity\", \"uet\", \"meta\"]"),
        err, sizeof(err));
    ok(p != NULL, "a policy with vendor signals loads");
    if (p == NULL) {
        diag("%s", err);
        return;
    }

    is_int(p->vendor_signals, CONSENT_VENDOR_CLARITY | CONSENT_VENDOR_UET
                              | CONSENT_VENDOR_META, "three vendors");

    memset(&c, 0, sizeof(c));
    c.policy = p;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.return_to = "/";

    c.mode = CONSENT_MODE_OPT_IN;
    is_int(head_has(&c, "'ad_storage':'denied'"), 1,
           "opt-in, no decision: ad_storage denied");
    is_int(head_has(&c, "clarity('consentv2',{ad_Storage:'denied',"
                        "analytics_Storage:'denied'});"), 1,
           "opt-in: Clarity denied before its tag");
    is_int(head_has(&c, "window.uetq.push('consent','default',"
                        "{'ad_storage':'denied'});"), 1,
           "opt-in: UET denied before its tag");

    c.mode = CONSENT_MODE_OPT_OUT;
    is_int(head_has(&c, "'ad_storage':'granted'"), 1,
           "opt-out, no opt-out: ad_storage granted");
    is_int(head_has(&c, "clarity('consentv2',{ad_Storage:'granted',"
                        "analytics_Storage:'granted'});"), 1,
           "opt-out: Clarity granted");

    c.gpc = 1;
    is_int(head_has(&c, "'ad_storage':'denied','ad_user_data'"), 1,
           "opt-out with GPC: ad_storage denied");
    is_int(head_has(&c, "{ad_Storage:'denied',analytics_Storage:'granted'}"),
           1, "opt-out with GPC: Clarity ads denied, analytics granted");

    c.gpc = 0;
    c.mode = CONSENT_MODE_NOTICE;
    is_int(head_has(&c, "{'ad_storage':'granted'}"), 1,
           "notice: UET granted");

    is_int(render_has(&c, "data-vendors=\" clarity uet meta \""), 1,
           "the vendors are named for consent.js");

    consent_render_forget(p);
    consent_policy_free(p);
}


int
main(void)
{
    test_normalize();
    test_builtin();
    test_policy_regions();
    test_errors();
    test_granted();
    test_render();
    test_signals();

    return done_testing();
}

/*
 * Decisions posted to the consent endpoint: form and JSON parsing, the
 * return_to sanitiser against hostile inputs, the granted mask under GPC,
 * the cross-site check and the state document.
 */

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "consent_cookie.h"
#include "consent_request.h"


#define NECESSARY    (1u << 0)
#define PREFERENCES  (1u << 1)
#define ANALYTICS    (1u << 2)
#define MARKETING    (1u << 3)

#define T(s)  "{\"en\": \"" s "\"}"

static const char  test_policy[] =
    "{\"revision\": 3, \"default_language\": \"en\","
    " \"categories\": ["
    "  {\"id\": \"necessary\", \"required\": true,"
    "   \"title\": " T("N") ", \"description\": " T("n") "},"
    "  {\"id\": \"preferences\","
    "   \"title\": " T("P") ", \"description\": " T("p") "},"
    "  {\"id\": \"analytics\","
    "   \"title\": " T("A") ", \"description\": " T("a") "},"
    "  {\"id\": \"marketing\", \"gpc\": true,"
    "   \"title\": " T("M") ", \"description\": " T("m") "}],"
    " \"services\": ["
    "  {\"id\": \"youtube\", \"name\": \"YouTube\", \"category\": \"marketing\","
    "   \"provider\": \"Google\", \"match\": {\"src\": [\"^https://yt\\\\.example/\"]}},"
    "  {\"id\": \"vimeo\", \"name\": \"Vimeo\", \"category\": \"marketing\","
    "   \"provider\": \"Vimeo\", \"match\": {\"src\": [\"^https://vm\\\\.example/\"]}},"
    "  {\"id\": \"google-analytics\", \"name\": \"GA\","
    "   \"category\": \"analytics\", \"provider\": \"Google\","
    "   \"match\": {\"src\": [\"^https://ga\\\\.example/\"]}}],"
    " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\","
    "  \"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\","
    "  \"save\": \"s\", \"policy_link\": \"l\"}}}";


static consent_policy_t  *policy;


static int
form(const char *body, consent_decision_t *d, char *reason)
{
    reason[0] = '\0';
    return consent_decision_parse_form(policy, body, strlen(body), d, reason);
}


static int
json(const char *body, consent_decision_t *d, char *reason)
{
    reason[0] = '\0';
    return consent_decision_parse_json(policy, body, strlen(body), d, reason);
}


static void
test_form(void)
{
    char                reason[CONSENT_REASON_MAX];
    consent_decision_t  d;

    is_int(form("action=accept_all", &d, reason), 0, "form: accept_all");
    is_int(d.action, CONSENT_ACTION_ACCEPT_ALL, "form: action parsed");
    is_int(d.source, CONSENT_SOURCE_NOJS, "form: source defaults to nojs");
    is_str(d.return_to, "/", "form: return_to defaults to /");
    is_int(d.requested, 0, "form: nothing requested");

    is_int(form("action=save&granted=analytics&granted=marketing"
                "&return_to=%2Fshop%2Fcart%3Fx%3D1&source=preferences",
                &d, reason), 0, "form: save with categories");
    is_int(d.action, CONSENT_ACTION_SAVE, "form: save parsed");
    is_int(d.requested, ANALYTICS | MARKETING, "form: granted repeated");
    is_str(d.return_to, "/shop/cart?x=1", "form: return_to decoded");
    is_int(d.source, CONSENT_SOURCE_PREFERENCES, "form: source parsed");

    is_int(form("granted=analytics&submit=Save+choices&&action=save"
                "&granted=analytics", &d, reason), 0,
           "form: unknown fields and empty pairs ignored, action last");
    is_int(d.requested, ANALYTICS, "form: duplicate grant is one grant");

    is_int(form("action=reject_all&return_to=//evil.example/", &d, reason),
           0, "form: hostile return_to is not an error");
    is_str(d.return_to, "/", "form: hostile return_to becomes /");

    is_int(form("action=withdraw&return_to=%2F%2Fevil.example", &d, reason),
           0, "form: encoded // parsed");
    is_str(d.return_to, "/", "form: encoded // becomes /");

    is_int(form("action=save&return_to=/a%0d%0aSet-Cookie:x=1", &d, reason),
           0, "form: CRLF injection parsed");
    is_str(d.return_to, "/", "form: CRLF in return_to becomes /");

    is_int(form("granted=analytics", &d, reason), -1, "form: no action");
    is_str(reason, "missing action", "form: reason for no action");

    is_int(form("", &d, reason), -1, "form: empty body");
    is_str(reason, "missing action", "form: reason for empty body");

    is_int(form("action=accept_everything", &d, reason), -1,
           "form: unknown action");
    is_str(reason, "unknown action \"accept_everything\"",
           "form: reason names the action");

    is_int(form("action=save&action=accept_all", &d, reason), -1,
           "form: two actions");
    is_str(reason, "action given more than once", "form: reason for two");

    is_int(form("action=save&granted=tracking", &d, reason), -1,
           "form: unknown category");
    is_str(reason, "unknown category \"tracking\"",
           "form: reason names the category");

    is_int(form("action=save&granted=", &d, reason), -1,
           "form: empty category");

    is_int(form("action=save&granted=%0a%22x", &d, reason), -1,
           "form: category with control characters");
    is_str(reason, "unknown category \"??x\"",
           "form: reason never carries controls or quotes");

    is_int(form("action=save&granted=ana%zzlytics", &d, reason), -1,
           "form: bad percent escape");
    is_str(reason, "malformed percent-encoding", "form: reason for %%zz");

    is_int(form("action=save%2", &d, reason), -1, "form: truncated escape");
    is_int(form("action=save&source=robot", &d, reason), -1,
           "form: unknown source");
    is_str(reason, "unknown source \"robot\"", "form: reason names source");

    is_int(form("action=save&return_to=/a&return_to=/b", &d, reason), -1,
           "form: two return_to");

    is_int(form("action=save&granted=necessary", &d, reason), 0,
           "form: granting a required category is fine");
    is_int(d.requested, NECESSARY, "form: required category requested");

    is_int(form("act%69on=save&granted=an%61lytics", &d, reason), 0,
           "form: encoded key and value");
    is_int(d.requested, ANALYTICS, "form: encoded category decoded");

    /* fuzz finding: a NUL in a category read past the policy's id */
    is_int(form("action=save&granted=necessary%00aaaaaaaaaaaaaaaaaaaaaaaa",
                &d, reason), -1, "form: a category with a NUL is unknown");
}


static void
test_json(void)
{
    char                reason[CONSENT_REASON_MAX];
    consent_decision_t  d;

    is_int(json("{\"action\":\"save\",\"granted\":[\"analytics\"]}", &d,
                reason), 0, "json: save");
    is_int(d.action, CONSENT_ACTION_SAVE, "json: action");
    is_int(d.requested, ANALYTICS, "json: granted");
    is_int(d.source, CONSENT_SOURCE_API, "json: source defaults to api");
    is_str(d.return_to, "/", "json: return_to is /");

    is_int(json("{\"granted\":[],\"source\":\"banner\","
                "\"action\":\"accept_all\"}", &d, reason), 0,
           "json: accept_all from the banner");
    is_int(d.source, CONSENT_SOURCE_BANNER, "json: source given");

    is_int(json("{\"action\":\"save\"", &d, reason), -1, "json: truncated");
    ok(strncmp(reason, "malformed JSON at line 1", 24) == 0,
       "json: reason for truncated JSON (%s)", reason);

    is_int(json("[\"save\"]", &d, reason), -1, "json: not an object");
    is_str(reason, "the JSON body must be an object", "json: reason array");

    is_int(json("{}", &d, reason), -1, "json: no action");
    is_str(reason, "missing action", "json: reason no action");

    is_int(json("{\"action\":1}", &d, reason), -1, "json: action number");
    is_str(reason, "\"action\" must be a string", "json: reason action");

    is_int(json("{\"action\":\"nope\"}", &d, reason), -1,
           "json: unknown action");
    is_str(reason, "unknown action \"nope\"", "json: reason unknown action");

    is_int(json("{\"action\":\"save\",\"granted\":\"analytics\"}", &d,
                reason), -1, "json: granted not an array");
    is_int(json("{\"action\":\"save\",\"granted\":[1]}", &d, reason), -1,
           "json: granted holds a number");
    is_int(json("{\"action\":\"save\",\"granted\":[\"ads\"]}", &d, reason),
           -1, "json: unknown category");
    is_str(reason, "unknown category \"ads\"", "json: reason category");

    is_int(json("{\"action\":\"save\",\"grant\":[\"analytics\"]}", &d,
                reason), -1, "json: misspelt member refused");
    is_str(reason, "unknown member \"grant\"", "json: reason member");

    is_int(json("{\"action\":\"save\",\"action\":\"withdraw\"}", &d, reason),
           -1, "json: duplicate member refused");

    is_int(json("{\"action\":\"save\",\"source\":\"x\"}", &d, reason), -1,
           "json: unknown source");

    is_int(json("{\"action\":\"save\",\"granted\":[\"analytics\\u0000\"]}",
                &d, reason), -1, "json: NUL inside a category");
}


static void
test_return_to(void)
{
    size_t  i;
    char    out[CONSENT_RETURN_TO_MAX], *longest;

    static const struct {
        const char  *in;
        const char  *want;
    } cases[] = {
        { "/", "/" },
        { "/shop", "/shop" },
        { "/a/b?c=d&e=f#top", "/a/b?c=d&e=f#top" },
        { "/%2F%2Fevil.example", "/%2F%2Fevil.example" },
        { "/./", "/./" },
        { "", "/" },
        { "shop", "/" },
        { "//evil.example", "/" },
        { "//evil.example/path", "/" },
        { "/\\evil.example", "/" },
        { "\\\\evil.example", "/" },
        { "/a\\b", "/" },
        { "https://evil.example/", "/" },
        { "http:evil.example", "/" },
        { "javascript:alert(1)", "/" },
        { "data:text/html,x", "/" },
        { " /shop", "/" },
        { "/shop page", "/" },
        { "/a\r\nSet-Cookie: x=1", "/" },
        { "/a\nb", "/" },
        { "/a\tb", "/" },
        { "/\t/evil.example", "/" },
        { "/a\x7f", "/" },
        { "/caf\xc3\xa9", "/" },
        { "?x=1", "/" },
        { "#frag", "/" },
        { "..", "/" },
    };

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        consent_return_to_sanitise(cases[i].in, strlen(cases[i].in), out);
        is_str(out, cases[i].want, "return_to case %zu", i);
    }

    consent_return_to_sanitise("/a\0//evil", 9, out);
    is_str(out, "/", "return_to with a NUL byte");

    longest = malloc(CONSENT_RETURN_TO_MAX + 1);
    if (longest == NULL) {
        ok(0, "out of memory");
        return;
    }

    memset(longest, 'a', CONSENT_RETURN_TO_MAX);
    longest[0] = '/';

    consent_return_to_sanitise(longest, CONSENT_RETURN_TO_MAX - 1, out);
    is_int(strlen(out), CONSENT_RETURN_TO_MAX - 1,
           "return_to of the maximum length kept");

    consent_return_to_sanitise(longest, CONSENT_RETURN_TO_MAX, out);
    is_str(out, "/", "return_to one byte too long becomes /");

    free(longest);
}


static void
test_granted(void)
{
    consent_mask_t  all;

    all = NECESSARY | PREFERENCES | ANALYTICS | MARKETING;

    is_int(policy->all_mask, all, "policy has four categories");
    is_int(policy->gpc_mask, MARKETING, "marketing is the gpc category");

    is_int(consent_decision_granted(policy, CONSENT_ACTION_ACCEPT_ALL, 0, 0),
           all, "accept_all grants all");
    is_int(consent_decision_granted(policy, CONSENT_ACTION_ACCEPT_ALL, 0, 1),
           NECESSARY | PREFERENCES | ANALYTICS,
           "accept_all under GPC denies gpc categories");
    is_int(consent_decision_granted(policy, CONSENT_ACTION_REJECT_ALL,
                                    ANALYTICS, 0),
           NECESSARY, "reject_all grants required only");
    is_int(consent_decision_granted(policy, CONSENT_ACTION_SAVE, 0, 0),
           NECESSARY, "save of nothing keeps required");
    is_int(consent_decision_granted(policy, CONSENT_ACTION_SAVE,
                                    ANALYTICS, 0),
           NECESSARY | ANALYTICS, "save grants what was asked");
    is_int(consent_decision_granted(policy, CONSENT_ACTION_SAVE,
                                    MARKETING, 1),
           NECESSARY | MARKETING, "save: an explicit grant wins over GPC");
    is_int(consent_decision_granted(policy, CONSENT_ACTION_SAVE,
                                    0xffffffffu, 0),
           all, "save never grants bits outside the policy");
    is_int(consent_decision_granted(policy, CONSENT_ACTION_WITHDRAW,
                                    all, 0),
           NECESSARY, "withdraw leaves required only");

    is_str(consent_action_name(CONSENT_ACTION_WITHDRAW), "withdraw",
           "action name");
    is_str(consent_source_name(CONSENT_SOURCE_NOJS), "nojs", "source name");
}


static void
test_origin(void)
{
    size_t  i;

    static const struct {
        const char  *origin;
        const char  *host;
        int          https;
        int          want;
    } cases[] = {
        { "http://example.com", "example.com", 0, 1 },
        { "https://example.com", "example.com", 1, 1 },
        { "HTTPS://Example.COM", "example.com", 1, 1 },
        { "https://example.com", "example.com", 0, 1 },
        { "http://example.com", "example.com", 1, 0 },
        { "http://example.com:80", "example.com", 0, 1 },
        { "http://example.com", "example.com:80", 0, 1 },
        { "http://127.0.0.1:8080", "127.0.0.1:8080", 0, 1 },
        { "http://127.0.0.1:8081", "127.0.0.1:8080", 0, 0 },
        { "http://127.0.0.1", "127.0.0.1:8080", 0, 0 },
        { "http://[::1]:8080", "[::1]:8080", 0, 1 },
        { "http://[::1]:8080", "[::2]:8080", 0, 0 },
        { "http://evil.example", "example.com", 0, 0 },
        { "http://example.com.evil.example", "example.com", 0, 0 },
        { "http://evil.example@example.com", "example.com", 0, 0 },
        { "http://example.co", "example.com", 0, 0 },
        { "null", "example.com", 0, 0 },
        { "", "example.com", 0, 0 },
        { "ftp://example.com", "example.com", 0, 0 },
        { "http://", "example.com", 0, 0 },
        { "http://example.com:99999", "example.com:99999", 0, 0 },
        { "http://example.com:8x", "example.com:8x", 0, 0 },
        { "http://example.com/page?q=1", "example.com", 0, 1 },
        { "http://example.com?q", "example.com", 0, 1 },
        { "http://evil.example/example.com", "example.com", 0, 0 },
        { "http://example.com", "", 0, 0 },
    };

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        is_int(consent_origin_same(cases[i].origin, strlen(cases[i].origin),
                                   cases[i].host, strlen(cases[i].host),
                                   cases[i].https),
               cases[i].want, "origin \"%s\" vs host \"%s\" (%s)",
               cases[i].origin, cases[i].host,
               cases[i].https ? "https" : "http");
    }
}


/* Single-service grants: fields, bounds, unknown ids, what they leave. */
static void
test_services(void)
{
    int                 i;
    char                reason[CONSENT_REASON_MAX], body[2048], *p;
    uint64_t            yt, vm, ga;
    consent_state_t     prior, st;
    consent_decision_t  d;

    yt = policy->services[0].hash;
    vm = policy->services[1].hash;
    ga = policy->services[2].hash;

    is_int(form("action=allow&service=youtube&source=placeholder"
                "&return_to=%2Fwatch%3Fv%3D1%23player", &d, reason), 0,
           "form: allow one service from a placeholder");
    is_int(d.action, CONSENT_ACTION_ALLOW, "form: allow parsed");
    is_int(d.source, CONSENT_SOURCE_PLACEHOLDER, "form: source placeholder");
    ok(d.services.n == 1 && consent_services_has(&d.services, yt),
       "form: the service");
    is_str(d.return_to, "/watch?v=1#player", "form: the fragment stays");
    is_str(consent_source_name(d.source), "placeholder", "source name");
    is_str(consent_action_name(d.action), "allow", "action name");

    is_int(form("action=save&granted=analytics&service=youtube"
                "&service=vimeo&service=youtube", &d, reason), 0,
           "form: save with categories and services");
    is_int(d.requested, ANALYTICS, "form: the category");
    ok(d.services.n == 2 && consent_services_has(&d.services, yt)
       && consent_services_has(&d.services, vm),
       "form: the services, a repeated one once");

    is_int(form("action=allow", &d, reason), -1, "form: allow alone");
    is_str(reason, "allow needs a service", "form: allow needs a service");
    is_int(form("action=allow&service=tiktok%22%0a", &d, reason), -1,
           "form: unknown service");
    is_str(reason, "unknown service \"tiktok??\"",
           "form: unknown service, quoted safely");
    is_int(form("action=save&service=marketing", &d, reason), -1,
           "form: a category is not a service");
    is_int(form("action=allow&service=", &d, reason), -1,
           "form: an empty service");
    is_str(reason, "unknown service \"\"", "form: empty service reason");

    is_int(json("{\"action\":\"allow\",\"granted_services\":[\"vimeo\"],"
                "\"source\":\"placeholder\"}", &d, reason), 0,
           "json: allow");
    ok(d.action == CONSENT_ACTION_ALLOW && d.services.n == 1
       && consent_services_has(&d.services, vm), "json: the service");
    is_int(json("{\"action\":\"save\",\"granted\":[\"analytics\"],"
                "\"granted_services\":[\"youtube\",\"google-analytics\"]}",
                &d, reason), 0, "json: save with services");
    is_int(d.services.n, 2, "json: two services");
    is_int(json("{\"action\":\"save\",\"granted_services\":\"youtube\"}",
                &d, reason), -1, "json: granted_services not an array");
    is_str(reason, "\"granted_services\" must be an array", "json: reason");
    is_int(json("{\"action\":\"save\",\"granted_services\":[1]}",
                &d, reason), -1, "json: a number");
    is_str(reason, "\"granted_services\" must hold service ids",
           "json: reason for a number");
    is_int(json("{\"action\":\"allow\",\"granted_services\":[\"nope\"]}",
                &d, reason), -1, "json: unknown service");
    is_str(reason, "unknown service \"nope\"", "json: unknown service reason");
    is_int(json("{\"action\":\"allow\",\"granted_services\":[]}",
                &d, reason), -1, "json: allow of nothing");

    /* the bound: a policy of 3 services cannot name 33; hashes can */
    d.services.n = 0;
    for (i = 0; i < CONSENT_SERVICES_MAX; i++) {
        consent_services_add(&d.services, (uint64_t) i + 1);
    }
    d.action = CONSENT_ACTION_ALLOW;
    memset(&prior, 0, sizeof(prior));
    prior.decided = 1;
    prior.granted = NECESSARY;
    consent_services_add(&prior.services, yt);
    is_int(consent_decision_apply(policy, &d, &prior, 0, &st, reason), -1,
           "allow: 33 services in all are refused");
    ok(strstr(reason, "more than 32 services") != NULL, "allow: reason");

    p = body;
    p += sprintf(p, "action=save");
    for (i = 0; i < CONSENT_SERVICES_MAX; i++) {
        p += sprintf(p, "&service=youtube");
    }
    is_int(form(body, &d, reason), 0, "form: 32 times the same service");

    /* what a decision leaves in force */
    form("action=allow&service=youtube", &d, reason);
    memset(&st, 0xff, sizeof(st));
    is_int(consent_decision_apply(policy, &d, NULL, 0, &st, reason), 0,
           "allow without a decision");
    is_int(st.granted, NECESSARY, "allow without a decision: required only");
    is_int(st.decided, 0, "allow without a decision: undecided");
    ok(st.services.n == 1 && st.services.hash[0] == yt, "and the service");

    memset(&prior, 0, sizeof(prior));
    prior.decided = 1;
    prior.granted = NECESSARY | ANALYTICS;
    consent_services_add(&prior.services, vm);
    is_int(consent_decision_apply(policy, &d, &prior, 0, &st, reason), 0,
           "allow on a decision");
    is_int(st.granted, NECESSARY | ANALYTICS, "allow keeps the categories");
    is_int(st.decided, 1, "allow keeps decided");
    ok(st.services.n == 2 && consent_services_has(&st.services, vm)
       && consent_services_has(&st.services, yt), "allow adds the service");

    form("action=save&granted=analytics&service=google-analytics", &d,
         reason);
    consent_decision_apply(policy, &d, &prior, 0, &st, reason);
    ok(st.decided && st.granted == (NECESSARY | ANALYTICS)
       && st.services.n == 1 && st.services.hash[0] == ga,
       "save: exactly its categories and services");

    form("action=reject_all&service=youtube", &d, reason);
    consent_decision_apply(policy, &d, &prior, 0, &st, reason);
    ok(st.decided && st.granted == NECESSARY && st.services.n == 0,
       "reject_all clears the service grants");
    form("action=withdraw", &d, reason);
    consent_decision_apply(policy, &d, &prior, 0, &st, reason);
    ok(st.services.n == 0, "withdraw clears the service grants");

    form("action=accept_all", &d, reason);
    consent_decision_apply(policy, &d, &prior, 1, &st, reason);
    ok(st.decided && st.granted == (NECESSARY | PREFERENCES | ANALYTICS)
       && st.services.n == 1 && st.services.hash[0] == vm,
       "accept_all under GPC keeps a marketing service granted alone");
}


static void
test_state(void)
{
    char                *text;
    unsigned char        id[CONSENT_ID_LEN];
    consent_services_t   services;

    memset(id, 0xab, sizeof(id));

    services.n = 0;
    consent_services_add(&services, policy->services[1].hash);
    consent_services_add(&services, policy->services[0].hash);
    consent_services_add(&services, 12345);     /* no service's: unnamed */

    text = consent_state_json(policy, "valid", id, 1, NECESSARY | ANALYTICS,
                              &services, 3, 1, "US-CA", CONSENT_MODE_OPT_OUT);
    is_str(text, "{\"status\":\"valid\","
                 "\"id\":\"abababababababababababababababab\","
                 "\"decided\":true,"
                 "\"granted\":[\"necessary\",\"analytics\"],"
                 "\"denied\":[\"preferences\",\"marketing\"],"
                 "\"granted_services\":[\"youtube\",\"vimeo\"],"
                 "\"revision\":3,\"gpc\":true,\"region\":\"US-CA\","
                 "\"mode\":\"opt-out\"}", "state document");
    free(text);

    text = consent_state_json(policy, "none", NULL, 0, NECESSARY, NULL, 3, 0,
                              "", CONSENT_MODE_OPT_IN);
    is_str(text, "{\"status\":\"none\",\"id\":null,\"decided\":false,"
                 "\"granted\":[\"necessary\"],"
                 "\"denied\":[\"preferences\",\"analytics\",\"marketing\"],"
                 "\"granted_services\":[],"
                 "\"revision\":3,\"gpc\":false,\"region\":null,"
                 "\"mode\":\"opt-in\"}", "state without decision");
    free(text);
}


int
main(void)
{
    char  err[256];

    policy = consent_policy_load_buffer(test_policy, sizeof(test_policy) - 1,
                                        "test policy", NULL, err, sizeof(err));
    ok(policy != NULL, "test policy loads");
    if (policy == NULL) {
        diag("%s", err);
        return done_testing();
    }

    test_form();
    test_json();
    test_return_to();
    test_granted();
    test_origin();
    test_state();
    test_services();

    consent_policy_free(policy);

    return done_testing();
}

/*
 * The privacy notice (GDPR Art. 13 sections in two languages), the
 * built-in wording of every language shipped, durations said in each
 * language, and the policy members only the notice uses.
 */

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "consent_render.h"
#include "consent_render_int.h"
#include "consent_render_lang.h"


static int
has(const consent_render_out_t *out, const char *needle)
{
    return out->data != NULL && strstr(out->data, needle) != NULL;
}


static consent_policy_t *
load(const char *text)
{
    char  err[512];

    return consent_policy_load_buffer(text, strlen(text), "inline", NULL, err,
                                      sizeof(err));
}


static void
test_notice(consent_policy_t *policy)
{
    consent_render_ctx_t  c;
    consent_render_out_t  out;

    memset(&c, 0, sizeof(c));
    c.policy = policy;
    c.lang = "en";
    c.api_path = "/_consent/";
    c.page_path = "/privacy";
    c.return_to = "/privacy";
    c.cookie_name = "consent";
    c.cookie_max_age = 180 * 86400;
    c.audit = 1;
    c.audit_ip = 0;

    ok(consent_render_policy_page(&c, &out) == 0, "notice: renders");
    ok(has(&out, "<body class=\"consent-page\" data-theme=\"light\">"),
       "notice: the policy's theme");
    ok(has(&out, ">Purposes, legal bases and recipients</h2>")
       && !has(&out, "\"></h2>") && !has(&out, "<h2></h2>"),
       "notice: every heading has its text");
    ok(has(&out, "<strong>Example Shop GmbH</strong>")
       && has(&out, "mailto:privacy@shop.example"),
       "notice: controller and contact");
    ok(has(&out, ">Data protection officer</h3>")
       && has(&out, "<strong>Dana Protector</strong>")
       && has(&out, "mailto:dpo@shop.example"), "notice: DPO");
    ok(has(&out, "Legal basis:</strong> your consent (Art. 6(1)(a) GDPR"),
       "notice: consent as the basis of an optional category");
    ok(has(&out, "Legal basis:</strong> strictly necessary"),
       "notice: strict necessity for a required category");
    ok(has(&out, "<caption>Recipients</caption>")
       && has(&out, "Stats Inc., 1 Market St"), "notice: recipients");
    ok(has(&out, "<td>USA: EU-US Data Privacy Framework</td>"),
       "notice: country and transfer safeguard");
    ok(has(&out, "<code>_st_&lt;site-id&gt;</code> (13\xc2\xa0months)")
       && has(&out, "<code>_st_s</code> (until the browser is closed)")
       && has(&out, "<code>_st_x</code> (a while)"),
       "notice: readable cookie names and localized durations");
    ok(!has(&out, "[0-9a-f]"), "notice: no regular expression shown");
    ok(has(&out, "named \xe2\x80\x9c" "consent\xe2\x80\x9d for 180\xc2\xa0"
           "days"), "notice: the consent cookie and its lifetime");
    ok(has(&out, "IP address shortened")
       && has(&out, "These records are kept for 3\xc2\xa0years."),
       "notice: the audit record, truncated IP, retention");
    ok(has(&out, ">Your rights</h2>") && has(&out, "withdraw your consent")
       && has(&out, "in particular Berliner Beauftragte")
       && has(&out, "href=\"https://www.datenschutz-berlin.de/\""),
       "notice: rights and the named supervisory authority");
    ok(has(&out, "<h2>Newsletter</h2><p>We send the newsletter only to "
           "those who ask for it.</p><p>You can unsubscribe"),
       "notice: the operator's sections as paragraphs");
    ok(has(&out, "id=\"consent-page-prefs\"")
       && has(&out, "value=\"withdraw\"") == 0,
       "notice: a form to choose (no withdraw before a choice)");
    ok(has(&out, "href=\"/\">Back to the site</a>"),
       "notice: a link back to the site");
    free(out.data);

    c.lang = "de";
    c.decided = 1;
    c.granted = 2;
    c.issued = 1764645600;
    c.consent_id = "00112233445566778899aabbccddeeff";
    c.audit_ip = 2;

    ok(consent_render_policy_page(&c, &out) == 0, "notice de: renders");
    ok(has(&out, "<html lang=\"de\" dir=\"ltr\">")
       && has(&out, "<title>Datenschutzhinweise</title>"),
       "notice de: lang and title");
    ok(has(&out, ">Verantwortlicher</h2>")
       && has(&out, ">Datenschutzbeauftragte(r)</h3>")
       && has(&out, "Rechtsgrundlage:</strong> Ihre Einwilligung")
       && has(&out, "<td>USA: EU-US-Datenschutzrahmen</td>")
       && has(&out, "(13\xc2\xa0Monate)")
       && has(&out, ">Ihre Rechte</h2>")
       && has(&out, "<h2>Newsletter</h2><p>Den Newsletter"),
       "notice de: every section in German");
    ok(has(&out, "Ihre Auswahl vom 2025-12-02 03:20 UTC, "
           "Einwilligungs-ID 00112233445566778899aabbccddeeff.")
       && has(&out, "value=\"withdraw\">Einwilligung widerrufen</button>"),
       "notice de: the choice with date and ID, and withdrawal");
    ok(has(&out, "Version der angezeigten Texte und die Kennung")
       && !has(&out, "IP-Adresse"), "notice de: no IP recorded");
    free(out.data);

    c.lang = "ar";
    ok(consent_render_policy_page(&c, &out) == 0
       && has(&out, "<html lang=\"ar\" dir=\"rtl\">"),
       "notice ar: right to left");
    free(out.data);
}


/* Every language has every key English has, and no text is empty. */
static void
test_languages(void)
{
    size_t                            n, k;
    const char *const                *t, *const *e;
    const consent_render_language_t  *l, *en;

    en = &consent_render_languages[0];
    is_str(en->lang, "en", "languages: English first");

    for (n = 0, l = consent_render_languages; l->lang; l++, n++) {
        for (e = en->texts; e[0]; e += 2) {
            for (t = l->texts; t[0]; t += 2) {
                if (strcmp(t[0], e[0]) == 0 && t[1][0] != '\0') {
                    break;
                }
            }

            if (t[0] == NULL) {
                break;
            }
        }

        for (k = 0; k < CONSENT_RENDER_UNITS; k++) {
            if (l->units[k][0] == NULL || l->units[k][2] == NULL) {
                break;
            }
        }

        if (e[0] != NULL || k < CONSENT_RENDER_UNITS) {
            break;
        }
    }

    ok(l->lang == NULL, "languages: %s has every text and unit",
       l->lang ? l->lang : "every language");
    is_int(n, 28, "languages: 24 EU languages, no, is, ar, he");
}


static void
test_durations(void)
{
    char                buf[64];
    consent_duration_t  d;

    ok(consent_policy_duration("P2Y", &d) == 0 && d.n == 2
       && d.unit == CONSENT_DURATION_YEARS, "duration: P2Y");
    ok(consent_policy_duration("PT30M", &d) == 0 && d.n == 30
       && d.unit == CONSENT_DURATION_MINUTES, "duration: PT30M");
    ok(consent_policy_duration("P13M", &d) == 0
       && d.unit == CONSENT_DURATION_MONTHS, "duration: P13M is months");
    ok(consent_policy_duration("90 days", &d) == 0 && d.n == 90
       && d.unit == CONSENT_DURATION_DAYS, "duration: 90 days");
    ok(consent_policy_duration("1 minute", &d) == 0 && d.n == 1,
       "duration: 1 minute");
    ok(consent_policy_duration("session", &d) == 0
       && d.unit == CONSENT_DURATION_SESSION, "duration: session");
    ok(consent_policy_duration("up to 2 years", &d) == -1
       && consent_policy_duration("P", &d) == -1
       && consent_policy_duration("P2X", &d) == -1
       && consent_policy_duration("0 days", &d) == -1,
       "duration: anything else is free text");

    d.unit = CONSENT_DURATION_YEARS;
    d.n = 1;
    consent_render_duration("pl", d, buf, sizeof(buf));
    is_str(buf, "1\xc2\xa0rok", "duration pl: 1 rok");
    d.n = 3;
    consent_render_duration("pl", d, buf, sizeof(buf));
    is_str(buf, "3\xc2\xa0lata", "duration pl: 3 lata");
    d.n = 5;
    consent_render_duration("pl", d, buf, sizeof(buf));
    is_str(buf, "5\xc2\xa0lat", "duration pl: 5 lat");
    d.n = 22;
    consent_render_duration("pl", d, buf, sizeof(buf));
    is_str(buf, "22\xc2\xa0lata", "duration pl: 22 lata");
    d.n = 0;
    d.unit = CONSENT_DURATION_MONTHS;
    d.n = 1;
    consent_render_duration("fr", d, buf, sizeof(buf));
    is_str(buf, "1\xc2\xa0mois", "duration fr: 1 mois");
    d.unit = CONSENT_DURATION_DAYS;
    d.n = 2;
    consent_render_duration("de-AT", d, buf, sizeof(buf));
    is_str(buf, "2\xc2\xa0Tage", "duration de-AT: 2 Tage");
    consent_render_duration("xx", d, buf, sizeof(buf));
    is_str(buf, "2\xc2\xa0" "days", "duration: unknown language in English");

    d = consent_render_seconds(180 * 86400);
    ok(d.n == 180 && d.unit == CONSENT_DURATION_DAYS,
       "seconds: 180 days");
    d = consent_render_seconds(2 * 365 * 86400);
    ok(d.n == 2 && d.unit == CONSENT_DURATION_YEARS, "seconds: 2 years");
}


static void
test_policy_members(void)
{
    consent_policy_t  *p;

    static const char  *base =
        "{\"revision\": 1, \"default_language\": \"en\","
        " \"categories\": [{\"id\": \"necessary\", \"required\": true,"
        "   \"title\": {\"en\": \"N\"}, \"description\": {\"en\": \"N\"}}],"
        " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\","
        "   \"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\","
        "   \"save\": \"s\", \"policy_link\": \"p\"}}";
    char                text[2048];

    snprintf(text, sizeof(text), "%s}", base);
    p = load(text);
    ok(p && strcmp(p->theme, "auto") == 0 && p->sections == NULL
       && p->audit_retention.unit == CONSENT_DURATION_NONE,
       "policy: theme auto, no sections, no retention by default");
    consent_policy_free(p);

    snprintf(text, sizeof(text), "%s, \"theme\": \"pink\"}", base);
    ok(load(text) == NULL, "policy: an unknown theme is refused");

    snprintf(text, sizeof(text), "%s, \"audit_retention\": \"a while\"}",
             base);
    ok(load(text) == NULL, "policy: a retention that is no duration is "
       "refused");

    snprintf(text, sizeof(text), "%s, \"sections\": [{\"title\": "
             "{\"en\": \"x\"}}]}", base);
    ok(load(text) == NULL, "policy: a section without body is refused");

    snprintf(text, sizeof(text), "%s, \"controller\": {\"name\": \"n\", "
             "\"supervisory_authority\": {\"name\": \"A\", \"url\": "
             "\"javascript:x\"}}}", base);
    ok(load(text) == NULL, "policy: an authority URL must be http(s)");
}


int
main(void)
{
    char               err[512];
    consent_policy_t  *policy;

    policy = consent_policy_load_file("tests/unit/notice.json", NULL, err,
                                      sizeof(err));
    ok(policy != NULL, "notice policy loads");
    if (policy == NULL) {
        diag("%s", err);
        return done_testing();
    }

    test_notice(policy);
    test_languages();
    test_durations();
    test_policy_members();

    consent_render_forget(policy);
    consent_policy_free(policy);

    return done_testing();
}

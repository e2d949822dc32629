/*
 * The built-in wording of the UI in every language ngx_consent ships,
 * written for this project.  Keys are those of a policy's "texts" (which
 * override them) beyond the seven every policy must give itself.
 * Placeholders in braces ({date}, {id}, {name}, {duration}, {authority},
 * {service}, {provider}) are filled in and escaped by the renderer.
 */

#include <stddef.h>

#include "consent_render_lang.h"


static const char *const  consent_text_en[] = {
    "settings", "Cookie settings",
    "preferences_title", "Privacy preferences",
    "preferences_body", "Choose which categories of cookies and services you allow. You can change your choice at any time.",
    "close", "Close",
    "privacy_title", "Privacy notice",
    "page_intro", "This notice explains what personal data this site processes with cookies and similar technologies, why, on which legal basis, who receives it, how long it is kept and which rights you have.",
    "cookies_title", "Purposes, legal bases and recipients",
    "always_on", "Always active",
    "services_title", "Services",
    "controller_title", "Controller",
    "dpo_title", "Data protection officer",
    "current_choice", "Your current choice",
    "withdraw", "Withdraw consent",
    "provider", "Provider",
    "service", "Service",
    "purpose", "Purpose",
    "cookies", "Cookies and retention",
    "privacy_url", "Privacy policy of the provider",
    "transfer", "Country and safeguard",
    "recipients", "Recipients",
    "no_services", "No third-party services.",
    "no_decision", "You have not made a choice yet.",
    "granted", "Allowed",
    "denied", "Not allowed",
    "gpc_notice", "Your browser sends a Global Privacy Control signal: categories that sell or share data stay off unless you switch them on here.",
    "consent_id", "Consent ID",
    "decided_on", "Your choice of {date}, consent ID {id}.",
    "back_to_site", "Back to the site",
    "legal_basis", "Legal basis:",
    "basis_consent", "your consent (Art. 6(1)(a) GDPR; for storing and reading information on your device, Art. 5(3) ePrivacy Directive). You can withdraw it at any time.",
    "basis_necessary", "strictly necessary to provide the service you asked for (Art. 5(3) ePrivacy Directive) and our legitimate interest in a working, secure site (Art. 6(1)(f) GDPR).",
    "own_title", "How we record your choice",
    "own_cookie", "Your choice is stored in your browser in a signed cookie named “{name}” for {duration}. It holds a random consent ID, the date, the version of this notice and the categories you allowed, nothing else.",
    "own_record", "To be able to prove your consent, we keep a record of each choice: the consent ID, the time, the choice, the version of the texts shown, your IP address shortened so that it no longer identifies you, and your browser's identification string.",
    "own_record_ip", "To be able to prove your consent, we keep a record of each choice: the consent ID, the time, the choice, the version of the texts shown, your IP address and your browser's identification string.",
    "own_record_no_ip", "To be able to prove your consent, we keep a record of each choice: the consent ID, the time, the choice, the version of the texts shown and your browser's identification string.",
    "own_retention", "These records are kept for {duration}.",
    "rights_title", "Your rights",
    "rights_body", "You have the right to access the data about you, to have it corrected or erased, to restrict its processing, to object to it and to receive it in a portable format. You can withdraw your consent at any time, as easily as you gave it; this does not affect processing before the withdrawal. Quote your consent ID when you contact us.",
    "rights_complaint", "You also have the right to lodge a complaint with a data protection supervisory authority, in particular in the EU member state where you live or work.",
    "rights_authority", "You also have the right to lodge a complaint with a data protection supervisory authority, in particular {authority}.",
    "session", "until the browser is closed",
    "placeholder_body", "This content is provided by {provider}. Loading it lets {provider} set cookies and learn that you visit this page.",
    "load_once", "Load once",
    "always_allow", "Always allow {service}",
    NULL
};


const consent_render_language_t  consent_render_languages[] = {
    { "en", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minute", NULL, "minutes" }, { "hour", NULL, "hours" },
        { "day", NULL, "days" }, { "week", NULL, "weeks" },
        { "month", NULL, "months" }, { "year", NULL, "years" } },
      consent_text_en },

    { NULL, NULL, NULL, 0, { { NULL } }, NULL }
};

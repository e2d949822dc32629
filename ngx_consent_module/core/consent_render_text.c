/*
 * UI texts: the policy's "texts" (which know every key a policy may set),
 * then built-in English, German and French wording for the few labels and
 * sentences of the UI that a policy file cannot set.
 */

#include <string.h>

#include "consent_render_int.h"


typedef struct {
    const char  *key;
    const char  *en;
    const char  *de;
    const char  *fr;
} consent_render_text_t;


static const consent_render_text_t  consent_render_texts[] = {
    { "preferences_body",
      "Choose which categories of cookies and services you allow. You can "
      "change your choice at any time.",
      "W\xc3\xa4hlen Sie, welche Kategorien von Cookies und Diensten Sie "
      "erlauben. Sie k\xc3\xb6nnen Ihre Auswahl jederzeit \xc3\xa4ndern.",
      "Choisissez les cat\xc3\xa9gories de cookies et de services que vous "
      "autorisez. Vous pouvez modifier votre choix \xc3\xa0 tout moment." },
    { "service", "Service", "Dienst", "Service" },
    { "purpose", "Purpose", "Zweck", "Finalit\xc3\xa9" },
    { "cookies", "Cookies", "Cookies", "Cookies" },
    { "gpc_notice",
      "Your browser sends a Global Privacy Control signal: categories that "
      "sell or share data stay off unless you switch them on here.",
      "Ihr Browser sendet ein Global-Privacy-Control-Signal: Kategorien, "
      "die Daten verkaufen oder weitergeben, bleiben aus, solange Sie sie "
      "hier nicht einschalten.",
      "Votre navigateur envoie un signal Global Privacy Control\xc2\xa0: "
      "les cat\xc3\xa9gories qui vendent ou partagent des donn\xc3\xa9" "es "
      "restent d\xc3\xa9sactiv\xc3\xa9" "es, sauf si vous les activez "
      "ici." },
    { "page_intro",
      "This page lists every category of cookies and services this site "
      "uses, who provides them, why and for how long. Necessary ones are "
      "always active; everything else needs your consent.",
      "Diese Seite f\xc3\xbchrt jede Kategorie von Cookies und Diensten "
      "dieser Website auf: wer sie anbietet, wozu und wie lange. Notwendige "
      "sind immer aktiv; alles andere braucht Ihre Einwilligung.",
      "Cette page pr\xc3\xa9sente chaque cat\xc3\xa9gorie de cookies et de "
      "services utilis\xc3\xa9s par ce site, qui les fournit, pourquoi et "
      "pour combien de temps. Les cookies n\xc3\xa9" "cessaires sont "
      "toujours actifs\xc2\xa0; tout le reste requiert votre "
      "consentement." },
    { "consent_id", "Consent ID", "Einwilligungs-ID",
      "Identifiant de consentement" },
    { "no_services", "No third-party services.", "Keine Drittanbieter.",
      "Aucun service tiers." },

    { NULL, NULL, NULL, NULL }
};


const char *
consent_render_text(const consent_policy_t *policy, const char *lang,
    const char *key)
{
    const char                   *text;
    const consent_render_text_t  *t;

    text = consent_policy_text(policy, lang, key);
    if (text[0] != '\0') {
        return text;
    }

    for (t = consent_render_texts; t->key; t++) {
        if (strcmp(t->key, key) != 0) {
            continue;
        }

        if (strncmp(lang, "de", 2) == 0 && (lang[2] == '\0'
                                            || lang[2] == '-'))
        {
            return t->de;
        }

        if (strncmp(lang, "fr", 2) == 0 && (lang[2] == '\0'
                                            || lang[2] == '-'))
        {
            return t->fr;
        }

        return t->en;
    }

    return "";
}

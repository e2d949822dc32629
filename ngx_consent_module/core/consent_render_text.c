/*
 * UI texts: the policy's "texts" (which know every key a policy may set),
 * then built-in English, German and French (for the regions' texts Spanish
 * too) wording for the few labels and sentences of the UI that a policy
 * file cannot set.
 */

#include <string.h>

#include "consent_render_int.h"


typedef struct {
    const char  *key;
    const char  *en;
    const char  *de;
    const char  *fr;
    const char  *es;        /* NULL: the English one */
} consent_render_text_t;


static const consent_render_text_t  consent_render_texts[] = {
    { "preferences_body",
      "Choose which categories of cookies and services you allow. You can "
      "change your choice at any time.",
      "W\xc3\xa4hlen Sie, welche Kategorien von Cookies und Diensten Sie "
      "erlauben. Sie k\xc3\xb6nnen Ihre Auswahl jederzeit \xc3\xa4ndern.",
      "Choisissez les cat\xc3\xa9gories de cookies et de services que vous "
      "autorisez. Vous pouvez modifier votre choix \xc3\xa0 tout moment.",
      NULL },
    { "service", "Service", "Dienst", "Service", NULL },
    { "purpose", "Purpose", "Zweck", "Finalit\xc3\xa9", NULL },
    { "cookies", "Cookies", "Cookies", "Cookies", NULL },
    { "gpc_notice",
      "Your browser sends a Global Privacy Control signal: categories that "
      "sell or share data stay off unless you switch them on here.",
      "Ihr Browser sendet ein Global-Privacy-Control-Signal: Kategorien, "
      "die Daten verkaufen oder weitergeben, bleiben aus, solange Sie sie "
      "hier nicht einschalten.",
      "Votre navigateur envoie un signal Global Privacy Control\xc2\xa0: "
      "les cat\xc3\xa9gories qui vendent ou partagent des donn\xc3\xa9" "es "
      "restent d\xc3\xa9sactiv\xc3\xa9" "es, sauf si vous les activez "
      "ici.", NULL },
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
      "consentement.", NULL },
    { "consent_id", "Consent ID", "Einwilligungs-ID",
      "Identifiant de consentement", NULL },
    { "no_services", "No third-party services.", "Keine Drittanbieter.",
      "Aucun service tiers.", NULL },
    { "privacy_choices", "Your Privacy Choices",
      "Ihre Datenschutzoptionen", "Vos choix en mati\xc3\xa8re de "
      "confidentialit\xc3\xa9", "Sus opciones de privacidad" },
    { "do_not_sell", "Do Not Sell or Share My Personal Information",
      "Meine personenbezogenen Daten nicht verkaufen oder weitergeben",
      "Ne pas vendre ni partager mes informations personnelles",
      "No vender ni compartir mi informaci\xc3\xb3n personal" },
    { "opt_out_honored", "Opt-out request honored",
      "Widerspruch ber\xc3\xbc" "cksichtigt",
      "Demande d'opposition respect\xc3\xa9" "e",
      "Solicitud de exclusi\xc3\xb3n atendida" },
    { "notice_title", "Cookies on this site", "Cookies auf dieser Website",
      "Cookies sur ce site", "Cookies en este sitio" },
    { "notice_body",
      "This site uses cookies and similar technologies, including those of "
      "the services listed in our privacy policy.",
      "Diese Website verwendet Cookies und \xc3\xa4hnliche Technologien, "
      "auch die der Dienste, die unsere Datenschutzerkl\xc3\xa4rung "
      "nennt.",
      "Ce site utilise des cookies et des technologies similaires, dont "
      "ceux des services list\xc3\xa9s dans notre politique de "
      "confidentialit\xc3\xa9.",
      "Este sitio utiliza cookies y tecnolog\xc3\xad" "as similares, "
      "incluidas las de los servicios que enumera nuestra pol\xc3\xad" "tica "
      "de privacidad." },
    { "notice_ok", "OK", "OK", "OK", "De acuerdo" },

    { NULL, NULL, NULL, NULL, NULL }
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

        if (t->es && strncmp(lang, "es", 2) == 0
            && (lang[2] == '\0' || lang[2] == '-'))
        {
            return t->es;
        }

        return t->en;
    }

    return "";
}

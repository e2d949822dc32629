/*
 * The policy: the built-in policy loads and recognises real tracker URLs,
 * inline snippets and cookies (and not first-party look-alikes); every
 * broken fixture fails with its message and position; the combined
 * prefilter agrees with matching pattern by pattern; languages are
 * negotiated; the cookie declarations agree with the Open Cookie Database.
 * Run from the repository root (make test does).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "consent_policy_int.h"      /* the matcher's pattern sets */
#include "consent_url.h"
#include "tap.h"

#define BUILTIN   "ngx_consent_module/assets/policy.json"
#define FIXTURES  "tests/unit/policies/"
#define OCD_CSV   "open-cookie-database/open-cookie-database.csv"
#define CATALOGUE "ngx_consent_module/assets/catalogue.json"


/* The built-in policy extends the catalogue embedded with it. */
static const consent_catalogue_t *
builtin_catalogue(void)
{
    char                        err[512];
    static consent_catalogue_t *catalogue;

    if (catalogue == NULL) {
        catalogue = consent_catalogue_load_file(CATALOGUE, err, sizeof(err));
        if (catalogue == NULL) {
            diag("%s", err);
        }
    }

    return catalogue;
}


typedef struct {
    const char  *subject;
    const char  *service;       /* NULL: no service */
    const char  *category;
} expect_t;


static const expect_t  tracker_urls[] = {
    { "https://www.googletagmanager.com/gtag/js?id=G-ABCDE12345",
      "google-analytics", "analytics" },
    { "//www.googletagmanager.com/gtag/js?id=UA-12345-1",
      "google-analytics", "analytics" },
    { "https://www.google-analytics.com/analytics.js",
      "google-analytics", "analytics" },
    { "http://www.google-analytics.com/ga.js", "google-analytics",
      "analytics" },
    { "https://ssl.google-analytics.com/ga.js", "google-analytics",
      "analytics" },
    { "https://region1.google-analytics.com/g/collect?v=2&tid=G-A1",
      "google-analytics", "analytics" },
    { "https://www.google-analytics.com/collect?v=1&tid=UA-1-1&t=pageview",
      "google-analytics", "analytics" },
    { "HTTPS://WWW.GOOGLE-ANALYTICS.COM/analytics.js", "google-analytics",
      "analytics" },
    { " https://www.google-analytics.com/analytics.js\n",
      "google-analytics", "analytics" },
    { "https://www.google-analytics.com:443/analytics.js",
      "google-analytics", "analytics" },
    { "https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234",
      "google-tag-manager", "analytics" },
    { "https://www.googletagmanager.com/ns.html?id=GTM-ABC1234",
      "google-tag-manager", "analytics" },
    { "https://www.googletagmanager.com/gtag/js?id=AW-123456789",
      "google-ads", "marketing" },
    { "https://www.googletagmanager.com/gtag/js?l=dataLayer&id=AW-1",
      "google-ads", "marketing" },
    { "https://www.googleadservices.com/pagead/conversion.js",
      "google-ads", "marketing" },
    { "https://www.googleadservices.com/pagead/conversion/123/?label=a",
      "google-ads", "marketing" },
    { "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/",
      "google-ads", "marketing" },
    { "https://www.googletagmanager.com/gtag/js?id=DC-1234567",
      "google-doubleclick-ads", "marketing" },
    { "https://ad.doubleclick.net/ddm/activity/src=123;type=a;cat=b;ord=1?",
      "google-doubleclick-ads", "marketing" },
    { "https://securepubads.g.doubleclick.net/tag/js/gpt.js", "google-doubleclick-ads",
      "marketing" },
    { "https://www.googletagservices.com/tag/js/gpt.js", "google-doubleclick-ads",
      "marketing" },
    { "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"
      "?client=ca-pub-1234567890123456", "google-doubleclick-ads", "marketing" },
    { "https://tpc.googlesyndication.com/safeframe/1-0-40/html/c.html",
      "google-doubleclick-ads", "marketing" },
    { "https://connect.facebook.net/en_US/fbevents.js", "facebook",
      "marketing" },
    { "https://connect.facebook.net/signals/config/123?v=2.9.1",
      "facebook", "marketing" },
    { "https://www.facebook.com/tr?id=123&ev=PageView&noscript=1",
      "facebook", "marketing" },
    { "https://static.hotjar.com/c/hotjar-1234567.js?sv=6", "hotjar",
      "analytics" },
    { "https://script.hotjar.com/modules.0123456789abcdef.js", "hotjar",
      "analytics" },
    { "https://www.clarity.ms/tag/abcdefghij", "clarity",
      "analytics" },
    { "https://scripts.clarity.ms/0.7.20/clarity.js", "clarity",
      "analytics" },
    { "https://bat.bing.com/bat.js", "bing-ads", "marketing" },
    { "https://snap.licdn.com/li.lms-analytics/insight.min.js",
      "linkedin-ads", "marketing" },
    { "https://px.ads.linkedin.com/collect/?pid=123&fmt=gif",
      "linkedin-ads", "marketing" },
    { "https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=A1&lib=ttq",
      "tiktok", "marketing" },
    { "https://static.ads-twitter.com/uwt.js", "twitter", "marketing" },
    { "https://platform.twitter.com/widgets.js", "twitter", "marketing" },
    { "https://analytics.twitter.com/i/adsct?txn_id=a1", "twitter",
      "marketing" },
    { "https://t.co/i/adsct?txn_id=a1", "twitter", "marketing" },
    { "https://s.pinimg.com/ct/core.js", "pinterest", "marketing" },
    { "https://ct.pinterest.com/v3/?tid=123&noscript=1", "pinterest",
      "marketing" },
    { "https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "marketing" },
    { "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0", "youtube",
      "marketing" },
    { "https://www.youtube.com/iframe_api", "youtube", "marketing" },
    { "https://player.vimeo.com/video/76979871?h=8272103f6e", "vimeo",
      "preferences" },
    { "https://player.vimeo.com/api/player.js", "vimeo", "preferences" },
    { "https://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js",
      "segment", "analytics" },
    { "https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js", "mixpanel",
      "analytics" },
    { "https://api-js.mixpanel.com/track/?verbose=1", "mixpanel",
      "analytics" },
    { "https://js.hs-scripts.com/1234567.js", "hubspot", "marketing" },
    { "//js-eu1.hs-scripts.com/1234567.js", "hubspot", "marketing" },
    { "https://js.hs-analytics.net/analytics/1700000000000/1234567.js",
      "hubspot", "marketing" },

    /* the catalogue blocks by host: whatever a tracker's host loads */
    { "https://www.facebook.com/trending", "facebook", "marketing" },
    { "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube",
      "marketing" },
    { "https://vimeo.com/76979871", "vimeo", "preferences" },

    /* first-party look-alikes and other harmless URLs */
    { "https://example.com/www.google-analytics.com.js", NULL, NULL },
    { "/js/google-analytics.js", NULL, NULL },
    { "https://google-analytics.com.evil.example/analytics.js", NULL, NULL },
    { "https://notgoogle-analytics.com/analytics.js", NULL, NULL },
    { "https://example.com/?next=https://www.google-analytics.com/", NULL,
      NULL },
    { "https://example.com/#//static.hotjar.com/c/hotjar-1.js", NULL, NULL },
    { "https://example.com/gtag/js?id=G-ABC", NULL, NULL },
    { "https://cdn.example.com/fbevents.js", NULL, NULL },
    { "https://www.googletagmanager.com.example.org/gtm.js", NULL, NULL },
    { "https://js.hsforms.net/forms/embed/v2.js", NULL, NULL },
    { "data:text/javascript,gtag('config','G-A1')", NULL, NULL },
    { "javascript:void(0)", NULL, NULL },
    { "", NULL, NULL },
    { "/", NULL, NULL },
    { NULL, NULL, NULL }
};


static const expect_t  inline_snippets[] = {
    { "window.dataLayer = window.dataLayer || [];\n"
      "function gtag(){dataLayer.push(arguments);}\n"
      "gtag('js', new Date());\n\n"
      "gtag('config', 'G-XXXXXXXXXX');\n", "google-analytics", "analytics" },
    { "(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||"
      "function(){\n(i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();"
      "a=s.createElement(o),\nm=s.getElementsByTagName(o)[0];a.async=1;"
      "a.src=g;m.parentNode.insertBefore(a,m)\n})(window,document,'script',"
      "'https://www.google-analytics.com/analytics.js','ga');\n"
      "ga('create', 'UA-XXXXX-Y', 'auto');\nga('send', 'pageview');\n",
      "google-analytics", "analytics" },
    { "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':\n"
      "new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)"
      "[0],\nj=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;"
      "j.src=\n'https://www.googletagmanager.com/gtm.js?id='+i+dl;"
      "f.parentNode.insertBefore(j,f);\n})(window,document,'script',"
      "'dataLayer','GTM-XXXX');", "google-tag-manager", "analytics" },
    { "gtag('config', 'AW-123456789');", "google-ads", "marketing" },
    /* a tag for both: the stricter category wins (Ads come first) */
    { "gtag('config', 'G-A1B2C3');\ngtag('config', 'AW-123456789');",
      "google-ads", "marketing" },
    { "(adsbygoogle = window.adsbygoogle || []).push({});",
      "google-doubleclick-ads", "marketing" },
    { "!function(f,b,e,v,n,t,s)\n{if(f.fbq)return;n=f.fbq=function(){"
      "n.callMethod?\nn.callMethod.apply(n,arguments):n.queue.push(arguments)"
      "};\nif(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';\n"
      "n.queue=[];t=b.createElement(e);t.async=!0;\nt.src=v;"
      "s=b.getElementsByTagName(e)[0];\ns.parentNode.insertBefore(t,s)}"
      "(window, document,'script',\n"
      "'https://connect.facebook.net/en_US/fbevents.js');\n"
      "fbq('init', '1234567890');\nfbq('track', 'PageView');\n",
      "facebook", "marketing" },
    { "(function(h,o,t,j,a,r){\n"
      "    h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};\n"
      "    h._hjSettings={hjid:1234567,hjsv:6};\n"
      "    a=o.getElementsByTagName('head')[0];\n"
      "    r=o.createElement('script');r.async=1;\n"
      "    r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;\n"
      "    a.appendChild(r);\n"
      "})(window,document,'https://static.hotjar.com/c/hotjar-',"
      "'.js?sv=');", "hotjar", "analytics" },
    { "(function(c,l,a,r,i,t,y){\n"
      "    c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};\n"
      "    t=l.createElement(r);t.async=1;"
      "t.src=\"https://www.clarity.ms/tag/\"+i;\n"
      "    y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);\n"
      "})(window, document, \"clarity\", \"script\", \"abcdefghij\");",
      "clarity", "analytics" },
    { "(function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){var o={ti:"
      "\"12345678\"};o.q=w[u],w[u]=new UET(o),w[u].push(\"pageLoad\")},"
      "n=d.createElement(t),n.src=r,n.async=1})(window,document,\"script\","
      "\"//bat.bing.com/bat.js\",\"uetq\");", "bing-ads",
      "marketing" },
    { "_linkedin_partner_id = \"1234567\";\n"
      "window._linkedin_data_partner_ids = "
      "window._linkedin_data_partner_ids || [];\n"
      "window._linkedin_data_partner_ids.push(_linkedin_partner_id);",
      "linkedin-ads", "marketing" },
    { "!function (w, d, t) {\n  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]"
      "||[];\n  ttq.load('C4ABCDEF');\n  ttq.page();\n}(window, document, "
      "'ttq');", "tiktok", "marketing" },
    { "!function(e,t,n,s,u,a){e.twq||(s=e.twq=function(){s.exe?s.exe.apply("
      "s,arguments):s.queue.push(arguments);\n},s.version='1.1',s.queue=[],"
      "u=t.createElement(n),u.async=!0,"
      "u.src='https://static.ads-twitter.com/uwt.js',\na=t."
      "getElementsByTagName(n)[0],a.parentNode.insertBefore(u,a))}(window,"
      "document,'script');\ntwq('config','abcde');", "twitter",
      "marketing" },
    { "!function(e){if(!window.pintrk){window.pintrk = function () {\n"
      "window.pintrk.queue.push(Array.prototype.slice.call(arguments))};}}"
      "(\"https://s.pinimg.com/ct/core.js\");\n"
      "pintrk('load', '2612345678901');\npintrk('page');",
      "pinterest", "marketing" },
    { "var tag = document.createElement('script');\n"
      "tag.src = \"https://www.youtube.com/iframe_api\";",
      "youtube", "marketing" },
    { "player = new YT.Player('player', {videoId: 'M7lc1UVf-VE'});",
      "youtube", "marketing" },
    { "var player = new Vimeo.Player(iframe);", "vimeo", "preferences" },
    { "!function(){var i=\"analytics\",analytics=window[i]=window[i]||[];"
      "analytics.load=function(key,n){var t=document.createElement("
      "\"script\");t.src=\"https://cdn.segment.com/analytics.js/v1/\" + key"
      " + \"/analytics.min.js\"};analytics.load(\"WRITE_KEY\");"
      "analytics.page();}();", "segment", "analytics" },
    { "mixpanel.init(\"YOUR_TOKEN\", {track_pageview: true});", "mixpanel",
      "analytics" },
    { "var _hsq = window._hsq = window._hsq || [];\n"
      "_hsq.push(['setPath', '/home']);", "hubspot", "marketing" },

    /* not trackers: the Consent Mode default, plain code */
    { "window.dataLayer = window.dataLayer || [];\n"
      "function gtag(){dataLayer.push(arguments);}\n"
      "gtag('consent', 'default', {'ad_storage': 'denied',\n"
      "  'analytics_storage': 'denied'});", NULL, NULL },
    { "console.log('hello, world');", NULL, NULL },
    { "document.querySelector('.ga').textContent = 'hj';", NULL, NULL },
    { NULL, NULL, NULL }
};


static const expect_t  cookie_names[] = {
    { "_ga", "google-analytics", "analytics" },
    { "_ga_ABC123DEF", "google-analytics", "analytics" },
    { "_gid", "google-analytics", "analytics" },
    { "_gat", "google-analytics", "analytics" },
    { "_gat_gtag_UA_123456_1", "google-analytics", "analytics" },
    { "__utma", "google-analytics", "analytics" },
    { "_gcl_au", "google-ads", "marketing" },
    { "_gcl_aw", "google-ads", "marketing" },
    { "_gac_UA-123456-1", "google-ads", "marketing" },
    { "IDE", "google-doubleclick-ads", "marketing" },
    { "__gads", "google-doubleclick-ads", "marketing" },
    { "_fbp", "facebook", "marketing" },
    { "_fbc", "facebook", "marketing" },
    { "_hjSessionUser_1234567", "hotjar", "analytics" },
    { "_hjSession_1234567", "hotjar", "analytics" },
    { "_hjIncludedInSessionSample_1234567", "hotjar", "analytics" },
    { "_hjAbsoluteSessionInProgress", "hotjar", "analytics" },
    { "_clck", "clarity", "analytics" },
    { "_clsk", "clarity", "analytics" },
    { "_uetsid", "bing-ads", "marketing" },
    { "MUID", "bing-ads", "marketing" },
    { "li_sugr", "linkedin-ads", "marketing" },
    { "bcookie", "linkedin", "marketing" },
    { "_ttp", "tiktok", "marketing" },
    { "personalization_id", "twitter", "marketing" },
    { "_pin_unauth", "pinterest", "marketing" },
    { "_derived_epik", "pinterest", "marketing" },
    { "YSC", "youtube", "marketing" },
    { "VISITOR_INFO1_LIVE", "youtube", "marketing" },
    { "vuid", "vimeo", "preferences" },
    { "ajs_anonymous_id", "segment", "analytics" },
    { "mp_0123456789abcdef0123456789abcdef_mixpanel", "mixpanel",
      "analytics" },
    { "__hstc", "hubspot", "marketing" },
    { "hubspotutk", "hubspot", "marketing" },
    { "PHPSESSID", NULL, NULL },
    { "session", NULL, NULL },
    { "consent", NULL, NULL },
    { "_gab", NULL, NULL },
    { "x_ga", NULL, NULL },
    { "_hj", NULL, NULL },
    { "_fbp2", NULL, NULL },
    { NULL, NULL, NULL }
};


typedef struct {
    const char  *file;
    const char  *error;
} broken_t;


/* One fixture per validation rule: the expected part of the message. */
static const broken_t  broken[] = {
    { "syntax-trailing-comma",
      "syntax-trailing-comma.json:9:3: invalid JSON: unexpected token "
      "near ']'" },
    { "syntax-duplicate-key",
      "syntax-duplicate-key.json:3:12: invalid JSON: duplicate object key" },
    { "syntax-unterminated-string",
      "syntax-unterminated-string.json:19:56: invalid JSON: unexpected "
      "newline" },
    { "not-an-object",
      "not-an-object.json:1:1: the policy must be a JSON object" },
    { "unknown-top-level-key",
      "unknown-top-level-key.json:3:14: revison: unknown key (known: "
      "revision, " },
    { "revision-missing",
      "revision-missing.json:1:1: missing \"revision\"" },
    { "revision-zero",
      "revision-zero.json:2:15: revision: must be a positive integer below "
      "4294967296, not 0" },
    { "revision-string",
      "revision-string.json:2:15: revision: must be a positive integer" },
    { "revision-fraction",
      "revision-fraction.json:2:15: revision: must be a positive integer" },
    { "revision-too-big",
      "revision-too-big.json:2:15: revision: must be a positive integer "
      "below 4294967296, not 4294967296" },
    { "default-language-missing",
      "default-language-missing.json:1:1: missing \"default_language\"" },
    { "default-language-without-texts",
      "default-language-without-texts.json:3:23: default_language: \"fr\" "
      "has no texts" },
    { "texts-missing",
      "texts-missing.json:1:1: missing \"texts\"" },
    { "texts-required-key-missing",
      "texts-required-key-missing.json:19:11: texts.en: missing \"save\"" },
    { "texts-unknown-key",
      "texts-unknown-key.json:21:67: texts.en.acept_all: unknown key" },
    { "texts-bad-language",
      "texts-bad-language.json:19:16: texts.english: \"english\" is not a "
      "language tag" },
    { "texts-empty-string",
      "texts-empty-string.json:19:21: texts.en.title: must be a non-empty "
      "string" },
    { "categories-missing",
      "categories-missing.json:1:1: missing \"categories\"" },
    { "categories-empty",
      "categories-empty.json:4:17: categories: must be an array of 1 to 32 "
      "categories (has 0)" },
    { "categories-too-many",
      "categories-too-many.json:4:17: categories: must be an array of 1 to "
      "32 categories (has 33)" },
    { "category-bad-id",
      "category-bad-id.json:7:12: categories[1].id: \"Analytics\" is not a "
      "valid category id" },
    { "category-reserved-id",
      "category-reserved-id.json:7:12: categories[1].id: \"status\" is "
      "reserved" },
    { "category-service-prefix",
      "category-service-prefix.json:7:12: categories[1].id: \"service_ads\" "
      "is reserved (it would collide with the variables "
      "$consent_service_<id>)" },
    { "category-duplicate-id",
      "category-duplicate-id.json:7:12: categories[1].id: duplicate "
      "category id \"necessary\"" },
    { "category-required-not-boolean",
      "category-required-not-boolean.json:5:37: categories[0].required: "
      "must be true or false" },
    { "category-required-and-gpc",
      "category-required-and-gpc.json:5:50: categories[0].gpc: a required "
      "category cannot be refused" },
    { "category-unknown-key",
      "category-unknown-key.json:7:37: categories[1].requried: unknown key" },
    { "category-title-without-default-language",
      "category-title-without-default-language.json:8:15: "
      "categories[1].title: no text for the default language \"en\"" },
    { "category-title-language-without-texts",
      "category-title-language-without-texts.json:8:41: "
      "categories[1].title.de: language \"de\" has no texts" },
    { "category-description-missing",
      "category-description-missing.json:7:5: categories[1]: missing "
      "\"description\"" },
    { "services-not-array",
      "services-not-array.json:10:15: services: must be an array of "
      "services" },
    { "service-unknown-category",
      "service-unknown-category.json:11:50: service \"stats\": category: "
      "unknown category \"analytic\" (known: necessary, analytics)" },
    { "service-duplicate-id",
      "service-duplicate-id.json:17:14: services[1].id: duplicate service "
      "id \"stats\"" },
    { "service-bad-id",
      "service-bad-id.json:11:12: services[0].id: \"Stats Inc\" is not a "
      "valid service id" },
    { "service-name-missing",
      "service-name-missing.json:11:5: service \"stats\": missing "
      "\"name\"" },
    { "service-provider-missing",
      "service-provider-missing.json:11:5: service \"stats\": missing "
      "\"provider\"" },
    { "service-privacy-url-relative",
      "service-privacy-url-relative.json:12:46: service \"stats\": "
      "privacy_url: must be an absolute http(s) URL" },
    { "service-unknown-key",
      "service-unknown-key.json:13:17: service \"stats\": matches: unknown "
      "key" },
    { "service-match-not-array",
      "service-match-not-array.json:14:26: service \"stats\": match.inline: "
      "must be an array of regular expressions" },
    { "service-bad-src-regex",
      "service-bad-src-regex.json:13:53: service \"stats\": match.src[1]: "
      "at offset 19: missing closing parenthesis" },
    { "service-bad-inline-regex",
      "service-bad-inline-regex.json:14:39: service \"stats\": "
      "match.inline[1]: at offset 3: missing terminating ] for character "
      "class" },
    { "service-bad-cookie-regex",
      "service-bad-cookie-regex.json:15:27: service \"stats\": "
      "cookies[0].name: at offset 8: " },
    { "service-cookie-duration-missing",
      "service-cookie-duration-missing.json:15:18: service \"stats\": "
      "cookies[0]: missing \"duration\"" },
    { "service-cookie-purpose-missing",
      "service-cookie-purpose-missing.json:15:18: service \"stats\": "
      "cookies[0]: missing \"purpose\"" },
    { "consent-mode-unknown-signal",
      "consent-mode-unknown-signal.json:18:69: consent_mode.ads_storage: "
      "unknown Consent Mode signal" },
    { "consent-mode-unknown-category",
      "consent-mode-unknown-category.json:18:41: "
      "consent_mode.analytics_storage: unknown category \"statistics\" "
      "(known: necessary, analytics)" },
    { "consent-mode-bad-value",
      "consent-mode-bad-value.json:18:41: consent_mode.analytics_storage: "
      "must be a category id, an array of category ids" },
    { "consent-mode-empty-array",
      "consent-mode-empty-array.json:18:34: consent_mode.ad_storage: an "
      "empty array grants nothing" },
    { "consent-mode-array-unknown-category",
      "consent-mode-array-unknown-category.json:18:48: "
      "consent_mode.ad_storage[1]: unknown category \"ads\"" },
    { "controller-without-name",
      "controller-without-name.json:18:17: controller: missing \"name\"" },
    { NULL, NULL }
};


typedef struct {
    const char  *accept_language;
    const char  *language;
} language_t;


static const language_t  languages[] = {
    { "", "en" },
    { "de", "de" },
    { "de-AT,de;q=0.9,en;q=0.8", "de" },
    { "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr" },
    { "zh, de;q=0.5", "de" },
    { "zh", "en" },
    { "he-IL", "he" },
    { "nb-NO, en;q=0.8", "no" },
    { "en-US,en;q=0.9", "en" },
    { "de;q=0, fr", "fr" },
    { "de;q=0.5, fr;q=0.8", "fr" },
    { "fr;q=0.5, de;q=0.5", "fr" },
    { "DE-de", "de" },
    { "*", "en" },
    { "de;q=1.5", "en" },
    { "de;q=abc, fr;q=0.1", "fr" },
    { "  ,, de ,,", "de" },
    { "en-GB;q=0.8, de-CH", "de" },
    { "x-klingon, fr", "fr" },
    { "de; q=0.001, fr ; q=0.000", "de" },
    { NULL, NULL }
};


/* The service id of a match, or NULL. */
static const char *
service_id(const consent_policy_t *policy, int service)
{
    return (service < 0) ? NULL : policy->services[service].id;
}


static const char *
category_id(const consent_policy_t *policy, int service)
{
    return (service < 0)
           ? NULL : policy->categories[policy->services[service].category].id;
}


static int
same(const char *a, const char *b)
{
    return (a == NULL) ? b == NULL : (b != NULL && strcmp(a, b) == 0);
}


/* The reference: each pattern of each service, in order, one by one. */
static int
naive_match(const consent_policy_t *policy, int cookies, const char *subject)
{
    int                       rc;
    size_t                    i, j, n;
    pcre2_code               *code;
    pcre2_match_data         *md;
    const consent_service_t  *service;

    md = pcre2_match_data_create(32, NULL);

    for (i = 0; i < policy->nservices; i++) {
        service = &policy->services[i];
        n = cookies ? service->ncookies : service->nsrc;

        for (j = 0; j < n && !(cookies && service->catalogue_cookies); j++) {
            code = cookies ? service->cookies[j].re : service->src[j];
            rc = pcre2_match(code, (PCRE2_SPTR) subject, strlen(subject), 0,
                             PCRE2_NO_JIT, md, NULL);
            if (rc >= 0) {
                pcre2_match_data_free(md);
                return (int) i;
            }
        }
    }

    pcre2_match_data_free(md);

    return -1;
}


static int
naive_match_src(const consent_policy_t *policy, const char *url)
{
    return naive_match(policy, 0, url);
}


/* The first 48 bytes of a subject on one line, for test names. */
static const char *
one_line(const char *subject)
{
    size_t       i;
    static char  line[49];

    for (i = 0; i < sizeof(line) - 1 && subject[i] != '\0'; i++) {
        line[i] = (subject[i] < 0x20) ? ' ' : subject[i];
    }

    line[i] = '\0';

    return line;
}


static void
test_builtin_table(const consent_policy_t *policy, const expect_t *table,
    int (*match)(const consent_policy_t *, const char *), const char *kind)
{
    int          service;
    const char  *what;

    for ( /* void */ ; table->subject != NULL; table++) {
        service = match(policy, table->subject);
        what = table->service ? table->service : "no service";

        ok(same(service_id(policy, service), table->service)
           && same(category_id(policy, service), table->category),
           "%s \"%s\" -> %s", kind, one_line(table->subject), what);

        if (!same(service_id(policy, service), table->service)) {
            diag("got %s", service < 0 ? "none" : service_id(policy,
                                                              service));
        }
    }
}


static int
match_src(const consent_policy_t *policy, const char *subject)
{
    return consent_policy_match_src(policy, (const unsigned char *) subject,
                                    strlen(subject));
}


/* What the rewriter does with a URL: the policy's patterns, then the
 * catalogue's hosts; a service only (first parties and known hosts: -1). */
static int
classify_src(const consent_policy_t *policy, const char *subject)
{
    size_t           n;
    unsigned char    norm[1024];
    consent_class_t  c;

    n = consent_url_normalize((const unsigned char *) subject,
                              strlen(subject), norm);
    consent_policy_classify_url(policy, NULL, norm, n, &c);

    return c.kind == CONSENT_CLASS_SERVICE ? c.service : -1;
}


/* And with an inline script of a visitor who granted nothing. */
static int
classify_inline(const consent_policy_t *policy, const char *subject)
{
    consent_class_t  c;

    consent_policy_classify_inline(policy, NULL,
                                   (const unsigned char *) subject,
                                   strlen(subject), 0, NULL, &c);

    return c.kind == CONSENT_CLASS_SERVICE ? c.service : -1;
}


static int
match_inline(const consent_policy_t *policy, const char *subject)
{
    return consent_policy_match_inline(policy,
                                       (const unsigned char *) subject,
                                       strlen(subject));
}


static int
match_cookie(const consent_policy_t *policy, const char *subject)
{
    return consent_policy_match_cookie(policy, subject, strlen(subject));
}


static void
test_builtin(void)
{
    char                err[512];
    size_t              i;
    const expect_t     *t;
    consent_policy_t   *policy;
    consent_matcher_t  *m;
    static const char *ids[] = { "necessary", "preferences", "analytics",
                                 "marketing" };

    policy = consent_policy_load_file(BUILTIN, builtin_catalogue(), err,
                                      sizeof(err));
    ok(policy != NULL, "built-in policy loads");
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    is_int(policy->revision, 1, "built-in revision 1");
    is_int(policy->ncategories, 4, "four categories");

    for (i = 0; i < 4 && i < policy->ncategories; i++) {
        is_str(policy->categories[i].id, ids[i], "category %zu is %s", i,
               ids[i]);
    }

    is_int(policy->all_mask, 0xf, "all_mask");
    is_int(policy->required_mask, 0x1, "necessary is required");
    is_int(policy->gpc_mask, 0x8, "marketing is refused under GPC");
    is_int(policy->nlanguages, 28, "the 24 EU languages, no, is, ar, he");
    is_str(policy->languages[0], "en", "English is the default and first");
    ok(policy->nservices >= 18, "at least 18 services (%zu)",
       policy->nservices);

    for (i = 0; i < policy->ndeclared; i++) {
        ok(policy->services[i].provider != NULL
           && strstr(policy->services[i].provider, " ") != NULL
           && policy->services[i].privacy_url != NULL
           && strncmp(policy->services[i].privacy_url, "https://", 8) == 0,
           "service %s names its provider and an https privacy policy",
           policy->services[i].id);
    }

    is_str(json_string_value(json_object_get(policy->consent_mode,
                                             "analytics_storage")),
           "analytics", "Consent Mode: analytics_storage -> analytics");
    is_str(json_string_value(json_object_get(policy->consent_mode,
                                             "ad_user_data")),
           "marketing", "Consent Mode: ad_user_data -> marketing");

    m = policy->matcher;
    ok(m->src_set.any != NULL && m->src_set.nrest == 0
       && m->cookie_set.any != NULL && m->cookie_set.nrest == 0,
       "every built-in URL and cookie pattern joins the alternation");
    ok(m->inline_set.any == NULL
       && m->inline_set.nrest == m->inline_set.npatterns,
       "inline patterns (unanchored) are matched one by one");

    test_builtin_table(policy, tracker_urls, classify_src, "src");
    test_builtin_table(policy, inline_snippets, classify_inline, "inline");
    test_builtin_table(policy, cookie_names, match_cookie, "cookie");

    for (t = tracker_urls; t->subject != NULL; t++) {
        if (t->subject[0] == ' ') {
            continue;   /* trimming is the matcher's, not the patterns' */
        }

        if (naive_match_src(policy, t->subject) != match_src(policy,
                                                             t->subject))
        {
            break;
        }
    }

    ok(t->subject == NULL, "combined src matching agrees with "
       "pattern-by-pattern matching on every URL of the table");

    /* the policy's own cookie patterns (catalogue cookies go by name) */
    for (t = cookie_names; t->subject != NULL; t++) {
        if (naive_match(policy, 1, t->subject) >= 0
            && naive_match(policy, 1, t->subject) != match_cookie(policy,
                                                               t->subject))
        {
            break;
        }
    }

    ok(t->subject == NULL, "combined cookie matching agrees with "
       "pattern-by-pattern matching on every name of the table");

    is_str(consent_policy_text(policy, "de", "accept_all"),
           "Alle akzeptieren", "German text");
    is_str(consent_policy_text(policy, "fr", "reject_all"), "Tout refuser",
           "French text");
    is_str(consent_policy_text(policy, "xx", "save"), "Save choices",
           "unknown language: default language text");
    is_str(consent_policy_text(policy, "de", "no_such_text"), "",
           "unknown text key: empty");
    is_str(consent_policy_localized(policy, policy->categories[2].title,
                                    "fr"),
           "Mesure d\xe2\x80\x99" "audience", "localized category title");
    is_str(consent_policy_localized(policy, policy->categories[2].title,
                                    NULL),
           "Analytics", "localized without a language: default");
    is_int(consent_policy_category(policy, "marketingx", 9), 3,
           "category lookup honours the length");
    is_int(consent_policy_category(policy, "market", 6), -1,
           "a category id prefix is no category");

    for (i = 0; languages[i].accept_language != NULL; i++) {
        is_str(consent_policy_language(policy, languages[i].accept_language,
                                       strlen(languages[i].accept_language)),
               languages[i].language, "Accept-Language \"%s\" -> %s",
               languages[i].accept_language, languages[i].language);
    }

    is_str(consent_policy_language(policy, NULL, 0), "en",
           "no Accept-Language -> default");

    consent_policy_free(policy);
}


static void
test_broken(void)
{
    char               path[256], err[512];
    const broken_t    *b;
    consent_policy_t  *policy;

    for (b = broken; b->file != NULL; b++) {
        snprintf(path, sizeof(path), FIXTURES "%s.json", b->file);

        policy = consent_policy_load_file(path, NULL, err, sizeof(err));

        ok(policy == NULL && strstr(err, b->error) != NULL,
           "%s fails as expected", b->file);

        if (policy != NULL) {
            consent_policy_free(policy);

        } else if (strstr(err, b->error) == NULL) {
            diag("got      %s", err);
            diag("expected %s", b->error);
        }

        ok(policy == NULL && strchr(err, '\n') == NULL,
           "%s: the error is one line", b->file);
    }

    policy = consent_policy_load_file(FIXTURES "no-such-file.json", NULL, err,
                                      sizeof(err));
    ok(policy == NULL && strstr(err, "no-such-file.json: cannot open: ")
                         != NULL,
       "a missing file names the file and the reason");

    policy = consent_policy_load_file(FIXTURES, NULL, err, sizeof(err));
    ok(policy == NULL && strstr(err, "not a regular file") != NULL,
       "a directory is refused");

    /* a tiny buffer truncates the message but never overflows */
    policy = consent_policy_load_file(FIXTURES "service-bad-src-regex.json",
                                      NULL, err, 8);
    ok(policy == NULL && strlen(err) == 7, "errors are truncated to errlen");
}


static void
test_good(void)
{
    char               err[512];
    consent_policy_t  *policy;

    policy = consent_policy_load_file(FIXTURES "good.json", NULL, err,
                                      sizeof(err));
    ok(policy != NULL, "the fixture every broken one derives from loads");
    if (policy != NULL) {
        is_int(match_src(policy, "//stats.example/s.js"), 0,
               "its second src pattern matches");
        is_str(consent_policy_text(policy, "en", "close"), "",
               "an optional text the policy lacks is empty (the renderer "
               "has its own wording)");
        consent_policy_free(policy);
    }

    policy = consent_policy_load_file("examples/policy.json", NULL, err,
                                      sizeof(err));
    ok(policy != NULL, "examples/policy.json loads");
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    is_int(policy->revision, 3, "example revision");
    is_str(consent_policy_language(policy, "fr, de;q=0.4", 12), "de",
           "example: French is not offered, German is");
    is_str(service_id(policy, match_src(policy,
                                        "https://stats.shop.example/"
                                        "matomo.js?v=5")),
           "matomo", "example: self-hosted Matomo recognised");
    is_str(service_id(policy, match_cookie(policy, "_pk_id.1.1fff")),
           "matomo", "example: Matomo cookie recognised");

    consent_policy_free(policy);
}


/*
 * Anchored patterns that cannot join the alternation (captures and
 * references, verbs, \Q, extended mode, recursion) next to ones that can:
 * matching must still give the first service in policy order, as matching
 * one by one does.
 */
static const char  mixed_policy[] =
    "{\"revision\": 7, \"default_language\": \"de-CH\",\n"
    " \"categories\": [{\"id\": \"c\", \"title\": {\"de-CH\": \"C\"},\n"
    "                  \"description\": {\"de-CH\": \"D\"}}],\n"
    " \"services\": [\n"
    "  {\"id\": \"backref\", \"name\": \"B\", \"category\": \"c\",\n"
    "   \"provider\": \"P\", \"match\": {\"src\": [\"^(\\\\w)\\\\1x\"]}},\n"
    "  {\"id\": \"plain\", \"name\": \"P\", \"category\": \"c\",\n"
    "   \"provider\": \"P\", \"match\": {\"src\": [\"^https://a\\\\.example/\","
    " \"^(?i)/x/TRACK\"]}},\n"
    "  {\"id\": \"loose\", \"name\": \"L\", \"category\": \"c\",\n"
    "   \"provider\": \"P\", \"match\": {\"src\": [\"track\\\\.gif$\"]}},\n"
    "  {\"id\": \"commit\", \"name\": \"C\", \"category\": \"c\",\n"
    "   \"provider\": \"P\", \"match\": {\"src\": [\"^(?:a(*COMMIT)b|ac)\"]}},"
    "\n"
    "  {\"id\": \"after-commit\", \"name\": \"A\", \"category\": \"c\",\n"
    "   \"provider\": \"P\", \"match\": {\"src\": [\"^ac\"]}},\n"
    "  {\"id\": \"quote\", \"name\": \"Q\", \"category\": \"c\",\n"
    "   \"provider\": \"P\", \"match\": {\"src\": [\"^\\\\Q?q=1\"]}},\n"
    "  {\"id\": \"extended\", \"name\": \"X\", \"category\": \"c\",\n"
    "   \"provider\": \"P\", \"match\": {\"src\": [\"^(?x) ex \\\\. t # c\"]}},"
    "\n"
    "  {\"id\": \"recurse\", \"name\": \"R\", \"category\": \"c\",\n"
    "   \"provider\": \"P\",\n"
    "   \"match\": {\"src\": [\"^<(?:[^<>]|(?R))*>$\"]}},\n"
    "  {\"id\": \"look\", \"name\": \"L\", \"category\": \"c\",\n"
    "   \"provider\": \"P\", \"match\": {\"src\": [\"^z(?=y)\", "
    "\"^.*(?<!q)u$\"]}}\n"
    " ],\n"
    " \"consent_mode\": {\"security_storage\": true, \"ad_storage\": [\"c\"],\n"
    "                  \"analytics_storage\": \"c\"},\n"
    " \"texts\": {\"de-CH\": {\"title\": \"t\", \"body\": \"b\",\n"
    "   \"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\",\n"
    "   \"save\": \"s\", \"policy_link\": \"p\"}}}\n";


static void
test_combined(void)
{
    char               err[512], random[32];
    size_t             i, j, len;
    uint32_t           seed;
    consent_policy_t  *policy;
    static const char  alphabet[] = "abcuqxyzt/.<>?=1:ehpsgifTRACKwk\\Q";
    static const char *subjects[] = {
        "aax", "abx", "https://a.example/", "/x/track/", "/X/Track", "ac",
        "ab", "acab", "/?q=1", "?q=1", "ex.t", "ex . t", "<a<b>>", "<a<b>",
        "zy", "zz", "u", "qu", "bu", "https://b.example/", "",
        "bbx https://a.example/", "/p/track.gif", "https://a.example/track.gif",
        "ab/track.gif", NULL
    };

    policy = consent_policy_load_buffer(mixed_policy, sizeof(mixed_policy) - 1,
                                        "mixed", NULL, err, sizeof(err));
    ok(policy != NULL, "the mixed policy loads (Consent Mode signals as "
       "an id, an array of ids and true)");
    if (policy == NULL) {
        diag("%s", err);
        return;
    }

    ok(policy->matcher->src_set.any != NULL,
       "the combinable patterns are combined");
    is_int(policy->matcher->src_set.nrest, 6, "six patterns are matched alone "
           "(unanchored, backreference, verb, \\Q, extended, recursion)");

    for (i = 0; subjects[i] != NULL; i++) {
        is_int(match_src(policy, subjects[i]),
               naive_match_src(policy, subjects[i]),
               "\"%s\": same service as pattern by pattern", subjects[i]);
    }

    /* random strings over the patterns' alphabet, same answer both ways */
    memset(random, 0, sizeof(random));  /* JIT reads ahead (valgrind) */
    seed = 12345;
    for (i = 0; i < 20000; i++) {
        len = (seed >> 16) % 24;

        for (j = 0; j < len; j++) {
            seed = seed * 1103515245 + 12345;
            random[j] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
        }

        random[len] = '\0';
        seed = seed * 1103515245 + 12345;

        if (match_src(policy, random) != naive_match_src(policy, random)) {
            break;
        }
    }

    ok(i == 20000, "20000 random URLs: same service as pattern by pattern");
    if (i < 20000) {
        diag("differs on \"%s\"", random);
    }

    is_str(service_id(policy, match_src(policy, "aax")), "backref",
           "a backreference pattern still matches");
    is_str(service_id(policy, match_src(policy, "ab")), "commit",
           "a (*COMMIT) pattern still matches");
    is_str(service_id(policy, match_src(policy, "ac")), "after-commit",
           "a (*COMMIT) that fails does not hide the next service");
    is_str(service_id(policy, match_src(policy, "ab/track.gif")), "loose",
           "an unanchored pattern before a combined hit comes first");
    is_str(consent_policy_language(policy, "de", 2), "de-CH",
           "\"de\" falls back to the policy's \"de-CH\"");
    is_str(consent_policy_language(policy, "fr", 2), "de-CH",
           "nothing fits: the default language");

    consent_policy_free(policy);
}


/* Read a CSV field at p (quoted or not) into buf; returns the next p. */
static const char *
csv_field(const char *p, const char *end, char *buf, size_t size)
{
    size_t  n;

    n = 0;

    if (p < end && *p == '"') {
        for (p++; p < end; p++) {
            if (*p == '"') {
                if (p + 1 < end && p[1] == '"') {
                    p++;

                } else {
                    p++;
                    break;
                }
            }

            if (n + 1 < size) {
                buf[n++] = *p;
            }
        }

    } else {
        for ( /* void */ ; p < end && *p != ',' && *p != '\n' && *p != '\r';
             p++)
        {
            if (n + 1 < size) {
                buf[n++] = *p;
            }
        }
    }

    buf[n] = '\0';

    return p;
}


typedef struct {
    const char  *service;
    const char  *platforms[3];   /* OCD "Platform" values; none: any */
} ocd_platform_t;


static const ocd_platform_t  ocd_platforms[] = {
    { "google-ads", { "Google Ads", "Google", "Google Analytics" } },
    { "google-analytics", { "Google Analytics" } },
    { "google-doubleclick-ads", { "DoubleClick/Google Marketing",
                                  "Google AdSense" } },
    { "twitter", { "X" } },
    /* the OCD lists Segment's ajs_* cookies under a site that uses it */
    { "segment", { NULL } },
    { "mixpanel", { "Mixpanel" } },
    { "hubspot", { "Hubspot", "HubSpot" } },
    { NULL, { NULL } }
};


typedef struct {
    char  platform[128];
    char  name[128];
    int   wildcard;
} ocd_cookie_t;


static ocd_cookie_t *
ocd_load(const char *path, size_t *n)
{
    int            field;
    char           buf[128];
    long           size;
    FILE          *file;
    char          *data;
    size_t         cap;
    const char    *p, *end;
    ocd_cookie_t  *cookies, *c, *grown;

    file = fopen(path, "rb");
    if (file == NULL) {
        return NULL;
    }

    fseek(file, 0, SEEK_END);
    size = ftell(file);
    rewind(file);

    data = malloc(size > 0 ? (size_t) size : 1);
    if (data == NULL || fread(data, 1, (size_t) size, file) != (size_t) size)
    {
        free(data);
        fclose(file);
        return NULL;
    }

    fclose(file);

    cap = 4096;
    cookies = malloc(cap * sizeof(ocd_cookie_t));
    *n = 0;
    p = data;
    end = data + size;

    /* skip the header line */
    while (p < end && *p++ != '\n') { /* void */ }

    while (cookies != NULL && p < end) {
        if (*n == cap) {
            cap *= 2;
            grown = realloc(cookies, cap * sizeof(ocd_cookie_t));
            if (grown == NULL) {
                free(cookies);
                cookies = NULL;
                break;
            }

            cookies = grown;
        }

        c = &cookies[*n];
        memset(c, 0, sizeof(ocd_cookie_t));

        for (field = 0; p < end; field++) {
            p = csv_field(p, end, buf, sizeof(buf));

            if (field == 1) {
                snprintf(c->platform, sizeof(c->platform), "%s", buf);

            } else if (field == 3) {
                snprintf(c->name, sizeof(c->name), "%s", buf);

            } else if (field == 9) {
                c->wildcard = (buf[0] == '1');
            }

            if (p < end && *p == ',') {
                p++;
                continue;
            }

            while (p < end && (*p == '\r' || *p == '\n')) {
                p++;
            }

            break;
        }

        if (c->name[0] != '\0') {
            (*n)++;
        }
    }

    free(data);

    return cookies;
}


/*
 * Every cookie the built-in policy declares itself is one the Open Cookie Database
 * knows for that platform.  A wildcard row names a prefix: it counts when
 * the prefix can begin a match (PCRE2 partial matching).
 */
static void
test_ocd(void)
{
    int                     rc, found;
    char                    err[512], path[1024];
    size_t                  n, i, j, k, p;
    ocd_cookie_t           *ocd;
    pcre2_match_data       *md;
    consent_policy_t       *policy;
    consent_service_t      *service;
    const ocd_platform_t   *platform;

    ocd = ocd_load(tap_data(OCD_CSV, path, sizeof(path)), &n);
    if (ocd == NULL) {
        skip("no Open Cookie Database: %s not readable (CONSENT_DATA)",
             path);
        return;
    }

    ok(n > 1000, "the Open Cookie Database has %zu cookies", n);

    policy = consent_policy_load_file(BUILTIN, builtin_catalogue(), err,
                                      sizeof(err));
    md = pcre2_match_data_create(16, NULL);

    for (i = 0; policy != NULL && i < policy->nservices; i++) {
        service = &policy->services[i];

        /* the catalogue's own cookies are the Open Cookie Database's */
        if (service->catalogue_cookies) {
            continue;
        }

        for (platform = ocd_platforms; platform->service != NULL;
             platform++)
        {
            if (strcmp(platform->service, service->id) == 0) {
                break;
            }
        }

        for (j = 0; j < service->ncookies; j++) {
            found = 0;

            for (k = 0; k < n && !found; k++) {
                if (platform->service != NULL
                    && platform->platforms[0] != NULL)
                {
                    for (p = 0; p < 3 && platform->platforms[p] != NULL; p++)
                    {
                        if (strcmp(platform->platforms[p], ocd[k].platform)
                            == 0)
                        {
                            break;
                        }
                    }

                    if (p == 3 || platform->platforms[p] == NULL) {
                        continue;
                    }
                }

                rc = pcre2_match(service->cookies[j].re,
                                 (PCRE2_SPTR) ocd[k].name,
                                 strlen(ocd[k].name), 0,
                                 ocd[k].wildcard ? PCRE2_PARTIAL_SOFT : 0,
                                 md, NULL);

                found = (rc >= 0 || rc == PCRE2_ERROR_PARTIAL);
            }

            ok(found, "OCD knows a %s cookie matching %s",
               platform->service ? platform->service : service->id,
               service->cookies[j].name);
        }
    }

    pcre2_match_data_free(md);
    consent_policy_free(policy);
    free(ocd);
}


static double
now(void)
{
    struct timespec  ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);

    return ts.tv_sec * 1e9 + ts.tv_nsec;
}


/* How fast is the rewriter's question; diagnostics only. */
static void
test_speed(void)
{
    int                 hits;
    char                err[512], *script;
    size_t              i, n, len;
    double              start, prefiltered, naive;
    consent_policy_t   *policy;
    static const char  *urls[] = {
        "/static/js/app.min.js?v=123",
        "https://cdn.example.com/lib/jquery-3.7.1.min.js",
        "https://www.example.com/images/hero.jpg",
        "https://www.googletagmanager.com/gtag/js?id=G-ABCDE12345",
    };

    policy = consent_policy_load_file(BUILTIN, builtin_catalogue(), err,
                                      sizeof(err));
    if (policy == NULL) {
        return;
    }

    n = 100000;
    hits = 0;

    start = now();
    for (i = 0; i < n; i++) {
        hits += match_src(policy, urls[i % 4]) >= 0;
    }
    prefiltered = (now() - start) / n;

    start = now();
    for (i = 0; i < n / 10; i++) {
        hits += naive_match_src(policy, urls[i % 4]) >= 0;
    }
    naive = (now() - start) / (n / 10);

    diag("src: %.0f ns/URL combined and JIT-compiled; the test's reference "
         "matcher (one by one, interpreted) %.0f ns/URL; %d hits",
         prefiltered, naive, hits);

    len = 32768;
    script = malloc(len + 1);
    if (script != NULL) {
        for (i = 0; i < len; i++) {
            script[i] = "function f(a){return a+1;}\n var x = [1,2];\n"[i % 42];
        }

        script[len] = '\0';

        start = now();
        for (i = 0; i < 200; i++) {
            hits += match_inline(policy, script) >= 0;
        }

        diag("inline: %.1f us per 32 KB script without trackers",
             (now() - start) / 200 / 1000);

        free(script);
    }

    consent_policy_free(policy);
}


/*
 * The URL memo gives the same answer as the patterns: many more distinct
 * URLs than memo slots, asked twice, against a second policy asked once.
 */
static void
test_memo(void)
{
    int                i, n, a, b, c, differ, tracked;
    char               url[256], err[512];
    consent_policy_t  *memo, *fresh;

    memo = consent_policy_load_file(BUILTIN, builtin_catalogue(), err,
                                      sizeof(err));
    fresh = consent_policy_load_file(BUILTIN, builtin_catalogue(), err,
                                      sizeof(err));
    ok(memo && fresh, "memo: two copies of the built-in policy");
    if (memo == NULL || fresh == NULL) {
        return;
    }

    differ = 0;
    tracked = 0;

    for (i = 0; i < 5000; i++) {
        n = snprintf(url, sizeof(url), (i % 3 == 0)
                     ? "https://www.googletagmanager.com/gtag/js?id=G-%d"
                     : (i % 3 == 1) ? "/img/product-%d.jpg"
                                    : "//www.googletagmanager.com/gtag/js"
                                      "?id=AW-%d", i);

        a = consent_policy_match_src(memo, (unsigned char *) url, n);
        b = consent_policy_match_src(memo, (unsigned char *) url, n);
        c = consent_policy_match_src(fresh, (unsigned char *) url, n);

        differ += (a != b) + (a != c);
        tracked += (a >= 0);
    }

    is_int(differ, 0, "memo: remembered answers equal computed ones");

    /* inline texts: more distinct texts than slots, trackers and not */
    differ = 0;
    for (i = 0; i < 500; i++) {
        n = snprintf(url, sizeof(url), (i % 2 == 0)
                     ? "gtag('config', 'AW-%d');"
                     : "document.title = 'page %d';", i);

        a = consent_policy_match_inline(memo, (unsigned char *) url, n);
        b = consent_policy_match_inline(memo, (unsigned char *) url, n);
        c = consent_policy_match_inline(fresh, (unsigned char *) url, n);
        differ += (a != b) + (a != c) + ((i % 2 == 0) != (a >= 0));
    }

    is_int(differ, 0, "inline memo: remembered answers equal computed ones");
    is_int(tracked, 3333, "memo: two URLs in three are trackers");

    consent_policy_free(memo);
    consent_policy_free(fresh);
}


/*
 * Inputs the fuzzer found: errors quote the input, and its control
 * characters never break the one-line message; NULs in compared strings.
 */
static void
test_one_line(void)
{
    char               err[512];
    consent_policy_t  *policy;

    static const char  bad_escape[] = "{\"revision\": \"a\\\n\tb\"}";

    policy = consent_policy_load_buffer(bad_escape, sizeof(bad_escape) - 1,
                                        "x.json", NULL, err, sizeof(err));
    ok(policy == NULL && strpbrk(err, "\n\t\r") == NULL,
       "a raw newline quoted from the file stays out of the error: %s", err);

    /* fuzz finding: a NUL in a language range read past "de" */
    policy = consent_policy_load_file(BUILTIN, builtin_catalogue(), err,
                                      sizeof(err));
    if (policy) {
        is_str(consent_policy_language(policy, "de\0\0x", 5), "en",
               "a language range with NULs matches no language");
        consent_policy_free(policy);
    }
}


int
main(void)
{
    test_builtin();
    test_broken();
    test_good();
    test_combined();
    test_ocd();
    test_speed();
    test_memo();
    test_one_line();

    return done_testing();
}

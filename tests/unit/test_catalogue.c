/*
 * The catalogue engine below the policy: URL hosts parsed as browsers do,
 * the domain table (exact and wildcard entries, parents), catalogue.json
 * loading and its errors, the inline host-token finder, the signature
 * search, and first party by registrable domain (libpsl).
 * Run from the repository root (make test does).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent_catalogue.h"
#include "consent_host.h"
#include "consent_site.h"
#include "tap.h"

#define FIXTURE   "tests/unit/catalogue.json"
#define EMBEDDED  "ngx_consent_module/assets/catalogue.json"


typedef struct {
    const char           *url;
    const char           *base;         /* a base URL, or NULL */
    consent_host_kind_e   kind;
    const char           *name;
} host_case_t;


static const host_case_t  host_cases[] = {
    { "https://www.Example.COM/x", NULL, CONSENT_HOST_NAME,
      "www.example.com" },
    { "HTTPS://Cdn.Example.Net", NULL, CONSENT_HOST_NAME,
      "cdn.example.net" },
    { " \t\x01https://exa\tmple.com/ \n", NULL, CONSENT_HOST_NAME,
      "example.com" },
    { "https://exa\nmp\rle.com", NULL, CONSENT_HOST_NAME, "example.com" },
    { "//cdn.example.net/a.js", NULL, CONSENT_HOST_NAME,
      "cdn.example.net" },
    { "\\\\cdn.example.net\\a.js", NULL, CONSENT_HOST_NAME,
      "cdn.example.net" },
    { "/\\cdn.example.net/a.js", NULL, CONSENT_HOST_NAME,
      "cdn.example.net" },
    { "https:\\\\evil.example\\x", NULL, CONSENT_HOST_NAME,
      "evil.example" },
    { "https:///evil.example/", NULL, CONSENT_HOST_NAME, "evil.example" },
    { "http:evil.example/x", NULL, CONSENT_HOST_NAME, "evil.example" },
    { "http://user:pa@ss@tracker.io:8080/p", NULL, CONSENT_HOST_NAME,
      "tracker.io" },
    { "https://a.example?x=//b.example", NULL, CONSENT_HOST_NAME,
      "a.example" },
    { "https://a.example#@b.example", NULL, CONSENT_HOST_NAME,
      "a.example" },
    { "wss://socket.example/", NULL, CONSENT_HOST_NAME, "socket.example" },
    { "https://example.com:443/", NULL, CONSENT_HOST_NAME, "example.com" },
    { "https://example.com:/", NULL, CONSENT_HOST_NAME, "example.com" },
    { "https://example.com:80a/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://%65vil.example/", NULL, CONSENT_HOST_NAME, "evil.example" },
    { "https://EVIL%2Eexample/", NULL, CONSENT_HOST_NAME, "evil.example" },
    { "https://\xef\xbd\x85\xef\xbd\x98\xef\xbc\xa1\xef\xbd\x8d\xef\xbd\x90"
      "\xef\xbd\x8c\xef\xbd\x85\xef\xbc\x8e\xef\xbd\x83\xef\xbd\x8f\xef\xbd"
      "\x8d/", NULL, CONSENT_HOST_NAME, "example.com" },
    { "https://example\xe3\x80\x82" "com/", NULL, CONSENT_HOST_NAME,
      "example.com" },
    { "https://example\xef\xbd\xa1" "com/", NULL, CONSENT_HOST_NAME,
      "example.com" },
    { "https://example%EF%BC%8Ecom/", NULL, CONSENT_HOST_NAME,
      "example.com" },
    { "https://ad\xef\xbc\x91.example/", NULL, CONSENT_HOST_NAME,
      "ad1.example" },
    { "https://xn--bcher-kva.de/", NULL, CONSENT_HOST_NAME,
      "xn--bcher-kva.de" },
    { "https://b\xc3\xbc" "cher.de/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://b\xff" "cher.de/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://example\xef\xbc\x8f" "evil.com/", NULL, CONSENT_HOST_INVALID,
      "" },
    { "https://example.com./x", NULL, CONSENT_HOST_NAME, "example.com" },
    { "https://example.com../x", NULL, CONSENT_HOST_NAME, "example.com" },
    { "https://../x", NULL, CONSENT_HOST_INVALID, "" },
    { "https://a..b.example/", NULL, CONSENT_HOST_NAME, "a..b.example" },
    { "https://exa mple.com/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://exa%20mple.com/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://example.com%2Fevil.com/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://ex%zzample.com/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://exa<mple.com/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://", NULL, CONSENT_HOST_INVALID, "" },
    { "https:///", NULL, CONSENT_HOST_INVALID, "" },
    { "https://./", NULL, CONSENT_HOST_INVALID, "" },
    { "https://user@/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://[2001:DB8::1]:8443/x", NULL, CONSENT_HOST_IPV6,
      "[2001:db8::1]" },
    { "https://[2001:db8::1/x", NULL, CONSENT_HOST_INVALID, "" },
    { "https://[evil.com]/", NULL, CONSENT_HOST_INVALID, "" },
    { "https://[::1]x/", NULL, CONSENT_HOST_INVALID, "" },
    { "http://0x7f.1/", NULL, CONSENT_HOST_IPV4, "127.0.0.1" },
    { "http://192.168.0.1./", NULL, CONSENT_HOST_IPV4, "192.168.0.1" },
    { "http://3232235521/", NULL, CONSENT_HOST_IPV4, "192.168.0.1" },
    { "http://0300.0250.0.1/", NULL, CONSENT_HOST_IPV4, "192.168.0.1" },
    { "http://1.2.3.256/", NULL, CONSENT_HOST_INVALID, "" },
    { "http://999999999999/", NULL, CONSENT_HOST_INVALID, "" },
    { "http://example.123/", NULL, CONSENT_HOST_INVALID, "" },
    { "http://1.2.3.4.5/", NULL, CONSENT_HOST_INVALID, "" },
    { "http://09.1.1.1/", NULL, CONSENT_HOST_INVALID, "" },
    { "http://example.0x/", NULL, CONSENT_HOST_INVALID, "" },
    { "http://0x/", NULL, CONSENT_HOST_IPV4, "0.0.0.0" },
    { "data:text/html,<script src=//evil.com/>", NULL, CONSENT_HOST_NONE,
      "" },
    { "javascript:alert('//evil.com/')", NULL, CONSENT_HOST_NONE, "" },
    { " JavaScript:void(0)", NULL, CONSENT_HOST_NONE, "" },
    { "about:blank", NULL, CONSENT_HOST_NONE, "" },
    { "blob:https://evil.com/9f1c", NULL, CONSENT_HOST_NONE, "" },
    { "mailto:a@evil.com", NULL, CONSENT_HOST_NONE, "" },
    { "file:///etc/hosts", NULL, CONSENT_HOST_NONE, "" },
    { "", NULL, CONSENT_HOST_NONE, "" },
    { " \t ", NULL, CONSENT_HOST_NONE, "" },
    { "/x.js", NULL, CONSENT_HOST_RELATIVE, "" },
    { "x.js", NULL, CONSENT_HOST_RELATIVE, "" },
    { "a:b", NULL, CONSENT_HOST_NONE, "" },
    { "1a:b/x.js", NULL, CONSENT_HOST_RELATIVE, "" },
    { "?q=1", NULL, CONSENT_HOST_RELATIVE, "" },
    { "#top", NULL, CONSENT_HOST_RELATIVE, "" },
    { "/x.js", "https://cdn.tracker.example/", CONSENT_HOST_NAME,
      "cdn.tracker.example" },
    { "x.js", "/relative/base/", CONSENT_HOST_RELATIVE, "" },
    { "https://a.example/x.js", "https://b.example/", CONSENT_HOST_NAME,
      "a.example" },
    { NULL, NULL, CONSENT_HOST_NONE, NULL }
};


static void
test_hosts(void)
{
    char                name[64];
    size_t              i;
    consent_host_t      host, base;
    const host_case_t  *c;

    for (c = host_cases; c->url != NULL; c++) {
        if (c->base) {
            consent_host_parse((const unsigned char *) c->base,
                               strlen(c->base), NULL, &base);
        }

        consent_host_parse((const unsigned char *) c->url, strlen(c->url),
                           c->base ? &base : NULL, &host);

        /* the URL as printable ASCII for the test name */
        for (i = 0; c->url[i] && i < sizeof(name) - 1; i++) {
            name[i] = ((unsigned char) c->url[i] < 0x20
                       || (unsigned char) c->url[i] >= 0x7f) ? '?'
                                                            : c->url[i];
        }
        name[i] = '\0';

        ok(host.kind == c->kind && host.len == strlen(c->name)
           && strcmp((char *) host.name, c->name) == 0,
           "host of \"%s\"%s%s: kind %d \"%s\"", name,
           c->base ? " with base " : "", c->base ? c->base : "", c->kind,
           c->name);

        if (host.kind != c->kind) {
            diag("got kind %d \"%s\"", host.kind, host.name);
        }
    }

    consent_host_parse_name((const unsigned char *) "WWW.BBC.co.uk:8080",
                            18, &host);
    is_str((char *) host.name, "www.bbc.co.uk", "a Host header: port "
           "dropped, lowercased");

    {
        /* a host of 256 bytes is too long; 253 is fine */
        char  url[4000];

        memcpy(url, "https://", 8);
        memset(url + 8, 'a', 256);
        memcpy(url + 8 + 256, ".com/", 6);
        consent_host_parse((unsigned char *) url, strlen(url), NULL, &host);
        is_int(host.kind, CONSENT_HOST_INVALID, "an over-long host is "
               "INVALID");

        memset(url, 'x', 3000);
        memcpy(url, "https://a.b/\t", 13);
        consent_host_parse((unsigned char *) url, 3000, NULL, &host);
        is_str((char *) host.name, "a.b", "a tab in a long URL: the host "
               "is read from the prefix");

        memset(url, 'a', 3000);
        memcpy(url, "https://\ta", 10);
        consent_host_parse((unsigned char *) url, 3000, NULL, &host);
        is_int(host.kind, CONSENT_HOST_INVALID, "a tab and an authority "
               "longer than the prefix: INVALID");
    }
}


static void
test_domains(void)
{
    int                rc, previous;
    char               name[64];
    size_t             i;
    consent_domains_t  t;

    static const char *const  invalid[] = {
        "", "*.", ".a.com", "a.com.", "a..com", "a b.com", "*.*.a.com",
        "http://a.com", "a.com/x", "*", "a.com:80", NULL
    };

#define add(p, v)  consent_domains_add(&t, p, strlen(p), v, &previous)
#define look(h)    consent_domains_lookup(&t, (unsigned char *) h, strlen(h))

    memset(&t, 0, sizeof(t));

    is_int(look("example.com"), -1, "an empty table finds nothing");

    ok(add("*.example.com", 1) == 0 && add("example.com", 2) == 0
       && add("ads.example.com", 3) == 0 && add("*.deep.ads.example.com", 4)
          == 0 && add("Upper.Example.NET", 5) == 0,
       "entries added");

    is_int(look("example.com"), 2, "an exact entry beats the wildcard of "
           "the same domain");
    is_int(look("www.example.com"), 1, "*.d matches a subdomain");
    is_int(look("a.b.c.example.com"), 1, "*.d matches a deep subdomain");
    is_int(look("ads.example.com"), 3, "exact entry for the host");
    is_int(look("x.ads.example.com"), 1, "an exact entry matches only its "
           "host: the parent's wildcard answers");
    is_int(look("deep.ads.example.com"), 4, "*.d matches d itself");
    is_int(look("x.deep.ads.example.com"), 4, "the longest wildcard wins");
    is_int(look("notexample.com"), -1, "no match across a label boundary");
    is_int(look("com"), -1, "a parent of an entry is not matched");
    is_int(look("upper.example.net"), 5, "entries are lowercased");
    is_int(look("x.upper.example.net"), -1, "an exact entry does not "
           "cover subdomains");

    rc = add("*.example.com", 9);
    ok(rc == CONSENT_DOMAINS_DUPLICATE && previous == 1, "a duplicate is "
       "reported with the first value");

    for (i = 0; invalid[i] != NULL; i++) {
        is_int(add(invalid[i], 7), CONSENT_DOMAINS_INVALID, "\"%s\" is not a "
               "domain pattern", invalid[i]);
    }

    for (i = 0; i < 5000; i++) {
        snprintf(name, sizeof(name), "*.host%zu.example.org", i);
        if (add(name, (int) i + 100) != 0) {
            break;
        }
    }

    for (i = 0; i < 5000; i++) {
        snprintf(name, sizeof(name), "a.host%zu.example.org", i);
        if (look(name) != (int) i + 100) {
            break;
        }
    }

    ok(i == 5000, "5000 more entries (the table grows) are all found");
    is_int(look("www.example.com"), 1, "earlier entries survive growth");

    consent_domains_free(&t);

#undef add
#undef look
}


typedef struct {
    const char  *json;
    const char  *error;
} bad_catalogue_t;


static void
test_load(void)
{
    int                   e;
    char                  err[512];
    consent_catalogue_t  *cat;
    const bad_catalogue_t  *b;

    static const bad_catalogue_t  bad[] = {
        { "{", "bad:1:1: invalid JSON" },
        { "{\"format\": 2, \"entities\": []}", "not a catalogue of format 1" },
        { "{\"format\": 1}", "\"entities\" must be an array" },
        { "{\"format\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
          "\"domains\": [\"a.com\"]}, {\"id\": \"b\", \"name\": \"B\", "
          "\"domains\": [\"*.b.com\", \"a.com\"]}]}",
          "entities[1].domains[1]: \"a.com\" belongs to \"a\" already" },
        { "{\"format\": 1, \"entities\": [{\"id\": \"b\", \"name\": \"B\", "
          "\"domains\": []}, {\"id\": \"a\", \"name\": \"A\", "
          "\"domains\": []}]}", "entities[1].id: \"a\" is not after \"b\"" },
        { "{\"format\": 1, \"entities\": [{\"id\": \"A b\", \"name\": \"A\", "
          "\"domains\": []}]}", "is not a slug" },
        { "{\"format\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"\", "
          "\"domains\": []}]}", "entities[0].name: must be a non-empty" },
        { "{\"format\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
          "\"domains\": [\"http://a.com/\"]}]}",
          "entities[0].domains[0]: \"http://a.com/\" is not a domain" },
        { "{\"format\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
          "\"domains\": [], \"signatures\": [\"ab\"]}]}",
          "entities[0].signatures[0]: must be a string of at least 3" },
        { "{\"format\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
          "\"category\": 7, \"domains\": []}]}",
          "entities[0].category: must be a string" },
        { NULL, NULL }
    };

    for (b = bad; b->json != NULL; b++) {
        cat = consent_catalogue_load_buffer(b->json, strlen(b->json), "bad",
                                            err, sizeof(err));
        ok(cat == NULL && strstr(err, b->error) != NULL, "refused: %s",
           b->error);
        if (cat != NULL || strstr(err, b->error) == NULL) {
            diag("got: %s", cat ? "(loaded)" : err);
        }
        consent_catalogue_free(cat);
    }

    cat = consent_catalogue_load_file("tests/unit/no-such.json", err,
                                      sizeof(err));
    ok(cat == NULL && strstr(err, "cannot open") != NULL, "a missing file "
       "is named");

    cat = consent_catalogue_load_file(FIXTURE, err, sizeof(err));
    ok(cat != NULL, "the fixture loads");
    if (cat == NULL) {
        diag("%s", err);
        return;
    }

#define look(h)  consent_catalogue_lookup(cat, (unsigned char *) h, strlen(h))
#define id(s)    consent_catalogue_entity(cat, s, strlen(s))

    is_int(cat->nentities, 10, "ten entities");
    is_int(cat->nsignatures, 7, "seven signatures");
    e = id("taboola");
    ok(e >= 0 && strcmp(cat->entities[e].name, "Taboola") == 0,
       "entity by id");
    is_int(id("tabool"), -1, "a prefix of an id is no id");
    is_int(id("taboolaa"), -1, "an id with more is no id");
    is_int(id("zzz"), -1, "an id after the last");
    is_int(look("cdn.taboola.com"), e, "a subdomain of a wildcard entry");
    is_int(look("taboola.com"), e, "the domain of a wildcard entry");
    is_int(look("analytics.google.com"), id("google-analytics"),
           "an exact entry");
    is_int(look("x.analytics.google.com"), -1, "an exact entry only");
    is_int(look("google.com"), -1, "a parent is not covered");
    is_int(look("youtube.co.uk"), id("youtube"), "exact youtube.co.uk");
    is_int(look("m.youtube.co.uk"), -1, "not its subdomains");
    ok(cat->entities[id("jsdelivr")].category == NULL, "a null category is "
       "NULL (known, not blocked)");
    ok(cat->entities[id("hotjar")].company == NULL
       && strcmp(cat->entities[id("google-analytics")].privacy_url,
                 "https://policies.google.com/privacy") == 0,
       "optional members: absent company, privacy_url");

    consent_catalogue_free(cat);

#undef look
#undef id

    cat = consent_catalogue_load_file(EMBEDDED, err, sizeof(err));
    ok(cat != NULL, "the embedded catalogue loads");
    if (cat == NULL) {
        diag("%s", err);
        return;
    }

    ok(cat->nentities > 1000 && cat->domains.count > 2000,
       "it has %zu entities and %zu domains", cat->nentities,
       cat->domains.count);
    ok(consent_catalogue_lookup(cat, (unsigned char *) "cdn.taboola.com", 15)
       >= 0
       && consent_catalogue_lookup(cat,
                                   (unsigned char *) "static.chartbeat.com",
                                   20) >= 0
       && consent_catalogue_lookup(cat,
                                   (unsigned char *) "widgets.outbrain.com",
                                   20) >= 0
       && consent_catalogue_lookup(cat,
                                   (unsigned char *) "b.scorecardresearch.com",
                                   23) >= 0,
       "it knows Taboola, Chartbeat, Outbrain and comScore hosts");

    consent_catalogue_free(cat);
}


static void
test_tokens(void)
{
    char                  got[1024];
    size_t                pos, n, used;
    const unsigned char  *host;

    static const struct {
        const char  *text;
        const char  *tokens;        /* space-separated */
    } cases[] = {
        { "s.src='//www.google-analytics.com/analytics.js';",
          "www.google-analytics.com" },
        { "var u=\"https:\\/\\/cdn.taboola.com\\/libtrc\\/x.js\";",
          "cdn.taboola.com" },
        { "load('static.chartbeat.com/js/chartbeat.js')",
          "static.chartbeat.com" },
        { "x = \"cdn.example.com/x.js\"; y = `api.example.org`",
          "cdn.example.com api.example.org" },
        { "d.write('<script src=\"//b.scorecardresearch.com/beacon.js\">')",
          "b.scorecardresearch.com" },
        { "fetch(\"https://Stats.Example.NET:8443/c\")",
          "Stats.Example.NET" },
        { "window.location.href; a.b.c(); \"a.b\" 'x.y1' \"v1.2.3\"",
          "" },
        { "\"see example.com here\" 'example.com", "" },
        { "e.src = (p ? \"https://secure\" : \"http://pixel\") + "
          "\".quantserve.com/aquant.js?a=p-1\";", "quantserve.com" },
        { "u = 'https://www' +\n\t'.google-analytics.com/a.js'",
          "google-analytics.com" },
        { "x = \".quantserve.com/a.js\"; h.endsWith(\".doubleclick.net\"); "
          "c = a + \".doubleclick.net\"; d = a + '.js/' + '.x'", "" },
        { "//a..b.com/ //.a.com/ //a.com./", "" },
        { "https://", "" },
        { "//", "" },
        { "'", "" },
        { "", "" },
        { NULL, NULL }
    };

    for (size_t i = 0; cases[i].text != NULL; i++) {
        pos = 0;
        used = 0;
        got[0] = '\0';

        while ((n = consent_inline_host_next(
                        (const unsigned char *) cases[i].text,
                        strlen(cases[i].text), &pos, &host))
               != 0)
        {
            used += (size_t) snprintf(got + used, sizeof(got) - used, "%s%.*s",
                                      used ? " " : "", (int) n, host);
        }

        is_str(got, cases[i].tokens, "tokens of: %s", cases[i].text);
    }
}


typedef struct {
    unsigned  found[16];
    size_t    n;
    size_t    stop_after;
} found_t;


static int
collect(void *data, unsigned entity)
{
    found_t  *f = data;

    if (f->n < 16) {
        f->found[f->n++] = entity;
    }

    return f->n == f->stop_after;
}


static void
test_signatures(void)
{
    int                   rc;
    char                  err[512], *big;
    found_t               f;
    size_t                i;
    consent_catalogue_t  *cat;

    cat = consent_catalogue_load_file(FIXTURE, err, sizeof(err));
    if (cat == NULL) {
        diag("%s", err);
        return;
    }

#define id(s)  (unsigned) consent_catalogue_entity(cat, s, strlen(s))
#define scan(t, stop)                                                         \
    (memset(&f, 0, sizeof(f)), f.stop_after = stop,                           \
     consent_catalogue_signatures(cat, (const unsigned char *) t, strlen(t),  \
                                  collect, &f))

    rc = scan("window._taboola = window._taboola || []; _tfa.push({});", 0);
    ok(rc == 0 && f.n == 3 && f.found[0] == id("taboola")
       && f.found[1] == id("taboola") && f.found[2] == id("taboola"),
       "every occurrence, in text order");

    rc = scan("var _sf_async_config={}; COMSCORE.beacon({c1:2});", 0);
    ok(f.n == 2 && f.found[0] == id("chartbeat")
       && f.found[1] == id("comscore"), "two entities in text order");

    rc = scan("_hjSettings _hjSettings OBR.extern", 1);
    ok(rc == 1 && f.n == 1 && f.found[0] == id("hotjar"),
       "a non-zero answer stops the scan and is returned");

    scan("_hjSetting _sf_async_confi COMSCORE.beaco OBR.exter", 0);
    is_int(f.n, 0, "prefixes of signatures are not signatures");

    scan("my_hjSettings $_hjSettings x._hjSettings", 0);
    ok(f.n == 1 && f.found[0] == id("hotjar"), "a signature inside an "
       "identifier does not count, after a dot it does");

    scan("window._taboola", 0);
    is_int(f.n, 1, "a signature at the very end");
    scan("indow._taboola", 0);
    is_int(f.n, 0, "nor with its first byte missing");
    scan("", 0);
    is_int(f.n, 0, "empty text");

    /* 1 MB without a signature, then one: found, in one pass */
    big = malloc(1 << 20);
    if (big != NULL) {
        for (i = 0; i < (1 << 20) - 1; i++) {
            big[i] = "_wOBC.hj"[i % 8];
        }
        memcpy(big + (1 << 20) - 18, ";OBR.extern", 11);
        big[(1 << 20) - 7] = '\0';
        scan(big, 0);
        ok(f.n == 1 && f.found[0] == id("outbrain"), "a signature at the end "
           "of 1 MB of near misses");
        free(big);
    }

    consent_catalogue_free(cat);

#undef id
#undef scan
}


static int
first_party(const char *page, const char *url)
{
    consent_site_t  site;
    consent_host_t  host;

    consent_site_init(&site, (const unsigned char *) page, strlen(page));
    consent_host_parse((const unsigned char *) url, strlen(url), &site.base,
                       &host);

    return consent_site_first_party(&site, &host);
}


static void
test_site(void)
{
    consent_site_t  site;
    consent_host_t  host;

    ok(first_party("www.bbc.co.uk", "https://static.bbc.co.uk/a.js"),
       "static.bbc.co.uk is first party on www.bbc.co.uk");
    ok(first_party("www.bbc.co.uk", "https://bbc.co.uk/a.js"),
       "so is the registrable domain itself");
    ok(!first_party("www.bbc.co.uk", "https://evil.co.uk/a.js"),
       "evil.co.uk is third party (co.uk is a public suffix)");
    ok(!first_party("www.bbc.co.uk", "https://co.uk/a.js"),
       "the public suffix is third party");
    ok(!first_party("www.bbc.co.uk", "https://notbbc.co.uk/a.js"),
       "a look-alike is third party");
    ok(!first_party("www.bbc.co.uk", "https://bbc.co.uk.evil.com/a.js"),
       "the domain as a prefix is third party");
    ok(first_party("WWW.BBC.CO.UK:443", "//STATIC.bbc.co.uk./a.js"),
       "case, port and trailing dot do not matter");
    ok(first_party("shop.example.com", "/a.js"), "a relative URL is first "
       "party");
    ok(!first_party("shop.example.com", "data:text/javascript,1"),
       "a data: URL names no host (NONE is not first party)");
    ok(!first_party("alice.github.io", "https://bob.github.io/x.js"),
       "a private suffix separates sites (github.io)");
    ok(first_party("alice.github.io", "https://alice.github.io/x.js"),
       "the same host under a private suffix");
    ok(first_party("localhost", "http://localhost:8080/x.js"),
       "a host without registrable domain: the same host");
    ok(!first_party("localhost", "http://other/x.js"),
       "and only that host");
    ok(first_party("127.0.0.1", "http://0x7f.0.0.1/x.js"),
       "an IPv4 page: the same address");
    ok(!first_party("127.0.0.1", "http://127.0.0.2/x.js"),
       "not another");
    ok(!first_party("www.example.com", "https://exa mple.com/"),
       "an INVALID host is never first party");
    ok(!first_party("", "https://example.com/"),
       "without a Host nothing absolute is first party");

    consent_site_init(&site, (const unsigned char *) "www.example.com", 15);
    consent_site_set_base(&site, (const unsigned char *)
                          "https://cdn.tracker.example/", 28);
    consent_host_parse((const unsigned char *) "/x.js", 5, &site.base,
                       &host);
    ok(host.kind == CONSENT_HOST_NAME && !consent_site_first_party(&site,
                                                                    &host),
       "with <base href> elsewhere a relative URL is that host's");

    consent_site_set_base(&site, (const unsigned char *) "/static/", 8);
    consent_host_parse((const unsigned char *) "/x.js", 5, &site.base,
                       &host);
    ok(consent_site_first_party(&site, &host), "a relative <base href> "
       "keeps relative URLs first party");
}


int
main(void)
{
    test_hosts();
    test_domains();
    test_load();
    test_tokens();
    test_signatures();
    test_site();

    return done_testing();
}

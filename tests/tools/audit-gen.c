/*
 * Test tool: a synthetic audit log, signed and chained as nginx writes it,
 * for the consent-audit tests and the 1 M record measurement
 * (docs/audit.md).  Deterministic for a seed.
 *   audit-gen --policy FILE --key FILE [--key FILE]... [--records N]
 *             [--days N] [--start YYYY-MM-DD] [--rotate-every N]
 *             [--seed N] [--texts FILE]
 * Records go to standard output; with --rotate-every the chain moves to
 * the next key (a rotate record) every N records; the second half is under
 * the next policy revision; --texts writes the texts sidecar of every
 * language and both revisions.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "consent_audit.h"
#include "consent_cookie.h"


#define GEN_KEYS_MAX   8
#define GEN_LANGS_MAX  16
#define GEN_IDS        4096         /* recent ids a visitor may come back as */


static uint64_t  gen_state = 0x9e3779b97f4a7c15ULL;


/* xorshift64*: fast and reproducible */
static uint64_t
gen_random(void)
{
    gen_state ^= gen_state >> 12;
    gen_state ^= gen_state << 25;
    gen_state ^= gen_state >> 27;

    return gen_state * 0x2545f4914f6cdd1dULL;
}


static int
gen_read_key(const char *path, unsigned char *buf, size_t *len)
{
    FILE    *f;
    size_t   n;

    f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return -1;
    }

    n = fread(buf, 1, 4096, f);
    fclose(f);

    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) {
        n--;
    }

    *len = n;

    return 0;
}


int
main(int argc, char **argv)
{
    int                     i;
    char                    err[512], *line, *texts_path;
    char                    region_buf[8];
    size_t                  len, nkeys, k, nlangs, r;
    uint64_t                records, days, rotate_every, n, start_ms, seq;
    uint64_t                span_ms;
    const char             *policy_path, *start, *lang;
    struct tm               tm;
    FILE                   *texts;
    consent_policy_t       *policy;
    consent_catalogue_t    *catalogue;
    consent_audit_key_t     keys[GEN_KEYS_MAX];
    consent_audit_end_t     end;
    consent_audit_entry_t   e;
    consent_mask_t          optional;
    unsigned char           key_bytes[GEN_KEYS_MAX][4096];
    unsigned char           mac[CONSENT_AUDIT_MAC_LEN];
    unsigned char           hashes[GEN_LANGS_MAX][2][CONSENT_AUDIT_MAC_LEN];
    unsigned char           id[CONSENT_ID_LEN];
    static unsigned char    ids[GEN_IDS][CONSENT_ID_LEN];

    static const char  *regions[] = { "DE", "FR", "GB", "US-CA", "BR" };
    static const char  *modes[] = { "opt-in", "opt-in", "opt-in", "opt-out",
                                    "notice" };

    policy_path = NULL;
    start = "2026-01-01";
    texts_path = NULL;
    records = 1000;
    days = 90;
    rotate_every = 0;
    nkeys = 0;

    for (i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--policy") == 0) {
            policy_path = argv[i + 1];

        } else if (strcmp(argv[i], "--key") == 0 && nkeys < GEN_KEYS_MAX) {
            if (gen_read_key(argv[i + 1], key_bytes[nkeys], &len) != 0) {
                return 2;
            }

            keys[nkeys].key = key_bytes[nkeys];
            keys[nkeys].len = len;

            if (consent_audit_key_init(&keys[nkeys]) != 0) {
                return 2;
            }

            nkeys++;

        } else if (strcmp(argv[i], "--records") == 0) {
            records = strtoull(argv[i + 1], NULL, 10);

        } else if (strcmp(argv[i], "--days") == 0) {
            days = strtoull(argv[i + 1], NULL, 10);

        } else if (strcmp(argv[i], "--start") == 0) {
            start = argv[i + 1];

        } else if (strcmp(argv[i], "--rotate-every") == 0) {
            rotate_every = strtoull(argv[i + 1], NULL, 10);

        } else if (strcmp(argv[i], "--seed") == 0) {
            gen_state ^= strtoull(argv[i + 1], NULL, 10) * 0x9e3779b9ULL;

        } else if (strcmp(argv[i], "--texts") == 0) {
            texts_path = argv[i + 1];

        } else {
            break;
        }
    }

    if (i != argc || policy_path == NULL || nkeys == 0 || days == 0) {
        fprintf(stderr, "usage: audit-gen --policy FILE --key FILE... "
                "[--records N] [--days N] [--start YYYY-MM-DD] "
                "[--rotate-every N] [--seed N] [--texts FILE]\n");
        return 2;
    }

    policy = consent_policy_load_standalone(policy_path,
                                            CONSENT_CATALOGUE_PATH,
                                            &catalogue, err, sizeof(err));
    if (policy == NULL) {
        fprintf(stderr, "audit-gen: %s\n", err);
        return 2;
    }

    memset(&tm, 0, sizeof(tm));
    if (sscanf(start, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday)
        != 3)
    {
        fprintf(stderr, "audit-gen: --start takes YYYY-MM-DD\n");
        return 2;
    }

    tm.tm_year -= 1900;
    tm.tm_mon -= 1;

    start_ms = (uint64_t) timegm(&tm) * 1000;
    span_ms = days * 86400000ULL;

    /* the texts of each language under revision r and r + 1 */
    nlangs = policy->nlanguages < GEN_LANGS_MAX ? policy->nlanguages
                                                : GEN_LANGS_MAX;
    texts = texts_path ? fopen(texts_path, "w") : NULL;

    for (r = 0; r < 2; r++) {
        for (k = 0; k < nlangs; k++) {
            line = consent_audit_texts(policy, policy->languages[k],
                                       hashes[k][r], &len);
            if (line == NULL) {
                return 2;
            }

            if (texts) {
                fwrite(line, 1, len, texts);
            }

            free(line);
        }

        /* the second half of the log: the next revision of the policy */
        policy->revision++;
    }

    policy->revision -= 2;

    if (texts) {
        fclose(texts);
    }

    optional = policy->all_mask & ~policy->required_mask;
    memset(&end, 0, sizeof(end));
    k = 0;

    for (n = 0, seq = 1; n < records; n++, seq++) {
        memset(&e, 0, sizeof(e));

        e.ts_ms = start_ms + span_ms * n / records
                  + gen_random() % (span_ms / records + 1) / 2;

        if (rotate_every && n && n % rotate_every == 0 && k + 1 < nkeys) {
            k++;
            line = consent_audit_rotate_line(e.ts_ms, "gen-1", &end,
                                             &keys[k], mac, &len);
            if (line == NULL) {
                return 2;
            }

            fwrite(line, 1, len, stdout);
            free(line);

            end.seq = seq++;
            memcpy(end.mac, mac, CONSENT_AUDIT_MAC_LEN);
        }

        /* one visitor in five comes back */
        if (n > GEN_IDS && gen_random() % 5 == 0) {
            memcpy(id, ids[gen_random() % GEN_IDS], CONSENT_ID_LEN);

        } else {
            for (i = 0; i < CONSENT_ID_LEN; i++) {
                id[i] = (unsigned char) gen_random();
            }

            memcpy(ids[n % GEN_IDS], id, CONSENT_ID_LEN);
        }

        e.seq = seq;
        e.node = "gen-1";
        e.id = id;
        e.revision = policy->revision + (n >= records / 2);
        e.gpc = gen_random() % 100 < 8;
        e.decided = 1;

        switch (gen_random() % 100 / 5) {
        case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7:
        case 8: case 9: case 10:
            e.action = "accept_all";
            e.granted = policy->all_mask & ~(e.gpc ? policy->gpc_mask : 0);
            break;
        case 11: case 12: case 13: case 14: case 15:
            e.action = "reject_all";
            e.granted = policy->required_mask;
            break;
        case 16: case 17: case 18:
            e.action = "save";
            e.granted = policy->required_mask
                        | ((consent_mask_t) gen_random() & optional);
            break;
        default:
            e.action = "withdraw";
            e.granted = policy->required_mask;
        }

        e.denied = policy->all_mask & ~e.granted;
        e.source = gen_random() % 3 ? "banner" : "nojs";

        i = (int) (gen_random() % 10);
        k = k < nkeys ? k : 0;
        lang = policy->languages[i < 6 ? 0 : (size_t) i % nlangs];
        e.lang = lang;
        e.texts = hashes[i < 6 ? 0 : (size_t) i % nlangs][n >= records / 2];

        i = (int) (gen_random() % 5);
        snprintf(region_buf, sizeof(region_buf), "%s", regions[i]);
        e.region = region_buf;
        e.mode = modes[i];

        e.ip = "203.0.113.0";
        e.ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
               "(KHTML, like Gecko) Chrome/131.0 Safari/537.36";
        e.ua_len = strlen(e.ua);
        memcpy(e.prev, end.mac, CONSENT_AUDIT_MAC_LEN);

        line = consent_audit_line(policy, &e, &keys[k], mac, &len);
        if (line == NULL) {
            return 2;
        }

        fwrite(line, 1, len, stdout);
        free(line);

        end.seq = seq;
        memcpy(end.mac, mac, CONSENT_AUDIT_MAC_LEN);
        memcpy(end.key_id, keys[k].id, CONSENT_AUDIT_KEY_ID_LEN);
        end.has_key_id = 1;
    }

    consent_policy_free(policy);
    consent_catalogue_free(catalogue);

    return fflush(stdout) == 0 ? 0 : 1;
}

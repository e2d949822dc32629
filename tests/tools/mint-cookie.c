/*
 * Test tool: prints a consent cookie value signed with a key file under a
 * policy's fingerprint, so that integration tests can present valid, stale
 * and tampered cookies.
 *   mint-cookie POLICY KEYFILE REVISION GRANTED_MASK ISSUED_UNIX [ID_HEX|-]
 *       [MODE [COUNTRY]]
 * MODE is opt-in (the default), opt-out, notice or none.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent_cookie.h"
#include "consent_policy.h"


static int
read_key(const char *path, unsigned char *buf, size_t *len)
{
    FILE    *f;
    char     err[128];
    size_t   n;

    f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return -1;
    }

    n = fread(buf, 1, CONSENT_KEY_FILE_MAX + 1, f);
    fclose(f);

    if (consent_key_from_file_bytes(buf, n, len, err, sizeof(err)) != 0) {
        fprintf(stderr, "mint-cookie: %s: %s\n", path, err);
        return -1;
    }

    return 0;
}


static int
fingerprint(const char *path, unsigned char out[CONSENT_FINGERPRINT_LEN])
{
    int                   rc;
    char                  err[512];
    size_t                c;
    const char           *ids[CONSENT_MAX_CATEGORIES];
    consent_policy_t     *policy;
    consent_catalogue_t  *catalogue;

    /* policies may extend the catalogue the module embeds */
    policy = consent_policy_load_standalone(path, CONSENT_CATALOGUE_PATH,
                                            &catalogue, err, sizeof(err));
    if (policy == NULL) {
        fprintf(stderr, "mint-cookie: %s\n", err);
        return -1;
    }

    for (c = 0; c < policy->ncategories; c++) {
        ids[c] = policy->categories[c].id;
    }

    rc = consent_cookie_fingerprint(ids, policy->ncategories, out);
    consent_policy_free(policy);
    consent_catalogue_free(catalogue);

    return rc;
}


int
main(int argc, char **argv)
{
    char             out[CONSENT_COOKIE_MAX_LEN + 1];
    size_t           i;
    unsigned int     byte;
    unsigned char    secret[CONSENT_KEY_FILE_MAX + 1];
    unsigned char    fp[CONSENT_FINGERPRINT_LEN];
    consent_key_t    key;
    consent_state_t  state;
    consent_mode_t   mode;

    if (argc < 6) {
        fprintf(stderr, "usage: mint-cookie POLICY KEYFILE REVISION "
                "GRANTED_MASK ISSUED_UNIX [ID_HEX|-] [MODE [COUNTRY]]\n");
        return 2;
    }

    if (fingerprint(argv[1], fp) != 0) {
        return 1;
    }

    memset(&key, 0, sizeof(key));
    if (read_key(argv[2], secret, &key.len) != 0) {
        return 1;
    }

    key.secret = secret;
    if (consent_key_init(&key) != 0) {
        return 1;
    }

    memset(&state, 0, sizeof(state));
    state.revision = (uint32_t) strtoul(argv[3], NULL, 0);
    state.granted = (uint32_t) strtoul(argv[4], NULL, 0);
    state.issued = (uint64_t) strtoull(argv[5], NULL, 0);
    state.decided = 1;

    if (argc > 6 && strlen(argv[6]) == 2 * CONSENT_ID_LEN) {
        for (i = 0; i < CONSENT_ID_LEN; i++) {
            if (sscanf(argv[6] + 2 * i, "%2x", &byte) != 1) {
                return 2;
            }
            state.id[i] = (unsigned char) byte;
        }

    } else if (consent_id_generate(state.id) != 0) {
        return 1;
    }

    if (argc > 7) {
        if (consent_mode_parse(argv[7], strlen(argv[7]), &mode) != 0) {
            fprintf(stderr, "mint-cookie: unknown mode \"%s\"\n", argv[7]);
            return 2;
        }

        state.mode = (unsigned char) mode;
    }

    if (argc > 8 && strlen(argv[8]) == 2) {
        memcpy(state.country, argv[8], 2);
    }

    if (consent_cookie_encode(&state, &key, fp, out) != 0) {
        return 1;
    }

    out[consent_cookie_length(&state)] = '\0';
    printf("%s\n", out);

    return 0;
}

/*
 * The signed consent cookie codec: encode, verify and decode (see
 * consent_cookie.h for the layout).
 */

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "consent_cookie.h"


#define CONSENT_MAC_LEN  32

#define CONSENT_OFF_KEY_ID       1
#define CONSENT_OFF_ID           (CONSENT_OFF_KEY_ID + CONSENT_KEY_ID_LEN)
#define CONSENT_OFF_ISSUED       (CONSENT_OFF_ID + CONSENT_ID_LEN)
#define CONSENT_OFF_REVISION     (CONSENT_OFF_ISSUED + 8)
#define CONSENT_OFF_GRANTED      (CONSENT_OFF_REVISION + 4)
#define CONSENT_OFF_FINGERPRINT  (CONSENT_OFF_GRANTED + 4)
#define CONSENT_OFF_MODE         (CONSENT_OFF_FINGERPRINT \
                                  + CONSENT_FINGERPRINT_LEN)
#define CONSENT_OFF_COUNTRY      (CONSENT_OFF_MODE + 1)
#define CONSENT_OFF_FLAGS        (CONSENT_OFF_COUNTRY + 2)
#define CONSENT_OFF_COUNT        (CONSENT_OFF_FLAGS + 1)
#define CONSENT_OFF_SERVICES     (CONSENT_OFF_COUNT + 1)

/* Version 4: the service hashes, then the MAC. */
#define CONSENT_COOKIE_SIGNED_LEN(n)  (CONSENT_OFF_SERVICES \
                                       + (n) * CONSENT_SERVICE_HASH_LEN)
#define CONSENT_COOKIE_RAW_MAX   (CONSENT_COOKIE_SIGNED_LEN( \
                                      CONSENT_SERVICES_MAX) + CONSENT_MAC_LEN)

/* Version 3: the same fields up to the country, then the MAC. */
#define CONSENT_COOKIE_V3              3
#define CONSENT_COOKIE_V3_SIGNED_LEN   CONSENT_OFF_FLAGS
#define CONSENT_COOKIE_V3_RAW_LEN      (CONSENT_COOKIE_V3_SIGNED_LEN \
                                        + CONSENT_MAC_LEN)
#define CONSENT_COOKIE_V3_LEN          (CONSENT_COOKIE_V3_RAW_LEN / 3 * 4)

/* Version 2: the same fields up to the fingerprint, then the MAC. */
#define CONSENT_COOKIE_V2              2
#define CONSENT_COOKIE_V2_SIGNED_LEN   CONSENT_OFF_MODE
#define CONSENT_COOKIE_V2_RAW_LEN      (CONSENT_COOKIE_V2_SIGNED_LEN \
                                        + CONSENT_MAC_LEN)
#define CONSENT_COOKIE_V2_LEN          (CONSENT_COOKIE_V2_RAW_LEN / 3 * 4)

/* Version 1: the same fields up to granted, then the MAC. */
#define CONSENT_COOKIE_V1              1
#define CONSENT_COOKIE_V1_SIGNED_LEN   CONSENT_OFF_FINGERPRINT
#define CONSENT_COOKIE_V1_RAW_LEN      (CONSENT_COOKIE_V1_SIGNED_LEN \
                                        + CONSENT_MAC_LEN)
#define CONSENT_COOKIE_V1_LEN          (CONSENT_COOKIE_V1_RAW_LEN / 3 * 4)

/* base64url without padding: a last group of 1 or 2 bytes is 2 or 3 chars */
#define CONSENT_B64_LEN(n)       ((n) / 3 * 4 + ((n) % 3 ? (n) % 3 + 1 : 0))

_Static_assert(CONSENT_COOKIE_RAW_LEN == CONSENT_COOKIE_SIGNED_LEN(0)
               + CONSENT_MAC_LEN
               && CONSENT_COOKIE_LEN == CONSENT_B64_LEN(CONSENT_COOKIE_RAW_LEN)
               && CONSENT_COOKIE_MAX_LEN
                  == CONSENT_B64_LEN(CONSENT_COOKIE_RAW_MAX),
               "the cookie lengths must agree with the layout");
_Static_assert(CONSENT_SERVICE_HASH_LEN == 6,
               "a service grant must be two whole base64 groups");
_Static_assert(CONSENT_COOKIE_V3_RAW_LEN % 3 == 0
               && CONSENT_COOKIE_V3_LEN == 104,
               "a version 3 cookie is 26 whole base64 groups");
_Static_assert(CONSENT_COOKIE_V2_RAW_LEN % 3 == 0,
               "a version 2 cookie is whole base64 groups");
_Static_assert(CONSENT_COOKIE_V1_RAW_LEN % 3 == 0,
               "a version 1 cookie is whole base64 groups");


static unsigned consent_popcount(uint32_t mask);
static int consent_has_prefix(const char *name, size_t len,
    const char *prefix);
static char consent_ascii_lower(char c);
static int consent_is_space(char c);
static int consent_cookie_mac(const consent_key_t *key,
    const unsigned char *data, size_t len,
    unsigned char mac[CONSENT_MAC_LEN]);
static int consent_cookie_authentic(const unsigned char *raw,
    size_t signed_len, const consent_key_t *keys, size_t nkeys);
static int consent_b64url_value(unsigned char c);
static int consent_b64url_decode(const char *in, size_t len,
    unsigned char *out);
static void consent_b64url_encode(const unsigned char *in, size_t len,
    char *out);
static void consent_put_be(unsigned char *p, uint64_t v, size_t n);
static uint64_t consent_get_be(const unsigned char *p, size_t n);


static const char  consent_b64url_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";


int
consent_key_init(consent_key_t *key)
{
    unsigned char  digest[SHA256_DIGEST_LENGTH];

    /* HMAC() takes an int key length */
    if (key->secret == NULL || key->len < CONSENT_MIN_SECRET_LEN
        || key->len > INT_MAX)
    {
        return -1;
    }

    if (SHA256(key->secret, key->len, digest) == NULL) {
        return -1;
    }

    memcpy(key->id, digest, CONSENT_KEY_ID_LEN);
    OPENSSL_cleanse(digest, sizeof(digest));

    return 0;
}


int
consent_key_from_file_bytes(const unsigned char *data, size_t n,
    size_t *key_len, char *err, size_t errlen)
{
    if (n > CONSENT_KEY_FILE_MAX) {
        snprintf(err, errlen, "the file is larger than %d bytes; a key of "
                 "32 to 64 random bytes is enough", CONSENT_KEY_FILE_MAX);
        return -1;
    }

    /* a trailing newline is not part of the key */
    while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r')) {
        n--;
    }

    if (n < CONSENT_MIN_SECRET_LEN) {
        snprintf(err, errlen, "the key has %zu bytes, at least %d are needed",
                 n, CONSENT_MIN_SECRET_LEN);
        return -1;
    }

    *key_len = n;

    return 0;
}


int
consent_cookie_fingerprint(const char *const *ids, size_t n,
    unsigned char fingerprint[CONSENT_FINGERPRINT_LEN])
{
    int            rc;
    size_t         i;
    EVP_MD_CTX    *md;
    unsigned char  digest[EVP_MAX_MD_SIZE];

    md = EVP_MD_CTX_new();
    if (md == NULL) {
        return -1;
    }

    rc = EVP_DigestInit_ex(md, EVP_sha256(), NULL) == 1 ? 0 : -1;

    /* each id with its NUL: "ab","c" and "a","bc" differ */
    for (i = 0; i < n && rc == 0; i++) {
        if (EVP_DigestUpdate(md, ids[i], strlen(ids[i]) + 1) != 1) {
            rc = -1;
        }
    }

    if (rc == 0 && EVP_DigestFinal_ex(md, digest, NULL) != 1) {
        rc = -1;
    }

    EVP_MD_CTX_free(md);

    if (rc == 0) {
        memcpy(fingerprint, digest, CONSENT_FINGERPRINT_LEN);
    }

    return rc;
}


int
consent_id_generate(unsigned char id[CONSENT_ID_LEN])
{
    return RAND_bytes(id, CONSENT_ID_LEN) == 1 ? 0 : -1;
}


void
consent_id_hex(const unsigned char id[CONSENT_ID_LEN], char out[33])
{
    consent_hex(id, CONSENT_ID_LEN, out);
}


void
consent_hex(const unsigned char *in, size_t n, char *out)
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i;

    for (i = 0; i < n; i++) {
        out[2 * i] = hex[in[i] >> 4];
        out[2 * i + 1] = hex[in[i] & 0x0f];
    }

    out[2 * n] = '\0';
}


size_t
consent_cookie_length(const consent_state_t *state)
{
    return CONSENT_COOKIE_LEN + 8 * (size_t) state->services.n;
}


int
consent_cookie_encode(const consent_state_t *state, const consent_key_t *key,
    const unsigned char fingerprint[CONSENT_FINGERPRINT_LEN], char *out)
{
    size_t         signed_len;
    unsigned       i;
    unsigned char  raw[CONSENT_COOKIE_RAW_MAX], *p;

    if (state->services.n > CONSENT_SERVICES_MAX) {
        return -1;
    }

    for (i = 1; i < state->services.n; i++) {
        if (state->services.hash[i - 1] >= state->services.hash[i]) {
            return -1;
        }
    }

    raw[0] = CONSENT_COOKIE_VERSION;
    memcpy(raw + CONSENT_OFF_KEY_ID, key->id, CONSENT_KEY_ID_LEN);
    memcpy(raw + CONSENT_OFF_ID, state->id, CONSENT_ID_LEN);
    consent_put_be(raw + CONSENT_OFF_ISSUED, state->issued, 8);
    consent_put_be(raw + CONSENT_OFF_REVISION, state->revision, 4);
    consent_put_be(raw + CONSENT_OFF_GRANTED, state->granted, 4);
    memcpy(raw + CONSENT_OFF_FINGERPRINT, fingerprint,
           CONSENT_FINGERPRINT_LEN);
    raw[CONSENT_OFF_MODE] = state->mode;
    memcpy(raw + CONSENT_OFF_COUNTRY, state->country, 2);
    raw[CONSENT_OFF_FLAGS] = state->decided ? CONSENT_COOKIE_DECIDED : 0;
    raw[CONSENT_OFF_COUNT] = (unsigned char) state->services.n;

    p = raw + CONSENT_OFF_SERVICES;
    for (i = 0; i < state->services.n; i++) {
        consent_put_be(p, state->services.hash[i], CONSENT_SERVICE_HASH_LEN);
        p += CONSENT_SERVICE_HASH_LEN;
    }

    signed_len = CONSENT_COOKIE_SIGNED_LEN(state->services.n);

    if (consent_cookie_mac(key, raw, signed_len, raw + signed_len) != 0) {
        return -1;
    }

    consent_b64url_encode(raw, signed_len + CONSENT_MAC_LEN, out);

    return 0;
}


consent_status_t
consent_cookie_verify(const char *value, size_t len,
    const consent_cookie_check_t *check, consent_state_t *state)
{
    int            version, bound;
    size_t         signed_len, n, i;
    uint64_t       issued, hash;
    uint32_t       revision;
    unsigned char  raw[CONSENT_COOKIE_RAW_MAX], *p;

    if (value == NULL) {
        return CONSENT_STATUS_INVALID;
    }

    n = 0;

    /* exact length: a truncated or padded value is not ours */
    if (len >= CONSENT_COOKIE_LEN && len <= CONSENT_COOKIE_MAX_LEN
        && (len - CONSENT_COOKIE_LEN) % 8 == 0)
    {
        version = CONSENT_COOKIE_VERSION;
        n = (len - CONSENT_COOKIE_LEN) / 8;
        signed_len = CONSENT_COOKIE_SIGNED_LEN(n);

    } else if (len == CONSENT_COOKIE_V3_LEN) {
        version = CONSENT_COOKIE_V3;
        signed_len = CONSENT_COOKIE_V3_SIGNED_LEN;

    } else if (len == CONSENT_COOKIE_V2_LEN) {
        version = CONSENT_COOKIE_V2;
        signed_len = CONSENT_COOKIE_V2_SIGNED_LEN;

    } else if (len == CONSENT_COOKIE_V1_LEN) {
        version = CONSENT_COOKIE_V1;
        signed_len = CONSENT_COOKIE_V1_SIGNED_LEN;

    } else {
        return CONSENT_STATUS_INVALID;
    }

    if (consent_b64url_decode(value, len, raw) != 0
        || raw[0] != version
        || !consent_cookie_authentic(raw, signed_len, check->keys,
                                     check->nkeys))
    {
        return CONSENT_STATUS_INVALID;
    }

    if (version == CONSENT_COOKIE_VERSION) {
        /* signed, but one spelling only: the count, known flags, ascending */
        if (raw[CONSENT_OFF_COUNT] != n
            || (raw[CONSENT_OFF_FLAGS] & ~CONSENT_COOKIE_DECIDED) != 0)
        {
            return CONSENT_STATUS_INVALID;
        }

        for (i = 1; i < n; i++) {
            p = raw + CONSENT_OFF_SERVICES + i * CONSENT_SERVICE_HASH_LEN;
            if (memcmp(p - CONSENT_SERVICE_HASH_LEN, p,
                       CONSENT_SERVICE_HASH_LEN) >= 0)
            {
                return CONSENT_STATUS_INVALID;
            }
        }
    }

    issued = consent_get_be(raw + CONSENT_OFF_ISSUED, 8);
    revision = (uint32_t) consent_get_be(raw + CONSENT_OFF_REVISION, 4);

    /* a MAC over a time to come: a node's clock is wrong, or a key leaked */
    if (issued > check->now
        && issued - check->now > CONSENT_COOKIE_FUTURE_MAX)
    {
        return CONSENT_STATUS_INVALID;
    }

    bound = version != CONSENT_COOKIE_V1
            && memcmp(raw + CONSENT_OFF_FINGERPRINT, check->fingerprint,
                      CONSENT_FINGERPRINT_LEN) == 0;

    /* another policy's bits (or a format without them) mean nothing here */

    if (state != NULL) {
        memcpy(state->id, raw + CONSENT_OFF_ID, CONSENT_ID_LEN);
        state->issued = issued;
        state->revision = revision;
        state->granted = 0;
        state->services.n = 0;

        /* before regions every decision was an opt-in one (mode 0) */
        state->mode = 0;
        state->country[0] = '\0';
        state->country[1] = '\0';

        /* before single-service grants every cookie was a decision */
        state->decided = 1;

        if (version >= CONSENT_COOKIE_V3) {
            state->mode = raw[CONSENT_OFF_MODE];
            memcpy(state->country, raw + CONSENT_OFF_COUNTRY, 2);
        }

        if (version == CONSENT_COOKIE_VERSION) {
            state->decided = (raw[CONSENT_OFF_FLAGS]
                              & CONSENT_COOKIE_DECIDED) != 0;
        }

        if (bound) {
            state->granted = (uint32_t) consent_get_be(
                                            raw + CONSENT_OFF_GRANTED, 4);

            for (i = 0; i < n; i++) {
                hash = consent_get_be(raw + CONSENT_OFF_SERVICES
                                      + i * CONSENT_SERVICE_HASH_LEN,
                                      CONSENT_SERVICE_HASH_LEN);
                state->services.hash[i] = hash;
            }

            state->services.n = (unsigned) n;
        }
    }

    if (!bound) {
        return CONSENT_STATUS_STALE;
    }

    /* issued + max_age is compared without overflowing 64 bits */
    if (check->max_age <= UINT64_MAX - issued
        && check->now >= issued + check->max_age)
    {
        return CONSENT_STATUS_STALE;
    }

    /* a newer revision is authentic: another node already runs that policy */
    if (revision < check->revision) {
        return CONSENT_STATUS_STALE;
    }

    return CONSENT_STATUS_VALID;
}


const char *
consent_status_name(consent_status_t status)
{
    switch (status) {
    case CONSENT_STATUS_NONE:
        return "none";
    case CONSENT_STATUS_VALID:
        return "valid";
    case CONSENT_STATUS_STALE:
        return "stale";
    case CONSENT_STATUS_INVALID:
        return "invalid";
    }

    return "invalid";
}


void
consent_cookies_add(consent_cookies_t *cookies, consent_status_t status,
    const consent_state_t *state)
{
    int                 fewer;
    unsigned            grants;
    uint32_t            granted;
    unsigned char       decided;
    consent_services_t  services;

    if (status == CONSENT_STATUS_VALID) {
        grants = consent_popcount(state->granted);

        if (cookies->status != CONSENT_STATUS_VALID) {
            cookies->status = CONSENT_STATUS_VALID;
            cookies->state = *state;
            cookies->grants = grants;
            return;
        }

        granted = cookies->state.granted & state->granted;
        decided = cookies->state.decided && state->decided;
        services = cookies->state.services;
        consent_services_intersect(&services, &state->services);

        fewer = grants < cookies->grants
                || (grants == cookies->grants
                    && state->services.n < cookies->state.services.n);

        if (fewer
            || (grants == cookies->grants
                && state->services.n == cookies->state.services.n
                && state->issued > cookies->state.issued))
        {
            cookies->state = *state;
            cookies->grants = grants;
        }

        cookies->state.granted = granted;
        cookies->state.decided = decided;
        cookies->state.services = services;

        return;
    }

    if (cookies->status == CONSENT_STATUS_VALID
        || cookies->status == CONSENT_STATUS_STALE)
    {
        return;
    }

    if (status == CONSENT_STATUS_STALE) {
        cookies->status = CONSENT_STATUS_STALE;
        cookies->state = *state;
        return;
    }

    if (status == CONSENT_STATUS_INVALID) {
        cookies->status = CONSENT_STATUS_INVALID;
    }
}


int
consent_cookie_prefix_check(const char *name, size_t name_len,
    const char *domain, size_t domain_len, const char *path, size_t path_len,
    int secure_off, char *err, size_t errlen)
{
    int  host;

    host = consent_has_prefix(name, name_len, "__Host-");

    if (!host && !consent_has_prefix(name, name_len, "__Secure-")) {
        return 0;
    }

    if (secure_off) {
        snprintf(err, errlen, "the name \"%.*s\" needs the Secure "
                 "attribute (browsers drop the cookie otherwise): remove "
                 "secure=off", (int) name_len, name);
        return -1;
    }

    if (host && domain != NULL) {
        snprintf(err, errlen, "a \"__Host-\" cookie such as \"%.*s\" has "
                 "no Domain: remove domain=%.*s, or use the \"__Secure-\" "
                 "prefix to share the cookie with subdomains",
                 (int) name_len, name, (int) domain_len, domain);
        return -1;
    }

    if (host && path != NULL && (path_len != 1 || path[0] != '/')) {
        snprintf(err, errlen, "a \"__Host-\" cookie such as \"%.*s\" has "
                 "Path=/: remove path=%.*s", (int) name_len, name,
                 (int) path_len, path);
        return -1;
    }

    return 1;
}


int
consent_cookie_header_find(const char *header, size_t len, const char *name,
    size_t name_len, size_t *pos, const char **value, size_t *value_len)
{
    size_t       start, end, eq, name_end, value_start;
    const char  *semi, *equals;

    while (*pos < len) {
        start = *pos;
        semi = memchr(header + start, ';', len - start);
        end = semi != NULL ? (size_t) (semi - header) : len;
        *pos = semi != NULL ? end + 1 : len;

        while (start < end && consent_is_space(header[start])) {
            start++;
        }

        while (end > start && consent_is_space(header[end - 1])) {
            end--;
        }

        equals = memchr(header + start, '=', end - start);
        if (equals == NULL) {
            continue;
        }

        eq = (size_t) (equals - header);

        name_end = eq;
        while (name_end > start && consent_is_space(header[name_end - 1])) {
            name_end--;
        }

        if (name_end - start != name_len
            || (name_len != 0 && memcmp(header + start, name, name_len) != 0))
        {
            continue;
        }

        value_start = eq + 1;
        while (value_start < end && consent_is_space(header[value_start])) {
            value_start++;
        }

        /* RFC 6265 allows a cookie-value wrapped in one pair of DQUOTEs */
        if (end - value_start >= 2 && header[value_start] == '"'
            && header[end - 1] == '"')
        {
            value_start++;
            end--;
        }

        *value = header + value_start;
        *value_len = end - value_start;

        return 1;
    }

    return 0;
}


static unsigned
consent_popcount(uint32_t mask)
{
    unsigned  n;

    for (n = 0; mask; mask &= mask - 1) {
        n++;
    }

    return n;
}


static int
consent_has_prefix(const char *name, size_t len, const char *prefix)
{
    size_t  i, n;

    n = strlen(prefix);
    if (len < n) {
        return 0;
    }

    for (i = 0; i < n; i++) {
        if (consent_ascii_lower(name[i]) != consent_ascii_lower(prefix[i])) {
            return 0;
        }
    }

    return 1;
}


static char
consent_ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
}


static int
consent_is_space(char c)
{
    return c == ' ' || c == '\t';
}


static int
consent_cookie_mac(const consent_key_t *key, const unsigned char *data,
    size_t len, unsigned char mac[CONSENT_MAC_LEN])
{
    unsigned int  mac_len;

    if (key->secret == NULL || key->len > INT_MAX) {
        return -1;
    }

    if (HMAC(EVP_sha256(), key->secret, (int) key->len, data, len, mac,
             &mac_len)
        == NULL || mac_len != CONSENT_MAC_LEN)
    {
        return -1;
    }

    return 0;
}


/* Whether the MAC after the first signed_len bytes is one of a key's. */
static int
consent_cookie_authentic(const unsigned char *raw, size_t signed_len,
    const consent_key_t *keys, size_t nkeys)
{
    int            authentic;
    size_t         k;
    unsigned char  mac[CONSENT_MAC_LEN];

    authentic = 0;

    /* every key with this id is tried: two secrets may share 32 id bits */
    for (k = 0; k < nkeys && !authentic; k++) {
        if (memcmp(keys[k].id, raw + CONSENT_OFF_KEY_ID, CONSENT_KEY_ID_LEN)
            != 0)
        {
            continue;
        }

        if (consent_cookie_mac(&keys[k], raw, signed_len, mac) != 0) {
            continue;
        }

        authentic = CRYPTO_memcmp(mac, raw + signed_len, CONSENT_MAC_LEN)
                    == 0;
    }

    OPENSSL_cleanse(mac, sizeof(mac));

    return authentic;
}


/* The 6-bit value of a base64url character, or -1 for any other byte. */
static int
consent_b64url_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }

    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }

    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }

    if (c == '-') {
        return 62;
    }

    if (c == '_') {
        return 63;
    }

    return -1;
}


/*
 * Decode len characters into CONSENT_B64_LEN's inverse: whole groups of 4,
 * then a last group of 2 or 3 characters whose unused low bits must be
 * zero, so that every string decodes to distinct bytes: no non-canonical
 * spellings.
 */
static int
consent_b64url_decode(const char *in, size_t len, unsigned char *out)
{
    int       v;
    size_t    i, j, o, rest;
    uint32_t  group;

    rest = len % 4;
    if (rest == 1) {
        return -1;
    }

    for (i = 0, o = 0; i < len; i += 4, o += 3) {
        group = 0;

        for (j = 0; j < 4; j++) {
            v = i + j < len ? consent_b64url_value((unsigned char) in[i + j])
                            : 0;
            if (v < 0) {
                return -1;
            }

            group = group << 6 | (uint32_t) v;
        }

        out[o] = (unsigned char) (group >> 16);

        if (i + 2 == len) {
            return (group & 0xffff) ? -1 : 0;
        }

        out[o + 1] = (unsigned char) (group >> 8);

        if (i + 3 == len) {
            return (group & 0xff) ? -1 : 0;
        }

        out[o + 2] = (unsigned char) group;
    }

    return 0;
}


/* len bytes into CONSENT_B64_LEN(len) characters, without padding. */
static void
consent_b64url_encode(const unsigned char *in, size_t len, char *out)
{
    size_t    i, o, n;
    uint32_t  group;

    for (i = 0, o = 0; i < len; i += 3) {
        n = len - i < 3 ? len - i : 3;

        group = (uint32_t) in[i] << 16;
        if (n > 1) {
            group |= (uint32_t) in[i + 1] << 8;
        }
        if (n > 2) {
            group |= in[i + 2];
        }

        out[o++] = consent_b64url_alphabet[group >> 18];
        out[o++] = consent_b64url_alphabet[(group >> 12) & 0x3f];

        if (n > 1) {
            out[o++] = consent_b64url_alphabet[(group >> 6) & 0x3f];
        }

        if (n > 2) {
            out[o++] = consent_b64url_alphabet[group & 0x3f];
        }
    }
}


static void
consent_put_be(unsigned char *p, uint64_t v, size_t n)
{
    while (n--) {
        p[n] = (unsigned char) v;
        v >>= 8;
    }
}


static uint64_t
consent_get_be(const unsigned char *p, size_t n)
{
    uint64_t  v;

    v = 0;

    while (n--) {
        v = v << 8 | *p++;
    }

    return v;
}


int
consent_set_cookie_name(const char *value, size_t len, const char **name,
    size_t *name_len)
{
    size_t  start, end;

    start = 0;
    while (start < len && (value[start] == ' ' || value[start] == '\t')) {
        start++;
    }

    for (end = start; end < len; end++) {
        if (value[end] == '=' || value[end] == ';') {
            break;
        }
    }

    if (end == len || value[end] != '=') {
        return 0;
    }

    *name = value + start;

    while (end > start && (value[end - 1] == ' ' || value[end - 1] == '\t')) {
        end--;
    }

    *name_len = end - start;

    return *name_len > 0;
}

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


/* Bytes covered by the MAC: everything but the MAC itself. */
#define CONSENT_COOKIE_SIGNED_LEN  (CONSENT_COOKIE_RAW_LEN - 32)

#define CONSENT_OFF_KEY_ID    1
#define CONSENT_OFF_ID        (CONSENT_OFF_KEY_ID + CONSENT_KEY_ID_LEN)
#define CONSENT_OFF_ISSUED    (CONSENT_OFF_ID + CONSENT_ID_LEN)
#define CONSENT_OFF_REVISION  (CONSENT_OFF_ISSUED + 8)
#define CONSENT_OFF_GRANTED   (CONSENT_OFF_REVISION + 4)
#define CONSENT_OFF_MAC       (CONSENT_OFF_GRANTED + 4)

_Static_assert(CONSENT_COOKIE_RAW_LEN % 3 == 0
               && CONSENT_COOKIE_LEN == CONSENT_COOKIE_RAW_LEN / 3 * 4,
               "the cookie must be whole base64 groups");
_Static_assert(CONSENT_OFF_MAC == CONSENT_COOKIE_SIGNED_LEN,
               "the MAC must be the last field");


static int consent_is_space(char c);
static int consent_cookie_mac(const consent_key_t *key,
    const unsigned char *data, unsigned char mac[32]);
static int consent_b64url_value(unsigned char c);
static int consent_b64url_decode(const char *in,
    unsigned char out[CONSENT_COOKIE_RAW_LEN]);
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


int
consent_cookie_encode(const consent_state_t *state, const consent_key_t *key,
    char out[CONSENT_COOKIE_LEN])
{
    size_t         i, o;
    uint32_t       group;
    unsigned char  raw[CONSENT_COOKIE_RAW_LEN];

    raw[0] = CONSENT_COOKIE_VERSION;
    memcpy(raw + CONSENT_OFF_KEY_ID, key->id, CONSENT_KEY_ID_LEN);
    memcpy(raw + CONSENT_OFF_ID, state->id, CONSENT_ID_LEN);
    consent_put_be(raw + CONSENT_OFF_ISSUED, state->issued, 8);
    consent_put_be(raw + CONSENT_OFF_REVISION, state->revision, 4);
    consent_put_be(raw + CONSENT_OFF_GRANTED, state->granted, 4);

    if (consent_cookie_mac(key, raw, raw + CONSENT_OFF_MAC) != 0) {
        return -1;
    }

    /* 69 bytes are 23 whole groups of 3: no padding, no partial group */
    for (i = 0, o = 0; i < CONSENT_COOKIE_RAW_LEN; i += 3, o += 4) {
        group = (uint32_t) raw[i] << 16 | (uint32_t) raw[i + 1] << 8
                | raw[i + 2];
        out[o] = consent_b64url_alphabet[group >> 18];
        out[o + 1] = consent_b64url_alphabet[(group >> 12) & 0x3f];
        out[o + 2] = consent_b64url_alphabet[(group >> 6) & 0x3f];
        out[o + 3] = consent_b64url_alphabet[group & 0x3f];
    }

    return 0;
}


consent_status_t
consent_cookie_verify(const char *value, size_t len,
    const consent_key_t *keys, size_t nkeys, uint64_t now, uint64_t max_age,
    uint32_t current_revision, consent_state_t *state)
{
    int            authentic;
    size_t         k;
    uint64_t       issued;
    uint32_t       revision;
    unsigned char  raw[CONSENT_COOKIE_RAW_LEN], mac[32];

    /* exact length: a truncated or padded value is not ours */
    if (value == NULL || len != CONSENT_COOKIE_LEN) {
        return CONSENT_STATUS_INVALID;
    }

    if (consent_b64url_decode(value, raw) != 0) {
        return CONSENT_STATUS_INVALID;
    }

    if (raw[0] != CONSENT_COOKIE_VERSION) {
        return CONSENT_STATUS_INVALID;
    }

    authentic = 0;

    /* every key with this id is tried: two secrets may share 32 id bits */
    for (k = 0; k < nkeys && !authentic; k++) {
        if (memcmp(keys[k].id, raw + CONSENT_OFF_KEY_ID, CONSENT_KEY_ID_LEN)
            != 0)
        {
            continue;
        }

        if (consent_cookie_mac(&keys[k], raw, mac) != 0) {
            continue;
        }

        authentic = CRYPTO_memcmp(mac, raw + CONSENT_OFF_MAC, 32) == 0;
    }

    OPENSSL_cleanse(mac, sizeof(mac));

    if (!authentic) {
        return CONSENT_STATUS_INVALID;
    }

    issued = consent_get_be(raw + CONSENT_OFF_ISSUED, 8);
    revision = (uint32_t) consent_get_be(raw + CONSENT_OFF_REVISION, 4);

    if (state != NULL) {
        memcpy(state->id, raw + CONSENT_OFF_ID, CONSENT_ID_LEN);
        state->issued = issued;
        state->revision = revision;
        state->granted = (uint32_t) consent_get_be(raw + CONSENT_OFF_GRANTED,
                                                   4);
    }

    /* issued + max_age is compared without overflowing 64 bits */
    if (max_age <= UINT64_MAX - issued && now >= issued + max_age) {
        return CONSENT_STATUS_STALE;
    }

    /* a newer revision is authentic: another node already runs that policy */
    if (revision < current_revision) {
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


static int
consent_is_space(char c)
{
    return c == ' ' || c == '\t';
}


static int
consent_cookie_mac(const consent_key_t *key, const unsigned char *data,
    unsigned char mac[32])
{
    unsigned int  mac_len;

    if (key->secret == NULL || key->len > INT_MAX) {
        return -1;
    }

    if (HMAC(EVP_sha256(), key->secret, (int) key->len, data,
             CONSENT_COOKIE_SIGNED_LEN, mac, &mac_len)
        == NULL || mac_len != 32)
    {
        return -1;
    }

    return 0;
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
 * Decode exactly CONSENT_COOKIE_LEN characters.  The length is a multiple of
 * 4, so every string decodes to distinct bytes: no non-canonical spellings.
 */
static int
consent_b64url_decode(const char *in,
    unsigned char out[CONSENT_COOKIE_RAW_LEN])
{
    int       v;
    size_t    i, j, o;
    uint32_t  group;

    for (i = 0, o = 0; i < CONSENT_COOKIE_LEN; i += 4, o += 3) {
        group = 0;

        for (j = 0; j < 4; j++) {
            v = consent_b64url_value((unsigned char) in[i + j]);
            if (v < 0) {
                return -1;
            }

            group = group << 6 | (uint32_t) v;
        }

        out[o] = (unsigned char) (group >> 16);
        out[o + 1] = (unsigned char) (group >> 8);
        out[o + 2] = (unsigned char) group;
    }

    return 0;
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

/*
 * The signed consent cookie codec: round trip, tampering, rotation, expiry
 * and revision boundaries, key files, hostile input.
 */

#include <stdlib.h>
#include <stdint.h>

#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "consent_cookie.h"
#include "tap.h"


#define T_ISSUED   1790000000ULL
#define T_MAX_AGE  (180ULL * 86400)
#define T_REV      7


/* sizeof - 1: the terminating NUL is not part of a secret */
static unsigned char  secret1[] = "0123456789abcdef0123456789abcdef";
static unsigned char  secret2[] =
    "a second secret that is forty-eight bytes long!!";

#define SECRET1_LEN  (sizeof(secret1) - 1)
#define SECRET2_LEN  (sizeof(secret2) - 1)


static int
all_base64url(const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')
              || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
        {
            return 0;
        }
    }

    return 1;
}


/* An independent encoder: sign raw bytes as-is (to forge odd headers). */
static void
craft(unsigned char raw[CONSENT_COOKIE_RAW_LEN], const unsigned char *secret,
    size_t secret_len, char out[CONSENT_COOKIE_LEN])
{
    static const char  a[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned int       mac_len;
    size_t             i, o;
    uint32_t           g;

    HMAC(EVP_sha256(), secret, (int) secret_len, raw,
         CONSENT_COOKIE_RAW_LEN - 32, raw + CONSENT_COOKIE_RAW_LEN - 32,
         &mac_len);

    for (i = 0, o = 0; i < CONSENT_COOKIE_RAW_LEN; i += 3, o += 4) {
        g = (uint32_t) raw[i] << 16 | (uint32_t) raw[i + 1] << 8 | raw[i + 2];
        out[o] = a[g >> 18];
        out[o + 1] = a[(g >> 12) & 63];
        out[o + 2] = a[(g >> 6) & 63];
        out[o + 3] = a[g & 63];
    }
}


static consent_status_t
verify(const char *v, size_t len, const consent_key_t *keys, size_t nkeys,
    uint64_t now, consent_state_t *st)
{
    return consent_cookie_verify(v, len, keys, nkeys, now, T_MAX_AGE, T_REV,
                                 st);
}


static void
test_keys(consent_key_t *k1, consent_key_t *k2)
{
    unsigned char  digest[SHA256_DIGEST_LENGTH], short_secret[31];
    consent_key_t  k;

    k1->secret = secret1;
    k1->len = SECRET1_LEN;
    k2->secret = secret2;
    k2->len = SECRET2_LEN;

    is_int(consent_key_init(k1), 0, "key_init accepts a 32-byte secret");
    is_int(consent_key_init(k2), 0, "key_init accepts a 48-byte secret");

    SHA256(secret1, SECRET1_LEN, digest);
    ok(memcmp(k1->id, digest, CONSENT_KEY_ID_LEN) == 0,
       "key id is the first 4 bytes of SHA-256(secret)");
    ok(memcmp(k1->id, k2->id, CONSENT_KEY_ID_LEN) != 0,
       "different secrets have different key ids");

    memset(short_secret, 'x', sizeof(short_secret));
    k.secret = short_secret;
    k.len = sizeof(short_secret);
    is_int(consent_key_init(&k), -1, "key_init rejects a 31-byte secret");

    k.secret = NULL;
    k.len = 64;
    is_int(consent_key_init(&k), -1, "key_init rejects a NULL secret");
}


static void
test_key_file(void)
{
    char            err[128];
    size_t          len;
    unsigned char  *buf;

    buf = malloc(CONSENT_KEY_FILE_MAX + 1);
    ok(buf != NULL, "allocate a key file");
    if (buf == NULL) {
        return;
    }

    memset(buf, 'k', CONSENT_KEY_FILE_MAX + 1);

    len = 0;
    is_int(consent_key_from_file_bytes(buf, 32, &len, err, sizeof(err)), 0,
           "a 32-byte key file is a key");
    is_int(len, 32, "of 32 bytes");

    buf[32] = '\n';
    is_int(consent_key_from_file_bytes(buf, 33, &len, err, sizeof(err)), 0,
           "32 bytes and a newline");
    is_int(len, 32, "the newline is not part of the key");

    buf[32] = '\r';
    buf[33] = '\n';
    buf[34] = '\n';
    is_int(consent_key_from_file_bytes(buf, 35, &len, err, sizeof(err)), 0,
           "32 bytes and CR LF LF");
    is_int(len, 32, "every trailing CR and LF is dropped");

    memset(buf, 'k', CONSENT_KEY_FILE_MAX + 1);
    buf[0] = '\n';
    is_int(consent_key_from_file_bytes(buf, 33, &len, err, sizeof(err)), 0,
           "a leading newline");
    is_int(len, 33, "is part of the key (only trailing ones are dropped)");
    buf[0] = 'k';

    buf[31] = '\n';
    len = 0;
    is_int(consent_key_from_file_bytes(buf, 32, &len, err, sizeof(err)), -1,
           "31 bytes and a newline are too short");
    ok(strstr(err, "31 bytes") != NULL && strstr(err, "at least 32") != NULL,
       "and the error says so: %s", err);
    is_int(len, 0, "no length on failure");

    is_int(consent_key_from_file_bytes(buf, 0, &len, err, sizeof(err)), -1,
           "an empty file is refused");

    memset(buf, '\n', 40);
    is_int(consent_key_from_file_bytes(buf, 40, &len, err, sizeof(err)), -1,
           "a file of newlines is refused");

    memset(buf, 'k', CONSENT_KEY_FILE_MAX + 1);
    is_int(consent_key_from_file_bytes(buf, CONSENT_KEY_FILE_MAX, &len, err,
                                       sizeof(err)),
           0, "a key file of exactly the limit is read");
    is_int(len, CONSENT_KEY_FILE_MAX, "whole");

    is_int(consent_key_from_file_bytes(buf, CONSENT_KEY_FILE_MAX + 1, &len,
                                       err, sizeof(err)),
           -1, "one byte over the limit is refused");
    ok(strstr(err, "larger than 4096 bytes") != NULL,
       "and the error says so: %s", err);

    free(buf);
}


static void
test_ids(void)
{
    unsigned char  a[CONSENT_ID_LEN], b[CONSENT_ID_LEN];
    char           hex[33];
    size_t         i;

    is_int(consent_id_generate(a), 0, "id_generate succeeds");
    is_int(consent_id_generate(b), 0, "id_generate succeeds again");
    ok(memcmp(a, b, CONSENT_ID_LEN) != 0, "two generated ids differ");

    for (i = 0; i < CONSENT_ID_LEN; i++) {
        a[i] = (unsigned char) (i * 17 + 0x0a);
    }

    memset(hex, 'Z', sizeof(hex));
    consent_id_hex(a, hex);
    is_str(hex, "0a1b2c3d4e5f708192a3b4c5d6e7f809", "id_hex is lowercase hex");
}


static void
test_round_trip(const consent_key_t *k1, consent_state_t *in,
    char cookie[CONSENT_COOKIE_LEN])
{
    consent_state_t  out;

    is_int(consent_id_generate(in->id), 0, "id for the round trip");
    in->issued = T_ISSUED;
    in->revision = T_REV;
    in->granted = 0x80000005;

    is_int(consent_cookie_encode(in, k1, cookie), 0, "encode succeeds");
    ok(all_base64url(cookie, CONSENT_COOKIE_LEN),
       "encoded value is 92 base64url characters");

    memset(&out, 0, sizeof(out));
    is_int(verify(cookie, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED + 10, &out),
           CONSENT_STATUS_VALID, "round trip verifies as valid");
    ok(memcmp(out.id, in->id, CONSENT_ID_LEN) == 0, "id survives");
    is_int(out.issued, T_ISSUED, "issued survives");
    is_int(out.revision, T_REV, "revision survives");
    is_int(out.granted, 0x80000005, "granted survives, bit 31 included");

    is_int(consent_cookie_verify(cookie, CONSENT_COOKIE_LEN, k1, 1,
                                 T_ISSUED + 10, T_MAX_AGE, T_REV, NULL),
           CONSENT_STATUS_VALID, "verify accepts a NULL state");
}


static void
test_mutations(const consent_key_t *k1, const char *cookie)
{
    char              m[CONSENT_COOKIE_LEN];
    size_t            pos, tried, invalid;
    unsigned          b;
    consent_status_t  st;

    tried = 0;
    invalid = 0;

    for (pos = 0; pos < CONSENT_COOKIE_LEN; pos++) {
        for (b = 0; b < 256; b++) {
            if ((char) b == cookie[pos]) {
                continue;
            }

            memcpy(m, cookie, CONSENT_COOKIE_LEN);
            m[pos] = (char) b;
            tried++;

            st = verify(m, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED + 10, NULL);
            if (st == CONSENT_STATUS_INVALID) {
                invalid++;
                continue;
            }

            ok(0, "mutation at %zu to byte %u is %s", pos, b,
               consent_status_name(st));
        }
    }

    diag("%zu single-byte mutations tried, %zu invalid", tried, invalid);
    is_int(tried, CONSENT_COOKIE_LEN * 255, "every position x every byte");
    is_int(invalid, tried, "every single-byte mutation is invalid");
}


static void
test_lengths(const consent_key_t *k1, const char *cookie)
{
    char    buf[CONSENT_COOKIE_LEN + 8];
    size_t  len, bad;

    bad = 0;

    for (len = 0; len < CONSENT_COOKIE_LEN; len++) {
        if (verify(cookie, len, k1, 1, T_ISSUED + 10, NULL)
            != CONSENT_STATUS_INVALID)
        {
            ok(0, "truncated to %zu is not invalid", len);
            bad++;
        }
    }

    is_int(bad, 0, "truncation at every length 0..91 is invalid");

    memcpy(buf, cookie, CONSENT_COOKIE_LEN);

    memcpy(buf + CONSENT_COOKIE_LEN, "A", 1);
    is_int(verify(buf, CONSENT_COOKIE_LEN + 1, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID, "one extra character is invalid");

    memcpy(buf + CONSENT_COOKIE_LEN, "=", 1);
    is_int(verify(buf, CONSENT_COOKIE_LEN + 1, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID, "trailing '=' is invalid");

    memcpy(buf + CONSENT_COOKIE_LEN, "==", 2);
    is_int(verify(buf, CONSENT_COOKIE_LEN + 2, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID, "trailing '==' is invalid");

    memcpy(buf + CONSENT_COOKIE_LEN, " ", 1);
    is_int(verify(buf, CONSENT_COOKIE_LEN + 1, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID, "trailing space is invalid");

    buf[CONSENT_COOKIE_LEN] = '\0';
    is_int(verify(buf, CONSENT_COOKIE_LEN + 1, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID, "trailing NUL is invalid");

    buf[0] = ' ';
    memcpy(buf + 1, cookie, CONSENT_COOKIE_LEN);
    is_int(verify(buf, CONSENT_COOKIE_LEN + 1, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID, "leading space is invalid");

    /* the same cookie shifted by one: a padded prefix, an extra suffix */
    is_int(verify(buf + 1, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_VALID, "the unpadded part alone is still valid");
}


static void
test_rotation(const consent_key_t *k1, const consent_key_t *k2,
    const consent_state_t *in, const char *cookie1)
{
    char             cookie2[CONSENT_COOKIE_LEN];
    consent_key_t    both[2];
    consent_state_t  out;

    is_int(consent_cookie_encode(in, k2, cookie2), 0, "encode with key 2");
    ok(memcmp(cookie1, cookie2, CONSENT_COOKIE_LEN) != 0,
       "key 1 and key 2 cookies differ");

    both[0] = *k2;
    both[1] = *k1;
    is_int(verify(cookie2, CONSENT_COOKIE_LEN, both, 2, T_ISSUED, &out),
           CONSENT_STATUS_VALID, "key 2 cookie verifies with [key2, key1]");
    is_int(out.granted, in->granted, "and decodes");
    is_int(verify(cookie1, CONSENT_COOKIE_LEN, both, 2, T_ISSUED, NULL),
           CONSENT_STATUS_VALID, "key 1 cookie verifies while key 1 is listed");

    both[0] = *k1;
    both[1] = *k2;
    is_int(verify(cookie2, CONSENT_COOKIE_LEN, both, 2, T_ISSUED, NULL),
           CONSENT_STATUS_VALID, "key 2 cookie verifies with [key1, key2]");
    is_int(verify(cookie1, CONSENT_COOKIE_LEN, both, 2, T_ISSUED, NULL),
           CONSENT_STATUS_VALID, "key 1 cookie verifies with [key1, key2]");

    is_int(verify(cookie1, CONSENT_COOKIE_LEN, k2, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID,
           "key 1 cookie is invalid once key 1 is removed");
    is_int(verify(cookie2, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "key 2 cookie is invalid with key 1 only");
    is_int(verify(cookie1, CONSENT_COOKIE_LEN, k1, 0, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "no keys: invalid");
}


static void
test_forged(const consent_key_t *k1, const consent_state_t *in)
{
    char             v[CONSENT_COOKIE_LEN];
    unsigned char    raw[CONSENT_COOKIE_RAW_LEN];
    consent_key_t    twin, keys[2];
    consent_state_t  out;

    /* the independent encoder agrees with the codec */
    memset(raw, 0, sizeof(raw));
    raw[0] = CONSENT_COOKIE_VERSION;
    memcpy(raw + 1, k1->id, CONSENT_KEY_ID_LEN);
    memcpy(raw + 5, in->id, CONSENT_ID_LEN);
    raw[21 + 7] = 42;
    raw[29 + 3] = 1;
    raw[33 + 3] = 3;
    craft(raw, k1->secret, k1->len, v);
    is_int(consent_cookie_verify(v, sizeof(v), k1, 1, 43, 1, 1, &out),
           CONSENT_STATUS_STALE, "hand-built cookie: authentic, stale at 43");
    is_int(out.issued, 42, "hand-built issued decodes big endian");
    is_int(out.granted, 3, "hand-built granted decodes big endian");

    raw[0] = 2;
    craft(raw, k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "version 2 with a correct MAC is invalid");

    raw[0] = 0;
    craft(raw, k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "version 0 with a correct MAC is invalid");

    raw[0] = CONSENT_COOKIE_VERSION;
    raw[1] ^= 0x01;
    craft(raw, k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "unknown key id (MAC made with a listed secret) is invalid");

    /* a wrong secret that happens to carry key 1's id */
    raw[1] ^= 0x01;
    craft(raw, secret2, SECRET2_LEN, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "right key id, wrong secret is invalid");

    twin = *k1;
    twin.secret = secret2;
    twin.len = SECRET2_LEN;
    keys[0] = twin;
    keys[1] = *k1;
    craft(raw, k1->secret, k1->len, v);
    is_int(consent_cookie_verify(v, sizeof(v), keys, 2, 42, 1, 1, NULL),
           CONSENT_STATUS_VALID,
           "key id collision: every key with that id is tried");
}


static void
test_expiry(const consent_key_t *k1, consent_state_t *in)
{
    char             v[CONSENT_COOKIE_LEN];
    consent_state_t  out;
    consent_status_t st;

    is_int(consent_cookie_encode(in, k1, v), 0, "encode for expiry");

    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED + T_MAX_AGE - 1, NULL),
           CONSENT_STATUS_VALID, "issued + max_age - 1 is valid");

    memset(&out, 0, sizeof(out));
    st = verify(v, sizeof(v), k1, 1, T_ISSUED + T_MAX_AGE, &out);
    is_int(st, CONSENT_STATUS_STALE, "issued + max_age is stale");
    is_int(out.granted, in->granted, "a stale cookie is still decoded");
    is_int(verify(v, sizeof(v), k1, 1, UINT64_MAX, NULL),
           CONSENT_STATUS_STALE, "far future is stale");

    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED - 3600, NULL),
           CONSENT_STATUS_VALID, "issued in the future (clock skew) is valid");

    is_int(consent_cookie_verify(v, sizeof(v), k1, 1, T_ISSUED, 0, T_REV,
                                 NULL),
           CONSENT_STATUS_STALE, "max_age 0 is stale at once");
    is_int(consent_cookie_verify(v, sizeof(v), k1, 1, T_ISSUED, 1, T_REV,
                                 NULL),
           CONSENT_STATUS_VALID, "max_age 1 is valid at issued");

    is_int(consent_cookie_verify(v, sizeof(v), k1, 1, UINT64_MAX,
                                 UINT64_MAX, T_REV, NULL),
           CONSENT_STATUS_VALID, "issued + max_age past 2^64 does not wrap");

    in->issued = UINT64_MAX;
    is_int(consent_cookie_encode(in, k1, v), 0, "encode issued = 2^64-1");
    is_int(verify(v, sizeof(v), k1, 1, UINT64_MAX, &out),
           CONSENT_STATUS_VALID, "issued 2^64-1 does not wrap to stale");
    ok(out.issued == UINT64_MAX, "issued 2^64-1 decodes");
    in->issued = T_ISSUED;
}


static void
test_revision(const consent_key_t *k1, consent_state_t *in)
{
    char  v[CONSENT_COOKIE_LEN];

    in->revision = T_REV - 1;
    is_int(consent_cookie_encode(in, k1, v), 0, "encode an older revision");
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL), CONSENT_STATUS_STALE,
           "revision - 1 is stale");

    in->revision = T_REV;
    is_int(consent_cookie_encode(in, k1, v), 0, "encode the same revision");
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL), CONSENT_STATUS_VALID,
           "same revision is valid");

    in->revision = T_REV + 1;
    is_int(consent_cookie_encode(in, k1, v), 0, "encode a newer revision");
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL), CONSENT_STATUS_VALID,
           "newer revision is authentic and valid");

    in->revision = 0;
    is_int(consent_cookie_encode(in, k1, v), 0, "encode revision 0");
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL), CONSENT_STATUS_STALE,
           "revision 0 against revision 7 is stale");

    in->revision = T_REV;
}


static void
test_garbage(const consent_key_t *k1)
{
    char    *big, v[CONSENT_COOKIE_LEN];
    size_t   big_len;

    big_len = 1024 * 1024;
    big = malloc(big_len);
    ok(big != NULL, "allocate 1 MB");
    if (big == NULL) {
        return;
    }

    memset(big, 'A', big_len);
    is_int(verify(big, big_len, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "1 MB of 'A' is invalid");
    is_int(verify(big, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "92 x 'A' is invalid");

    memset(big, 0, big_len);
    is_int(verify(big, big_len, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "1 MB of NUL is invalid");
    is_int(verify(big, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "92 NUL bytes are invalid");

    memset(big, 0xff, big_len);
    is_int(verify(big, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "92 x 0xff is invalid");
    free(big);

    is_int(verify("", 0, k1, 1, T_ISSUED, NULL), CONSENT_STATUS_INVALID,
           "empty string is invalid");
    is_int(verify(NULL, 0, k1, 1, T_ISSUED, NULL), CONSENT_STATUS_INVALID,
           "NULL is invalid");

    memset(v, '+', sizeof(v));
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "standard base64 '+' is invalid");
    memset(v, '/', sizeof(v));
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "standard base64 '/' is invalid");
}


/* Every value of name in header, joined with '|', each wrapped in []. */
static const char *
scan(const char *header, size_t len, const char *name)
{
    static char  out[256];
    size_t       pos, vlen, n;
    const char  *v;

    pos = 0;
    n = 0;
    out[0] = '\0';

    while (consent_cookie_header_find(header, len, name, strlen(name), &pos,
                                      &v, &vlen))
    {
        if (v < header || v + vlen > header + len
            || n + vlen + 4 > sizeof(out))
        {
            return "(out of bounds)";
        }

        n += (size_t) snprintf(out + n, sizeof(out) - n, "%s[%.*s]",
                               n ? "|" : "", (int) vlen, v);
    }

    if (pos != len) {
        return "(cursor not at the end)";
    }

    return out;
}


#define SCAN(h, name)  scan(h, sizeof(h) - 1, name)


static void
test_header_scanner(void)
{
    char        *bounded;
    size_t       pos, vlen;
    const char  *v;

    is_str(SCAN("a=1; consent=xyz; b=2", "consent"), "[xyz]", "middle");
    is_str(SCAN("consent=xyz", "consent"), "[xyz]", "alone");
    is_str(SCAN("a=1;b=2;c=3", "c"), "[3]", "no spaces, last");
    is_str(SCAN("a=1;b=2;c=3", "a"), "[1]", "no spaces, first");
    is_str(SCAN("consent=1; a=2; consent=3", "consent"), "[1]|[3]",
           "duplicates are all found, in order");
    is_str(SCAN("consent2=x; consent=y", "consent"), "[y]",
           "a longer name with our prefix is not ours");
    is_str(SCAN("xconsent=x; consent=y; consen=z", "consent"), "[y]",
           "a name ending in ours and a prefix of ours are not ours");
    is_str(SCAN("consent=a=b", "consent"), "[a=b]",
           "the value runs past a second '='");
    is_str(SCAN("Consent=x; CONSENT=y", "consent"), "",
           "names are case-sensitive");
    is_str(SCAN("consent=\"q v\"; a=1", "consent"), "[q v]",
           "a quoted value is unquoted");
    is_str(SCAN("consent=\"\"", "consent"), "[]", "an empty quoted value");
    is_str(SCAN("consent=\"", "consent"), "[\"]",
           "a lone quote is kept as is");
    is_str(SCAN("consent=; a=1", "consent"), "[]", "an empty value");
    is_str(SCAN("consent=", "consent"), "[]", "an empty value at the end");
    is_str(SCAN("  consent = v1 ;\tconsent=\tv2\t;  ", "consent"),
           "[v1]|[v2]", "spaces and tabs around names and values");
    is_str(SCAN("a=1; consent=v;", "consent"), "[v]", "a trailing semicolon");
    is_str(SCAN("a=1;; ;consent=v;;", "consent"), "[v]",
           "empty pairs are skipped");
    is_str(SCAN("consent; consent=v", "consent"), "[v]",
           "a pair without '=' is skipped");
    is_str(SCAN("a=1; b=2", "consent"), "", "absent");
    is_str(SCAN("", "consent"), "", "empty header");
    is_str(scan(NULL, 0, "consent"), "", "NULL header of length 0");
    is_str(SCAN("=v; a=1", ""), "[v]", "an empty name finds '=v'");

    /* on the heap, exactly 8 bytes: valgrind and ASan see any over-read */
    bounded = malloc(8);
    ok(bounded != NULL, "allocate an unterminated header");
    if (bounded != NULL) {
        memcpy(bounded, "c=abcdef", 8);
        is_str(scan(bounded, 8, "c"), "[abcdef]", "no NUL after the header");
        is_str(scan(bounded, 5, "c"), "[abc]", "len cuts the value");
        free(bounded);
    }

    pos = 100;
    ok(!consent_cookie_header_find("c=1", 3, "c", 1, &pos, &v, &vlen),
       "a cursor past the end finds nothing");
}


static void
test_status_names(void)
{
    is_str(consent_status_name(CONSENT_STATUS_NONE), "none", "name none");
    is_str(consent_status_name(CONSENT_STATUS_VALID), "valid", "name valid");
    is_str(consent_status_name(CONSENT_STATUS_STALE), "stale", "name stale");
    is_str(consent_status_name(CONSENT_STATUS_INVALID), "invalid",
           "name invalid");
}


static void
test_set_cookie_name(void)
{
    size_t       i, n;
    const char  *name;
    char         got[64];

    static const char  *cases[][2] = {
        { "_ga=GA1.2.3; Path=/; Max-Age=63072000", "_ga" },
        { "  _fbp = fb.1 ; Secure", "_fbp" },
        { "a=", "a" },
        { "=value", NULL },
        { "novalue; Path=/", NULL },
        { "x; y=1", NULL },
        { "", NULL },
    };

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (consent_set_cookie_name(cases[i][0], strlen(cases[i][0]), &name,
                                    &n))
        {
            snprintf(got, sizeof(got), "%.*s", (int) n, name);
            is_str(got, cases[i][1] ? cases[i][1] : "(none)",
                   "Set-Cookie name of \"%s\"", cases[i][0]);

        } else {
            ok(cases[i][1] == NULL, "no Set-Cookie name in \"%s\"",
               cases[i][0]);
        }
    }
}


int
main(void)
{
    char             cookie[CONSENT_COOKIE_LEN];
    consent_key_t    k1, k2;
    consent_state_t  in;

    test_keys(&k1, &k2);
    test_key_file();
    test_ids();
    test_round_trip(&k1, &in, cookie);
    test_mutations(&k1, cookie);
    test_lengths(&k1, cookie);
    test_rotation(&k1, &k2, &in, cookie);
    test_forged(&k1, &in);
    test_expiry(&k1, &in);
    test_revision(&k1, &in);
    test_garbage(&k1);
    test_status_names();
    test_header_scanner();

    test_set_cookie_name();
    return done_testing();
}

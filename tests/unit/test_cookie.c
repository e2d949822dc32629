/*
 * The signed consent cookie codec: round trip, tampering, rotation, expiry,
 * revision and policy binding, the previous format, issue times in the
 * future, several cookies in one request, name prefixes, key files,
 * hostile input.
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

#define V1_RAW_LEN  69          /* the first format: no fingerprint */
#define V1_LEN      92
#define V2_RAW_LEN  75          /* the second format: no mode, no country */
#define V2_LEN      100
#define V3_RAW_LEN  78          /* the third: no flags, no service grants */
#define V3_LEN      104


/* sizeof - 1: the terminating NUL is not part of a secret */
static unsigned char  secret1[] = "0123456789abcdef0123456789abcdef";
static unsigned char  secret2[] =
    "a second secret that is forty-eight bytes long!!";

#define SECRET1_LEN  (sizeof(secret1) - 1)
#define SECRET2_LEN  (sizeof(secret2) - 1)

/* the policy in force (A) and one with the same ids in another order (B) */
static const char    *policy_a[] = { "necessary", "analytics", "marketing" };
static const char    *policy_b[] = { "necessary", "marketing", "analytics" };
static unsigned char  fp_a[CONSENT_FINGERPRINT_LEN];
static unsigned char  fp_b[CONSENT_FINGERPRINT_LEN];


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


/*
 * An independent encoder: sign raw bytes as they are (to forge odd headers
 * and the previous format); the MAC is the last 32 of raw_len bytes.
 */
static void
craft(unsigned char *raw, size_t raw_len, const unsigned char *secret,
    size_t secret_len, char *out)
{
    static const char  a[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned int       mac_len;
    size_t             i, o;
    uint32_t           g;

    HMAC(EVP_sha256(), secret, (int) secret_len, raw, raw_len - 32,
         raw + raw_len - 32, &mac_len);

    /* unpadded: a last group of 1 or 2 bytes gives 2 or 3 characters */
    for (i = 0, o = 0; i < raw_len; i += 3) {
        g = (uint32_t) raw[i] << 16;
        if (i + 1 < raw_len) {
            g |= (uint32_t) raw[i + 1] << 8;
        }
        if (i + 2 < raw_len) {
            g |= raw[i + 2];
        }
        out[o++] = a[g >> 18];
        out[o++] = a[(g >> 12) & 63];
        if (i + 1 < raw_len) {
            out[o++] = a[(g >> 6) & 63];
        }
        if (i + 2 < raw_len) {
            out[o++] = a[g & 63];
        }
    }
}


/* The fields common to both formats, at their offsets. */
static void
raw_fields(unsigned char *raw, unsigned version, const consent_key_t *key,
    const consent_state_t *st)
{
    int  i;

    raw[0] = (unsigned char) version;
    memcpy(raw + 1, key->id, CONSENT_KEY_ID_LEN);
    memcpy(raw + 5, st->id, CONSENT_ID_LEN);

    for (i = 0; i < 8; i++) {
        raw[21 + i] = (unsigned char) (st->issued >> (56 - 8 * i));
    }

    for (i = 0; i < 4; i++) {
        raw[29 + i] = (unsigned char) (st->revision >> (24 - 8 * i));
        raw[33 + i] = (unsigned char) (st->granted >> (24 - 8 * i));
    }
}


static consent_cookie_check_t
check_of(const consent_key_t *keys, size_t nkeys, uint64_t now,
    uint64_t max_age, uint32_t revision, const unsigned char *fp)
{
    consent_cookie_check_t  c;

    memset(&c, 0, sizeof(c));
    c.keys = keys;
    c.nkeys = nkeys;
    c.now = now;
    c.max_age = max_age;
    c.revision = revision;
    memcpy(c.fingerprint, fp, CONSENT_FINGERPRINT_LEN);

    return c;
}


/* Verify under policy A with the test's max_age and revision. */
static consent_status_t
verify(const char *v, size_t len, const consent_key_t *keys, size_t nkeys,
    uint64_t now, consent_state_t *st)
{
    consent_cookie_check_t  c;

    c = check_of(keys, nkeys, now, T_MAX_AGE, T_REV, fp_a);

    return consent_cookie_verify(v, len, &c, st);
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
test_fingerprint(void)
{
    unsigned char  digest[SHA256_DIGEST_LENGTH], fp[CONSENT_FINGERPRINT_LEN];
    unsigned char  fp2[CONSENT_FINGERPRINT_LEN];
    const char    *split1[] = { "ab", "c" }, *split2[] = { "a", "bc" };
    const char    *more[] = { "necessary", "analytics", "marketing", "x" };

    /* the string literal's own NUL ends the last id */
    static const char  joined[] = "necessary\0analytics\0marketing";

    is_int(consent_cookie_fingerprint(policy_a, 3, fp_a), 0,
           "fingerprint of policy A");
    is_int(consent_cookie_fingerprint(policy_b, 3, fp_b), 0,
           "fingerprint of policy B");

    SHA256((const unsigned char *) joined, sizeof(joined), digest);
    ok(memcmp(fp_a, digest, CONSENT_FINGERPRINT_LEN) == 0,
       "it is SHA-256 over every id and its NUL, first 6 bytes");

    ok(memcmp(fp_a, fp_b, CONSENT_FINGERPRINT_LEN) != 0,
       "the order of the ids counts");

    is_int(consent_cookie_fingerprint(more, 4, fp), 0, "one id more");
    ok(memcmp(fp_a, fp, CONSENT_FINGERPRINT_LEN) != 0,
       "one id more gives another fingerprint");

    is_int(consent_cookie_fingerprint(more, 3, fp), 0, "the same ids again");
    ok(memcmp(fp_a, fp, CONSENT_FINGERPRINT_LEN) == 0,
       "the same ids give the same fingerprint");

    is_int(consent_cookie_fingerprint(split1, 2, fp), 0, "ab, c");
    is_int(consent_cookie_fingerprint(split2, 2, fp2), 0, "a, bc");
    ok(memcmp(fp, fp2, CONSENT_FINGERPRINT_LEN) != 0,
       "ids are delimited: ab,c and a,bc differ");
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
    consent_state_t         out;
    consent_cookie_check_t  c;

    memset(in, 0, sizeof(*in));
    is_int(consent_id_generate(in->id), 0, "id for the round trip");
    in->decided = 1;
    in->issued = T_ISSUED;
    in->revision = T_REV;
    in->granted = 0x80000005;
    in->mode = 1;
    in->country[0] = 'U';
    in->country[1] = 'S';

    is_int(consent_cookie_encode(in, k1, fp_a, cookie), 0, "encode succeeds");
    ok(CONSENT_COOKIE_LEN == 107 && consent_cookie_length(in) == 107
       && all_base64url(cookie, CONSENT_COOKIE_LEN),
       "encoded value is 107 base64url characters");

    memset(&out, 0, sizeof(out));
    is_int(verify(cookie, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED + 10, &out),
           CONSENT_STATUS_VALID, "round trip verifies as valid");
    ok(memcmp(out.id, in->id, CONSENT_ID_LEN) == 0, "id survives");
    is_int(out.issued, T_ISSUED, "issued survives");
    is_int(out.revision, T_REV, "revision survives");
    is_int(out.granted, 0x80000005, "granted survives, bit 31 included");
    is_int(out.mode, 1, "mode survives");
    ok(out.country[0] == 'U' && out.country[1] == 'S', "country survives");
    is_int(out.decided, 1, "decided survives");
    is_int(out.services.n, 0, "no service grants");

    c = check_of(k1, 1, T_ISSUED + 10, T_MAX_AGE, T_REV, fp_a);
    is_int(consent_cookie_verify(cookie, CONSENT_COOKIE_LEN, &c, NULL),
           CONSENT_STATUS_VALID, "verify accepts a NULL state");
}


static void
test_mutations(const consent_key_t *k1, const char *cookie, size_t len,
    const char *what)
{
    char              m[CONSENT_COOKIE_MAX_LEN];
    size_t            pos, tried, invalid;
    unsigned          b;
    consent_status_t  st;

    tried = 0;
    invalid = 0;

    for (pos = 0; pos < len; pos++) {
        for (b = 0; b < 256; b++) {
            if ((char) b == cookie[pos]) {
                continue;
            }

            memcpy(m, cookie, len);
            m[pos] = (char) b;
            tried++;

            st = verify(m, len, k1, 1, T_ISSUED + 10, NULL);
            if (st == CONSENT_STATUS_INVALID) {
                invalid++;
                continue;
            }

            ok(0, "%s: mutation at %zu to byte %u is %s", what, pos, b,
               consent_status_name(st));
        }
    }

    diag("%s: %zu single-byte mutations tried, %zu invalid", what, tried,
         invalid);
    is_int(tried, len * 255, "%s: every position x every byte", what);
    is_int(invalid, tried, "%s: every single-byte mutation is invalid", what);
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

    is_int(bad, 0, "truncation at every length 0..106 is invalid, 92, 100 "
           "and 104 (the old formats' lengths) too");

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

    is_int(consent_cookie_encode(in, k2, fp_a, cookie2), 0,
           "encode with key 2");
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
test_forged(const consent_key_t *k1)
{
    char                    v[CONSENT_COOKIE_LEN], e[CONSENT_COOKIE_LEN];
    unsigned char           raw[CONSENT_COOKIE_RAW_LEN];
    consent_key_t           twin, keys[2];

    consent_state_t         st, out;
    consent_cookie_check_t  c;

    /* the independent encoder agrees with the codec, byte for byte */
    memset(&st, 0, sizeof(st));
    memset(st.id, 0xa5, CONSENT_ID_LEN);
    st.issued = 42;
    st.revision = 1;
    st.granted = 3;

    st.mode = 2;
    st.country[0] = 'D';
    st.country[1] = 'E';
    st.decided = 1;

    memset(raw, 0, sizeof(raw));
    raw_fields(raw, 4, k1, &st);
    memcpy(raw + 37, fp_a, CONSENT_FINGERPRINT_LEN);
    raw[43] = 2;
    memcpy(raw + 44, "DE", 2);
    raw[46] = 1;
    raw[47] = 0;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);

    is_int(consent_cookie_encode(&st, k1, fp_a, e), 0, "encode for the craft");
    ok(memcmp(v, e, CONSENT_COOKIE_LEN) == 0,
       "layout: version 4, key id, id, issued, revision, granted, "
       "fingerprint at 37, mode at 43, country at 44, flags at 46, count "
       "at 47, MAC at 48");

    c = check_of(k1, 1, 43, 1, 1, fp_a);
    is_int(consent_cookie_verify(v, sizeof(v), &c, &out),
           CONSENT_STATUS_STALE, "hand-built cookie: authentic, stale at 43");
    is_int(out.issued, 42, "hand-built issued decodes big endian");
    is_int(out.granted, 3, "hand-built granted decodes big endian");
    is_int(out.mode, 2, "hand-built mode decodes");
    ok(out.country[0] == 'D' && out.country[1] == 'E',
       "hand-built country decodes");

    raw[0] = 5;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "version 5 with a correct MAC is invalid");

    raw[0] = 3;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "version 3 in the 107-character layout is invalid");

    raw[0] = 1;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "version 1 in the 107-character layout is invalid");

    /* signed by us, yet not a spelling the encoder makes */
    raw[0] = CONSENT_COOKIE_VERSION;
    raw[46] = 3;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "an unknown flag bit (MAC correct) is invalid");
    raw[46] = 0;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    c = check_of(k1, 1, 42, 1, 1, fp_a);
    is_int(consent_cookie_verify(v, sizeof(v), &c, &out),
           CONSENT_STATUS_VALID, "flags 0: authentic, valid");
    is_int(out.decided, 0, "flags 0: the categories are undecided");
    raw[46] = 1;
    raw[47] = 1;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "a count of 1 without its 6 bytes (MAC correct) is invalid");
    raw[47] = 0;

    raw[0] = 0;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "version 0 with a correct MAC is invalid");

    raw[0] = CONSENT_COOKIE_VERSION;
    raw[1] ^= 0x01;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "unknown key id (MAC made with a listed secret) is invalid");

    /* a wrong secret that happens to carry key 1's id */
    raw[1] ^= 0x01;
    craft(raw, sizeof(raw), secret2, SECRET2_LEN, v);
    is_int(verify(v, sizeof(v), k1, 1, 42, NULL), CONSENT_STATUS_INVALID,
           "right key id, wrong secret is invalid");

    twin = *k1;
    twin.secret = secret2;
    twin.len = SECRET2_LEN;
    keys[0] = twin;
    keys[1] = *k1;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    c = check_of(keys, 2, 42, 1, 1, fp_a);
    is_int(consent_cookie_verify(v, sizeof(v), &c, NULL),
           CONSENT_STATUS_VALID,
           "key id collision: every key with that id is tried");
}


static void
test_binding(const consent_key_t *k1, const consent_state_t *in)
{
    char                    v[CONSENT_COOKIE_LEN];
    unsigned char           raw[CONSENT_COOKIE_RAW_LEN];
    consent_state_t         out;
    consent_cookie_check_t  c;

    is_int(consent_cookie_encode(in, k1, fp_b, v), 0,
           "encode under policy B");

    memset(&out, 0xff, sizeof(out));
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED + 10, &out),
           CONSENT_STATUS_STALE, "a policy B cookie is stale under policy A");
    ok(memcmp(out.id, in->id, CONSENT_ID_LEN) == 0,
       "its id is kept for the next decision");
    is_int(out.granted, 0, "its bits are not read: granted 0");

    c = check_of(k1, 1, T_ISSUED + 10, T_MAX_AGE, T_REV, fp_b);
    is_int(consent_cookie_verify(v, sizeof(v), &c, &out),
           CONSENT_STATUS_VALID, "the same cookie is valid under policy B");
    is_int(out.granted, in->granted, "with its bits");

    c.revision = 0;
    c.fingerprint[CONSENT_FINGERPRINT_LEN - 1] ^= 0x80;
    is_int(consent_cookie_verify(v, sizeof(v), &c, NULL),
           CONSENT_STATUS_STALE,
           "one fingerprint bit off: stale, however recent and new");

    /* an authentic MAC over a fingerprint one bit off */
    memset(raw, 0, sizeof(raw));
    raw_fields(raw, 4, k1, in);
    memcpy(raw + 37, fp_a, CONSENT_FINGERPRINT_LEN);
    raw[46] = 1;
    raw[37] ^= 0x01;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_STALE,
           "a signed fingerprint one bit off is stale, not valid");
}


/*
 * A cookie of format 2 (no mode, no country), authentic and bound to the
 * policy: still valid, read as an opt-in decision from nowhere known.
 */
static void
test_v2_format(const consent_key_t *k1, const consent_state_t *in)
{
    char             v[V2_LEN];
    unsigned char    raw[V2_RAW_LEN];
    consent_state_t  out;

    memset(raw, 0, sizeof(raw));
    raw_fields(raw, 2, k1, in);
    memcpy(raw + 37, fp_a, CONSENT_FINGERPRINT_LEN);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);

    memset(&out, 0xff, sizeof(out));
    is_int(verify(v, V2_LEN, k1, 1, T_ISSUED + 10, &out),
           CONSENT_STATUS_VALID, "an authentic version 2 cookie is valid");
    is_int(out.granted, in->granted, "version 2: its bits are read");
    is_int(out.mode, 0, "version 2: given under opt-in (mode 0)");
    ok(out.country[0] == '\0' && out.country[1] == '\0',
       "version 2: no country");

    raw[0] = 3;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, V2_LEN, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID,
           "version 3 in the 100-character layout is invalid");

    raw[0] = 2;
    memcpy(raw + 37, fp_b, CONSENT_FINGERPRINT_LEN);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, V2_LEN, k1, 1, T_ISSUED + 10, &out),
           CONSENT_STATUS_STALE, "version 2 of another policy is stale");
    is_int(out.granted, 0, "version 2 of another policy grants nothing");

    memcpy(raw + 37, fp_a, CONSENT_FINGERPRINT_LEN);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    test_mutations(k1, v, V2_LEN, "version 2");
}


static void
test_old_format(const consent_key_t *k1, const consent_key_t *k2,
    const consent_state_t *in)
{
    char             v[V1_LEN], m[V1_LEN];
    size_t           pos, tried, invalid;
    unsigned         b;
    unsigned char    raw[V1_RAW_LEN];
    consent_state_t  out, future;

    memset(raw, 0, sizeof(raw));
    raw_fields(raw, 1, k1, in);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);

    memset(&out, 0xff, sizeof(out));
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED + 10, &out),
           CONSENT_STATUS_STALE,
           "an authentic version 1 cookie (92 characters) is stale");
    ok(memcmp(out.id, in->id, CONSENT_ID_LEN) == 0, "its id is kept");
    is_int(out.issued, T_ISSUED, "its issue time is decoded");
    is_int(out.granted, 0, "its bits are not read: granted 0");

    craft(raw, sizeof(raw), k2->secret, k2->len, v);
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID, "version 1 with a wrong MAC is invalid");

    raw[0] = 2;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID,
           "version 2 in the 92-character layout is invalid");

    future = *in;
    future.issued = T_ISSUED + 3600;
    raw_fields(raw, 1, k1, &future);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID,
           "version 1 issued an hour ahead is invalid");

    raw_fields(raw, 1, k1, in);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);

    tried = 0;
    invalid = 0;

    for (pos = 0; pos < V1_LEN; pos++) {
        for (b = 0; b < 256; b++) {
            if ((char) b == v[pos]) {
                continue;
            }

            memcpy(m, v, V1_LEN);
            m[pos] = (char) b;
            tried++;

            if (verify(m, V1_LEN, k1, 1, T_ISSUED + 10, NULL)
                == CONSENT_STATUS_INVALID)
            {
                invalid++;
            }
        }
    }

    is_int(tried, V1_LEN * 255, "version 1: every position x every byte");
    is_int(invalid, tried, "version 1: every single-byte mutation is invalid");
}


static void
test_expiry(const consent_key_t *k1, consent_state_t *in)
{
    char                    v[CONSENT_COOKIE_LEN];
    consent_state_t         out;
    consent_status_t        st;
    consent_cookie_check_t  c;

    is_int(consent_cookie_encode(in, k1, fp_a, v), 0, "encode for expiry");

    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED + T_MAX_AGE - 1, NULL),
           CONSENT_STATUS_VALID, "issued + max_age - 1 is valid");

    memset(&out, 0, sizeof(out));
    st = verify(v, sizeof(v), k1, 1, T_ISSUED + T_MAX_AGE, &out);
    is_int(st, CONSENT_STATUS_STALE, "issued + max_age is stale");
    is_int(out.granted, in->granted, "an expired cookie is still decoded");
    is_int(verify(v, sizeof(v), k1, 1, UINT64_MAX, NULL),
           CONSENT_STATUS_STALE, "far future is stale");

    c = check_of(k1, 1, T_ISSUED, 0, T_REV, fp_a);
    is_int(consent_cookie_verify(v, sizeof(v), &c, NULL),
           CONSENT_STATUS_STALE, "max_age 0 is stale at once");
    c.max_age = 1;
    is_int(consent_cookie_verify(v, sizeof(v), &c, NULL),
           CONSENT_STATUS_VALID, "max_age 1 is valid at issued");

    c = check_of(k1, 1, UINT64_MAX, UINT64_MAX, T_REV, fp_a);
    is_int(consent_cookie_verify(v, sizeof(v), &c, NULL),
           CONSENT_STATUS_VALID, "issued + max_age past 2^64 does not wrap");

    in->issued = UINT64_MAX;
    is_int(consent_cookie_encode(in, k1, fp_a, v), 0,
           "encode issued = 2^64-1");
    is_int(verify(v, sizeof(v), k1, 1, UINT64_MAX, &out),
           CONSENT_STATUS_VALID, "issued 2^64-1 does not wrap to stale");
    ok(out.issued == UINT64_MAX, "issued 2^64-1 decodes");
    is_int(verify(v, sizeof(v), k1, 1, 0, NULL), CONSENT_STATUS_INVALID,
           "issued 2^64-1 seen at time 0 is invalid (no wrap)");
    in->issued = T_ISSUED;
}


static void
test_future(const consent_key_t *k1, consent_state_t *in)
{
    char             v[CONSENT_COOKIE_LEN];
    consent_state_t  out;

    is_int(consent_cookie_encode(in, k1, fp_a, v), 0, "encode for the future");

    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED - CONSENT_COOKIE_FUTURE_MAX,
                  NULL),
           CONSENT_STATUS_VALID,
           "issued %d s ahead of this clock (skew) is valid",
           CONSENT_COOKIE_FUTURE_MAX);

    memset(&out, 0, sizeof(out));
    is_int(verify(v, sizeof(v), k1, 1,
                  T_ISSUED - CONSENT_COOKIE_FUTURE_MAX - 1, &out),
           CONSENT_STATUS_INVALID, "issued %d s ahead is invalid",
           CONSENT_COOKIE_FUTURE_MAX + 1);
    is_int(out.granted, 0, "and not decoded");

    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED - 3600, NULL),
           CONSENT_STATUS_INVALID, "issued an hour ahead is invalid");
    is_int(CONSENT_COOKIE_FUTURE_MAX, 300, "the allowance is 5 minutes");
}


static void
test_revision(const consent_key_t *k1, consent_state_t *in)
{
    char  v[CONSENT_COOKIE_LEN];

    in->revision = T_REV - 1;
    is_int(consent_cookie_encode(in, k1, fp_a, v), 0,
           "encode an older revision");
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL), CONSENT_STATUS_STALE,
           "revision - 1 is stale");

    in->revision = T_REV;
    is_int(consent_cookie_encode(in, k1, fp_a, v), 0,
           "encode the same revision");
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL), CONSENT_STATUS_VALID,
           "same revision is valid");

    in->revision = T_REV + 1;
    is_int(consent_cookie_encode(in, k1, fp_a, v), 0,
           "encode a newer revision");
    is_int(verify(v, sizeof(v), k1, 1, T_ISSUED, NULL), CONSENT_STATUS_VALID,
           "newer revision is authentic and valid");

    in->revision = 0;
    is_int(consent_cookie_encode(in, k1, fp_a, v), 0, "encode revision 0");
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
           CONSENT_STATUS_INVALID, "107 x 'A' is invalid");
    is_int(verify(big, CONSENT_COOKIE_MAX_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "363 x 'A' is invalid");
    is_int(verify(big, CONSENT_COOKIE_MAX_LEN + 8, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "371 x 'A' (33 services) is invalid");
    is_int(verify(big, V3_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "104 x 'A' is invalid");
    is_int(verify(big, V1_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "92 x 'A' is invalid");

    memset(big, 0, big_len);
    is_int(verify(big, big_len, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "1 MB of NUL is invalid");
    is_int(verify(big, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "107 NUL bytes are invalid");

    memset(big, 0xff, big_len);
    is_int(verify(big, CONSENT_COOKIE_LEN, k1, 1, T_ISSUED, NULL),
           CONSENT_STATUS_INVALID, "107 x 0xff is invalid");
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


static consent_state_t
state_of(unsigned char id, uint64_t issued, uint32_t granted)
{
    consent_state_t  st;

    memset(&st, 0, sizeof(st));
    memset(st.id, id, CONSENT_ID_LEN);
    st.issued = issued;
    st.revision = T_REV;
    st.granted = granted;
    st.decided = 1;

    return st;
}


static void
test_several_cookies(void)
{
    size_t             i;
    consent_state_t    a, b, c, d, *order[3];
    consent_cookies_t  all;

    static const size_t  perms[6][3] = {
        { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
        { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 }
    };

    memset(&all, 0, sizeof(all));
    is_int(all.status, CONSENT_STATUS_NONE, "no cookie: none");

    a = state_of(0xaa, 100, 0x7);
    b = state_of(0xbb, 200, 0x3);
    c = state_of(0xcc, 300, 0x5);
    d = state_of(0xdd, 400, 0x7);

    consent_cookies_add(&all, CONSENT_STATUS_INVALID, &d);
    is_int(all.status, CONSENT_STATUS_INVALID, "an invalid one: invalid");
    consent_cookies_add(&all, CONSENT_STATUS_STALE, &a);
    is_int(all.status, CONSENT_STATUS_STALE, "stale beats invalid");
    is_int(all.state.id[0], 0xaa, "with the stale one's id");
    consent_cookies_add(&all, CONSENT_STATUS_STALE, &b);
    is_int(all.state.id[0], 0xaa, "the first stale one keeps its id");
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &d);
    is_int(all.status, CONSENT_STATUS_VALID, "valid beats stale");
    is_int(all.state.granted, 0x7, "with its grants");
    consent_cookies_add(&all, CONSENT_STATUS_INVALID, &a);
    consent_cookies_add(&all, CONSENT_STATUS_STALE, &a);
    is_int(all.status, CONSENT_STATUS_VALID, "later invalid, stale: valid");
    is_int(all.state.granted, 0x7, "they take nothing away");

    /* {0,1} and {0,2}: neither one's grants, but their intersection */
    for (i = 0; i < 6; i++) {
        order[perms[i][0]] = &a;
        order[perms[i][1]] = &b;
        order[perms[i][2]] = &c;

        memset(&all, 0, sizeof(all));
        consent_cookies_add(&all, CONSENT_STATUS_VALID, order[0]);
        consent_cookies_add(&all, CONSENT_STATUS_VALID, order[1]);
        consent_cookies_add(&all, CONSENT_STATUS_VALID, order[2]);

        is_int(all.status, CONSENT_STATUS_VALID, "order %zu: valid", i);
        is_int(all.state.granted, 0x1,
               "order %zu: granted is the intersection", i);
        is_int(all.state.id[0], 0xcc,
               "order %zu: id of the fewest grants, newest of a tie", i);
        is_int(all.state.issued, 300, "order %zu: and its issue time", i);
    }

    /* the fewest grants win over the newest */
    memset(&all, 0, sizeof(all));
    b = state_of(0xbb, 200, 0x1);
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &d);
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &b);
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &d);
    is_int(all.state.granted, 0x1, "{0} and {0,1,2}: {0}");
    is_int(all.state.id[0], 0xbb, "the id of the one with fewer grants");

    /* nothing granted in one: nothing granted */
    memset(&all, 0, sizeof(all));
    b = state_of(0xbb, 50, 0x0);
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &d);
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &b);
    is_int(all.state.granted, 0x0, "a reject-all cookie makes it all denied");

    /* service grants intersect too; an undecided one leaves it undecided */
    memset(&all, 0, sizeof(all));
    a = state_of(0xaa, 100, 0x1);
    b = state_of(0xbb, 200, 0x1);
    consent_services_add(&a.services, 10);
    consent_services_add(&a.services, 20);
    consent_services_add(&b.services, 20);
    consent_services_add(&b.services, 30);
    b.decided = 0;
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &a);
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &b);
    ok(all.state.services.n == 1 && all.state.services.hash[0] == 20,
       "service grants: the intersection");
    is_int(all.state.decided, 0, "one undecided: undecided");

    memset(&all, 0, sizeof(all));
    b = state_of(0xbb, 200, 0x1);
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &b);
    consent_cookies_add(&all, CONSENT_STATUS_VALID, &a);
    is_int(all.state.services.n, 0, "a cookie without service grants: none");
    is_int(all.state.id[0], 0xbb, "the id of the one with fewer services");
    is_int(all.state.decided, 1, "both decided: decided");
}


/* A cookie of format 3 (no flags, no service grants): decided, valid. */
static void
test_v3_format(const consent_key_t *k1, const consent_state_t *in)
{
    char             v[V3_LEN];
    unsigned char    raw[V3_RAW_LEN];
    consent_state_t  out;

    memset(raw, 0, sizeof(raw));
    raw_fields(raw, 3, k1, in);
    memcpy(raw + 37, fp_a, CONSENT_FINGERPRINT_LEN);
    raw[43] = 1;
    memcpy(raw + 44, "US", 2);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);

    memset(&out, 0xff, sizeof(out));
    is_int(verify(v, V3_LEN, k1, 1, T_ISSUED + 10, &out),
           CONSENT_STATUS_VALID, "an authentic version 3 cookie is valid");
    is_int(out.granted, in->granted, "version 3: its bits are read");
    is_int(out.mode, 1, "version 3: its mode is read");
    ok(out.country[0] == 'U' && out.country[1] == 'S',
       "version 3: its country is read");
    is_int(out.decided, 1, "version 3: the categories were decided");
    is_int(out.services.n, 0, "version 3: no service grants");

    raw[0] = 4;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, V3_LEN, k1, 1, T_ISSUED + 10, NULL),
           CONSENT_STATUS_INVALID,
           "version 4 in the 104-character layout is invalid");

    raw[0] = 3;
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    test_mutations(k1, v, V3_LEN, "version 3");
}


/* Service grants: encoding, order, bounds, one spelling, tampering. */
static void
test_services(const consent_key_t *k1, const consent_state_t *in)
{
    int              rc;
    char             v[CONSENT_COOKIE_MAX_LEN], w[CONSENT_COOKIE_MAX_LEN];
    size_t           len, i;
    uint64_t         h, yt, vimeo, ga;
    unsigned char    raw[80 + 6 * 2];
    consent_state_t  st, other, out;

    ok(consent_service_hash("youtube", 7, &yt) == 0
       && consent_service_hash("vimeo", 5, &vimeo) == 0
       && consent_service_hash("google-analytics", 16, &ga) == 0,
       "service hashes");
    ok(yt < ((uint64_t) 1 << 48) && yt != vimeo && yt != ga,
       "a hash is 48 bits, distinct ids give distinct hashes");
    consent_service_hash("", 0, &h);
    ok(h == 0xe3b0c44298fcULL, "the hash of \"\" is SHA-256's first 6 bytes");

    st = *in;
    st.decided = 0;
    st.services.n = 0;
    is_int(consent_services_add(&st.services, yt), 1, "add youtube");
    is_int(consent_services_add(&st.services, vimeo), 1, "add vimeo");
    is_int(consent_services_add(&st.services, ga), 1, "add analytics");
    is_int(consent_services_add(&st.services, yt), 0, "youtube again: no-op");
    ok(st.services.hash[0] < st.services.hash[1]
       && st.services.hash[1] < st.services.hash[2], "kept ascending");

    other = *in;
    other.decided = 0;
    other.services.n = 0;
    consent_services_add(&other.services, ga);
    consent_services_add(&other.services, yt);
    consent_services_add(&other.services, vimeo);

    len = consent_cookie_length(&st);
    is_int(len, 107 + 3 * 8, "three services: 131 characters");
    is_int(consent_cookie_encode(&st, k1, fp_a, v), 0, "encode 3 services");
    is_int(consent_cookie_encode(&other, k1, fp_a, w), 0,
           "encode them added in another order");
    ok(memcmp(v, w, len) == 0, "the order of the grants does not matter");
    ok(all_base64url(v, len), "base64url only");

    memset(&out, 0, sizeof(out));
    is_int(verify(v, len, k1, 1, T_ISSUED + 10, &out), CONSENT_STATUS_VALID,
           "a cookie with service grants is valid");
    is_int(out.decided, 0, "undecided survives");
    is_int(out.services.n, 3, "three services decoded");
    ok(consent_services_has(&out.services, yt)
       && consent_services_has(&out.services, vimeo)
       && consent_services_has(&out.services, ga), "each of them");
    is_int(out.granted, in->granted, "the categories too");

    test_mutations(k1, v, len, "version 4 with 3 services");

    /* under another policy nothing is granted, services neither */
    is_int(consent_cookie_encode(&st, k1, fp_b, w), 0, "encode under B");
    is_int(verify(w, len, k1, 1, T_ISSUED + 10, &out), CONSENT_STATUS_STALE,
           "another policy's: stale");
    is_int(out.services.n, 0, "another policy's service grants: none");

    /* 32 fit, the 33rd does not */
    st.services.n = 0;
    for (i = 0, rc = 1; i < CONSENT_SERVICES_MAX && rc == 1; i++) {
        rc = consent_services_add(&st.services, (uint64_t) i * 1000003);
    }
    is_int(st.services.n, CONSENT_SERVICES_MAX, "32 services fit");
    is_int(consent_services_add(&st.services, 7), -1, "a 33rd is refused");
    is_int(consent_cookie_length(&st), CONSENT_COOKIE_MAX_LEN,
           "32 services: 363 characters");
    is_int(consent_cookie_encode(&st, k1, fp_a, v), 0, "encode 32 services");
    is_int(verify(v, CONSENT_COOKIE_MAX_LEN, k1, 1, T_ISSUED + 10, &out),
           CONSENT_STATUS_VALID, "32 services verify");
    is_int(out.services.n, 32, "32 services decoded");

    st.services.n = CONSENT_SERVICES_MAX + 1;
    is_int(consent_cookie_encode(&st, k1, fp_a, v), -1,
           "encode refuses 33 services");
    st.services.n = 2;
    st.services.hash[0] = 5;
    st.services.hash[1] = 5;
    is_int(consent_cookie_encode(&st, k1, fp_a, v), -1,
           "encode refuses a set not ascending");

    /* hand-built, signed: two services out of order are not a spelling */
    memset(raw, 0, sizeof(raw));
    raw_fields(raw, 4, k1, in);
    memcpy(raw + 37, fp_a, CONSENT_FINGERPRINT_LEN);
    raw[46] = 1;
    raw[47] = 2;
    memcpy(raw + 48, "\x00\x00\x00\x00\x00\x09", 6);
    memcpy(raw + 54, "\x00\x00\x00\x00\x00\x03", 6);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, 123, k1, 1, T_ISSUED + 10, NULL), CONSENT_STATUS_INVALID,
           "services out of order (MAC correct) are invalid");
    memcpy(raw + 54, "\x00\x00\x00\x00\x00\x09", 6);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, 123, k1, 1, T_ISSUED + 10, NULL), CONSENT_STATUS_INVALID,
           "a service twice (MAC correct) is invalid");
    memcpy(raw + 54, "\x00\x00\x00\x00\x00\x0a", 6);
    craft(raw, sizeof(raw), k1->secret, k1->len, v);
    is_int(verify(v, 123, k1, 1, T_ISSUED + 10, &out), CONSENT_STATUS_VALID,
           "the hand-built cookie with two services in order is valid");
    ok(out.services.n == 2 && out.services.hash[0] == 9
       && out.services.hash[1] == 10, "its hashes decode big endian");

    /* the last character has 2 unused bits: set, the value is invalid */
    v[122] = v[122] == 'A' ? 'B' : (char) (v[122] + 1);
    is_int(verify(v, 123, k1, 1, T_ISSUED + 10, NULL), CONSENT_STATUS_INVALID,
           "a second spelling of the last group is invalid");
    for (i = 108; i < 123; i += 8) {
        is_int(verify(v, i, k1, 1, T_ISSUED + 10, NULL),
               CONSENT_STATUS_INVALID, "length %zu (not 107 + 8n) is invalid",
               i);
    }
}


static char  err[256];


/* The prefix rules for a name with domain= and path= (NULL: not given). */
static int
prefix(const char *name, const char *domain, const char *path, int off)
{
    return consent_cookie_prefix_check(name, strlen(name), domain,
                                       domain ? strlen(domain) : 0, path,
                                       path ? strlen(path) : 0, off, err,
                                       sizeof(err));
}


static void
test_prefix(void)
{
    err[0] = '\0';
    is_int(prefix("consent", "example.com", "/app", 1), 0,
           "no prefix: no rules");
    is_int(prefix("__Host", NULL, "/app", 1), 0, "__Host without '-'");
    is_int(prefix("_Host-x", NULL, "/app", 1), 0, "_Host-x");
    is_int(prefix("__Secur", NULL, NULL, 1), 0, "__Secur");

    is_int(prefix("__Host-consent", NULL, NULL, 0), 1,
           "__Host- with the defaults: Secure forced");
    is_int(prefix("__Host-consent", NULL, "/", 0), 1, "__Host- with path=/");
    is_int(prefix("__Host-", NULL, NULL, 0), 1, "the bare prefix counts");

    is_int(prefix("__Host-consent", "example.com", NULL, 0), -1,
           "__Host- with domain= is refused");
    ok(strstr(err, "Domain") && strstr(err, "domain=example.com"),
       "saying why: %s", err);

    is_int(prefix("__Host-consent", NULL, "/app", 0), -1,
           "__Host- with path=/app is refused");
    ok(strstr(err, "Path=/") && strstr(err, "path=/app"),
       "saying why: %s", err);

    is_int(prefix("__Host-consent", NULL, "//", 0), -1,
           "__Host- with path=// is refused");

    is_int(prefix("__Host-consent", NULL, NULL, 1), -1,
           "__Host- with secure=off is refused");
    ok(strstr(err, "Secure") && strstr(err, "secure=off"),
       "saying why: %s", err);

    is_int(prefix("__host-consent", NULL, "/app", 0), -1,
           "the prefix is matched case-insensitively, as browsers do");

    is_int(prefix("__Secure-consent", "example.com", "/app", 0), 1,
           "__Secure- allows domain= and path=, forces Secure");
    is_int(prefix("__Secure-consent", NULL, NULL, 1), -1,
           "__Secure- with secure=off is refused");
    is_int(prefix("__SECURE-consent", NULL, NULL, 1), -1,
           "__SECURE- too");
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
    test_fingerprint();
    test_ids();
    test_round_trip(&k1, &in, cookie);
    test_mutations(&k1, cookie, CONSENT_COOKIE_LEN, "version 4");
    test_lengths(&k1, cookie);
    test_rotation(&k1, &k2, &in, cookie);
    test_forged(&k1);
    test_binding(&k1, &in);
    test_old_format(&k1, &k2, &in);
    test_v2_format(&k1, &in);
    test_v3_format(&k1, &in);
    test_services(&k1, &in);
    test_expiry(&k1, &in);
    test_future(&k1, &in);
    test_revision(&k1, &in);
    test_garbage(&k1);
    test_several_cookies();
    test_prefix();
    test_status_names();
    test_header_scanner();

    test_set_cookie_name();
    return done_testing();
}

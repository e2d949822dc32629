#ifndef CONSENT_COOKIE_H
#define CONSENT_COOKIE_H

/*
 * The signed consent cookie.  Value (base64url, no padding) of:
 *   version(1) key_id(4) id(16) issued(8, unix seconds, big endian)
 *   revision(4) granted(4) mac(32)
 * mac = HMAC-SHA256(secret, all preceding bytes); key_id = first 4 bytes of
 * SHA-256(secret), so reordering the secret list keeps cookies valid.
 */

#include <stddef.h>
#include <stdint.h>

#define CONSENT_COOKIE_VERSION   1
#define CONSENT_ID_LEN           16
#define CONSENT_KEY_ID_LEN       4
#define CONSENT_COOKIE_RAW_LEN   (1 + 4 + 16 + 8 + 4 + 4 + 32)
#define CONSENT_COOKIE_LEN       92      /* base64url of the raw 69 bytes */
#define CONSENT_MIN_SECRET_LEN   32
#define CONSENT_KEY_FILE_MAX     4096    /* a larger key file is refused */

typedef enum {
    CONSENT_STATUS_NONE = 0,     /* no cookie */
    CONSENT_STATUS_VALID,
    CONSENT_STATUS_STALE,        /* authentic but expired or older revision */
    CONSENT_STATUS_INVALID       /* anything not authentic */
} consent_status_t;

typedef struct {
    unsigned char   id[CONSENT_KEY_ID_LEN];
    unsigned char  *secret;
    size_t          len;
} consent_key_t;

typedef struct {
    unsigned char   id[CONSENT_ID_LEN];
    uint64_t        issued;
    uint32_t        revision;
    uint32_t        granted;
} consent_state_t;


/* Fill key->id from key->secret (which must be >= 32 bytes).  0 or -1. */
int consent_key_init(consent_key_t *key);

/*
 * The key a key file holds: its bytes less trailing newlines (CR, LF).
 * data is the start of the file, read up to CONSENT_KEY_FILE_MAX + 1 bytes
 * so that a larger file is seen.  Returns 0 with *key_len set, or -1 with
 * one line in err when the file is too large or the key too short.
 */
int consent_key_from_file_bytes(const unsigned char *data, size_t n,
    size_t *key_len, char *err, size_t errlen);

/* 128 random bits from OpenSSL's CSPRNG.  0 or -1. */
int consent_id_generate(unsigned char id[CONSENT_ID_LEN]);

/* Lowercase hex of an id into out (33 bytes with the NUL). */
void consent_id_hex(const unsigned char id[CONSENT_ID_LEN], char out[33]);

/* Lowercase hex of n bytes into out (2n + 1 bytes with the NUL). */
void consent_hex(const unsigned char *in, size_t n, char *out);

/* Writes CONSENT_COOKIE_LEN bytes (no NUL) into out.  0 or -1. */
int consent_cookie_encode(const consent_state_t *state,
    const consent_key_t *key, char out[CONSENT_COOKIE_LEN]);

/*
 * Verify a cookie value against every key; decode it into state when it is
 * authentic (VALID or STALE).  Stale when now >= issued + max_age or when
 * revision < current_revision.  Never reads past value + len.
 */
consent_status_t consent_cookie_verify(const char *value, size_t len,
    const consent_key_t *keys, size_t nkeys, uint64_t now, uint64_t max_age,
    uint32_t current_revision, consent_state_t *state);

const char *consent_status_name(consent_status_t status);

/*
 * Iterate the values of every cookie called name (compared case-sensitively,
 * as browsers do) in one Cookie header value such as "a=1; b=2;c=3".
 * Whitespace around pairs, names and values is skipped, a value in double
 * quotes is unquoted, empty values are found, pairs without '=' are skipped.
 * *pos is the cursor: 0 before the first call.  Returns 1 with *value
 * pointing into header, or 0 when there are no more.  Never reads past
 * header + len.
 */
int consent_cookie_header_find(const char *header, size_t len,
    const char *name, size_t name_len, size_t *pos, const char **value,
    size_t *value_len);

/*
 * The name of the cookie a Set-Cookie header value sets ("_ga=GA1.2; Path=/"
 * gives "_ga"), whitespace trimmed.  Returns 1 with *name pointing into
 * value, or 0 when the value has no "name=" before its first ';'.
 */
int consent_set_cookie_name(const char *value, size_t len, const char **name,
    size_t *name_len);

#endif /* CONSENT_COOKIE_H */

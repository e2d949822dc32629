#ifndef CONSENT_COOKIE_H
#define CONSENT_COOKIE_H

/*
 * The signed consent cookie.  Value (base64url, no padding) of:
 *   version(1) key_id(4) id(16) issued(8, unix seconds, big endian)
 *   revision(4) granted(4) fingerprint(6) mode(1) country(2)
 *   flags(1) count(1) services(6 x count) mac(32)
 * 80 + 6n bytes: 107 + 8n characters, the last group partial (its unused
 * bits must be zero, so that a value has one spelling).  flags bit 0: the
 * categories were decided (an "allow" of single services without a
 * decision leaves it clear: the banner still asks); services = the
 * ascending, distinct hashes of the services granted one by one
 * (consent_services.h), at most CONSENT_SERVICES_MAX.
 * mac = HMAC-SHA256(secret, all preceding bytes); key_id = first 4 bytes of
 * SHA-256(secret), so reordering the secret list keeps cookies valid;
 * fingerprint = that of the policy whose category ids give the bits of
 * granted their meaning (consent_cookie_fingerprint()); mode = the
 * consent_mode_t the decision was given under, country = the visitor's
 * ISO 3166 country then (two NULs when unknown).
 * Version 3 (104 characters) ended after the country: a decided decision
 * without service grants.
 * Version 2 (100 characters) had neither: it is an opt-in decision, as
 * every decision was before regions.
 * Version 1 (92 characters) had no fingerprint: it is read only to be
 * called stale, with its id, so that the banner comes back once.
 */

#include <stddef.h>
#include <stdint.h>

#include "consent_services.h"

#define CONSENT_COOKIE_VERSION   4
#define CONSENT_ID_LEN           16
#define CONSENT_KEY_ID_LEN       4
#define CONSENT_FINGERPRINT_LEN  6
/* without service grants: 80 bytes, 107 base64url characters */
#define CONSENT_COOKIE_RAW_LEN   (1 + 4 + 16 + 8 + 4 + 4 + 6 + 1 + 2 + 1 + 1 \
                                  + 32)
#define CONSENT_COOKIE_LEN       107
/* each service grant: 6 bytes, 8 characters */
#define CONSENT_COOKIE_MAX_LEN   (CONSENT_COOKIE_LEN \
                                  + 8 * CONSENT_SERVICES_MAX)
#define CONSENT_COOKIE_DECIDED   0x01    /* flags: categories decided */
#define CONSENT_MIN_SECRET_LEN   32
#define CONSENT_KEY_FILE_MAX     4096    /* a larger key file is refused */

/* How far ahead of this node's clock an issue time may be (clock skew). */
#define CONSENT_COOKIE_FUTURE_MAX  300

typedef enum {
    CONSENT_STATUS_NONE = 0,     /* no cookie */
    CONSENT_STATUS_VALID,
    CONSENT_STATUS_STALE,        /* authentic but expired, older revision,
                                    another policy or version 1 */
    CONSENT_STATUS_INVALID       /* not authentic, or issued in the future */
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
    unsigned char   mode;          /* consent_mode_t given under */
    char            country[2];    /* ISO 3166 country, or NULs */
    unsigned char   decided;       /* 1: the categories were chosen */
    consent_services_t  services;  /* granted one by one */
} consent_state_t;

/* What a cookie is checked against: the keys and the policy in force. */
typedef struct {
    const consent_key_t  *keys;
    size_t                nkeys;
    uint64_t              now;
    uint64_t              max_age;
    uint32_t              revision;
    unsigned char         fingerprint[CONSENT_FINGERPRINT_LEN];
} consent_cookie_check_t;


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

/*
 * The policy fingerprint: the first CONSENT_FINGERPRINT_LEN bytes of
 * SHA-256 over every category id followed by a NUL, in policy order.
 * 0 or -1.
 */
int consent_cookie_fingerprint(const char *const *ids, size_t n,
    unsigned char fingerprint[CONSENT_FINGERPRINT_LEN]);

/* 128 random bits from OpenSSL's CSPRNG.  0 or -1. */
int consent_id_generate(unsigned char id[CONSENT_ID_LEN]);

/* Lowercase hex of an id into out (33 bytes with the NUL). */
void consent_id_hex(const unsigned char id[CONSENT_ID_LEN], char out[33]);

/* Lowercase hex of n bytes into out (2n + 1 bytes with the NUL). */
void consent_hex(const unsigned char *in, size_t n, char *out);

/* The length of the value consent_cookie_encode() writes for state. */
size_t consent_cookie_length(const consent_state_t *state);

/*
 * Writes consent_cookie_length(state) bytes (no NUL; at most
 * CONSENT_COOKIE_MAX_LEN) into out: state signed with key under the policy
 * of that fingerprint.  0, or -1 (also for more than CONSENT_SERVICES_MAX
 * services or a set not ascending).
 */
int consent_cookie_encode(const consent_state_t *state,
    const consent_key_t *key,
    const unsigned char fingerprint[CONSENT_FINGERPRINT_LEN], char *out);

/*
 * Verify a cookie value against every key of check; decode it into state
 * when it is authentic (VALID or STALE).  Invalid unless the MAC checks out,
 * and when issued is more than CONSENT_COOKIE_FUTURE_MAX seconds after now.
 * Versions 2 and 3 decode as decided, without service grants.
 * Stale when it is of version 1, when its fingerprint is not check's (its
 * granted and services are then decoded as empty: they mean nothing
 * here), when
 * now >= issued + max_age or when revision < check->revision.  Never reads
 * past value + len.
 */
consent_status_t consent_cookie_verify(const char *value, size_t len,
    const consent_cookie_check_t *check, consent_state_t *state);

const char *consent_status_name(consent_status_t status);

/*
 * Every cookie of our name in one request (several paths or domains, or one
 * planted by a sibling subdomain), combined as they are verified; zeroed
 * memory is "none".  Valid beats stale beats invalid beats none.  The valid
 * ones make the most restrictive decision: state.granted and
 * state.services are the intersections of theirs, and the categories count
 * as decided only when every one decided them, so an extra cookie can only
 * take grants away; the id, issue time and revision are those of the valid
 * cookie with the fewest grants (categories, then services; the newest of
 * those), the recorded decision closest to what is in force.  When none is
 * valid, state is the first stale one's.
 */
typedef struct {
    consent_status_t  status;
    consent_state_t   state;
    unsigned          grants;       /* bits set in the chosen cookie */
} consent_cookies_t;

void consent_cookies_add(consent_cookies_t *cookies, consent_status_t status,
    const consent_state_t *state);

/*
 * The rules browsers apply to a cookie name prefix (RFC 6265bis, matched
 * case-insensitively): "__Secure-" needs Secure, "__Host-" needs Secure,
 * Path=/ and no Domain.  domain and path are NULL when not configured
 * (path then defaults to "/").  Returns 1 when the name has a prefix (the
 * cookie must then always be Secure), 0 when it has none, or -1 with one
 * line in err when the attributes break the prefix's rules.
 */
int consent_cookie_prefix_check(const char *name, size_t name_len,
    const char *domain, size_t domain_len, const char *path, size_t path_len,
    int secure_off, char *err, size_t errlen);

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

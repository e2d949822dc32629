#ifndef CONSENT_AUDIT_H
#define CONSENT_AUDIT_H

/*
 * Audit records: one canonical JSON line each, built with jansson,
 * hash-chained and MACed.  Three types (docs/audit.md):
 *
 *   decision    {"ts","seq","node","key","id","action","granted","denied",
 *                "revision","texts","lang","region","mode","gpc","source",
 *                "ip","ua","prev","mac"}
 *   rotate      {"ts","seq","node","key","type":"rotate","prev_key",
 *                "prev","mac"}: the first record under a new key
 *   checkpoint  {"ts","seq","node","key","type":"checkpoint","before",
 *                "removed":{...},"prev","mac"}: written by purge in place of
 *                the records it removed; it stands for the last of them (its
 *                seq, and that record's mac as prev)
 *
 * body = the record serialised without "mac" (compact, in this order);
 * mac  = HMAC-SHA256(audit key, prev ‖ body), prev being the 64 hex digits
 *        of the previous record's mac (64 zeros for the first record).
 * The line is body with its closing "}" replaced by ,"mac":"<hex>"}, so a
 * verifier recomputes the MAC from the exact bytes of the line.  "key" is
 * the key id: the first 4 bytes of HMAC-SHA256(key, "ngx_consent audit key
 * id"), in hex; records written before key ids existed have none.
 */

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "consent_policy.h"

#define CONSENT_AUDIT_MAC_LEN     32
#define CONSENT_AUDIT_HEX_LEN     64
#define CONSENT_AUDIT_KEY_ID_LEN  4
#define CONSENT_AUDIT_UA_MAX      256     /* bytes of User-Agent recorded */
#define CONSENT_AUDIT_NODE_MAX    255
#define CONSENT_AUDIT_IP_LEN      46      /* INET6_ADDRSTRLEN */
#define CONSENT_AUDIT_TAIL_MAX    65536   /* bytes read back from a file */

/* consent_audit_ip modes, the values of NGX_HTTP_CONSENT_IP_* */
#define CONSENT_AUDIT_IP_TRUNCATE  0
#define CONSENT_AUDIT_IP_FULL      1
#define CONSENT_AUDIT_IP_OFF       2

typedef struct {
    unsigned char         id[CONSENT_AUDIT_KEY_ID_LEN];
    const unsigned char  *key;
    size_t                len;
} consent_audit_key_t;

/* A decision; NULL strings are recorded as null. */
typedef struct {
    uint64_t              ts_ms;       /* unix time in milliseconds */
    uint64_t              seq;         /* 1 for the first record */
    const char           *node;
    const unsigned char  *id;          /* CONSENT_ID_LEN bytes */
    const char           *action;
    consent_mask_t        granted;
    consent_mask_t        denied;
    const consent_services_t  *services;   /* granted alone, or NULL */
    int                   decided;     /* the categories were chosen */
    uint32_t              revision;
    const unsigned char  *texts;       /* CONSENT_AUDIT_MAC_LEN or NULL */
    const char           *lang;
    const char           *region;      /* ISO 3166, from consent_region */
    const char           *mode;        /* opt-in, opt-out, notice, none */
    int                   gpc;
    const char           *source;
    const char           *ip;          /* anonymised */
    const char           *ua;          /* raw header bytes */
    size_t                ua_len;
    unsigned char         prev[CONSENT_AUDIT_MAC_LEN];
} consent_audit_entry_t;

typedef enum {
    CONSENT_AUDIT_OK = 0,
    CONSENT_AUDIT_BAD_JSON,       /* not a JSON object */
    CONSENT_AUDIT_BAD_RECORD,     /* JSON, but a field is missing or wrong */
    CONSENT_AUDIT_BAD_MAC,        /* the MAC does not match the bytes */
    CONSENT_AUDIT_NO_KEY          /* signed with a key id none given has */
} consent_audit_status_t;

typedef enum {
    CONSENT_AUDIT_DECISION = 0,
    CONSENT_AUDIT_ROTATE,
    CONSENT_AUDIT_CHECKPOINT
} consent_audit_type_t;

typedef struct {
    json_t               *root;        /* owns the strings; json_decref it */
    consent_audit_type_t  type;
    uint64_t              seq;
    const char           *ts;
    const char           *id;          /* decision only */
    const char           *action;      /* decision only */
    unsigned char         key_id[CONSENT_AUDIT_KEY_ID_LEN];
    unsigned char         prev_key_id[CONSENT_AUDIT_KEY_ID_LEN];  /* rotate */
    unsigned              has_key_id:1;
    size_t                key;         /* index of the key that verified */
    unsigned char         prev[CONSENT_AUDIT_MAC_LEN];
    unsigned char         mac[CONSENT_AUDIT_MAC_LEN];
} consent_audit_record_t;

/* Where a chain ends: what the next record continues. */
typedef struct {
    uint64_t              seq;
    unsigned char         mac[CONSENT_AUDIT_MAC_LEN];
    unsigned char         key_id[CONSENT_AUDIT_KEY_ID_LEN];
    unsigned              has_key_id:1;
} consent_audit_end_t;


/* The default audit key: HMAC-SHA256(secret, "ngx_consent audit key"). */
int consent_audit_key_derive(const unsigned char *secret, size_t len,
    unsigned char key[CONSENT_AUDIT_MAC_LEN]);

/* Fill key->id from key->key.  0 or -1. */
int consent_audit_key_init(consent_audit_key_t *key);

/*
 * The record line of a decision, "\n"-terminated, malloc()ed; its length
 * in *len and its MAC in mac.  NULL on allocation or HMAC failure.
 */
char *consent_audit_line(const consent_policy_t *policy,
    const consent_audit_entry_t *entry, const consent_audit_key_t *key,
    unsigned char mac[CONSENT_AUDIT_MAC_LEN], size_t *len);

/* The rotate record that moves a chain ending at end to key. */
char *consent_audit_rotate_line(uint64_t ts_ms, const char *node,
    const consent_audit_end_t *end, const consent_audit_key_t *key,
    unsigned char mac[CONSENT_AUDIT_MAC_LEN], size_t *len);

/*
 * The checkpoint record standing for removed records ending at end (seq and
 * mac of the last removed record); removed is borrowed (see docs/audit.md).
 */
char *consent_audit_checkpoint_line(uint64_t ts_ms, const char *node,
    const char *before, json_t *removed, const consent_audit_end_t *end,
    const consent_audit_key_t *key, unsigned char mac[CONSENT_AUDIT_MAC_LEN],
    size_t *len);

/*
 * Parse one line (without its "\n") into record.  With keys, also check
 * the MAC with the key of the record's key id (each key in turn for a
 * record without one).  When the result is OK, BAD_RECORD, BAD_MAC or
 * NO_KEY with a parsed object, record->root is set and must be released
 * with json_decref().
 */
consent_audit_status_t consent_audit_parse(const char *line, size_t len,
    const consent_audit_key_t *keys, size_t nkeys,
    consent_audit_record_t *record);

/*
 * The end of the chain in a file: the last well-formed record in its last
 * CONSENT_AUDIT_TAIL_MAX bytes (a final line without "\n", a torn write, is
 * skipped).  1: found; 0: the file is missing or holds no record there;
 * -1: I/O error, errno set.
 */
int consent_audit_tail(const char *path, consent_audit_end_t *end);

/*
 * What the visitor was shown in lang: the banner texts, the categories and
 * the services listed, as canonical JSON (compact, keys sorted), and its
 * SHA-256.  Returns the sidecar line {"texts":"<hex>","shown":{...}}\n,
 * malloc()ed, with its length in *len; NULL on allocation failure.
 */
char *consent_audit_texts(const consent_policy_t *policy, const char *lang,
    unsigned char hash[CONSENT_AUDIT_MAC_LEN], size_t *len);

/* SHA-256 of the canonical form of a "shown" object.  0 or -1. */
int consent_audit_texts_hash(const json_t *shown,
    unsigned char hash[CONSENT_AUDIT_MAC_LEN]);

/*
 * The address text as recorded under mode: truncate keeps the IPv4 /24 or
 * the IPv6 /48 (an IPv4-mapped IPv6 address counts as IPv4), full keeps it.
 * 0 with out filled; -1 when nothing is to be recorded (mode off, or not
 * an IP address such as "unix:").
 */
int consent_audit_ip(const char *addr, size_t len, int mode,
    char out[CONSENT_AUDIT_IP_LEN]);

/*
 * Copy at most max bytes of in into out as valid UTF-8 without control
 * characters (each invalid byte or control becomes "?"; a character that
 * does not fit is dropped whole).  out holds max + 1 bytes; returns the
 * length written.
 */
size_t consent_audit_text(const char *in, size_t len, size_t max, char *out);

/* Decode exactly 2n lowercase hex digits.  0 or -1. */
int consent_audit_unhex(const char *in, size_t len, unsigned char *out,
    size_t n);

#endif /* CONSENT_AUDIT_H */

#ifndef CONSENT_AUDIT_H
#define CONSENT_AUDIT_H

/*
 * Audit records: one canonical JSON line per decision, built with jansson,
 * hash-chained and MACed:
 *
 *   {"ts":...,"seq":...,"node":...,"id":...,"action":...,"granted":[...],
 *    "denied":[...],"revision":...,"gpc":...,"source":...,"ip":...,
 *    "ua":...,"prev":"<hex>","mac":"<hex>"}
 *
 * body = the record serialised without "mac" (compact, in this order);
 * mac  = HMAC-SHA256(audit key, prev ‖ body), prev being the 64 hex digits
 *        of the previous record's mac (64 zeros for the first record).
 * The line is body with its closing "}" replaced by ,"mac":"<hex>"}, so a
 * verifier recomputes the MAC from the exact bytes of the line.
 */

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "consent_policy.h"

#define CONSENT_AUDIT_MAC_LEN    32
#define CONSENT_AUDIT_HEX_LEN    64
#define CONSENT_AUDIT_UA_MAX     256     /* bytes of User-Agent recorded */
#define CONSENT_AUDIT_NODE_MAX   255
#define CONSENT_AUDIT_IP_LEN     46      /* INET6_ADDRSTRLEN */
#define CONSENT_AUDIT_TAIL_MAX   65536   /* bytes read back from a file */

/* consent_audit_ip modes, the values of NGX_HTTP_CONSENT_IP_* */
#define CONSENT_AUDIT_IP_TRUNCATE  0
#define CONSENT_AUDIT_IP_FULL      1
#define CONSENT_AUDIT_IP_OFF       2

typedef struct {
    uint64_t              ts_ms;       /* unix time in milliseconds */
    uint64_t              seq;         /* 1 for the first record */
    const char           *node;
    const unsigned char  *id;          /* CONSENT_ID_LEN bytes */
    const char           *action;
    consent_mask_t        granted;
    consent_mask_t        denied;
    uint32_t              revision;
    int                   gpc;
    const char           *source;
    const char           *ip;          /* anonymised; NULL: null */
    const char           *ua;          /* raw header bytes; NULL: null */
    size_t                ua_len;
    unsigned char         prev[CONSENT_AUDIT_MAC_LEN];
} consent_audit_entry_t;

typedef enum {
    CONSENT_AUDIT_OK = 0,
    CONSENT_AUDIT_BAD_JSON,       /* not a JSON object */
    CONSENT_AUDIT_BAD_RECORD,     /* JSON, but a field is missing or wrong */
    CONSENT_AUDIT_BAD_MAC         /* the MAC does not match the bytes */
} consent_audit_status_t;

typedef struct {
    json_t               *root;        /* owns the strings; json_decref it */
    uint64_t              seq;
    const char           *ts;
    const char           *id;
    const char           *action;
    unsigned char         prev[CONSENT_AUDIT_MAC_LEN];
    unsigned char         mac[CONSENT_AUDIT_MAC_LEN];
} consent_audit_record_t;


/* The default audit key: HMAC-SHA256(secret, "ngx_consent audit key"). */
int consent_audit_key_derive(const unsigned char *secret, size_t len,
    unsigned char key[CONSENT_AUDIT_MAC_LEN]);

/*
 * The record line of entry, "\n"-terminated, malloc()ed; its length in
 * *len and its MAC in mac.  NULL on allocation or HMAC failure.
 */
char *consent_audit_line(const consent_policy_t *policy,
    const consent_audit_entry_t *entry, const unsigned char *key,
    size_t key_len, unsigned char mac[CONSENT_AUDIT_MAC_LEN], size_t *len);

/*
 * Parse one line (without its "\n") into record.  With a key, also check
 * the MAC.  When the result is OK, BAD_RECORD or BAD_MAC with a parsed
 * object, record->root is set and must be released with json_decref().
 */
consent_audit_status_t consent_audit_parse(const char *line, size_t len,
    const unsigned char *key, size_t key_len, consent_audit_record_t *record);

/*
 * The seq and mac of the last well-formed record in the last
 * CONSENT_AUDIT_TAIL_MAX bytes of a file (a final line without "\n", a
 * torn write, is skipped).  1: found; 0: the file is missing or holds no
 * record there; -1: I/O error, errno set.
 */
int consent_audit_tail(const char *path, uint64_t *seq,
    unsigned char mac[CONSENT_AUDIT_MAC_LEN]);

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

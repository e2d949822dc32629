/*
 * Audit records: building, MAC, parsing, reading back a file's tail, and the
 * anonymisation of what a record says about the visitor (see
 * consent_audit.h).
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/stat.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "consent_audit.h"
#include "consent_cookie.h"
#include "consent_request.h"


#define CONSENT_AUDIT_KEY_LABEL     "ngx_consent audit key"
#define CONSENT_AUDIT_KEY_ID_LABEL  "ngx_consent audit key id"

/* ,"mac":"<64 hex>"} closes every line */
#define CONSENT_AUDIT_MAC_OPEN   ",\"mac\":\""
#define CONSENT_AUDIT_SUFFIX_LEN \
    (sizeof(CONSENT_AUDIT_MAC_OPEN) - 1 + CONSENT_AUDIT_HEX_LEN + 2)


static json_t *consent_audit_head(uint64_t ts_ms, uint64_t seq,
    const char *node, const consent_audit_key_t *key);
static int consent_audit_set_text(json_t *root, const char *name,
    const char *value);
static char *consent_audit_seal(json_t *root, int built,
    const unsigned char prev[CONSENT_AUDIT_MAC_LEN],
    const consent_audit_key_t *key, unsigned char mac[CONSENT_AUDIT_MAC_LEN],
    size_t *len);
static void consent_audit_end(const consent_audit_record_t *record,
    consent_audit_end_t *end);
static int consent_audit_is_text(const json_t *value, int legacy);
static int consent_audit_hmac(const unsigned char *key, size_t key_len,
    const char *prev_hex, const char *body, size_t body_len,
    unsigned char mac[CONSENT_AUDIT_MAC_LEN]);
static int consent_audit_ts(uint64_t ts_ms, char out[32]);
static consent_audit_status_t consent_audit_fields(
    consent_audit_record_t *record);
static int consent_audit_hex_field(json_t *root, const char *name,
    unsigned char *out, size_t n);
static int consent_audit_is_names(const json_t *array);
static size_t consent_audit_utf8_len(const unsigned char *p, size_t len);


int
consent_audit_key_derive(const unsigned char *secret, size_t len,
    unsigned char key[CONSENT_AUDIT_MAC_LEN])
{
    unsigned int  mac_len;

    if (len > INT_MAX) {
        return -1;
    }

    mac_len = CONSENT_AUDIT_MAC_LEN;

    if (HMAC(EVP_sha256(), secret, (int) len,
             (const unsigned char *) CONSENT_AUDIT_KEY_LABEL,
             sizeof(CONSENT_AUDIT_KEY_LABEL) - 1, key, &mac_len)
        == NULL)
    {
        return -1;
    }

    return 0;
}


int
consent_audit_key_init(consent_audit_key_t *key)
{
    unsigned int   mac_len;
    unsigned char  mac[CONSENT_AUDIT_MAC_LEN];

    if (key->len > INT_MAX) {
        return -1;
    }

    mac_len = CONSENT_AUDIT_MAC_LEN;

    if (HMAC(EVP_sha256(), key->key, (int) key->len,
             (const unsigned char *) CONSENT_AUDIT_KEY_ID_LABEL,
             sizeof(CONSENT_AUDIT_KEY_ID_LABEL) - 1, mac, &mac_len)
        == NULL)
    {
        return -1;
    }

    memcpy(key->id, mac, CONSENT_AUDIT_KEY_ID_LEN);

    return 0;
}


char *
consent_audit_line(const consent_policy_t *policy,
    const consent_audit_entry_t *entry, const consent_audit_key_t *key,
    unsigned char mac[CONSENT_AUDIT_MAC_LEN], size_t *len)
{
    int      built;
    char     id[2 * CONSENT_ID_LEN + 1], texts[CONSENT_AUDIT_HEX_LEN + 1];
    char     ua[CONSENT_AUDIT_UA_MAX + 1];
    size_t   ua_len;
    json_t  *root;

    ua_len = 0;
    if (entry->ua != NULL) {
        ua_len = consent_audit_text(entry->ua, entry->ua_len,
                                    CONSENT_AUDIT_UA_MAX, ua);
    }

    consent_id_hex(entry->id, id);

    if (entry->texts) {
        consent_hex(entry->texts, CONSENT_AUDIT_MAC_LEN, texts);
    }

    root = consent_audit_head(entry->ts_ms, entry->seq, entry->node, key);
    if (root == NULL) {
        return NULL;
    }

    /* the order here is the record's field order: verifiers rely on it */
    built = json_object_set_new(root, "id", json_string(id)) == 0
        && json_object_set_new(root, "action",
                               json_string(entry->action)) == 0
        && json_object_set_new(root, "granted",
                               consent_mask_json(policy, entry->granted)) == 0
        && json_object_set_new(root, "denied",
                               consent_mask_json(policy, entry->denied)) == 0
        && json_object_set_new(root, "granted_services",
                               consent_services_json(policy,
                                                     entry->services)) == 0
        && json_object_set_new(root, "decided",
                               json_boolean(entry->decided)) == 0
        && json_object_set_new(root, "revision",
                               json_integer(entry->revision)) == 0
        && json_object_set_new(root, "texts",
                               entry->texts ? json_string(texts)
                                            : json_null()) == 0
        && consent_audit_set_text(root, "lang", entry->lang) == 0
        && consent_audit_set_text(root, "region", entry->region) == 0
        && consent_audit_set_text(root, "mode", entry->mode) == 0
        && json_object_set_new(root, "gpc", json_boolean(entry->gpc)) == 0
        && json_object_set_new(root, "source",
                               json_string(entry->source)) == 0
        && json_object_set_new(root, "ip",
                               entry->ip ? json_string(entry->ip)
                                         : json_null()) == 0
        && json_object_set_new(root, "ua",
                               entry->ua ? json_stringn(ua, ua_len)
                                         : json_null()) == 0;

    return consent_audit_seal(root, built, entry->prev, key, mac, len);
}


char *
consent_audit_rotate_line(uint64_t ts_ms, const char *node,
    const consent_audit_end_t *end, const consent_audit_key_t *key,
    unsigned char mac[CONSENT_AUDIT_MAC_LEN], size_t *len)
{
    int      built;
    char     prev_key[2 * CONSENT_AUDIT_KEY_ID_LEN + 1];
    json_t  *root;

    root = consent_audit_head(ts_ms, end->seq + 1, node, key);
    if (root == NULL) {
        return NULL;
    }

    if (end->has_key_id) {
        consent_hex(end->key_id, CONSENT_AUDIT_KEY_ID_LEN, prev_key);
    }

    built = json_object_set_new(root, "type", json_string("rotate")) == 0
        && json_object_set_new(root, "prev_key",
                               end->has_key_id ? json_string(prev_key)
                                               : json_null()) == 0;

    return consent_audit_seal(root, built, end->mac, key, mac, len);
}


char *
consent_audit_checkpoint_line(uint64_t ts_ms, const char *node,
    const char *before, json_t *removed, const consent_audit_end_t *end,
    const consent_audit_key_t *key, unsigned char mac[CONSENT_AUDIT_MAC_LEN],
    size_t *len)
{
    int      built;
    json_t  *root;

    root = consent_audit_head(ts_ms, end->seq, node, key);
    if (root == NULL) {
        return NULL;
    }

    built = json_object_set_new(root, "type", json_string("checkpoint")) == 0
        && json_object_set_new(root, "before", json_string(before)) == 0
        && json_object_set(root, "removed", removed) == 0;

    return consent_audit_seal(root, built, end->mac, key, mac, len);
}


/* "ts", "seq", "node" and "key": the first fields of every record. */
static json_t *
consent_audit_head(uint64_t ts_ms, uint64_t seq, const char *node,
    const consent_audit_key_t *key)
{
    char     ts[32], text[CONSENT_AUDIT_NODE_MAX + 1];
    char     key_id[2 * CONSENT_AUDIT_KEY_ID_LEN + 1];
    size_t   text_len;
    json_t  *root;

    if (consent_audit_ts(ts_ms, ts) != 0) {
        return NULL;
    }

    text_len = consent_audit_text(node, strlen(node), CONSENT_AUDIT_NODE_MAX,
                                  text);
    consent_hex(key->id, CONSENT_AUDIT_KEY_ID_LEN, key_id);

    root = json_object();
    if (root == NULL) {
        return NULL;
    }

    if (json_object_set_new(root, "ts", json_string(ts)) != 0
        || json_object_set_new(root, "seq", json_integer((json_int_t) seq))
           != 0
        || json_object_set_new(root, "node", json_stringn(text, text_len))
           != 0
        || json_object_set_new(root, "key", json_string(key_id)) != 0)
    {
        json_decref(root);
        return NULL;
    }

    return root;
}


/* A string member, or null; the text made valid UTF-8 without controls. */
static int
consent_audit_set_text(json_t *root, const char *name, const char *value)
{
    char    text[CONSENT_AUDIT_NODE_MAX + 1];
    size_t  len;

    if (value == NULL) {
        return json_object_set_new(root, name, json_null());
    }

    len = consent_audit_text(value, strlen(value), CONSENT_AUDIT_NODE_MAX,
                             text);

    return json_object_set_new(root, name, json_stringn(text, len));
}


/*
 * Add "prev", serialise, MAC and append "mac": the line.  Takes root
 * (built says whether its members could all be set).
 */
static char *
consent_audit_seal(json_t *root, int built,
    const unsigned char prev[CONSENT_AUDIT_MAC_LEN],
    const consent_audit_key_t *key, unsigned char mac[CONSENT_AUDIT_MAC_LEN],
    size_t *len)
{
    char    prev_hex[CONSENT_AUDIT_HEX_LEN + 1];
    char    mac_hex[CONSENT_AUDIT_HEX_LEN + 1];
    char   *body, *line, *p;
    size_t  body_len;

    consent_hex(prev, CONSENT_AUDIT_MAC_LEN, prev_hex);

    body = NULL;

    if (built
        && json_object_set_new(root, "prev", json_string(prev_hex)) == 0)
    {
        body = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    }

    json_decref(root);

    if (body == NULL) {
        return NULL;
    }

    body_len = strlen(body);
    line = NULL;

    if (consent_audit_hmac(key->key, key->len, prev_hex, body, body_len, mac)
        != 0)
    {
        goto done;
    }

    /* body without its "}", the mac member, "}" and the newline */
    line = malloc(body_len - 1 + CONSENT_AUDIT_SUFFIX_LEN + 2);
    if (line == NULL) {
        goto done;
    }

    consent_hex(mac, CONSENT_AUDIT_MAC_LEN, mac_hex);

    p = line;
    memcpy(p, body, body_len - 1);
    p += body_len - 1;
    memcpy(p, CONSENT_AUDIT_MAC_OPEN, sizeof(CONSENT_AUDIT_MAC_OPEN) - 1);
    p += sizeof(CONSENT_AUDIT_MAC_OPEN) - 1;
    memcpy(p, mac_hex, CONSENT_AUDIT_HEX_LEN);
    p += CONSENT_AUDIT_HEX_LEN;
    *p++ = '"';
    *p++ = '}';
    *p++ = '\n';
    *p = '\0';

    *len = p - line;

done:

    free(body);

    return line;
}


consent_audit_status_t
consent_audit_parse(const char *line, size_t len,
    const consent_audit_key_t *keys, size_t nkeys,
    consent_audit_record_t *record)
{
    char                    *body;
    json_t                  *root;
    size_t                   body_len, k;
    const char              *prev;
    json_error_t             error;
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
    consent_audit_status_t   status;

    record->root = NULL;

    root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &error);
    if (root == NULL) {
        return CONSENT_AUDIT_BAD_JSON;
    }

    if (!json_is_object(root)) {
        json_decref(root);
        return CONSENT_AUDIT_BAD_JSON;
    }

    record->root = root;

    status = consent_audit_fields(record);
    if (status != CONSENT_AUDIT_OK) {
        return status;
    }

    /* "mac" must be the last member: the MAC covers everything before it */
    if (len < CONSENT_AUDIT_SUFFIX_LEN + 2
        || memcmp(line + len - CONSENT_AUDIT_SUFFIX_LEN,
                  CONSENT_AUDIT_MAC_OPEN,
                  sizeof(CONSENT_AUDIT_MAC_OPEN) - 1) != 0
        || line[len - 2] != '"' || line[len - 1] != '}'
        || consent_audit_unhex(line + len - 2 - CONSENT_AUDIT_HEX_LEN,
                               CONSENT_AUDIT_HEX_LEN, mac,
                               CONSENT_AUDIT_MAC_LEN) != 0
        || memcmp(mac, record->mac, CONSENT_AUDIT_MAC_LEN) != 0)
    {
        return CONSENT_AUDIT_BAD_RECORD;
    }

    if (keys == NULL) {
        return CONSENT_AUDIT_OK;
    }

    status = CONSENT_AUDIT_NO_KEY;

    for (k = 0; k < nkeys; k++) {
        if (!record->has_key_id
            || memcmp(keys[k].id, record->key_id, CONSENT_AUDIT_KEY_ID_LEN)
               == 0)
        {
            status = CONSENT_AUDIT_BAD_MAC;
            break;
        }
    }

    if (status == CONSENT_AUDIT_NO_KEY) {
        return status;
    }

    body_len = len - CONSENT_AUDIT_SUFFIX_LEN + 1;

    body = malloc(body_len);
    if (body == NULL) {
        return CONSENT_AUDIT_BAD_MAC;
    }

    memcpy(body, line, body_len - 1);
    body[body_len - 1] = '}';

    prev = json_string_value(json_object_get(root, "prev"));

    for ( /* void */ ; k < nkeys; k++) {
        if (record->has_key_id
            && memcmp(keys[k].id, record->key_id, CONSENT_AUDIT_KEY_ID_LEN)
               != 0)
        {
            continue;
        }

        if (consent_audit_hmac(keys[k].key, keys[k].len, prev, body,
                               body_len, mac) == 0
            && CRYPTO_memcmp(mac, record->mac, CONSENT_AUDIT_MAC_LEN) == 0)
        {
            record->key = k;
            status = CONSENT_AUDIT_OK;
            break;
        }
    }

    free(body);

    return status;
}


int
consent_audit_tail(const char *path, consent_audit_end_t *tail)
{
    int                      fd, found, err;
    char                    *buf, *end, *start;
    off_t                    offset;
    size_t                   size, got;
    ssize_t                  n;
    struct stat              st;
    consent_audit_record_t   record;

    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1) {
        return errno == ENOENT ? 0 : -1;
    }

    buf = NULL;
    found = -1;

    if (fstat(fd, &st) == -1) {
        goto done;
    }

    size = st.st_size > CONSENT_AUDIT_TAIL_MAX ? CONSENT_AUDIT_TAIL_MAX
                                               : (size_t) st.st_size;
    offset = st.st_size - (off_t) size;

    buf = malloc(size + 1);
    if (buf == NULL) {
        goto done;
    }

    for (got = 0; got < size; got += n) {
        n = pread(fd, buf + got, size - got, offset + (off_t) got);

        if (n == -1) {
            if (errno == EINTR) {
                n = 0;
                continue;
            }

            goto done;
        }

        if (n == 0) {
            break;
        }
    }

    size = got;
    found = 0;

    /* only lines that end with "\n" and start at a line boundary count */
    end = buf + size;
    while (end > buf && end[-1] != '\n') {
        end--;
    }

    end = end > buf ? end - 1 : NULL;

    while (end != NULL) {
        start = end;
        while (start > buf && start[-1] != '\n') {
            start--;
        }

        if (start == buf && offset != 0) {
            break;
        }

        if (consent_audit_parse(start, end - start, NULL, 0, &record)
            == CONSENT_AUDIT_OK)
        {
            consent_audit_end(&record, tail);
            json_decref(record.root);
            found = 1;
            break;
        }

        json_decref(record.root);

        end = start > buf ? start - 1 : NULL;
    }

done:

    err = errno;
    free(buf);
    close(fd);
    errno = err;

    return found;
}


int
consent_audit_ip(const char *addr, size_t len, int mode,
    char out[CONSENT_AUDIT_IP_LEN])
{
    char             text[CONSENT_AUDIT_IP_LEN];
    struct in_addr   in4;
    struct in6_addr  in6;

    if (mode == CONSENT_AUDIT_IP_OFF || len == 0 || len >= sizeof(text)) {
        return -1;
    }

    memcpy(text, addr, len);
    text[len] = '\0';

    if (inet_pton(AF_INET, text, &in4) == 1) {
        goto ipv4;
    }

    if (inet_pton(AF_INET6, text, &in6) != 1) {
        return -1;
    }

    if (IN6_IS_ADDR_V4MAPPED(&in6)) {
        memcpy(&in4, &in6.s6_addr[12], 4);
        goto ipv4;
    }

    if (mode == CONSENT_AUDIT_IP_TRUNCATE) {
        memset(&in6.s6_addr[6], 0, 10);
    }

    return inet_ntop(AF_INET6, &in6, out, CONSENT_AUDIT_IP_LEN) ? 0 : -1;

ipv4:

    if (mode == CONSENT_AUDIT_IP_TRUNCATE) {
        ((unsigned char *) &in4.s_addr)[3] = 0;
    }

    return inet_ntop(AF_INET, &in4, out, CONSENT_AUDIT_IP_LEN) ? 0 : -1;
}


size_t
consent_audit_text(const char *in, size_t len, size_t max, char *out)
{
    size_t                i, o, n;
    const unsigned char  *p;

    p = (const unsigned char *) in;

    for (i = 0, o = 0; i < len; i += n) {

        if (p[i] < 0x20 || p[i] == 0x7f) {
            n = 1;
            if (o + 1 > max) {
                break;
            }

            out[o++] = '?';
            continue;
        }

        n = consent_audit_utf8_len(p + i, len - i);

        if (n == 0) {
            n = 1;
            if (o + 1 > max) {
                break;
            }

            out[o++] = '?';
            continue;
        }

        if (o + n > max) {
            break;
        }

        memcpy(out + o, p + i, n);
        o += n;
    }

    out[o] = '\0';

    return o;
}


int
consent_audit_unhex(const char *in, size_t len, unsigned char *out, size_t n)
{
    int     hi, lo;
    size_t  i;

    if (len != 2 * n) {
        return -1;
    }

    for (i = 0; i < n; i++) {
        hi = in[2 * i];
        lo = in[2 * i + 1];

        hi = (hi >= '0' && hi <= '9') ? hi - '0'
             : (hi >= 'a' && hi <= 'f') ? hi - 'a' + 10 : -1;
        lo = (lo >= '0' && lo <= '9') ? lo - '0'
             : (lo >= 'a' && lo <= 'f') ? lo - 'a' + 10 : -1;

        if (hi < 0 || lo < 0) {
            return -1;
        }

        out[i] = (unsigned char) (hi << 4 | lo);
    }

    return 0;
}


static int
consent_audit_hmac(const unsigned char *key, size_t key_len,
    const char *prev_hex, const char *body, size_t body_len,
    unsigned char mac[CONSENT_AUDIT_MAC_LEN])
{
    int            rc;
    unsigned int   mac_len;
    unsigned char *input;

    if (key_len > INT_MAX || body_len > SIZE_MAX - CONSENT_AUDIT_HEX_LEN) {
        return -1;
    }

    input = malloc(CONSENT_AUDIT_HEX_LEN + body_len);
    if (input == NULL) {
        return -1;
    }

    memcpy(input, prev_hex, CONSENT_AUDIT_HEX_LEN);
    memcpy(input + CONSENT_AUDIT_HEX_LEN, body, body_len);

    mac_len = CONSENT_AUDIT_MAC_LEN;

    rc = HMAC(EVP_sha256(), key, (int) key_len, input,
              CONSENT_AUDIT_HEX_LEN + body_len, mac, &mac_len)
         == NULL ? -1 : 0;

    free(input);

    return rc;
}


static int
consent_audit_ts(uint64_t ts_ms, char out[32])
{
    time_t     secs;
    struct tm  tm;

    secs = (time_t) (ts_ms / 1000);

    if (gmtime_r(&secs, &tm) == NULL) {
        return -1;
    }

    if (strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm) != 19) {
        return -1;
    }

    snprintf(out + 19, 32 - 19, ".%03uZ", (unsigned) (ts_ms % 1000));

    return 0;
}


/*
 * The end a record leaves the chain at: a checkpoint stands for the last
 * record it removed, whose mac is its prev.
 */
static void
consent_audit_end(const consent_audit_record_t *record,
    consent_audit_end_t *end)
{
    end->seq = record->seq;
    memcpy(end->mac, record->type == CONSENT_AUDIT_CHECKPOINT ? record->prev
                                                              : record->mac,
           CONSENT_AUDIT_MAC_LEN);
    memcpy(end->key_id, record->key_id, CONSENT_AUDIT_KEY_ID_LEN);
    end->has_key_id = record->has_key_id;
}


static consent_audit_status_t
consent_audit_fields(consent_audit_record_t *record)
{
    json_t         *root, *id, *seq, *revision, *type, *key, *value, *services,
                   *decided;
    unsigned char   raw[CONSENT_AUDIT_MAC_LEN];

    root = record->root;

    seq = json_object_get(root, "seq");
    type = json_object_get(root, "type");
    key = json_object_get(root, "key");

    if (!json_is_string(json_object_get(root, "ts"))
        || !json_is_integer(seq) || json_integer_value(seq) < 1
        || !json_is_string(json_object_get(root, "node"))
        || consent_audit_hex_field(root, "prev", record->prev,
                                   CONSENT_AUDIT_MAC_LEN) != 0
        || consent_audit_hex_field(root, "mac", record->mac,
                                   CONSENT_AUDIT_MAC_LEN) != 0)
    {
        return CONSENT_AUDIT_BAD_RECORD;
    }

    /* records written before key ids existed have no "key" */
    record->has_key_id = (key != NULL);
    memset(record->key_id, 0, CONSENT_AUDIT_KEY_ID_LEN);

    if (key != NULL
        && consent_audit_hex_field(root, "key", record->key_id,
                                   CONSENT_AUDIT_KEY_ID_LEN) != 0)
    {
        return CONSENT_AUDIT_BAD_RECORD;
    }

    record->seq = (uint64_t) json_integer_value(seq);
    record->ts = json_string_value(json_object_get(root, "ts"));
    record->id = NULL;
    record->action = NULL;
    record->key = 0;

    if (type != NULL) {
        if (!json_is_string(type) || key == NULL) {
            return CONSENT_AUDIT_BAD_RECORD;
        }

        if (strcmp(json_string_value(type), "rotate") == 0) {
            record->type = CONSENT_AUDIT_ROTATE;
            value = json_object_get(root, "prev_key");

            if (json_is_null(value)) {
                memset(record->prev_key_id, 0, CONSENT_AUDIT_KEY_ID_LEN);
                return CONSENT_AUDIT_OK;
            }

            return consent_audit_hex_field(root, "prev_key",
                                           record->prev_key_id,
                                           CONSENT_AUDIT_KEY_ID_LEN) == 0
                   ? CONSENT_AUDIT_OK : CONSENT_AUDIT_BAD_RECORD;
        }

        if (strcmp(json_string_value(type), "checkpoint") == 0) {
            record->type = CONSENT_AUDIT_CHECKPOINT;

            return json_is_string(json_object_get(root, "before"))
                   && json_is_object(json_object_get(root, "removed"))
                   ? CONSENT_AUDIT_OK : CONSENT_AUDIT_BAD_RECORD;
        }

        return CONSENT_AUDIT_BAD_RECORD;
    }

    record->type = CONSENT_AUDIT_DECISION;

    revision = json_object_get(root, "revision");
    id = json_object_get(root, "id");
    value = json_object_get(root, "texts");

    if (!json_is_string(id)
        || consent_audit_unhex(json_string_value(id), json_string_length(id),
                               raw, CONSENT_ID_LEN) != 0
        || !json_is_string(json_object_get(root, "action"))
        || !consent_audit_is_names(json_object_get(root, "granted"))
        || !consent_audit_is_names(json_object_get(root, "denied"))
        /* records before single-service grants have neither */
        || ((services = json_object_get(root, "granted_services")) != NULL
            && !consent_audit_is_names(services))
        || ((decided = json_object_get(root, "decided")) != NULL
            && !json_is_boolean(decided))
        || !json_is_integer(revision) || json_integer_value(revision) < 0
        || !json_is_boolean(json_object_get(root, "gpc"))
        || !json_is_string(json_object_get(root, "source"))
        || !consent_audit_is_text(json_object_get(root, "ip"), 0)
        || !consent_audit_is_text(json_object_get(root, "ua"), 0)
        || !consent_audit_is_text(json_object_get(root, "lang"), key == NULL)
        || !consent_audit_is_text(json_object_get(root, "region"),
                                  key == NULL)
        || !consent_audit_is_text(json_object_get(root, "mode"), key == NULL)
        || !((value == NULL && key == NULL) || json_is_null(value)
             || consent_audit_hex_field(root, "texts", raw,
                                        CONSENT_AUDIT_MAC_LEN) == 0))
    {
        return CONSENT_AUDIT_BAD_RECORD;
    }

    record->id = json_string_value(id);
    record->action = json_string_value(json_object_get(root, "action"));

    return CONSENT_AUDIT_OK;
}


/* A string or null; absent only if legacy (fields records before key ids
 * lack). */
static int
consent_audit_is_text(const json_t *value, int legacy)
{
    return (value == NULL && legacy) || json_is_string(value)
           || json_is_null(value);
}


static int
consent_audit_hex_field(json_t *root, const char *name, unsigned char *out,
    size_t n)
{
    json_t  *value;

    value = json_object_get(root, name);

    if (!json_is_string(value)) {
        return -1;
    }

    return consent_audit_unhex(json_string_value(value),
                               json_string_length(value), out, n);
}


static int
consent_audit_is_names(const json_t *array)
{
    size_t   i;
    json_t  *item;

    if (!json_is_array(array)) {
        return 0;
    }

    json_array_foreach(array, i, item) {
        if (!json_is_string(item)) {
            return 0;
        }
    }

    return 1;
}


/* Length of the valid UTF-8 character at p (1 to 4), or 0 if invalid. */
static size_t
consent_audit_utf8_len(const unsigned char *p, size_t len)
{
    size_t         n, i;
    unsigned char  lo, hi;

    lo = 0x80;
    hi = 0xbf;

    if (p[0] < 0x80) {
        return 1;

    } else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        n = 2;

    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        n = 3;

        /* no overlong forms, no surrogates */
        if (p[0] == 0xe0) {
            lo = 0xa0;

        } else if (p[0] == 0xed) {
            hi = 0x9f;
        }

    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        n = 4;

        /* no overlong forms, nothing above U+10FFFF */
        if (p[0] == 0xf0) {
            lo = 0x90;

        } else if (p[0] == 0xf4) {
            hi = 0x8f;
        }

    } else {
        return 0;
    }

    if (len < n || p[1] < lo || p[1] > hi) {
        return 0;
    }

    for (i = 2; i < n; i++) {
        if (p[i] < 0x80 || p[i] > 0xbf) {
            return 0;
        }
    }

    return n;
}

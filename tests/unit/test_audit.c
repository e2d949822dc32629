/*
 * Audit records: the canonical line and its MAC (known answers computed
 * with the openssl CLI), key ids, rotate and checkpoint records, parsing
 * with several keys and tamper detection, a file's tail, the texts hash,
 * IP anonymisation and the text sanitiser.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "consent_audit.h"
#include "consent_cookie.h"


#define T(s)  "{\"en\": \"" s "\"}"

static const char  test_policy[] =
    "{\"revision\": 3, \"default_language\": \"en\","
    " \"categories\": ["
    "  {\"id\": \"necessary\", \"required\": true,"
    "   \"title\": " T("N") ", \"description\": " T("n") "},"
    "  {\"id\": \"preferences\","
    "   \"title\": " T("P") ", \"description\": " T("p") "},"
    "  {\"id\": \"analytics\","
    "   \"title\": " T("A") ", \"description\": " T("a") "},"
    "  {\"id\": \"marketing\", \"gpc\": true,"
    "   \"title\": " T("M") ", \"description\": " T("m") "}],"
    " \"services\": [{\"id\": \"yt\", \"name\": \"YouTube\","
    "  \"category\": \"marketing\", \"provider\": \"Google\","
    "  \"match\": {\"src\": [\"^https://yt\\\\.example/\"]}}],"
    " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\","
    "  \"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\","
    "  \"save\": \"s\", \"policy_link\": \"l\"}}}";

/* printf 'ngx_consent audit key' | openssl dgst -sha256 -hmac SECRET */
static const char  test_secret[] = "0123456789abcdef0123456789abcdef";
static const char  test_key_hex[] =
    "665bf1b87c7152ddc43f0e92818e0f20c53ffac0b0ec770509c537722d5d751d";

#define PREV_HEX \
    "1111111111111111111111111111111111111111111111111111111111111111"
#define TEXTS_HEX \
    "2222222222222222222222222222222222222222222222222222222222222222"

/* printf 'ngx_consent audit key id' | openssl dgst -sha256 -mac HMAC
 * -macopt hexkey:KEY, the first 4 bytes */
#define KEY_ID  "3f12d7d7"

/* printf '%s%s' PREV_HEX BODY | openssl dgst -sha256 -mac HMAC ... */
static const char  expected_line[] =
    "{\"ts\":\"2026-11-26T20:00:00.123Z\",\"seq\":42,\"node\":\"web-1\","
    "\"key\":\"" KEY_ID "\","
    "\"id\":\"000102030405060708090a0b0c0d0e0f\",\"action\":\"accept_all\","
    "\"granted\":[\"necessary\",\"analytics\"],"
    "\"denied\":[\"preferences\",\"marketing\"],"
    "\"granted_services\":[\"yt\"],\"decided\":true,\"revision\":3,"
    "\"texts\":\"" TEXTS_HEX "\",\"lang\":\"en\",\"region\":null,"
    "\"mode\":null,"
    "\"gpc\":false,\"source\":\"banner\",\"ip\":\"203.0.113.0\","
    "\"ua\":\"Mozilla/5.0\",\"prev\":\"" PREV_HEX "\","
    "\"mac\":\"4b6827d80e917b1c72e97f4b00c365de"
    "3af167501680af33881bb3ef3bb6e13b\"}\n";

/* A record of 2025, before key ids and texts: still parsed and verified. */
static const char  legacy_line[] =
    "{\"ts\":\"2026-11-26T20:00:00.123Z\",\"seq\":42,\"node\":\"web-1\","
    "\"id\":\"000102030405060708090a0b0c0d0e0f\",\"action\":\"accept_all\","
    "\"granted\":[\"necessary\",\"analytics\"],"
    "\"denied\":[\"preferences\",\"marketing\"],\"revision\":3,"
    "\"gpc\":false,\"source\":\"banner\",\"ip\":\"203.0.113.0\","
    "\"ua\":\"Mozilla/5.0\",\"prev\":\"" PREV_HEX "\","
    "\"mac\":\"bc3c6ffd83d6ce4bf8a5f7e9ca7520a5"
    "e13b748d866b105c0373b6ca9885460f\"}";


static consent_policy_t     *policy;
static unsigned char         key[CONSENT_AUDIT_MAC_LEN];
static unsigned char         other[CONSENT_AUDIT_MAC_LEN];
static consent_audit_key_t   akey, okey;
static consent_services_t    services;      /* granted alone: yt */
static unsigned char         id[CONSENT_ID_LEN];
static unsigned char         texts_hash[CONSENT_AUDIT_MAC_LEN];


static void
entry_init(consent_audit_entry_t *e)
{
    size_t  i;

    for (i = 0; i < CONSENT_ID_LEN; i++) {
        id[i] = (unsigned char) i;
    }

    memset(e, 0, sizeof(*e));
    memset(&services, 0, sizeof(services));
    consent_services_add(&services, policy->services[0].hash);
    e->services = &services;
    e->decided = 1;
    e->ts_ms = 1795723200123ULL;
    e->seq = 42;
    e->node = "web-1";
    e->id = id;
    e->action = "accept_all";
    e->granted = 1u << 0 | 1u << 2;
    e->denied = 1u << 1 | 1u << 3;
    e->revision = 3;
    memset(texts_hash, 0x22, sizeof(texts_hash));
    e->texts = texts_hash;
    e->lang = "en";
    e->gpc = 0;
    e->source = "banner";
    e->ip = "203.0.113.0";
    e->ua = "Mozilla/5.0";
    e->ua_len = strlen(e->ua);
    memset(e->prev, 0x11, sizeof(e->prev));
}


static consent_audit_status_t
parse(const char *line, size_t len, consent_audit_record_t *record)
{
    consent_audit_status_t  status;

    status = consent_audit_parse(line, len, &akey, 1, record);
    json_decref(record->root);
    record->root = NULL;

    return status;
}


static void
test_line(void)
{
    char                    *line, *copy, *p, hex[CONSENT_AUDIT_HEX_LEN + 1];
    char                     copy_legacy[sizeof(legacy_line)];
    size_t                   len;
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
    consent_audit_entry_t    e;
    consent_audit_record_t   record;

    entry_init(&e);

    line = consent_audit_line(policy, &e, &akey, mac, &len);
    ok(line != NULL, "line built");
    if (line == NULL) {
        return;
    }

    is_str(line, expected_line, "line is the canonical record with its MAC");
    is_int(len, strlen(expected_line), "length returned");
    consent_hex(mac, sizeof(mac), hex);
    ok(strstr(line, hex) != NULL, "mac returned is the one in the line");

    /* parsing takes the line without its newline */
    len--;

    is_int(consent_audit_parse(line, len, &akey, 1, &record),
           CONSENT_AUDIT_OK, "line verifies");
    is_int(record.seq, 42, "seq parsed");
    is_str(record.id, "000102030405060708090a0b0c0d0e0f", "id parsed");
    is_str(record.action, "accept_all", "action parsed");
    is_str(record.ts, "2026-11-26T20:00:00.123Z", "ts parsed");
    ok(memcmp(record.prev, e.prev, sizeof(e.prev)) == 0, "prev parsed");
    ok(memcmp(record.mac, mac, sizeof(mac)) == 0, "mac parsed");
    json_decref(record.root);

    is_int(consent_audit_parse(line, len, NULL, 0, &record),
           CONSENT_AUDIT_OK, "parses without a key");
    json_decref(record.root);

    is_int(consent_audit_parse(line, len, &okey, 1, &record),
           CONSENT_AUDIT_NO_KEY, "a key of another id is not tried");
    json_decref(record.root);

    /* another key claiming this key's id: the MAC decides */
    {
        consent_audit_key_t  forged;

        forged = okey;
        memcpy(forged.id, akey.id, sizeof(forged.id));
        is_int(consent_audit_parse(line, len, &forged, 1, &record),
               CONSENT_AUDIT_BAD_MAC, "another key with the same id fails");
        json_decref(record.root);
    }

    {
        consent_audit_key_t  both[2];

        both[0] = okey;
        both[1] = akey;
        is_int(consent_audit_parse(line, len, both, 2, &record),
               CONSENT_AUDIT_OK, "the key of the record's id among several");
        is_int(record.key, 1, "which key verified");
        ok(record.has_key_id && memcmp(record.key_id, akey.id, 4) == 0,
           "key id parsed");
        json_decref(record.root);
    }

    memcpy(copy_legacy, legacy_line, sizeof(legacy_line));
    is_int(consent_audit_parse(copy_legacy, sizeof(legacy_line) - 1,
                               &okey, 1, &record),
           CONSENT_AUDIT_BAD_MAC, "legacy record: a wrong key fails");
    json_decref(record.root);
    {
        consent_audit_key_t  both[2];

        both[0] = okey;
        both[1] = akey;
        is_int(consent_audit_parse(copy_legacy, sizeof(legacy_line) - 1,
                                   both, 2, &record),
               CONSENT_AUDIT_OK, "legacy record (no key id): every key tried");
        ok(!record.has_key_id, "legacy record has no key id");
        is_int(record.type, CONSENT_AUDIT_DECISION, "legacy: a decision");
        json_decref(record.root);
    }

    copy = malloc(len + 1);
    if (copy == NULL) {
        ok(0, "out of memory");
        free(line);
        return;
    }

    memcpy(copy, line, len + 1);
    p = strstr(copy, "accept_all");
    memcpy(p, "reject_all", 10);
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_MAC,
           "edited action detected");

    memcpy(copy, line, len + 1);
    p = strstr(copy, "\"seq\":42");
    p[7] = '3';
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_MAC,
           "edited seq detected");

    memcpy(copy, line, len + 1);
    p = strstr(copy, "\"prev\":\"1");
    p[8] = '2';
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_MAC,
           "edited prev detected");

    memcpy(copy, line, len + 1);
    copy[len - 3] = copy[len - 3] == '0' ? '1' : '0';
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_MAC,
           "edited mac detected");

    memcpy(copy, line, len + 1);
    p = strstr(copy, "web-1");
    p[4] = '2';
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_MAC,
           "edited node detected");

    is_int(parse(line, len - 1, &record), CONSENT_AUDIT_BAD_JSON,
           "truncated line is broken JSON");
    is_int(parse("", 0, &record), CONSENT_AUDIT_BAD_JSON,
           "empty line is broken JSON");
    is_int(parse("[1,2]", 5, &record), CONSENT_AUDIT_BAD_JSON,
           "an array is not a record");

    memcpy(copy, line, len + 1);
    p = strstr(copy, "\"ua\":");
    memcpy(p, "\"xx\"", 4);
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_RECORD,
           "a missing field is not a record");

    memcpy(copy, line, len + 1);
    p = strstr(copy, "\"gpc\":false");
    memcpy(p, "\"gpc\":0    ", 11);
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_RECORD,
           "a field of the wrong type is not a record");

    memcpy(copy, line, len + 1);
    p = strstr(copy, "\"decided\":true");
    memcpy(p, "\"decided\":1   ", 14);
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_RECORD,
           "decided must be a boolean");

    memcpy(copy, line, len + 1);
    p = strstr(copy, "[\"yt\"]");
    memcpy(p, "\"yt\"  ", 6);
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_RECORD,
           "granted_services must be a list of ids");

    memcpy(copy, line, len + 1);
    p = strstr(copy, "\"yt\"");
    p[1] = 'x';
    is_int(parse(copy, len, &record), CONSENT_AUDIT_BAD_MAC,
           "an edited service grant is detected");

    free(copy);
    free(line);

    /* "mac" must be last: the same members in another order are refused */
    {
        static const char  moved[] =
            "{\"mac\":\"0f1ee186dafd615dd960554d7409c5a1"
            "f273c612e7fd737ce21a21add3d7d3a4\","
            "\"ts\":\"2026-11-26T20:00:00.123Z\",\"seq\":42,"
            "\"node\":\"web-1\",\"key\":\"" KEY_ID "\","
            "\"id\":\"000102030405060708090a0b0c0d0e0f\","
            "\"action\":\"accept_all\","
            "\"granted\":[\"necessary\",\"analytics\"],"
            "\"denied\":[\"preferences\",\"marketing\"],\"revision\":3,"
            "\"texts\":\"" TEXTS_HEX "\",\"lang\":\"en\","
            "\"region\":null,\"mode\":null,"
            "\"gpc\":false,\"source\":\"banner\",\"ip\":\"203.0.113.0\","
            "\"ua\":\"Mozilla/5.0\",\"prev\":\"" PREV_HEX "\"}";

        is_int(parse(moved, sizeof(moved) - 1, &record),
               CONSENT_AUDIT_BAD_RECORD, "mac not last is refused");
    }
}


static void
test_null_fields(void)
{
    char                    *line;
    size_t                   len;
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
    consent_audit_entry_t    e;
    consent_audit_record_t   record;

    entry_init(&e);
    e.ip = NULL;
    e.ua = NULL;
    e.texts = NULL;
    e.lang = NULL;
    e.region = "DE-BY";
    e.mode = "opt-in";

    line = consent_audit_line(policy, &e, &akey, mac, &len);
    ok(line && strstr(line, "\"ip\":null,\"ua\":null,") != NULL,
       "ip and ua recorded as null when absent");
    ok(line && strstr(line, "\"texts\":null,\"lang\":null,"
                            "\"region\":\"DE-BY\",\"mode\":\"opt-in\",")
               != NULL,
       "texts and lang null when absent; region and mode when given");
    if (line) {
        is_int(parse(line, len - 1, &record), CONSENT_AUDIT_OK,
               "record with nulls verifies");
    }

    free(line);
}


static void
test_chain(void)
{
    int                      i;
    char                    *line;
    size_t                   len;
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
    consent_audit_entry_t    e;
    consent_audit_record_t   record;

    entry_init(&e);
    memset(e.prev, 0, sizeof(e.prev));

    for (i = 1; i <= 3; i++) {
        e.seq = i;
        line = consent_audit_line(policy, &e, &akey, mac, &len);
        if (line == NULL) {
            ok(0, "out of memory");
            return;
        }

        is_int(consent_audit_parse(line, len - 1, &akey, 1, &record),
               CONSENT_AUDIT_OK, "chain record %d verifies", i);
        ok(memcmp(record.prev, e.prev, sizeof(e.prev)) == 0,
           "chain record %d links to the previous mac", i);
        json_decref(record.root);
        free(line);

        memcpy(e.prev, mac, sizeof(mac));
    }
}


static void
test_text(void)
{
    char    out[CONSENT_AUDIT_UA_MAX + 1], in[400];
    size_t  n;

    n = consent_audit_text("Mozilla/5.0 (X11)", 17, CONSENT_AUDIT_UA_MAX,
                           out);
    is_str(out, "Mozilla/5.0 (X11)", "plain text kept");
    is_int(n, 17, "plain text length");

    memset(in, 'a', sizeof(in));
    n = consent_audit_text(in, sizeof(in), CONSENT_AUDIT_UA_MAX, out);
    is_int(n, CONSENT_AUDIT_UA_MAX, "long text capped");

    memset(in, 'a', 255);
    memcpy(in + 255, "\xc3\xa9", 2);
    n = consent_audit_text(in, 257, CONSENT_AUDIT_UA_MAX, out);
    is_int(n, 255, "a character crossing the cap is dropped whole");

    n = consent_audit_text("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8d\xaa", 14,
                           64, out);
    is_str(out, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8d\xaa",
           "valid UTF-8 kept");

    consent_audit_text("a\xff" "b\xc3" "c\xc0\xaf" "d", 8, 64, out);
    is_str(out, "a?b?c??d", "invalid bytes replaced");

    consent_audit_text("\xed\xa0\x80x\xf4\x90\x80\x80", 8, 64, out);
    is_str(out, "???x????", "surrogates and > U+10FFFF replaced");

    consent_audit_text("a\r\nb\0c\x7f", 7, 64, out);
    is_str(out, "a??b?c?", "controls replaced");
}


static void
test_ip(void)
{
    size_t  i;
    char    out[CONSENT_AUDIT_IP_LEN];

    static const struct {
        const char  *in;
        int          mode;
        const char  *want;    /* NULL: nothing recorded */
    } cases[] = {
        { "203.0.113.77", CONSENT_AUDIT_IP_TRUNCATE, "203.0.113.0" },
        { "203.0.113.77", CONSENT_AUDIT_IP_FULL, "203.0.113.77" },
        { "203.0.113.77", CONSENT_AUDIT_IP_OFF, NULL },
        { "2001:db8:1234:5678:9abc::1", CONSENT_AUDIT_IP_TRUNCATE,
          "2001:db8:1234::" },
        { "2001:db8:1234:5678:9abc::1", CONSENT_AUDIT_IP_FULL,
          "2001:db8:1234:5678:9abc::1" },
        { "::1", CONSENT_AUDIT_IP_TRUNCATE, "::" },
        { "::ffff:198.51.100.9", CONSENT_AUDIT_IP_TRUNCATE, "198.51.100.0" },
        { "::ffff:198.51.100.9", CONSENT_AUDIT_IP_FULL, "198.51.100.9" },
        { "unix:", CONSENT_AUDIT_IP_TRUNCATE, NULL },
        { "", CONSENT_AUDIT_IP_FULL, NULL },
        { "203.0.113", CONSENT_AUDIT_IP_TRUNCATE, NULL },
        { "1234:5678:9abc:def0:1234:5678:9abc:def0:1234",
          CONSENT_AUDIT_IP_TRUNCATE, NULL },
    };

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (cases[i].want == NULL) {
            is_int(consent_audit_ip(cases[i].in, strlen(cases[i].in),
                                    cases[i].mode, out), -1,
                   "ip \"%s\" mode %d: not recorded", cases[i].in,
                   cases[i].mode);
            continue;
        }

        is_int(consent_audit_ip(cases[i].in, strlen(cases[i].in),
                                cases[i].mode, out), 0,
               "ip \"%s\" mode %d recorded", cases[i].in, cases[i].mode);
        is_str(out, cases[i].want, "ip \"%s\" mode %d", cases[i].in,
               cases[i].mode);
    }
}


static int
write_file(const char *path, const char *data, size_t len)
{
    FILE  *f;
    int    rc;

    f = fopen(path, "w");
    if (f == NULL) {
        return -1;
    }

    rc = fwrite(data, 1, len, f) == len ? 0 : -1;

    if (fclose(f) != 0) {
        rc = -1;
    }

    return rc;
}


static void
test_tail(void)
{
    int                     i;
    char                    path[] = "/tmp/test_audit_XXXXXX", *line, *buf;
    size_t                  len, used, size;
    unsigned char           mac[CONSENT_AUDIT_MAC_LEN];
    unsigned char           last[CONSENT_AUDIT_MAC_LEN];
    unsigned char           second[CONSENT_AUDIT_MAC_LEN];
    consent_audit_end_t     end;
    consent_audit_entry_t   e;

    i = mkstemp(path);
    if (i == -1) {
        ok(0, "mkstemp");
        return;
    }

    close(i);

    is_int(consent_audit_tail(path, &end), 0, "empty file: no record");

    size = 200 * 1024;
    buf = malloc(size);
    if (buf == NULL) {
        ok(0, "out of memory");
        unlink(path);
        return;
    }

    entry_init(&e);
    memset(e.prev, 0, sizeof(e.prev));
    used = 0;

    for (i = 1; used + 2048 < size; i++) {
        e.seq = i;
        line = consent_audit_line(policy, &e, &akey, mac, &len);
        if (line == NULL) {
            ok(0, "out of memory");
            break;
        }

        memcpy(buf + used, line, len);
        used += len;
        free(line);

        if (i == 2) {
            memcpy(second, mac, sizeof(mac));
        }

        memcpy(e.prev, mac, sizeof(mac));
    }

    memcpy(last, mac, sizeof(mac));
    i--;

    ok(used > CONSENT_AUDIT_TAIL_MAX, "file larger than the tail window");

    write_file(path, buf, used);
    end.seq = 0;
    is_int(consent_audit_tail(path, &end), 1, "tail found");
    is_int(end.seq, i, "tail seq is the last record's");
    ok(end.has_key_id && memcmp(end.key_id, akey.id, 4) == 0,
       "tail key id is the last record's");
    ok(memcmp(end.mac, last, sizeof(mac)) == 0,
       "tail mac is the last record's");

    /* a torn final write (no newline) is skipped */
    memcpy(buf + used, "{\"ts\":\"2026", 11);
    write_file(path, buf, used + 11);
    end.seq = 0;
    is_int(consent_audit_tail(path, &end), 1, "tail after torn write");
    is_int(end.seq, i, "torn final line skipped");

    /* a final line that is not a record is skipped too */
    memcpy(buf + used, "garbage\n", 8);
    write_file(path, buf, used + 8);
    end.seq = 0;
    is_int(consent_audit_tail(path, &end), 1, "tail after garbage");
    is_int(end.seq, i, "garbage final line skipped");

    /* two records in a small file: the first line starts the file */
    line = strchr(buf, '\n');
    line = strchr(line + 1, '\n');
    write_file(path, buf, line + 1 - buf);
    is_int(consent_audit_tail(path, &end), 1, "small file tail");
    is_int(end.seq, 2, "small file: second record");
    ok(memcmp(end.mac, second, sizeof(mac)) == 0, "small file: second mac");

    /* a window without a line boundary holds no record */
    memset(buf, 'x', size);
    buf[size - 1] = '\n';
    write_file(path, buf, size);
    is_int(consent_audit_tail(path, &end), 0, "no record in window");

    unlink(path);
    is_int(consent_audit_tail(path, &end), 0, "missing file: none");

    is_int(consent_audit_tail("/proc/self/mem/x", &end), -1,
           "unreadable path: error");

    free(buf);
}


static void
test_rotate(void)
{
    char                    *line, hex[9];
    size_t                   len;
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
    consent_audit_key_t      both[2];
    consent_audit_end_t      end;
    consent_audit_record_t   record;

    end.seq = 7;
    memset(end.mac, 0x33, sizeof(end.mac));
    memcpy(end.key_id, akey.id, 4);
    end.has_key_id = 1;

    line = consent_audit_rotate_line(1795723200123ULL, "web-1", &end, &okey,
                                     mac, &len);
    ok(line != NULL, "rotate line built");
    if (line == NULL) {
        return;
    }

    consent_hex(akey.id, 4, hex);
    ok(strstr(line, "\"seq\":8,") != NULL, "rotate: the next seq");
    ok(strstr(line, "\"type\":\"rotate\"") != NULL, "rotate: its type");
    ok(strstr(line, hex) != NULL, "rotate: names the old key id");

    both[0] = akey;
    both[1] = okey;

    is_int(consent_audit_parse(line, len - 1, both, 2, &record),
           CONSENT_AUDIT_OK, "rotate verifies with the new key");
    is_int(record.type, CONSENT_AUDIT_ROTATE, "rotate: parsed type");
    is_int(record.key, 1, "rotate: signed by the new key");
    ok(memcmp(record.prev_key_id, akey.id, 4) == 0, "rotate: old key id");
    ok(memcmp(record.prev, end.mac, sizeof(end.mac)) == 0,
       "rotate: links to the old chain's last mac");
    json_decref(record.root);

    is_int(consent_audit_parse(line, len - 1, &akey, 1, &record),
           CONSENT_AUDIT_NO_KEY, "rotate: the old key alone cannot check it");
    json_decref(record.root);
    free(line);

    end.has_key_id = 0;
    line = consent_audit_rotate_line(1795723200123ULL, "web-1", &end, &okey,
                                     mac, &len);
    ok(line && strstr(line, "\"prev_key\":null") != NULL,
       "rotate after records without key id: prev_key null");
    if (line) {
        is_int(consent_audit_parse(line, len - 1, both, 2, &record),
               CONSENT_AUDIT_OK, "rotate with null prev_key verifies");
        json_decref(record.root);
    }

    free(line);
}


static void
test_checkpoint(void)
{
    int                      fd;
    char                    *line, *p, path[] = "/tmp/test_audit_XXXXXX";
    size_t                   len;
    json_t                  *removed;
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
    consent_audit_end_t      end, tail;
    consent_audit_record_t   record;

    removed = json_pack("{s:i,s:i,s:i}", "records", 5, "first_seq", 1,
                        "last_seq", 5);
    if (removed == NULL) {
        ok(0, "out of memory");
        return;
    }

    end.seq = 5;
    memset(end.mac, 0x44, sizeof(end.mac));
    end.has_key_id = 0;

    line = consent_audit_checkpoint_line(1795723200123ULL, "web-1",
                                         "2026-11-01", removed, &end, &akey,
                                         mac, &len);
    json_decref(removed);

    ok(line != NULL, "checkpoint line built");
    if (line == NULL) {
        return;
    }

    ok(strstr(line, "\"seq\":5,") != NULL,
       "checkpoint: the seq of the last removed record");

    is_int(consent_audit_parse(line, len - 1, &akey, 1, &record),
           CONSENT_AUDIT_OK, "checkpoint verifies");
    is_int(record.type, CONSENT_AUDIT_CHECKPOINT, "checkpoint: parsed type");
    ok(memcmp(record.prev, end.mac, sizeof(end.mac)) == 0,
       "checkpoint: prev is the last removed record's mac");
    json_decref(record.root);

    /* the chain continues from a file holding only the checkpoint */
    fd = mkstemp(path);
    if (fd == -1 || write(fd, line, len) != (ssize_t) len) {
        ok(0, "temporary file");

    } else {
        is_int(consent_audit_tail(path, &tail), 1, "checkpoint: tail found");
        is_int(tail.seq, 5, "checkpoint: tail seq");
        ok(memcmp(tail.mac, end.mac, sizeof(end.mac)) == 0,
           "checkpoint: the next record links to what it stands for");
    }

    if (fd != -1) {
        close(fd);
        unlink(path);
    }

    p = strstr(line, "\"records\":5");
    if (p) {
        p[10] = '4';
        is_int(parse(line, len - 1, &record), CONSENT_AUDIT_BAD_MAC,
               "checkpoint: an edited count is detected");
    }

    free(line);
}


static const char  service_policy[] =
    "{\"revision\": 4, \"default_language\": \"en\","
    " \"categories\": ["
    "  {\"id\": \"necessary\", \"required\": true,"
    "   \"title\": " T("N") ", \"description\": " T("n") "},"
    "  {\"id\": \"analytics\","
    "   \"title\": {\"en\": \"A\", \"de\": \"Statistik\"},"
    "   \"description\": " T("a") "}],"
    " \"services\": [{\"id\": \"ga\", \"name\": \"Google Analytics\","
    "   \"category\": \"analytics\", \"provider\": \"Google\","
    "   \"match\": {\"src\": [\"^https://ga\\\\.example/\"]},"
    "   \"cookies\": [{\"name\": \"^_ga$\", \"duration\": \"2 years\","
    "                  \"purpose\": " T("counts visits") "}]}],"
    " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\","
    "  \"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\","
    "  \"save\": \"s\", \"policy_link\": \"l\"},"
    "  \"de\": {\"title\": \"T\", \"body\": \"B\","
    "  \"accept_all\": \"A\", \"reject_all\": \"R\", \"customize\": \"C\","
    "  \"save\": \"S\", \"policy_link\": \"L\"}}}";


static void
test_texts(void)
{
    char               *line, *again, *de, hex[CONSENT_AUDIT_HEX_LEN + 1];
    char                err[256];
    size_t              len, again_len, de_len;
    json_t             *root;
    json_error_t        error;
    unsigned char       hash[CONSENT_AUDIT_MAC_LEN];
    unsigned char       hash2[CONSENT_AUDIT_MAC_LEN];
    unsigned char       hash_de[CONSENT_AUDIT_MAC_LEN];
    consent_policy_t   *sp;

    sp = consent_policy_load_buffer(service_policy,
                                    sizeof(service_policy) - 1,
                                    "service policy", NULL, err, sizeof(err));
    ok(sp != NULL, "texts: policy with a service loads");
    if (sp == NULL) {
        diag("%s", err);
        return;
    }

    line = consent_audit_texts(sp, "en", hash, &len);
    again = consent_audit_texts(sp, "en", hash2, &again_len);
    de = consent_audit_texts(sp, "de", hash_de, &de_len);

    ok(line && again && de, "texts built");

    if (line && again && de) {
        consent_hex(hash, sizeof(hash), hex);
        ok(strncmp(line, "{\"texts\":\"", 10) == 0
           && strncmp(line + 10, hex, CONSENT_AUDIT_HEX_LEN) == 0,
           "texts line starts with its hash");
        is_int(line[len - 1], '\n', "texts line ends with a newline");
        ok(len == again_len && memcmp(line, again, len) == 0
           && memcmp(hash, hash2, sizeof(hash)) == 0,
           "the same texts give the same line and hash");
        ok(memcmp(hash, hash_de, sizeof(hash)) != 0,
           "another language gives another hash");
        ok(strstr(de, "\"Statistik\"") != NULL, "German titles in German");

        ok(strstr(line, "\"title\":\"t\"") != NULL, "policy text shown");
        ok(strstr(line, "\"preferences_body\":\"Choose") != NULL,
           "built-in text shown");
        ok(strstr(line, "\"name\":\"Google Analytics\"") != NULL
           && strstr(line, "\"purpose\":\"counts visits\"") != NULL
           && strstr(line, "\"category\":\"analytics\"") != NULL,
           "the service, its cookie and category shown");

        root = json_loadb(line, len, 0, &error);
        ok(root != NULL, "texts line is JSON");
        is_int(consent_audit_texts_hash(json_object_get(root, "shown"),
                                        hash2), 0, "hash of shown computed");
        ok(memcmp(hash, hash2, sizeof(hash)) == 0,
           "the hash is the SHA-256 of the canonical shown");
        json_object_set_new(json_object_get(json_object_get(root, "shown"),
                                            "texts"),
                            "title", json_string("edited"));
        consent_audit_texts_hash(json_object_get(root, "shown"), hash2);
        ok(memcmp(hash, hash2, sizeof(hash)) != 0,
           "an edited text changes the hash");
        json_decref(root);
    }

    free(line);
    free(again);
    free(de);
    consent_policy_free(sp);
}


int
main(void)
{
    char           err[256], hex[CONSENT_AUDIT_HEX_LEN + 1];
    unsigned char  raw[4];

    policy = consent_policy_load_buffer(test_policy, sizeof(test_policy) - 1,
                                        "test policy", NULL, err, sizeof(err));
    ok(policy != NULL, "test policy loads");
    if (policy == NULL) {
        diag("%s", err);
        return done_testing();
    }

    is_int(consent_audit_key_derive((unsigned char *) test_secret,
                                    sizeof(test_secret) - 1, key), 0,
           "audit key derived");
    consent_hex(key, sizeof(key), hex);
    is_str(hex, test_key_hex, "derived key matches openssl");

    akey.key = key;
    akey.len = sizeof(key);
    is_int(consent_audit_key_init(&akey), 0, "key id computed");
    consent_hex(akey.id, 4, hex);
    is_str(hex, KEY_ID, "key id matches openssl");

    memset(other, 0x5a, sizeof(other));
    okey.key = other;
    okey.len = sizeof(other);
    consent_audit_key_init(&okey);

    is_int(consent_audit_unhex("00ff7a10", 8, raw, 4), 0, "unhex");
    ok(raw[1] == 0xff && raw[2] == 0x7a, "unhex bytes");
    is_int(consent_audit_unhex("00FF7a10", 8, raw, 4), -1,
           "unhex refuses uppercase (records are lowercase)");
    is_int(consent_audit_unhex("00ff7a1", 7, raw, 4), -1,
           "unhex refuses a short string");

    test_line();
    test_null_fields();
    test_chain();
    test_text();
    test_ip();
    test_tail();
    test_rotate();
    test_checkpoint();
    test_texts();

    consent_policy_free(policy);

    return done_testing();
}

/*
 * Audit records: the canonical line and its MAC (known answers computed
 * with the openssl CLI), parsing and tamper detection, a file's tail, IP
 * anonymisation and the text sanitiser.
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
    " \"services\": [],"
    " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\","
    "  \"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\","
    "  \"save\": \"s\", \"policy_link\": \"l\"}}}";

/* printf 'ngx_consent audit key' | openssl dgst -sha256 -hmac SECRET */
static const char  test_secret[] = "0123456789abcdef0123456789abcdef";
static const char  test_key_hex[] =
    "665bf1b87c7152ddc43f0e92818e0f20c53ffac0b0ec770509c537722d5d751d";

#define PREV_HEX \
    "1111111111111111111111111111111111111111111111111111111111111111"

/* printf '%s%s' PREV_HEX BODY | openssl dgst -sha256 -mac HMAC ... */
static const char  expected_line[] =
    "{\"ts\":\"2026-11-26T20:00:00.123Z\",\"seq\":42,\"node\":\"web-1\","
    "\"id\":\"000102030405060708090a0b0c0d0e0f\",\"action\":\"accept_all\","
    "\"granted\":[\"necessary\",\"analytics\"],"
    "\"denied\":[\"preferences\",\"marketing\"],\"revision\":3,"
    "\"gpc\":false,\"source\":\"banner\",\"ip\":\"203.0.113.0\","
    "\"ua\":\"Mozilla/5.0\",\"prev\":\"" PREV_HEX "\","
    "\"mac\":\"bc3c6ffd83d6ce4bf8a5f7e9ca7520a5"
    "e13b748d866b105c0373b6ca9885460f\"}\n";


static consent_policy_t  *policy;
static unsigned char      key[CONSENT_AUDIT_MAC_LEN];
static unsigned char      id[CONSENT_ID_LEN];


static void
entry_init(consent_audit_entry_t *e)
{
    size_t  i;

    for (i = 0; i < CONSENT_ID_LEN; i++) {
        id[i] = (unsigned char) i;
    }

    memset(e, 0, sizeof(*e));
    e->ts_ms = 1795723200123ULL;
    e->seq = 42;
    e->node = "web-1";
    e->id = id;
    e->action = "accept_all";
    e->granted = 1u << 0 | 1u << 2;
    e->denied = 1u << 1 | 1u << 3;
    e->revision = 3;
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

    status = consent_audit_parse(line, len, key, sizeof(key), record);
    json_decref(record->root);
    record->root = NULL;

    return status;
}


static void
test_line(void)
{
    char                    *line, *copy, *p, hex[CONSENT_AUDIT_HEX_LEN + 1];
    size_t                   len;
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
    consent_audit_entry_t    e;
    consent_audit_record_t   record;

    entry_init(&e);

    line = consent_audit_line(policy, &e, key, sizeof(key), mac, &len);
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

    is_int(consent_audit_parse(line, len, key, sizeof(key), &record),
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

    is_int(consent_audit_parse(line, len, (unsigned char *) "other key", 9,
                               &record),
           CONSENT_AUDIT_BAD_MAC, "another key fails");
    json_decref(record.root);

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

    free(copy);
    free(line);

    /* "mac" must be last: the same members in another order are refused */
    {
        static const char  moved[] =
            "{\"mac\":\"bc3c6ffd83d6ce4bf8a5f7e9ca7520a5"
            "e13b748d866b105c0373b6ca9885460f\","
            "\"ts\":\"2026-11-26T20:00:00.123Z\",\"seq\":42,"
            "\"node\":\"web-1\","
            "\"id\":\"000102030405060708090a0b0c0d0e0f\","
            "\"action\":\"accept_all\","
            "\"granted\":[\"necessary\",\"analytics\"],"
            "\"denied\":[\"preferences\",\"marketing\"],\"revision\":3,"
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

    line = consent_audit_line(policy, &e, key, sizeof(key), mac, &len);
    ok(line && strstr(line, "\"ip\":null,\"ua\":null,") != NULL,
       "ip and ua recorded as null when absent");
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
        line = consent_audit_line(policy, &e, key, sizeof(key), mac, &len);
        if (line == NULL) {
            ok(0, "out of memory");
            return;
        }

        is_int(consent_audit_parse(line, len - 1, key, sizeof(key), &record),
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
    uint64_t                seq;
    unsigned char           mac[CONSENT_AUDIT_MAC_LEN];
    unsigned char           last[CONSENT_AUDIT_MAC_LEN];
    unsigned char           second[CONSENT_AUDIT_MAC_LEN];
    consent_audit_entry_t   e;

    i = mkstemp(path);
    if (i == -1) {
        ok(0, "mkstemp");
        return;
    }

    close(i);

    is_int(consent_audit_tail(path, &seq, mac), 0, "empty file: no record");

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
        line = consent_audit_line(policy, &e, key, sizeof(key), mac, &len);
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
    seq = 0;
    is_int(consent_audit_tail(path, &seq, mac), 1, "tail found");
    is_int(seq, i, "tail seq is the last record's");
    ok(memcmp(mac, last, sizeof(mac)) == 0, "tail mac is the last record's");

    /* a torn final write (no newline) is skipped */
    memcpy(buf + used, "{\"ts\":\"2026", 11);
    write_file(path, buf, used + 11);
    seq = 0;
    is_int(consent_audit_tail(path, &seq, mac), 1, "tail after torn write");
    is_int(seq, i, "torn final line skipped");

    /* a final line that is not a record is skipped too */
    memcpy(buf + used, "garbage\n", 8);
    write_file(path, buf, used + 8);
    seq = 0;
    is_int(consent_audit_tail(path, &seq, mac), 1, "tail after garbage");
    is_int(seq, i, "garbage final line skipped");

    /* two records in a small file: the first line starts the file */
    line = strchr(buf, '\n');
    line = strchr(line + 1, '\n');
    write_file(path, buf, line + 1 - buf);
    is_int(consent_audit_tail(path, &seq, mac), 1, "small file tail");
    is_int(seq, 2, "small file: second record");
    ok(memcmp(mac, second, sizeof(mac)) == 0, "small file: second mac");

    /* a window without a line boundary holds no record */
    memset(buf, 'x', size);
    buf[size - 1] = '\n';
    write_file(path, buf, size);
    is_int(consent_audit_tail(path, &seq, mac), 0, "no record in window");

    unlink(path);
    is_int(consent_audit_tail(path, &seq, mac), 0, "missing file: none");

    is_int(consent_audit_tail("/proc/self/mem/x", &seq, mac), -1,
           "unreadable path: error");

    free(buf);
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

    consent_policy_free(policy);

    return done_testing();
}

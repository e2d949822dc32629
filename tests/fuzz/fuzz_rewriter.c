/*
 * libFuzzer target for the core rewriter.  The first two bytes choose the
 * consent (granted categories), inline_max and a seed for the buffer
 * splits; the rest is the document.  Asserts: the output for random splits
 * (and 1-byte buffers for small inputs) equals the one-buffer output, every
 * from_input reference lies in the buffer being fed (rewrite_util.h),
 * nothing fails, and valid UTF-8 in gives valid UTF-8 out.  Build and run:
 * tests/fuzz/run.sh SECONDS.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "consent_render.h"
#include "rewrite_util.h"

static consent_policy_t  *fuzz_policy;

static const char  fuzz_policy_json[] =
    "{\"revision\": 1, \"default_language\": \"en\","
    " \"categories\": ["
    "  {\"id\": \"necessary\", \"required\": true, \"title\": {\"en\": \"N\"},"
    "   \"description\": {\"en\": \"N\"}},"
    "  {\"id\": \"analytics\", \"title\": {\"en\": \"A\"},"
    "   \"description\": {\"en\": \"A\"}},"
    "  {\"id\": \"marketing\", \"title\": {\"en\": \"M\"},"
    "   \"description\": {\"en\": \"M\"}}],"
    " \"services\": ["
    "  {\"id\": \"ga\", \"name\": \"GA\", \"category\": \"analytics\","
    "   \"provider\": \"G\", \"privacy_url\": \"https://g.example/\","
    "   \"match\": {\"src\":"
    "              [\"^https?://(?:www\\\\.)?googletagmanager\\\\.com/\"],"
    "             \"inline\": [\"gtag\\\\(\"]}},"
    "  {\"id\": \"px\", \"name\": \"Pixel\", \"category\": \"marketing\","
    "   \"provider\": \"F\", \"privacy_url\": \"https://f.example/\","
    "   \"match\": {\"src\": [\"^https?://www\\\\.facebook\\\\.com/tr\","
    "                       \"^https?://i\\\\.ytimg\\\\.com/\"],"
    "             \"inline\": [\"fbq\\\\(\"]}}],"
    " \"texts\": {\"en\": {\"title\": \"t\", \"body\": \"b\","
    "  \"accept_all\": \"a\", \"reject_all\": \"r\", \"customize\": \"c\","
    "  \"save\": \"s\", \"policy_link\": \"p\"}}}";


int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char  err[512];

    (void) argc;
    (void) argv;

    fuzz_policy = consent_policy_load_buffer(fuzz_policy_json,
                                             sizeof(fuzz_policy_json) - 1,
                                             "fuzz", NULL, err,
                                             sizeof(err));
    if (fuzz_policy == NULL) {
        fprintf(stderr, "fuzz policy: %s\n", err);
        abort();
    }

    return 0;
}


static int
fuzz_utf8_valid(const unsigned char *p, size_t len)
{
    size_t    i, n, k;
    uint32_t  cp;

    for (i = 0; i < len; i += n) {
        if (p[i] < 0x80) {
            n = 1;
            continue;
        }

        n = (p[i] & 0xE0) == 0xC0 ? 2 : (p[i] & 0xF0) == 0xE0 ? 3
            : (p[i] & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || i + n > len) {
            return 0;
        }

        cp = p[i] & (0x7F >> n);
        for (k = 1; k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }

        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800)
            || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
        {
            return 0;
        }
    }

    return 1;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t                   len, whole_len, ncuts, at, *cuts;
    uint32_t                 seed;
    unsigned char           *whole;
    const unsigned char     *in;
    consent_render_ctx_t     rc;
    consent_rewriter_conf_t  conf;

    static const size_t  inline_max[] = { 0, 1, 8, 64, 65536 };

    if (size < 2) {
        return 0;
    }

    in = data + 2;
    len = size - 2;
    seed = (uint32_t) data[1] * 2654435761u + 1;

    memset(&conf, 0, sizeof(conf));
    conf.policy = fuzz_policy;
    conf.granted = 1 | (data[0] & 0x06);
    conf.inline_max = inline_max[(data[0] >> 3) % 5];
    conf.marker.p = (const unsigned char *) "m";
    conf.marker.len = data[0] >> 7;
    conf.head_start.p = (const unsigned char *) "<meta name=x>";
    conf.head_start.len = 13;
    conf.head_end.p = (const unsigned char *) "<link rel=stylesheet href=/c>";
    conf.head_end.len = 29;
    conf.body_start.p = (const unsigned char *) "<div id=banner></div>";
    conf.body_start.len = 21;

    /* the placeholders of blocked frames, as the filter renders them */
    memset(&rc, 0, sizeof(rc));
    rc.policy = fuzz_policy;
    rc.lang = "en";
    rc.api_path = "/_consent/";
    rc.return_to = "/page?a=1&b=\"2\"";
    rc.marker = "m";
    conf.placeholder = consent_render_placeholder;
    conf.placeholder_data = &rc;

    whole = rw_run(&conf, in, len, NULL, 0, &whole_len, NULL);
    if (whole == NULL) {
        fprintf(stderr, "one-buffer rewrite failed\n");
        abort();
    }

    if (fuzz_utf8_valid(in, len) && !fuzz_utf8_valid(whole, whole_len)) {
        fprintf(stderr, "valid UTF-8 in, invalid UTF-8 out\n");
        abort();
    }

    cuts = malloc((len + 1) * sizeof(size_t));
    if (cuts == NULL) {
        free(whole);
        return 0;
    }

    /* random splits, from 1-byte to large pieces */
    ncuts = 0;
    at = 0;
    for ( ;; ) {
        seed = seed * 1103515245u + 12345u;
        at += 1 + (seed >> 16) % ((data[0] & 0x80) ? 4096 : 16);
        if (at >= len) {
            break;
        }
        cuts[ncuts++] = at;
    }

    if (!rw_same(&conf, in, len, cuts, ncuts, whole, whole_len)) {
        fprintf(stderr, "random split output differs\n");
        abort();
    }

    if (len > 1 && len <= 8192) {
        for (at = 1; at < len; at++) {
            cuts[at - 1] = at;
        }
        if (!rw_same(&conf, in, len, cuts, len - 1, whole, whole_len)) {
            fprintf(stderr, "1-byte buffers output differs\n");
            abort();
        }
    }

    free(cuts);
    free(whole);

    return 0;
}

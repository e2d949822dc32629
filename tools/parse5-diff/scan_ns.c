/*
 * For tools/parse5-diff.sh: reads NUL-separated documents from FILE and
 * prints, one line per document, "offset:namespace" of every start tag
 * consent_scanner reports (tree = 1, all_tags = 1), fed in buffers of STEP
 * bytes (0: whole).
 *   scan_ns FILE [STEP]
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "consent_scanner.h"


int
main(int argc, char **argv)
{
    FILE                  *f;
    char                  *buf;
    size_t                 len, pos, dl, off, n, step, cap;
    consent_scanner_t     *sc;
    consent_scan_event_e   ev;

    if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) {
        fprintf(stderr, "usage: scan_ns FILE [STEP]\n");
        return 2;
    }

    cap = (size_t) 1 << 27;
    buf = malloc(cap + 1);
    sc = malloc(sizeof(consent_scanner_t));
    if (buf == NULL || sc == NULL) {
        return 1;
    }

    len = fread(buf, 1, cap, f);
    fclose(f);
    buf[len] = '\0';
    step = argc > 2 ? (size_t) strtoul(argv[2], NULL, 10) : 0;

    for (pos = 0; pos < len; pos += dl + 1) {
        dl = strlen(buf + pos);
        consent_scanner_init(sc, 1);
        sc->all_tags = 1;

        for (off = 0; off < dl || off == 0; off += n) {
            n = step && dl - off > step ? step : dl - off;
            consent_scanner_feed(sc, (unsigned char *) buf + pos + off, n);

            while ((ev = consent_scanner_next(sc)) != CONSENT_SCAN_MORE) {
                if (ev == CONSENT_SCAN_TAG && !sc->tag.is_end) {
                    printf("%llu:%d ", (unsigned long long) sc->tag.start,
                           sc->tag.ns);
                }
            }

            if (n == 0) {
                break;
            }
        }

        printf("\n");
    }

    free(sc);
    free(buf);
    return 0;
}

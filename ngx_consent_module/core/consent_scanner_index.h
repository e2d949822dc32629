#ifndef CONSENT_SCANNER_INDEX_H
#define CONSENT_SCANNER_INDEX_H

/*
 * The scanner's structural index: for one 64-byte block of the buffer at a
 * time, a bit per byte for each character that can end a run the scanner
 * walks over ('<', '>', quotes, '=', '/', whitespace): one mask per kind
 * of run.  A run then ends at
 * the lowest set bit of a few OR'ed masks instead of a test per byte.  The
 * blocks are found with SIMD where the CPU has it (see
 * consent_scanner_simd()); every implementation sets the same bits.
 */

#include "consent_scanner.h"

/* What consent_ix_find() looks for: one mask of the index each. */
#define IX_LT        0    /* '<' */
#define IX_GT        1    /* '>' */
#define IX_DQ        2    /* '"' */
#define IX_SQ        3    /* '\'' */
#define IX_NAME_END  4    /* ends a tag name: \t \n \f \r space / > */
#define IX_ATTR_END  5    /* ends an attribute name: those and = */
#define IX_UNQ_END   6    /* ends an unquoted value: whitespace and > */

/*
 * Chooses the implementation once per process: CONSENT_SCAN_SIMD=scalar,
 * sse2 or avx2 in the environment (tests), else the best the CPU has.
 */
void consent_ix_init(void);

/* consent_ix_find() past the indexed block. */
const unsigned char *consent_ix_find_next(consent_scanner_t *sc,
    const unsigned char *p, unsigned kind);

/* The first byte of that kind at or after p, or sc->end. */
static inline const unsigned char *
consent_ix_find(consent_scanner_t *sc, const unsigned char *p, unsigned kind)
{
    size_t                 off;
    uint64_t               m;
    consent_scan_index_t  *ix;

    off = (size_t) (p - sc->buf);
    ix = &sc->ix[(off >> 6) & 1];

    if (ix->block == p - (off & 63)) {
        m = ix->mask[kind] >> (off & 63);
        if (m) {
            return p + __builtin_ctzll(m);
        }
    }

    return consent_ix_find_next(sc, p, kind);
}

#endif /* CONSENT_SCANNER_INDEX_H */

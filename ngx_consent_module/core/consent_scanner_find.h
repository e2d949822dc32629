#ifndef CONSENT_SCANNER_FIND_H
#define CONSENT_SCANNER_FIND_H

/*
 * The scanner's run finder: where the run of bytes the tokenizer passes
 * over in a state ends (the '<' in text, the end of a tag or attribute
 * name, of a value).  Sixteen bytes are tested at once with SSE2 (x86-64),
 * runs that go on past them by the best the CPU has (AVX2, SSE2), chosen
 * once per process; else, or when the scalar implementation is chosen
 * (consent_scanner_simd()), a table lookup per byte.  Every
 * implementation returns the same position.
 */

#include "consent_scanner.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CONSENT_FIND_X86  1
#include <emmintrin.h>
#endif

/* What consent_scan_find() looks for. */
#define SF_LT        0    /* '<' */
#define SF_GT        1    /* '>' */
#define SF_DQ        2    /* '"' */
#define SF_SQ        3    /* '\'' */
#define SF_NAME_END  4    /* ends a tag name: \t \n \f \r space / > */
#define SF_ATTR_END  5    /* ends an attribute name: those and = */
#define SF_UNQ_END   6    /* ends an unquoted value: whitespace and > */

/* bit 1 << kind: the bytes that end a run of that kind */
extern unsigned char  consent_find_class[256];
/* 1: SIMD (x86-64), 0: the table only */
extern int            consent_find_simd;

/* Chooses the implementation (CONSENT_SCAN_SIMD, else the best). */
void consent_find_init(void);

/* A run past the first 16 bytes, by the chosen implementation. */
const unsigned char *consent_find_long(const unsigned char *p,
    const unsigned char *end, unsigned kind);


#ifdef CONSENT_FIND_X86

/* The bytes of v that end a run of that kind (constant: folded). */
static inline __m128i
consent_find_match(__m128i v, unsigned kind)
{
    __m128i  ws, x;

#define consent_find_is(c)  _mm_cmpeq_epi8(v, _mm_set1_epi8(c))

    switch (kind) {
    case SF_LT:
        return consent_find_is('<');
    case SF_GT:
        return consent_find_is('>');
    case SF_DQ:
        return consent_find_is('"');
    case SF_SQ:
        return consent_find_is('\'');
    default:
        break;
    }

    /* whitespace: a space, or v - 9 at most 4 (unsigned) but not \v */
    x = _mm_sub_epi8(v, _mm_set1_epi8(9));
    x = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(4)), x);
    ws = _mm_or_si128(_mm_andnot_si128(consent_find_is(11), x),
                      consent_find_is(' '));
    ws = _mm_or_si128(ws, consent_find_is('>'));

    if (kind == SF_UNQ_END) {
        return ws;
    }

    ws = _mm_or_si128(ws, consent_find_is('/'));

    if (kind == SF_NAME_END) {
        return ws;
    }

    return _mm_or_si128(ws, consent_find_is('='));

#undef consent_find_is
}

#endif


/* The first byte at or after p that ends a run of that kind, or end. */
static inline const unsigned char *
consent_scan_find(const unsigned char *p, const unsigned char *end,
    unsigned kind)
{
#ifdef CONSENT_FIND_X86
    unsigned  m;

    if (consent_find_simd && end - p >= 16) {
        m = (unsigned) _mm_movemask_epi8(consent_find_match(
                _mm_loadu_si128((const __m128i *) (const void *) p), kind));
        if (m) {
            return p + __builtin_ctz(m);
        }

        return consent_find_long(p + 16, end, kind);
    }
#endif

    while (p < end && !(consent_find_class[*p] & (1u << kind))) {
        p++;
    }

    return p;
}

#endif /* CONSENT_SCANNER_FIND_H */

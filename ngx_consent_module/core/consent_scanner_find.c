/*
 * The scanner's run finder (see consent_scanner_find.h): the byte table,
 * the choice of implementation and the long runs.
 */

#include <stdlib.h>
#include <string.h>
#include "consent_scanner_find.h"

#ifdef CONSENT_FIND_X86
#include <immintrin.h>
#endif


typedef const unsigned char *(*consent_find_long_pt)(const unsigned char *p,
    const unsigned char *end, unsigned kind);

unsigned char  consent_find_class[256];
int            consent_find_simd;

static const unsigned char *consent_find_long_scalar(const unsigned char *p,
    const unsigned char *end, unsigned kind);

static consent_find_long_pt  consent_find_long_fn = consent_find_long_scalar;
static const char           *consent_find_name = "scalar";


static const unsigned char *
consent_find_long_scalar(const unsigned char *p, const unsigned char *end,
    unsigned kind)
{
    while (p < end && !(consent_find_class[*p] & (1u << kind))) {
        p++;
    }

    return p;
}


#ifdef CONSENT_FIND_X86

static const unsigned char *
consent_find_long_sse2(const unsigned char *p, const unsigned char *end,
    unsigned kind)
{
    unsigned  m;
    __m128i   v;

    for ( ; end - p >= 16; p += 16) {
        v = _mm_loadu_si128((const __m128i *) (const void *) p);

        switch (kind) {
        case SF_LT:
            m = (unsigned) _mm_movemask_epi8(consent_find_match(v, SF_LT));
            break;
        case SF_GT:
            m = (unsigned) _mm_movemask_epi8(consent_find_match(v, SF_GT));
            break;
        case SF_DQ:
            m = (unsigned) _mm_movemask_epi8(consent_find_match(v, SF_DQ));
            break;
        case SF_SQ:
            m = (unsigned) _mm_movemask_epi8(consent_find_match(v, SF_SQ));
            break;
        case SF_NAME_END:
            m = (unsigned) _mm_movemask_epi8(
                    consent_find_match(v, SF_NAME_END));
            break;
        case SF_ATTR_END:
            m = (unsigned) _mm_movemask_epi8(
                    consent_find_match(v, SF_ATTR_END));
            break;
        default:
            m = (unsigned) _mm_movemask_epi8(
                    consent_find_match(v, SF_UNQ_END));
            break;
        }

        if (m) {
            return p + __builtin_ctz(m);
        }
    }

    return consent_find_long_scalar(p, end, kind);
}


/* The bytes of v that end a run of that kind, 32 at a time. */
__attribute__((target("avx2")))
static inline __m256i
consent_find_match_avx2(__m256i v, unsigned kind)
{
    __m256i  ws, lut;

#define consent_find_is(c)  _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c))

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

    /* whitespace by its low nibble: lut[n] = n for \t \n \f \r, a byte no
       other v of that low nibble equals (v >= 0x80 looks up 0) */
    lut = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1,
                           -1, 9, 10, -1, 12, 13, -1, -1,
                           -1, -1, -1, -1, -1, -1, -1, -1,
                           -1, 9, 10, -1, 12, 13, -1, -1);
    ws = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_shuffle_epi8(lut, v), v),
                         consent_find_is(' '));
    ws = _mm256_or_si256(ws, consent_find_is('>'));

    if (kind == SF_UNQ_END) {
        return ws;
    }

    ws = _mm256_or_si256(ws, consent_find_is('/'));

    if (kind == SF_NAME_END) {
        return ws;
    }

    return _mm256_or_si256(ws, consent_find_is('='));

#undef consent_find_is
}


__attribute__((target("avx2")))
static const unsigned char *
consent_find_long_avx2(const unsigned char *p, const unsigned char *end,
    unsigned kind)
{
    unsigned  m;
    __m256i   v;

    for ( ; end - p >= 32; p += 32) {
        v = _mm256_loadu_si256((const __m256i *) (const void *) p);

        switch (kind) {
        case SF_LT:
            m = (unsigned) _mm256_movemask_epi8(
                    consent_find_match_avx2(v, SF_LT));
            break;
        case SF_GT:
            m = (unsigned) _mm256_movemask_epi8(
                    consent_find_match_avx2(v, SF_GT));
            break;
        case SF_DQ:
            m = (unsigned) _mm256_movemask_epi8(
                    consent_find_match_avx2(v, SF_DQ));
            break;
        case SF_SQ:
            m = (unsigned) _mm256_movemask_epi8(
                    consent_find_match_avx2(v, SF_SQ));
            break;
        case SF_NAME_END:
            m = (unsigned) _mm256_movemask_epi8(
                    consent_find_match_avx2(v, SF_NAME_END));
            break;
        case SF_ATTR_END:
            m = (unsigned) _mm256_movemask_epi8(
                    consent_find_match_avx2(v, SF_ATTR_END));
            break;
        default:
            m = (unsigned) _mm256_movemask_epi8(
                    consent_find_match_avx2(v, SF_UNQ_END));
            break;
        }

        if (m) {
            return p + __builtin_ctz(m);
        }
    }

    return consent_find_long_sse2(p, end, kind);
}

#endif /* CONSENT_FIND_X86 */


const unsigned char *
consent_find_long(const unsigned char *p, const unsigned char *end,
    unsigned kind)
{
    return consent_find_long_fn(p, end, kind);
}


int
consent_scanner_simd(consent_simd_e impl)
{
#ifdef CONSENT_FIND_X86
    __builtin_cpu_init();

    if (impl == CONSENT_SIMD_AUTO) {
        impl = __builtin_cpu_supports("avx2") ? CONSENT_SIMD_AVX2
                                              : CONSENT_SIMD_SSE2;
    }

    switch (impl) {
    case CONSENT_SIMD_AVX2:
        if (!__builtin_cpu_supports("avx2")) {
            return -1;
        }
        consent_find_long_fn = consent_find_long_avx2;
        consent_find_name = "avx2";
        consent_find_simd = 1;
        return 0;

    case CONSENT_SIMD_SSE2:
        consent_find_long_fn = consent_find_long_sse2;
        consent_find_name = "sse2";
        consent_find_simd = 1;
        return 0;

    default:
        break;
    }
#else
    if (impl == CONSENT_SIMD_AUTO) {
        impl = CONSENT_SIMD_SCALAR;
    }
#endif

    if (impl != CONSENT_SIMD_SCALAR) {
        return -1;
    }

    consent_find_long_fn = consent_find_long_scalar;
    consent_find_name = "scalar";
    consent_find_simd = 0;
    return 0;
}


const char *
consent_scanner_simd_name(void)
{
    return consent_find_name;
}


void
consent_find_init(void)
{
    int          c;
    const char  *env;

    for (c = 0; c < 256; c++) {
        consent_find_class[c] = 0;
    }

    consent_find_class['<'] = 1u << SF_LT;
    consent_find_class['>'] = 1u << SF_GT | 1u << SF_NAME_END
                              | 1u << SF_ATTR_END | 1u << SF_UNQ_END;
    consent_find_class['"'] = 1u << SF_DQ;
    consent_find_class['\''] = 1u << SF_SQ;
    consent_find_class['/'] = 1u << SF_NAME_END | 1u << SF_ATTR_END;
    consent_find_class['='] = 1u << SF_ATTR_END;
    consent_find_class['\t'] = 1u << SF_NAME_END | 1u << SF_ATTR_END
                               | 1u << SF_UNQ_END;
    consent_find_class['\n'] = consent_find_class['\t'];
    consent_find_class['\f'] = consent_find_class['\t'];
    consent_find_class['\r'] = consent_find_class['\t'];
    consent_find_class[' '] = consent_find_class['\t'];

    env = getenv("CONSENT_SCAN_SIMD");

    if (env == NULL
        || (strcmp(env, "scalar") == 0
            ? consent_scanner_simd(CONSENT_SIMD_SCALAR)
            : strcmp(env, "sse2") == 0
            ? consent_scanner_simd(CONSENT_SIMD_SSE2)
            : strcmp(env, "avx2") == 0
            ? consent_scanner_simd(CONSENT_SIMD_AVX2) : -1) != 0)
    {
        (void) consent_scanner_simd(CONSENT_SIMD_AUTO);
    }
}

/*
 * The scanner's structural index (see consent_scanner_index.h): one block
 * of 64 bytes to seven bit masks, with AVX2 or SSE2 where the CPU has them
 * (chosen once per process), else a byte at a time.
 */

#include <stdlib.h>
#include <string.h>
#include "consent_scanner_index.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CONSENT_IX_X86  1
#include <immintrin.h>
#endif


/* An implementation: the masks of one block of 64 bytes (IX_*). */
typedef void (*consent_ix_block_pt)(const unsigned char *p, uint64_t *m);

static void consent_ix_scalar(const unsigned char *p, uint64_t *m);

static consent_ix_block_pt  consent_ix_impl_fn = consent_ix_scalar;
static const char          *consent_ix_impl_name = "scalar";


static void
consent_ix_scalar(const unsigned char *p, uint64_t *m)
{
    int       i;
    uint64_t  bit;

    memset(m, 0, 7 * sizeof(uint64_t));

    for (i = 0; i < 64; i++) {
        bit = (uint64_t) 1 << i;

        switch (p[i]) {
        case '<':
            m[IX_LT] |= bit;
            break;
        case '"':
            m[IX_DQ] |= bit;
            break;
        case '\'':
            m[IX_SQ] |= bit;
            break;
        case '>':
            m[IX_GT] |= bit;
            m[IX_UNQ_END] |= bit;
            /* fall through */
        case '/':
            m[IX_NAME_END] |= bit;
            /* fall through */
        case '=':
            m[IX_ATTR_END] |= bit;
            break;
        case '\t':
        case '\n':
        case '\f':
        case '\r':
        case ' ':
            m[IX_NAME_END] |= bit;
            m[IX_ATTR_END] |= bit;
            m[IX_UNQ_END] |= bit;
            break;
        default:
            break;
        }
    }
}


#ifdef CONSENT_IX_X86

static void
consent_ix_sse2(const unsigned char *p, uint64_t *m)
{
    int       i;
    __m128i   v, x, gt, ws, name_end;
    uint64_t  s;

    memset(m, 0, 7 * sizeof(uint64_t));

    for (i = 0; i < 4; i++) {
        v = _mm_loadu_si128((const __m128i *) (const void *) (p + 16 * i));
        s = (uint64_t) 16 * (uint64_t) i;

        /* whitespace: a space, or v - 9 at most 4 (unsigned) but not \v */
        x = _mm_sub_epi8(v, _mm_set1_epi8(9));
        x = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(4)), x);
        x = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(11)), x);
        ws = _mm_or_si128(x, _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));

        gt = _mm_cmpeq_epi8(v, _mm_set1_epi8('>'));
        name_end = _mm_or_si128(_mm_or_si128(ws, gt),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('/')));

#define consent_ix_add(k, x)                                               \
    m[k] |= (uint64_t) (uint16_t) _mm_movemask_epi8(x) << s

        consent_ix_add(IX_LT, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
        consent_ix_add(IX_GT, gt);
        consent_ix_add(IX_DQ, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
        consent_ix_add(IX_SQ, _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
        consent_ix_add(IX_NAME_END, name_end);
        consent_ix_add(IX_ATTR_END,
                       _mm_or_si128(name_end,
                                    _mm_cmpeq_epi8(v, _mm_set1_epi8('='))));
        consent_ix_add(IX_UNQ_END, _mm_or_si128(ws, gt));

#undef consent_ix_add
    }
}


__attribute__((target("avx2")))
static void
consent_ix_avx2(const unsigned char *p, uint64_t *m)
{
    __m256i  lo, hi, lut, ws0, ws1, gt0, gt1, ne0, ne1;

    lo = _mm256_loadu_si256((const __m256i *) (const void *) p);
    hi = _mm256_loadu_si256((const __m256i *) (const void *) (p + 32));

    /* whitespace by its low nibble: lut[n] = n for \t \n \f \r, a byte no
       other v of that low nibble equals (v >= 0x80 looks up 0) */
    lut = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1,
                           -1, 9, 10, -1, 12, 13, -1, -1,
                           -1, -1, -1, -1, -1, -1, -1, -1,
                           -1, 9, 10, -1, 12, 13, -1, -1);

#define consent_ix_is(v, c)  _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c))
#define consent_ix_ws(v)                                                   \
    _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_shuffle_epi8(lut, v), v),     \
                    consent_ix_is(v, ' '))
#define consent_ix_mask(x, y)                                              \
    ((uint64_t) (uint32_t) _mm256_movemask_epi8(x)                         \
     | (uint64_t) (uint32_t) _mm256_movemask_epi8(y) << 32)

    ws0 = consent_ix_ws(lo);
    ws1 = consent_ix_ws(hi);
    gt0 = consent_ix_is(lo, '>');
    gt1 = consent_ix_is(hi, '>');
    ne0 = _mm256_or_si256(_mm256_or_si256(ws0, gt0), consent_ix_is(lo, '/'));
    ne1 = _mm256_or_si256(_mm256_or_si256(ws1, gt1), consent_ix_is(hi, '/'));

    m[IX_LT] = consent_ix_mask(consent_ix_is(lo, '<'), consent_ix_is(hi, '<'));
    m[IX_GT] = consent_ix_mask(gt0, gt1);
    m[IX_DQ] = consent_ix_mask(consent_ix_is(lo, '"'), consent_ix_is(hi, '"'));
    m[IX_SQ] = consent_ix_mask(consent_ix_is(lo, '\''),
                               consent_ix_is(hi, '\''));
    m[IX_NAME_END] = consent_ix_mask(ne0, ne1);
    m[IX_ATTR_END] = consent_ix_mask(
                         _mm256_or_si256(ne0, consent_ix_is(lo, '=')),
                         _mm256_or_si256(ne1, consent_ix_is(hi, '=')));
    m[IX_UNQ_END] = consent_ix_mask(_mm256_or_si256(ws0, gt0),
                                    _mm256_or_si256(ws1, gt1));

#undef consent_ix_is
#undef consent_ix_ws
#undef consent_ix_mask
}

#endif /* CONSENT_IX_X86 */


int
consent_scanner_simd(consent_simd_e impl)
{
#ifdef CONSENT_IX_X86
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
        consent_ix_impl_fn = consent_ix_avx2;
        consent_ix_impl_name = "avx2";
        return 0;

    case CONSENT_SIMD_SSE2:
        consent_ix_impl_fn = consent_ix_sse2;
        consent_ix_impl_name = "sse2";
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

    consent_ix_impl_fn = consent_ix_scalar;
    consent_ix_impl_name = "scalar";
    return 0;
}


void
consent_ix_init(void)
{
    const char  *env;

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


const char *
consent_scanner_simd_name(void)
{
    return consent_ix_impl_name;
}


/* Indexes the block at blk (64 bytes, fewer at the buffer's end). */
static consent_scan_index_t *
consent_ix_block(consent_scanner_t *sc, const unsigned char *blk)
{
    int                    i;
    size_t                 n;
    uint64_t               valid;
    unsigned char          tail[64];
    consent_scan_index_t  *ix;

    ix = &sc->ix[((size_t) (blk - sc->buf) >> 6) & 1];
    ix->block = blk;
    n = (size_t) (sc->end - blk);

    if (n >= 64) {
        consent_ix_impl_fn(blk, ix->mask);
        return ix;
    }

    /* the buffer's last block: its bytes only */
    memcpy(tail, blk, n);
    memset(tail + n, 0, 64 - n);
    consent_ix_impl_fn(tail, ix->mask);

    valid = ((uint64_t) 1 << n) - 1;
    for (i = 0; i < 7; i++) {
        ix->mask[i] &= valid;
    }

    return ix;
}


const unsigned char *
consent_ix_find_next(consent_scanner_t *sc, const unsigned char *p,
    unsigned kind)
{
    size_t                 off;
    uint64_t               m;
    consent_scan_index_t  *ix;
    const unsigned char   *blk;

    while (p < sc->end) {
        off = (size_t) (p - sc->buf);
        blk = p - (off & 63);
        ix = &sc->ix[(off >> 6) & 1];

        if (ix->block != blk) {
            ix = consent_ix_block(sc, blk);
        }

        m = ix->mask[kind] >> (off & 63);
        if (m) {
            return p + __builtin_ctzll(m);
        }

        p = blk + 64;
    }

    return sc->end;
}

/*
 * Character references in attribute values (consent_decode_attr_value, see
 * consent_scanner.h), as the WHATWG tokenizer decodes them: numeric ones
 * with the spec's replacements, named ones from the complete table
 * (consent_entities.c), legacy names without ';' only where an attribute
 * value allows them.
 */

#include <string.h>
#include "consent_scanner.h"
#include "consent_entities.h"


#define consent_alpha(c)  ((((c) | 0x20) >= 'a') && (((c) | 0x20) <= 'z'))
#define consent_alnum(c)  (consent_alpha(c) || ((c) >= '0' && (c) <= '9'))

/* Windows-1252 meanings of numeric references 0x80-0x9F (0: unchanged). */
static const uint16_t  consent_c1[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};


static size_t consent_utf8(uint32_t cp, unsigned char *out);
static const consent_entity_t *consent_entity_find(const unsigned char *name,
    size_t len);


static size_t
consent_utf8(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char) cp;
        return 1;
    }

    if (cp < 0x800) {
        out[0] = (unsigned char) (0xC0 | (cp >> 6));
        out[1] = (unsigned char) (0x80 | (cp & 0x3F));
        return 2;
    }

    if (cp < 0x10000) {
        out[0] = (unsigned char) (0xE0 | (cp >> 12));
        out[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char) (0x80 | (cp & 0x3F));
        return 3;
    }

    out[0] = (unsigned char) (0xF0 | (cp >> 18));
    out[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char) (0x80 | (cp & 0x3F));
    return 4;
}


/* A name (without ';'): binary search among those of its first letter. */
static const consent_entity_t *
consent_entity_find(const unsigned char *name, size_t len)
{
    int                      cmp;
    size_t                   lo, hi, mid, n;
    unsigned                 letter;
    const consent_entity_t  *e;

    if (name[0] >= 'A' && name[0] <= 'Z') {
        letter = name[0] - 'A';

    } else if (name[0] >= 'a' && name[0] <= 'z') {
        letter = 26 + name[0] - 'a';

    } else {
        return NULL;
    }

    lo = consent_entity_first[letter];
    hi = consent_entity_first[letter + 1];

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        e = &consent_entities[mid];

        n = len < e->len ? len : e->len;
        cmp = memcmp(name, consent_entity_names + e->name, n);
        if (cmp == 0) {
            cmp = len < e->len ? -1 : len > e->len;
        }

        if (cmp == 0) {
            return e;
        }

        if (cmp < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }

    return NULL;
}


size_t
consent_decode_attr_value(const unsigned char *p, size_t len,
    unsigned char *out, size_t size, int *unknown)
{
    int                      hex, digits;
    size_t                   n, w;
    uint32_t                 cp;
    const unsigned char     *end, *s, *name, *v;
    unsigned char            utf8[4];
    const consent_entity_t  *e;

    if (memchr(p, '&', len) == NULL) {
        if (len > size) {
            return (size_t) -1;
        }
        memcpy(out, p, len);
        return len;
    }

    end = p + len;
    n = 0;

    while (p < end) {

        if (*p != '&' || p + 1 == end) {
            utf8[0] = *p++;
            v = utf8;
            w = 1;
            goto put;
        }

        s = p + 1;

        if (*s == '#') {
            s++;
            hex = s < end && (*s == 'x' || *s == 'X');
            if (hex) {
                s++;
            }

            cp = 0;
            digits = 0;

            while (s < end) {
                if (*s >= '0' && *s <= '9') {
                    cp = cp * (hex ? 16 : 10) + (uint32_t) (*s - '0');
                } else if (hex && ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')) {
                    cp = cp * 16 + (uint32_t) ((*s | 0x20) - 'a' + 10);
                } else {
                    break;
                }
                if (cp > 0x10FFFF) {
                    cp = 0x110000;      /* stays out of range, no overflow */
                }
                digits++;
                s++;
            }

            if (digits == 0) {
                utf8[0] = *p++;
                v = utf8;
                w = 1;
                goto put;
            }

            /* a missing ';' is an error, not a reason to leave it undecoded */
            if (s < end && *s == ';') {
                s++;
            }

            if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                cp = 0xFFFD;
            } else if (cp >= 0x80 && cp <= 0x9F && consent_c1[cp - 0x80]) {
                cp = consent_c1[cp - 0x80];
            }

            w = consent_utf8(cp, utf8);
            v = utf8;
            p = s;
            goto put;
        }

        /*
         * Named: the longest name in the table wins.  With the name run of
         * alphanumerics: "run;" itself, or without ';' a legacy name that
         * is the whole run (a shorter legacy prefix would be followed by an
         * alphanumeric, which in an attribute value leaves it as is, and so
         * does a following '=').
         */
        name = s;
        while (s < end && consent_alnum(*s)) {
            s++;
        }

        e = s > name ? consent_entity_find(name, (size_t) (s - name)) : NULL;

        if (s < end && *s == ';') {
            if (e) {
                v = (const unsigned char *) e->value;
                w = e->value_len;
                p = s + 1;
                goto put;
            }
            if (s > name) {
                *unknown = 1;
            }

        } else if (e && e->legacy && (s == end || *s != '=')) {
            v = (const unsigned char *) e->value;
            w = e->value_len;
            p = s;
            goto put;
        }

        /* not decoded: copy the '&' and the name literally */
        if (n + (size_t) (s - p) > size) {
            return (size_t) -1;
        }
        memcpy(out + n, p, (size_t) (s - p));
        n += (size_t) (s - p);
        p = s;
        continue;

    put:

        if (n + w > size) {
            return (size_t) -1;
        }
        memcpy(out + n, v, w);
        n += w;
    }

    return n;
}

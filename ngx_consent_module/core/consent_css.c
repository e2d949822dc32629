/*
 * URL candidates of CSS text (see consent_css.h): a small part of the CSS
 * Syntax tokenizer (comments, strings, escapes, identifiers and url()).
 */

#include "consent_css.h"

#define consent_css_ws(c)                                                  \
    ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r' || (c) == '\f')

#define consent_css_hex(c)                                                 \
    (((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'f')             \
     || ((c) >= 'A' && (c) <= 'F'))

#define consent_css_name_char(c)                                           \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z')              \
     || ((c) >= '0' && (c) <= '9') || (c) == '-' || (c) == '_' || (c) >= 0x80)


/* A code point that stands for this byte as it is. */
#define CONSENT_CSS_BYTE  0x80000000UL


static size_t consent_css_escape(const unsigned char *p, size_t len,
    size_t i, unsigned long *cp);
static size_t consent_css_utf8(unsigned long cp, unsigned char *out);


/*
 * The escape at p[i] == '\\': its code point into *cp (~0UL for an escaped
 * newline, which stands for nothing); returns the position after it.
 */
static size_t
consent_css_escape(const unsigned char *p, size_t len, size_t i,
    unsigned long *cp)
{
    size_t         k;
    unsigned char  c;

    i++;

    if (i == len) {
        *cp = 0xfffd;
        return i;
    }

    if (p[i] == '\n' || p[i] == '\f' || p[i] == '\r') {
        *cp = ~0UL;
        return i + 1;
    }

    if (!consent_css_hex(p[i])) {
        /* the character itself: a byte, the rest of its UTF-8 follows */
        *cp = CONSENT_CSS_BYTE | p[i];
        return i + 1;
    }

    *cp = 0;
    for (k = 0; k < 6 && i < len && consent_css_hex(p[i]); k++, i++) {
        c = p[i];
        *cp = *cp * 16 + (unsigned long) (c <= '9' ? c - '0'
                                          : (c | 0x20) - 'a' + 10);
    }

    if (*cp == 0 || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff)) {
        *cp = 0xfffd;
    }

    if (i < len && p[i] == '\r' && i + 1 < len && p[i + 1] == '\n') {
        i += 2;

    } else if (i < len && consent_css_ws(p[i])) {
        i++;
    }

    return i;
}


static size_t
consent_css_utf8(unsigned long cp, unsigned char *out)
{
    if (cp < 0x80 || (cp & CONSENT_CSS_BYTE)) {
        out[0] = (unsigned char) cp;
        return 1;
    }

    if (cp < 0x800) {
        out[0] = (unsigned char) (0xc0 | (cp >> 6));
        out[1] = (unsigned char) (0x80 | (cp & 0x3f));
        return 2;
    }

    if (cp < 0x10000) {
        out[0] = (unsigned char) (0xe0 | (cp >> 12));
        out[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3f));
        out[2] = (unsigned char) (0x80 | (cp & 0x3f));
        return 3;
    }

    out[0] = (unsigned char) (0xf0 | (cp >> 18));
    out[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3f));
    out[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3f));
    out[3] = (unsigned char) (0x80 | (cp & 0x3f));
    return 4;
}


size_t
consent_css_next_url(const unsigned char *p, size_t len, size_t *pos,
    unsigned char *out)
{
    size_t          i, n, k;
    unsigned char   q, name[3];
    unsigned long   cp;

    i = *pos;

    while (i < len) {

        if (p[i] == '/' && i + 1 < len && p[i + 1] == '*') {
            for (i += 2; i < len; i++) {
                if (p[i] == '*' && i + 1 < len && p[i + 1] == '/') {
                    i += 2;
                    break;
                }
            }
            continue;
        }

        if (p[i] == '"' || p[i] == '\'') {
            q = p[i++];
            n = 0;

            while (i < len && p[i] != q && p[i] != '\n') {
                if (p[i] != '\\') {
                    out[n++] = p[i++];
                    continue;
                }
                i = consent_css_escape(p, len, i, &cp);
                if (cp != ~0UL) {
                    n += consent_css_utf8(cp, out + n);
                }
            }

            *pos = i < len && p[i] == q ? i + 1 : i;
            return n;
        }

        if (!consent_css_name_char(p[i]) && p[i] != '\\') {
            i++;
            continue;
        }

        /* an identifier: only whether it is "url" (escapes decoded)
           followed by '(' matters */
        k = 0;
        while (i < len && (consent_css_name_char(p[i])
                           || (p[i] == '\\' && i + 1 < len
                               && p[i + 1] != '\n')))
        {
            if (p[i] == '\\') {
                i = consent_css_escape(p, len, i, &cp);
            } else {
                cp = p[i++];
            }
            if (k < 3) {
                cp &= ~CONSENT_CSS_BYTE;
                name[k] = (unsigned char) (cp < 0x80 ? (cp | 0x20) : 0);
            }
            k++;
        }

        if (k != 3 || name[0] != 'u' || name[1] != 'r' || name[2] != 'l'
            || i == len || p[i] != '(')
        {
            continue;
        }

        for (i++; i < len && consent_css_ws(p[i]); i++) { /* void */ }

        if (i < len && (p[i] == '"' || p[i] == '\'')) {
            continue;               /* the string is the next candidate */
        }

        n = 0;
        while (i < len && p[i] != ')') {
            if (p[i] != '\\') {
                out[n++] = p[i++];
                continue;
            }
            i = consent_css_escape(p, len, i, &cp);
            if (cp != ~0UL) {
                n += consent_css_utf8(cp, out + n);
            }
        }

        while (n && consent_css_ws(out[n - 1])) {
            n--;
        }

        *pos = i < len ? i + 1 : i;
        return n;
    }

    *pos = len;
    return (size_t) -1;
}

/*
 * URL candidates of CSS text (see consent_css.h): a small part of the CSS
 * Syntax tokenizer (comments, strings, escapes, identifiers and url()).
 */

#include <string.h>
#include "consent_css.h"

/* consent_css_scan_t.state */
enum {
    C_TEXT = 0,
    C_SLASH,            /* '/': a comment may start */
    C_COMMENT,
    C_COMMENT_STAR,
    C_STRING,
    C_STRING_ESC,
    C_IDENT,
    C_IDENT_ESC,        /* after '\\' in a name */
    C_IDENT_HEX,        /* in a hex escape in a name */
    C_URL_WS,           /* after "url(" */
    C_URL,
    C_URL_ESC,
    C_URL_REST          /* after an unquoted value, up to ')' */
};

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

        if (k == 0) {
            i++;                    /* a '\\' before a newline or the end */
            continue;
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


size_t
consent_css_unescape(const unsigned char *p, size_t len, unsigned char *out)
{
    size_t         i, n;
    unsigned long  cp;

    for (i = 0, n = 0; i < len; ) {
        if (p[i] != '\\') {
            out[n++] = p[i++];
            continue;
        }
        i = consent_css_escape(p, len, i, &cp);
        if (cp != ~0UL) {
            n += consent_css_utf8(cp, out + n);
        }
    }

    return n;
}


void
consent_css_scan_init(consent_css_scan_t *s)
{
    memset(s, 0, sizeof(consent_css_scan_t));
}


int
consent_css_scan(consent_css_scan_t *s, const unsigned char *p, size_t len,
    size_t *pos, size_t *at)
{
    size_t         i, n;
    unsigned char  c, name[CONSENT_CSS_OUT_SIZE(16)];

    for (i = *pos; i < len; i++) {
        c = p[i];

        switch (s->state) {

        case C_SLASH:
            if (c == '*') {
                s->state = C_COMMENT;
                break;
            }
            s->state = C_TEXT;
            /* fall through */

        case C_TEXT:
            if (c == '/') {
                s->state = C_SLASH;

            } else if (c == '"' || c == '\'') {
                s->state = C_STRING;
                s->quote = c;
                *pos = i + 1;
                *at = i + 1;
                return CONSENT_CSS_URL_START;

            } else if (consent_css_name_char(c) || c == '\\') {
                s->state = c == '\\' ? C_IDENT_ESC : C_IDENT;
                s->ident_len = 1;
                s->ident[0] = c;
                s->hex = 0;
            }
            break;

        case C_COMMENT:
            if (c == '*') {
                s->state = C_COMMENT_STAR;
            }
            break;

        case C_COMMENT_STAR:
            s->state = c == '/' ? C_TEXT : c == '*' ? C_COMMENT_STAR
                                                    : C_COMMENT;
            break;

        case C_STRING:
            if (c == '\\') {
                s->state = C_STRING_ESC;
            } else if (c == s->quote || c == '\n') {
                s->state = C_TEXT;
                *pos = i + 1;
                *at = i;
                return CONSENT_CSS_URL_END;
            }
            break;

        case C_STRING_ESC:
            s->state = C_STRING;
            break;

        case C_IDENT_HEX:
            if (consent_css_hex(c) && s->hex < 6) {
                s->hex++;
                goto name_byte;
            }
            s->state = C_IDENT;
            if (consent_css_ws(c)) {
                goto name_byte;     /* one space ends the escape */
            }
            /* fall through */

        case C_IDENT:
            if (consent_css_name_char(c) || c == '\\') {
                if (c == '\\') {
                    s->state = C_IDENT_ESC;
                }
                goto name_byte;
            }

            s->state = C_TEXT;

            if (c == '(' && s->ident_len != 0xff) {
                n = consent_css_unescape(s->ident, s->ident_len, name);
                if (n == 3 && (name[0] | 0x20) == 'u'
                    && (name[1] | 0x20) == 'r' && (name[2] | 0x20) == 'l')
                {
                    s->state = C_URL_WS;
                }
                break;
            }

            i--;                    /* read again as text */
            break;

        case C_IDENT_ESC:
            if (c == '\n') {
                s->state = C_TEXT;  /* not an escape: the name ended */
                i--;
                break;
            }
            s->state = consent_css_hex(c) ? C_IDENT_HEX : C_IDENT;
            s->hex = 1;
            goto name_byte;

        case C_URL_WS:
            if (consent_css_ws(c)) {
                break;
            }
            if (c == '"' || c == '\'') {
                s->state = C_TEXT;  /* a string: the next candidate */
                i--;
                break;
            }
            if (c == ')') {
                s->state = C_TEXT;
                break;
            }
            s->state = c == '\\' ? C_URL_ESC : C_URL;
            *pos = i + 1;
            *at = i;
            return CONSENT_CSS_URL_START;

        case C_URL:
            if (c == '\\') {
                s->state = C_URL_ESC;
            } else if (c == ')' || consent_css_ws(c)) {
                s->state = c == ')' ? C_TEXT : C_URL_REST;
                *pos = i + 1;
                *at = i;
                return CONSENT_CSS_URL_END;
            }
            break;

        case C_URL_ESC:
            s->state = C_URL;
            break;

        default: /* C_URL_REST */
            if (c == ')') {
                s->state = C_TEXT;
            }
            break;
        }

        continue;

    name_byte:

        if (s->ident_len < sizeof(s->ident)) {
            s->ident[s->ident_len++] = c;
        } else {
            s->ident_len = 0xff;
        }
    }

    *pos = len;
    return CONSENT_CSS_MORE;
}

/*
 * URL normalization for pattern matching (see consent_url.h).  This follows
 * the WHATWG URL parser only as far as it changes which host a URL names.
 */

#include <string.h>
#include "consent_url.h"


static int consent_url_special(const unsigned char *scheme, size_t len);


static int
consent_url_special(const unsigned char *scheme, size_t len)
{
    static const char *const  special[] = { "http", "https", "ws", "wss",
                                            "ftp", NULL };
    const char *const        *s;

    for (s = special; *s; s++) {
        if (strlen(*s) == len && memcmp(*s, scheme, len) == 0) {
            return 1;
        }
    }

    return 0;
}


size_t
consent_url_normalize(const unsigned char *in, size_t len,
    unsigned char *out)
{
    size_t          n, i, w, aend, host;
    unsigned char  *s, c;

    while (len && in[0] <= 0x20) {
        in++;
        len--;
    }

    while (len && in[len - 1] <= 0x20) {
        len--;
    }

    /* a clean path-relative URL ("/img/a.png") is already in shape */
    if (len >= 2 && in[0] == '/' && in[1] != '/' && in[1] != '\\'
        && memchr(in, '\t', len) == NULL && memchr(in, '\n', len) == NULL
        && memchr(in, '\r', len) == NULL)
    {
        memcpy(out, in, len);
        return len;
    }

    /* tabs and newlines removed into out + 8; rewritten forwards into out,
       which never overtakes the reading position */
    s = out + 8;
    for (i = 0, n = 0; i < len; i++) {
        if (in[i] != '\t' && in[i] != '\n' && in[i] != '\r') {
            s[n++] = in[i];
        }
    }

    w = 0;
    i = 0;

    if (n >= 2 && (s[0] == '/' || s[0] == '\\')
        && (s[1] == '/' || s[1] == '\\'))
    {
        memcpy(out, "https:", 6);
        w = 6;

    } else {
        if (n == 0 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z')) {
            memmove(out, s, n);
            return n;
        }

        for (i = 1; i < n; i++) {
            c = s[i];
            if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                && !(c >= '0' && c <= '9') && c != '+' && c != '-'
                && c != '.')
            {
                break;
            }
        }

        if (i == n || s[i] != ':') {
            memmove(out, s, n);     /* a relative URL */
            return n;
        }

        for (w = 0; w < i; w++) {
            c = s[w];
            out[w] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        }

        if (!consent_url_special(out, w)) {
            memmove(out + w, s + w, n - w);
            return n;
        }

        out[w++] = ':';
        i++;
    }

    while (i < n && (s[i] == '/' || s[i] == '\\')) {
        i++;
    }

    out[w++] = '/';
    out[w++] = '/';

    for (aend = i; aend < n; aend++) {
        c = s[aend];
        if (c == '/' || c == '\\' || c == '?' || c == '#') {
            break;
        }
    }

    /* userinfo ("user:pass@") does not name the host */
    host = i;
    for ( /* void */ ; i < aend; i++) {
        if (s[i] == '@') {
            host = i + 1;
        }
    }

    for (i = host; i < aend; i++) {
        c = s[i];
        out[w++] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }

    /* an empty path of a special URL is "/" */
    if (i == n || s[i] == '?' || s[i] == '#') {
        out[w++] = '/';
    }

    for ( /* void */ ; i < n && s[i] != '?' && s[i] != '#'; i++) {
        out[w++] = s[i] == '\\' ? '/' : s[i];
    }

    memmove(out + w, s + i, n - i);

    return w + (n - i);
}


size_t
consent_srcset_next(const unsigned char *p, size_t len, size_t *pos,
    const unsigned char **url)
{
    int     paren;
    size_t  i, start, end;

    i = *pos;

    /* candidates: spaces and commas, a URL, descriptors up to a ',' */
    while (i < len && (p[i] <= 0x20 || p[i] == ',')) {
        i++;
    }

    if (i == len) {
        *pos = i;
        return 0;
    }

    start = i;
    while (i < len && p[i] > 0x20) {
        i++;
    }

    end = i;

    if (end > start && p[end - 1] == ',') {
        while (end > start && p[end - 1] == ',') {
            end--;
        }

    } else {
        paren = 0;
        while (i < len && (p[i] != ',' || paren)) {
            if (p[i] == '(') {
                paren = 1;
            } else if (p[i] == ')') {
                paren = 0;
            }
            i++;
        }
    }

    *pos = i;
    *url = p + start;

    return end - start;
}

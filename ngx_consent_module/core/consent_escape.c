/*
 * HTML escaping and same-origin path checks for the rendered UI.
 */

#include <string.h>

#include "consent_escape.h"


size_t
consent_escape_html_len(const char *src, size_t len)
{
    size_t  i, n;

    n = len;

    for (i = 0; i < len; i++) {
        switch (src[i]) {
        case '&':
            n += sizeof("&amp;") - 2;
            break;
        case '<':
        case '>':
            n += sizeof("&lt;") - 2;
            break;
        case '"':
            n += sizeof("&quot;") - 2;
            break;
        case '\'':
            n += sizeof("&#39;") - 2;
            break;
        default:
            break;
        }
    }

    return n;
}


char *
consent_escape_html(char *dst, const char *src, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        switch (src[i]) {
        case '&':
            memcpy(dst, "&amp;", 5);
            dst += 5;
            break;
        case '<':
            memcpy(dst, "&lt;", 4);
            dst += 4;
            break;
        case '>':
            memcpy(dst, "&gt;", 4);
            dst += 4;
            break;
        case '"':
            memcpy(dst, "&quot;", 6);
            dst += 6;
            break;
        case '\'':
            memcpy(dst, "&#39;", 5);
            dst += 5;
            break;
        default:
            *dst++ = src[i];
        }
    }

    return dst;
}


int
consent_escape_safe_path(const char *path, size_t len, size_t max)
{
    size_t  i;

    if (len == 0 || len > max || path[0] != '/') {
        return 0;
    }

    /* "//host" and "/\host" are network paths to another origin */
    if (len > 1 && (path[1] == '/' || path[1] == '\\')) {
        return 0;
    }

    /* controls, CR/LF, space, backslash and non-ASCII never pass */
    for (i = 0; i < len; i++) {
        if ((unsigned char) path[i] <= 0x20
            || (unsigned char) path[i] >= 0x7f || path[i] == '\\')
        {
            return 0;
        }
    }

    return 1;
}

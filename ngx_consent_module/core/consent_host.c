/*
 * Host extraction as in the WHATWG URL standard (see consent_host.h): the
 * scheme and authority states of the basic URL parser, the host parser with
 * its IPv4 and opaque-host rules, and the part of UTS #46 mapping that
 * turns full-width ASCII into ASCII.  Other non-ASCII needs the full IDNA
 * tables: such hosts are INVALID, which callers treat as an unknown third
 * party, never as first party.
 */

#include <stdint.h>
#include <string.h>
#include "consent_host.h"

/* The scheme and authority of a URL are read from at most this much. */
#define CONSENT_HOST_PREFIX  2048


static void consent_host_authority(const unsigned char *p, size_t len,
    consent_host_t *host);
static void consent_host_domain(const unsigned char *p, size_t len,
    consent_host_t *host);
static int consent_host_ipv4(consent_host_t *host);
static void consent_host_ipv6(const unsigned char *p, size_t len,
    consent_host_t *host);


static int
consent_host_special(const unsigned char *scheme, size_t len)
{
    static const char *const  special[] = { "http", "https", "ws", "wss",
                                            "ftp", NULL };
    size_t                    i;
    const char *const        *s;

    for (s = special; *s; s++) {
        if (strlen(*s) != len) {
            continue;
        }

        for (i = 0; i < len; i++) {
            if ((scheme[i] | 0x20) != (unsigned char) (*s)[i]) {
                break;
            }
        }

        if (i == len) {
            return 1;
        }
    }

    return 0;
}


static int
consent_host_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}


static void
consent_host_set(consent_host_t *host, consent_host_kind_e kind)
{
    host->kind = kind;

    if (kind != CONSENT_HOST_NAME && kind != CONSENT_HOST_IPV4
        && kind != CONSENT_HOST_IPV6)
    {
        host->len = 0;
        host->name[0] = '\0';
    }
}


void
consent_host_parse(const unsigned char *url, size_t len,
    const consent_host_t *base, consent_host_t *host)
{
    size_t                i, n, scheme;
    unsigned char         copy[CONSENT_HOST_PREFIX];
    const unsigned char  *s;

    while (len > 0 && url[0] <= 0x20) {
        url++;
        len--;
    }

    while (len > 0 && url[len - 1] <= 0x20) {
        len--;
    }

    s = url;
    n = len;

    /* tabs and newlines are removed anywhere (rare: copy the prefix) */
    if (memchr(url, '\t', len) != NULL || memchr(url, '\n', len) != NULL
        || memchr(url, '\r', len) != NULL)
    {
        for (i = 0, n = 0; i < len && n < sizeof(copy); i++) {
            if (url[i] != '\t' && url[i] != '\n' && url[i] != '\r') {
                copy[n++] = url[i];
            }
        }

        s = copy;
    }

    if (n == 0) {
        consent_host_set(host, CONSENT_HOST_NONE);
        return;
    }

    /* "//host" and "\\host" take the page's (special) scheme */
    if (n >= 2 && (s[0] == '/' || s[0] == '\\')
        && (s[1] == '/' || s[1] == '\\'))
    {
        i = 2;
        goto authority;
    }

    scheme = 0;

    if (consent_host_alpha(s[0])) {
        for (scheme = 1; scheme < n; scheme++) {
            if (!consent_host_alpha(s[scheme])
                && !(s[scheme] >= '0' && s[scheme] <= '9')
                && s[scheme] != '+' && s[scheme] != '-' && s[scheme] != '.')
            {
                break;
            }
        }

        if (scheme == n || s[scheme] != ':') {
            scheme = 0;
        }
    }

    if (scheme == 0) {
        /* a relative URL: the document's (or base's) host */
        if (base != NULL && base->kind != CONSENT_HOST_NONE
            && base->kind != CONSENT_HOST_RELATIVE)
        {
            *host = *base;

        } else {
            consent_host_set(host, CONSENT_HOST_RELATIVE);
        }

        return;
    }

    if (!consent_host_special(s, scheme)) {
        /* data:, javascript:, blob:, about:, file: ... load no host */
        consent_host_set(host, CONSENT_HOST_NONE);
        return;
    }

    i = scheme + 1;

authority:

    /* special URLs ignore any number of slashes before the authority */
    while (i < n && (s[i] == '/' || s[i] == '\\')) {
        i++;
    }

    consent_host_authority(s + i, n - i, host);

    /* an authority running past the copied prefix: fail closed */
    if (s == copy && n == sizeof(copy) && host->kind != CONSENT_HOST_INVALID
        && memchr(s + i, '/', n - i) == NULL
        && memchr(s + i, '\\', n - i) == NULL
        && memchr(s + i, '?', n - i) == NULL
        && memchr(s + i, '#', n - i) == NULL)
    {
        consent_host_set(host, CONSENT_HOST_INVALID);
    }
}


void
consent_host_parse_name(const unsigned char *name, size_t len,
    consent_host_t *host)
{
    consent_host_authority(name, len, host);
}


/* "user:pass@host:port" up to the first "/", "\", "?" or "#". */
static void
consent_host_authority(const unsigned char *p, size_t len,
    consent_host_t *host)
{
    size_t  i, end, start, port;

    for (end = 0; end < len; end++) {
        if (p[end] == '/' || p[end] == '\\' || p[end] == '?'
            || p[end] == '#')
        {
            break;
        }
    }

    /* the last "@" ends the userinfo */
    start = 0;
    for (i = 0; i < end; i++) {
        if (p[i] == '@') {
            start = i + 1;
        }
    }

    if (start < end && p[start] == '[') {
        for (i = start; i < end && p[i] != ']'; i++) {
            /* void */
        }

        if (i == end) {
            consent_host_set(host, CONSENT_HOST_INVALID);
            return;
        }

        port = i + 1;
        consent_host_ipv6(p + start, port - start, host);

    } else {
        for (port = start; port < end && p[port] != ':'; port++) {
            /* void */
        }

        consent_host_domain(p + start, port - start, host);
    }

    if (host->kind == CONSENT_HOST_INVALID || port == end) {
        return;
    }

    if (p[port] != ':') {
        consent_host_set(host, CONSENT_HOST_INVALID);
        return;
    }

    for (i = port + 1; i < end; i++) {
        if (p[i] < '0' || p[i] > '9') {
            consent_host_set(host, CONSENT_HOST_INVALID);
            return;
        }
    }
}


static int
consent_host_hex(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }

    c |= 0x20;

    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}


/*
 * Bytes of a domain: 1 for the WHATWG forbidden domain code points (C0
 * controls, space, "#%/:<>?@[\\]^|", DEL), 2 for those that need more
 * than lowercasing ("%" starts an escape, non-ASCII needs mapping).
 */
static const unsigned char  consent_host_byte[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [' '] = 1, ['#'] = 1, ['%'] = 3, ['/'] = 1, [':'] = 1, ['<'] = 1,
    ['>'] = 1, ['?'] = 1, ['@'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1,
    ['^'] = 1, ['|'] = 1, [0x7f] = 1,
    [0x80] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2
};


static int
consent_host_forbidden(unsigned char c)
{
    return consent_host_byte[c] & 1;
}


/*
 * The code point of the UTF-8 sequence at p (*n set to its length), or -1
 * for a malformed one.
 */
static long
consent_host_utf8(const unsigned char *p, size_t len, size_t *n)
{
    size_t  i, need;
    long    cp, min;

    if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        need = 4;
        cp = p[0] & 0x07;
        min = 0x10000;

    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        need = 3;
        cp = p[0] & 0x0f;
        min = 0x800;

    } else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        need = 2;
        cp = p[0] & 0x1f;
        min = 0x80;

    } else {
        return -1;
    }

    if (len < need) {
        return -1;
    }

    for (i = 1; i < need; i++) {
        if ((p[i] & 0xc0) != 0x80) {
            return -1;
        }

        cp = (cp << 6) | (p[i] & 0x3f);
    }

    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return -1;
    }

    *n = need;

    return cp;
}


/* A domain (percent-encoded, maybe full-width) into host->name. */
static void
consent_host_domain(const unsigned char *p, size_t len,
    consent_host_t *host)
{
    int            hi, lo;
    long           cp;
    size_t         i, n, w, seq;
    unsigned char  c, dec[4 * CONSENT_HOST_MAX];

    /* most hosts are plain ASCII: lowercased in one pass */
    for (i = 0; i < len && i < CONSENT_HOST_MAX
                && consent_host_byte[p[i]] == 0; i++)
    {
        host->name[i] = (p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i];
    }

    if (i == len) {
        w = len;
        goto done;
    }

    /* percent-decoding first: "%2e" is a dot, "%41" an "a" */
    for (i = 0, n = 0; i < len; i++) {
        if (n == sizeof(dec)) {
            consent_host_set(host, CONSENT_HOST_INVALID);
            return;
        }

        c = p[i];

        if (c == '%' && i + 2 < len
            && (hi = consent_host_hex(p[i + 1])) >= 0
            && (lo = consent_host_hex(p[i + 2])) >= 0)
        {
            c = (unsigned char) (hi << 4 | lo);
            i += 2;
        }

        dec[n++] = c;
    }

    w = 0;
    i = 0;

    while (i < n) {
        c = dec[i];

        if (c < 0x80) {
            i++;

        } else {
            /* full-width forms and ideographic full stops (UTS #46) */
            cp = consent_host_utf8(dec + i, n - i, &seq);
            if (cp < 0) {
                consent_host_set(host, CONSENT_HOST_INVALID);
                return;
            }

            i += seq;

            if (cp == 0x3002 || cp == 0xff0e || cp == 0xff61) {
                c = '.';

            } else if ((cp >= 0xff10 && cp <= 0xff19)
                       || (cp >= 0xff21 && cp <= 0xff3a)
                       || (cp >= 0xff41 && cp <= 0xff5a)
                       || cp == 0xff0d)
            {
                c = (unsigned char) (cp - 0xfee0);

            } else {
                consent_host_set(host, CONSENT_HOST_INVALID);
                return;
            }
        }

        if (consent_host_forbidden(c) || w == CONSENT_HOST_MAX) {
            consent_host_set(host, CONSENT_HOST_INVALID);
            return;
        }

        host->name[w++] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }

done:

    /* "example.com." names example.com ("example.com.." does not resolve:
       read as the same, which is the safe side) */
    while (w > 0 && host->name[w - 1] == '.') {
        w--;
    }

    if (w == 0) {
        consent_host_set(host, CONSENT_HOST_INVALID);
        return;
    }

    host->name[w] = '\0';
    host->len = w;
    host->kind = CONSENT_HOST_NAME;

    if (consent_host_ipv4(host) != 0) {
        consent_host_set(host, CONSENT_HOST_INVALID);
    }
}


/*
 * A host whose last label is a number is an IPv4 address (decimal, 0x hex
 * or 0 octal parts, the last filling the remaining bytes): rewritten in
 * dotted decimal.  -1 when it ends in a number but is no address.
 */
static int
consent_host_ipv4(consent_host_t *host)
{
    int             base, digit;
    size_t          i, start, last, nparts;
    uint64_t        part, parts[4], addr;
    unsigned char  *p;

    p = host->name;

    /* the last label: all digits, or "0x" and hex digits */
    for (last = host->len; last > 0 && p[last - 1] != '.'; last--) {
        /* void */
    }

    if (last == host->len) {
        return 0;
    }

    if (host->len - last >= 2 && p[last] == '0' && p[last + 1] == 'x') {
        for (i = last + 2; i < host->len; i++) {
            if (consent_host_hex(p[i]) < 0) {
                return 0;
            }
        }

    } else {
        for (i = last; i < host->len; i++) {
            if (p[i] < '0' || p[i] > '9') {
                return 0;
            }
        }
    }

    nparts = 0;
    start = 0;

    for (i = 0; i <= host->len; i++) {
        if (i < host->len && p[i] != '.') {
            continue;
        }

        if (i == start || nparts == 4) {
            return -1;
        }

        base = 10;
        if (i - start >= 2 && p[start] == '0' && p[start + 1] == 'x') {
            base = 16;
            start += 2;

        } else if (i - start >= 2 && p[start] == '0') {
            base = 8;
            start++;
        }

        part = 0;
        for ( /* void */ ; start < i; start++) {
            digit = consent_host_hex(p[start]);
            if (digit < 0 || digit >= base) {
                return -1;
            }

            part = part * (uint64_t) base + (uint64_t) digit;
            if (part > 0xffffffffu) {
                return -1;
            }
        }

        parts[nparts++] = part;
        start = i + 1;
    }

    addr = 0;
    for (i = 0; i + 1 < nparts; i++) {
        if (parts[i] > 255) {
            return -1;
        }

        addr |= parts[i] << (8 * (3 - i));
    }

    if (parts[nparts - 1] >= ((uint64_t) 1 << (8 * (5 - nparts)))) {
        return -1;
    }

    addr |= parts[nparts - 1];

    host->len = 0;
    for (i = 0; i < 4; i++) {
        part = (addr >> (8 * (3 - i))) & 0xff;

        if (part >= 100) {
            p[host->len++] = (unsigned char) ('0' + part / 100);
        }
        if (part >= 10) {
            p[host->len++] = (unsigned char) ('0' + part / 10 % 10);
        }
        p[host->len++] = (unsigned char) ('0' + part % 10);

        if (i < 3) {
            p[host->len++] = '.';
        }
    }

    p[host->len] = '\0';
    host->kind = CONSENT_HOST_IPV4;

    return 0;
}


/* "[...]": hex digits, colons and an embedded IPv4's dots, lowercased. */
static void
consent_host_ipv6(const unsigned char *p, size_t len, consent_host_t *host)
{
    size_t         i;
    int            colon;
    unsigned char  c;

    if (len < 4 || len > CONSENT_HOST_MAX) {
        consent_host_set(host, CONSENT_HOST_INVALID);
        return;
    }

    colon = 0;

    for (i = 1; i + 1 < len; i++) {
        c = p[i];

        if (c == ':') {
            colon = 1;

        } else if (consent_host_hex(c) < 0 && c != '.') {
            consent_host_set(host, CONSENT_HOST_INVALID);
            return;
        }

        host->name[i] = (c >= 'A' && c <= 'F') ? c + 32 : c;
    }

    if (!colon) {
        consent_host_set(host, CONSENT_HOST_INVALID);
        return;
    }

    host->name[0] = '[';
    host->name[len - 1] = ']';
    host->name[len] = '\0';
    host->len = len;
    host->kind = CONSENT_HOST_IPV6;
}

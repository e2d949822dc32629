#ifndef CONSENT_CSS_H
#define CONSENT_CSS_H

/*
 * The URLs a piece of CSS (a style attribute or a <style> element's text)
 * may load, read the way a CSS tokenizer reads them: the argument of every
 * url() (the name may be written with escapes, "u\72l(") and every quoted
 * string, which covers @import "x", image-set("x") and font sources.
 * Strings that are not URLs (font names, content) are harmless candidates:
 * they read as relative, first-party URLs.  Comments are skipped.
 */

#include <stddef.h>

/* Room out needs for a candidate of CSS of len bytes. */
#define CONSENT_CSS_OUT_SIZE(len)  (2 * (len) + 4)

/*
 * The next candidate of p[0..len) from *pos, CSS escapes decoded into out;
 * returns its length, or (size_t) -1 when there is none left.
 */
size_t consent_css_next_url(const unsigned char *p, size_t len, size_t *pos,
    unsigned char *out);

/* CSS escapes of p[0..len) decoded into out (CONSENT_CSS_OUT_SIZE(len)). */
size_t consent_css_unescape(const unsigned char *p, size_t len,
    unsigned char *out);


/*
 * The same candidates found in CSS that streams: the scan stops where a
 * candidate's value starts (after the quote, or after "url(" and spaces)
 * and where it ends (at the closing quote, ')' or space), wherever the
 * buffers end.
 */
typedef struct {
    unsigned char  state;
    unsigned char  quote;
    unsigned char  hex;         /* hex digits of an escape in a name */
    unsigned char  ident_len;   /* raw bytes of the name; 0xff: too long */
    unsigned char  ident[16];
} consent_css_scan_t;

enum {
    CONSENT_CSS_MORE = 0,       /* p[*pos..len) read */
    CONSENT_CSS_URL_START,      /* a value starts at *at */
    CONSENT_CSS_URL_END         /* the value ended before *at */
};

void consent_css_scan_init(consent_css_scan_t *s);

/* Reads p from *pos (updated); an event's position is *at. */
int consent_css_scan(consent_css_scan_t *s, const unsigned char *p,
    size_t len, size_t *pos, size_t *at);

#endif /* CONSENT_CSS_H */

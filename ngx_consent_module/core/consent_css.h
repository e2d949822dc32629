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

#endif /* CONSENT_CSS_H */

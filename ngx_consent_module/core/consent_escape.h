#ifndef CONSENT_ESCAPE_H
#define CONSENT_ESCAPE_H

/*
 * HTML escaping for text and attribute values (the five characters that
 * can end a text run or a quoted attribute: & < > " '), and the check that
 * keeps a return_to inside the site.
 */

#include <stddef.h>


/* Bytes that consent_escape_html() writes for src. */
size_t consent_escape_html_len(const char *src, size_t len);

/* Write src escaped into dst; returns the end of what was written. */
char *consent_escape_html(char *dst, const char *src, size_t len);

/*
 * 1 when path is a same-origin absolute path ("/x", not "//host", "/\host";
 * printable ASCII without space or backslash), at most max bytes; else 0.
 * The one rule for return_to: what the endpoint keeps, the pages offer.
 */
int consent_escape_safe_path(const char *path, size_t len, size_t max);

#endif /* CONSENT_ESCAPE_H */

#ifndef CONSENT_FILE_H
#define CONSENT_FILE_H

/* Reading a whole configuration file (policy, catalogue) into memory. */

#include <stddef.h>

/*
 * The contents of a regular file of at most max bytes, malloc()ed and
 * NUL-terminated (*len excludes the NUL); NULL with "PATH: why" in err.
 */
char *consent_file_read(const char *path, size_t max, size_t *len,
    char *err, size_t errlen);

#endif /* CONSENT_FILE_H */

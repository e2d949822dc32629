/* Whole-file reads for configuration files (see consent_file.h). */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "consent_file.h"


char *
consent_file_read(const char *path, size_t max, size_t *len, char *err,
    size_t errlen)
{
    FILE         *file;
    char         *data;
    struct stat   st;

    file = fopen(path, "rb");
    if (file == NULL) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }

    if (fstat(fileno(file), &st) != 0) {
        snprintf(err, errlen, "%s: cannot stat: %s", path, strerror(errno));
        fclose(file);
        return NULL;
    }

    if (!S_ISREG(st.st_mode) || (size_t) st.st_size > max) {
        snprintf(err, errlen, "%s: not a regular file of at most %zu bytes",
                 path, max);
        fclose(file);
        return NULL;
    }

    data = malloc((size_t) st.st_size + 1);
    if (data == NULL) {
        snprintf(err, errlen, "%s: out of memory", path);
        fclose(file);
        return NULL;
    }

    *len = fread(data, 1, (size_t) st.st_size, file);

    if (ferror(file)) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        free(data);
        fclose(file);
        return NULL;
    }

    fclose(file);
    data[*len] = '\0';

    return data;
}

/*
 * Finding where a value sits in a policy file: jansson keeps no positions
 * of values, so schema errors walk the (already valid) JSON text along the
 * value's path to report its line and column.
 */

#include <string.h>

#include "consent_policy_int.h"

#define CONSENT_NOT_FOUND  ((size_t) -1)


static size_t
consent_locate_skip_ws(const char *text, size_t len, size_t pos)
{
    while (pos < len
           && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n'
               || text[pos] == '\r'))
    {
        pos++;
    }

    return pos;
}


/* pos is at the opening quote; returns the position after the closing one. */
static size_t
consent_locate_skip_string(const char *text, size_t len, size_t pos)
{
    for (pos++; pos < len; pos++) {
        if (text[pos] == '\\') {
            pos++;

        } else if (text[pos] == '"') {
            return pos + 1;
        }
    }

    return CONSENT_NOT_FOUND;
}


static size_t
consent_locate_skip_value(const char *text, size_t len, size_t pos)
{
    size_t  depth;

    if (pos >= len) {
        return CONSENT_NOT_FOUND;
    }

    if (text[pos] == '"') {
        return consent_locate_skip_string(text, len, pos);
    }

    if (text[pos] != '{' && text[pos] != '[') {
        while (pos < len && strchr(",}] \t\r\n", text[pos]) == NULL) {
            pos++;
        }

        return pos;
    }

    depth = 0;

    while (pos < len) {
        switch (text[pos]) {

        case '"':
            pos = consent_locate_skip_string(text, len, pos);
            if (pos == CONSENT_NOT_FOUND) {
                return pos;
            }

            continue;

        case '{':
        case '[':
            depth++;
            break;

        case '}':
        case ']':
            if (--depth == 0) {
                return pos + 1;
            }

            break;
        }

        pos++;
    }

    return CONSENT_NOT_FOUND;
}


/* Does the quoted key text[start..end) equal key once unescaped? */
static int
consent_locate_key_equal(const char *text, size_t start, size_t end,
    const char *key)
{
    int      equal;
    size_t   n;
    json_t  *decoded;

    n = end - start - 2;

    if (memchr(text + start + 1, '\\', n) == NULL) {
        return strlen(key) == n && memcmp(text + start + 1, key, n) == 0;
    }

    decoded = json_loadb(text + start, end - start, JSON_DECODE_ANY, NULL);
    if (decoded == NULL) {
        return 0;
    }

    equal = json_is_string(decoded)
            && json_string_length(decoded) == strlen(key)
            && memcmp(json_string_value(decoded), key, strlen(key)) == 0;

    json_decref(decoded);

    return equal;
}


static size_t
consent_locate_member(const char *text, size_t len, size_t pos,
    const char *key)
{
    size_t  start;

    if (pos >= len || text[pos] != '{') {
        return CONSENT_NOT_FOUND;
    }

    pos++;

    for ( ;; ) {
        pos = consent_locate_skip_ws(text, len, pos);
        if (pos >= len || text[pos] != '"') {
            return CONSENT_NOT_FOUND;
        }

        start = pos;
        pos = consent_locate_skip_string(text, len, pos);
        if (pos == CONSENT_NOT_FOUND) {
            return pos;
        }

        if (consent_locate_key_equal(text, start, pos, key)) {
            pos = consent_locate_skip_ws(text, len, pos);
            if (pos >= len || text[pos] != ':') {
                return CONSENT_NOT_FOUND;
            }

            return consent_locate_skip_ws(text, len, pos + 1);
        }

        pos = consent_locate_skip_ws(text, len, pos);
        if (pos >= len || text[pos] != ':') {
            return CONSENT_NOT_FOUND;
        }

        pos = consent_locate_skip_ws(text, len, pos + 1);
        pos = consent_locate_skip_value(text, len, pos);
        if (pos == CONSENT_NOT_FOUND) {
            return pos;
        }

        pos = consent_locate_skip_ws(text, len, pos);
        if (pos >= len || text[pos] != ',') {
            return CONSENT_NOT_FOUND;
        }

        pos++;
    }
}


static size_t
consent_locate_element(const char *text, size_t len, size_t pos,
    size_t index)
{
    size_t  i;

    if (pos >= len || text[pos] != '[') {
        return CONSENT_NOT_FOUND;
    }

    pos = consent_locate_skip_ws(text, len, pos + 1);

    for (i = 0; i < index; i++) {
        pos = consent_locate_skip_value(text, len, pos);
        if (pos == CONSENT_NOT_FOUND) {
            return pos;
        }

        pos = consent_locate_skip_ws(text, len, pos);
        if (pos >= len || text[pos] != ',') {
            return CONSENT_NOT_FOUND;
        }

        pos = consent_locate_skip_ws(text, len, pos + 1);
    }

    if (pos >= len || text[pos] == ']') {
        return CONSENT_NOT_FOUND;
    }

    return pos;
}


int
consent_policy_locate(const char *text, size_t len,
    const consent_json_step_t *path, size_t depth, unsigned *line,
    unsigned *column)
{
    size_t  pos, i;

    pos = consent_locate_skip_ws(text, len, 0);

    for (i = 0; i < depth; i++) {
        if (path[i].key != NULL) {
            pos = consent_locate_member(text, len, pos, path[i].key);

        } else {
            pos = consent_locate_element(text, len, pos, path[i].index);
        }

        if (pos == CONSENT_NOT_FOUND) {
            return -1;
        }
    }

    *line = 1;
    *column = 1;

    /* columns count characters: UTF-8 continuation bytes do not */
    for (i = 0; i < pos; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *column = 1;

        } else if (((unsigned char) text[i] & 0xc0) != 0x80) {
            (*column)++;
        }
    }

    return 0;
}

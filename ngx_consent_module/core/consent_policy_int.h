#ifndef CONSENT_POLICY_INT_H
#define CONSENT_POLICY_INT_H

/*
 * Private interfaces between the policy loader and its helpers; nothing
 * outside consent_policy*.c includes this.
 */

#include "consent_policy.h"

/* The schema nests at most 6 deep: services[i].cookies[j].purpose.lang. */
#define CONSENT_JSON_PATH_MAX  8

/* One step of a JSON path: a member name, or an array index. */
typedef struct {
    const char             *key;            /* NULL: an array index */
    size_t                  index;
} consent_json_step_t;

/* Accumulates the source of the combined alternation of a pattern set. */
typedef struct {
    char                   *source;
    size_t                  len;
    size_t                  size;
    size_t                  ncombined;
} consent_pattern_builder_t;


/*
 * The line and column (both from 1, columns in characters as jansson counts
 * them) where the value at path starts in a JSON text; -1 if not found.
 */
int consent_policy_locate(const char *text, size_t len,
    const consent_json_step_t *path, size_t depth, unsigned *line,
    unsigned *column);

/* Add a compiled pattern (with its source) of a service; -1: no memory. */
int consent_pattern_set_add(consent_pattern_set_t *set,
    consent_pattern_builder_t *builder, pcre2_code *code, unsigned service,
    const char *source, size_t len);

/* Compile the combined alternation and index the rest; -1: no memory. */
int consent_pattern_set_finish(consent_pattern_set_t *set,
    consent_pattern_builder_t *builder);

void consent_pattern_builder_free(consent_pattern_builder_t *builder);
void consent_pattern_set_free(consent_pattern_set_t *set);

#endif /* CONSENT_POLICY_INT_H */

#ifndef CONSENT_ENTITIES_H
#define CONSENT_ENTITIES_H

/*
 * The named character references of the HTML standard, generated into
 * consent_entities.c by tools/gen-entities.pl: names without their ';',
 * sorted by bytes, with an index by first letter.
 */

#include <stdint.h>

#define CONSENT_ENTITIES  2125      /* names with ';' (106 also without) */

typedef struct {
    uint16_t       name;            /* offset in consent_entity_names */
    unsigned char  len;
    unsigned char  legacy;          /* also recognised without ';' */
    unsigned char  value_len;
    char           value[7];        /* UTF-8, one or two code points */
} consent_entity_t;

extern const char              consent_entity_names[];
extern const consent_entity_t  consent_entities[CONSENT_ENTITIES];

/* consent_entities[] from the first name of A-Z, a-z; [52]: the end */
extern const uint16_t          consent_entity_first[53];

#endif /* CONSENT_ENTITIES_H */

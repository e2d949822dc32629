#ifndef CONSENT_CATALOGUE_H
#define CONSENT_CATALOGUE_H

/*
 * The tracker catalogue (assets/catalogue.json, docs/catalogue.md): entities
 * with their domains and inline signatures.  Loaded once at configuration
 * time, before nginx forks, and read-only afterwards: every worker shares
 * it.  A host is looked up in O(labels) whatever the catalogue's size: the
 * host itself, then each parent domain, in an open-addressing hash table.
 */

#include <stddef.h>
#include <stdint.h>


/*
 * Domain -> value: "d" matches the host d only, "*.d" matches d and every
 * subdomain of d.  The most specific entry wins: an exact entry for the
 * host, then the wildcard entries of the host and its parents, longest
 * first.
 */
typedef struct {
    uint32_t                hash;
    uint32_t                name;       /* offset in names; 0: empty slot */
    uint32_t                len;
    int32_t                 exact;      /* value, or -1 */
    int32_t                 wild;
} consent_domain_slot_t;

typedef struct {
    consent_domain_slot_t  *slots;
    size_t                  mask;       /* slots - 1, a power of two - 1 */
    size_t                  count;
    char                   *names;      /* lowercased, NUL-separated */
    size_t                  names_len;
    size_t                  names_cap;
} consent_domains_t;

/* consent_domains_add() results besides 0. */
#define CONSENT_DOMAINS_NOMEM      -1
#define CONSENT_DOMAINS_INVALID    -2   /* not "d" / "*.d" of [a-z0-9_-.] */
#define CONSENT_DOMAINS_DUPLICATE  -3   /* *previous set to the first one */

int consent_domains_add(consent_domains_t *table, const char *pattern,
    size_t len, int value, int *previous);

/* The value for a host (lowercase ASCII, as consent_host gives), or -1. */
int consent_domains_lookup(const consent_domains_t *table,
    const unsigned char *host, size_t len);

void consent_domains_free(consent_domains_t *table);


typedef struct {
    const char             *id;
    const char             *name;
    const char             *company;        /* or NULL */
    const char             *category;       /* NULL: known, not blocked */
    const char             *homepage;       /* or NULL */
    const char             *privacy_url;    /* or NULL */
} consent_entity_t;

typedef struct {
    const char             *text;
    size_t                  len;            /* at least 3 */
    size_t                  anchor;         /* offset of its rarest 3 bytes */
    uint16_t                hash;           /* their hash */
    unsigned                entity;
} consent_signature_t;

typedef struct {
    consent_entity_t       *entities;       /* sorted by id */
    size_t                  nentities;
    consent_domains_t       domains;        /* -> entity index */
    consent_signature_t    *signatures;     /* sorted by hash */
    size_t                  nsignatures;
    uint8_t                 hashes[65536 / 8];    /* anchor hashes seen */
    char                   *strings;        /* every string above */
} consent_catalogue_t;


/*
 * Load and validate a catalogue of format 1.  On failure NULL and one line
 * in err: "NAME:LINE:COLUMN: ..." for JSON syntax, "NAME: entities[3]...:
 * what is wrong" for the schema.
 */
consent_catalogue_t *consent_catalogue_load_buffer(const char *data,
    size_t len, const char *name, char *err, size_t errlen);
consent_catalogue_t *consent_catalogue_load_file(const char *path,
    char *err, size_t errlen);
void consent_catalogue_free(consent_catalogue_t *catalogue);

/* The index of the entity with that id, or -1 (binary search). */
int consent_catalogue_entity(const consent_catalogue_t *catalogue,
    const char *id, size_t len);

/* The entity a host (consent_host's form) belongs to, or -1. */
int consent_catalogue_lookup(const consent_catalogue_t *catalogue,
    const unsigned char *host, size_t len);

/*
 * Host-like tokens of script text, from *pos: "//host", "\/\/host" (JSON
 * escaped), quoted "host.tld/..." or "host.tld", and after a '+' the
 * quoted rest of a host split by concatenation (".host.tld/..."; the host
 * without its dot): sets *host and
 * returns the token's length, or returns 0 at the end.  A token has a dot
 * and ends in a label of at least two letters; its bytes are raw (the
 * caller parses them with consent_host_parse_name()).
 */
size_t consent_inline_host_next(const unsigned char *text, size_t len,
    size_t *pos, const unsigned char **host);

/*
 * The signatures found in text, in one pass: calls found for each (in the
 * order of their anchors in the text) until it returns non-zero, and
 * returns that value (0 if none stopped the scan).  A signature starting
 * with an identifier character counts only where no identifier character
 * precedes it ("fbq(" is not found in "myfbq(").
 */
typedef int (*consent_signature_pt)(void *data, unsigned entity);

int consent_catalogue_signatures(const consent_catalogue_t *catalogue,
    const unsigned char *text, size_t len, consent_signature_pt found,
    void *data);

#endif /* CONSENT_CATALOGUE_H */

/*
 * A policy on top of the tracker catalogue: "extends": "catalogue", the
 * per-entity overrides of "entities" and the "first_party" hosts.  Every
 * catalogue entity in a category the site blocks becomes a service of the
 * policy (from_catalogue), after the services the policy declares; an
 * entity a declared service names by id is that service, unless the
 * policy excludes the entity (then the service has only its patterns).
 */

#include <stdlib.h>
#include <string.h>

#include "consent_policy_int.h"

/* Overrides of an entity, besides a category index. */
#define CONSENT_OVERRIDE_NONE     -2
#define CONSENT_OVERRIDE_EXCLUDE  -1


static const char *consent_policy_override_keys[] = {
    "category", "exclude", NULL
};


static int
consent_policy_check_override(consent_policy_ctx_t *ctx, json_t *value,
    int *override)
{
    char         list[512];
    json_t      *category, *exclude;
    const char  *id;

    if (!json_is_object(value)) {
        return consent_policy_error(ctx, "must be {\"category\": \"<category "
                                    "id>\"} or {\"exclude\": true}");
    }

    if (consent_policy_check_keys(ctx, value, consent_policy_override_keys)
        != 0)
    {
        return -1;
    }

    category = json_object_get(value, "category");
    exclude = json_object_get(value, "exclude");

    if ((category == NULL) == (exclude == NULL)) {
        return consent_policy_error(ctx, "give either \"category\" (block "
                                    "it as that category) or \"exclude\": "
                                    "true (never block it)");
    }

    if (exclude != NULL) {
        if (!json_is_true(exclude)) {
            consent_policy_push_key(ctx, "exclude");
            return consent_policy_error(ctx, "must be true (remove the "
                                        "override to keep the catalogue's "
                                        "category)");
        }

        *override = CONSENT_OVERRIDE_EXCLUDE;
        return 0;
    }

    consent_policy_push_key(ctx, "category");

    id = json_string_value(category);
    *override = id ? consent_policy_category(ctx->policy, id, strlen(id))
                   : -1;

    if (*override < 0) {
        consent_policy_category_list(ctx->policy, list, sizeof(list));
        return consent_policy_error(ctx, "unknown category %s%s%s (known: "
                                    "%s; \"exclude\": true never blocks the "
                                    "entity)", id ? "\"" : "",
                                    id ? id : "(not a string)",
                                    id ? "\"" : "", list);
    }

    consent_policy_pop(ctx);

    return 0;
}


static int
consent_policy_check_entities(consent_policy_ctx_t *ctx, json_t *root,
    int *overrides)
{
    int          entity;
    json_t      *entities, *value;
    const char  *id;

    entities = json_object_get(root, "entities");
    if (entities == NULL) {
        return 0;
    }

    consent_policy_push_key(ctx, "entities");

    if (!json_is_object(entities)) {
        return consent_policy_error(ctx, "must be an object: {\"<entity "
                                    "id>\": {\"category\": \"<category "
                                    "id>\"} or {\"exclude\": true}}");
    }

    json_object_foreach(entities, id, value) {
        if (id[0] == '_' || id[0] == '$') {
            continue;
        }

        consent_policy_push_key(ctx, id);

        entity = consent_catalogue_entity(ctx->catalogue, id, strlen(id));
        if (entity < 0) {
            return consent_policy_error(ctx, "unknown catalogue entity "
                                        "\"%s\": use an \"id\" of "
                                        "assets/catalogue.json (see "
                                        "docs/catalogue.md), or declare "
                                        "the service in \"services\"", id);
        }

        if (consent_policy_check_override(ctx, value, &overrides[entity])
            != 0)
        {
            return -1;
        }

        consent_policy_pop(ctx);
    }

    consent_policy_pop(ctx);

    return 0;
}


static int
consent_policy_check_first_party(consent_policy_ctx_t *ctx, json_t *root)
{
    int      rc, previous;
    size_t   i;
    json_t  *list, *value;

    list = json_object_get(root, "first_party");
    if (list == NULL) {
        return 0;
    }

    consent_policy_push_key(ctx, "first_party");

    if (!json_is_array(list)) {
        return consent_policy_error(ctx, "must be an array of hosts "
                                    "(\"static.example.net\", or "
                                    "\"*.example.net\" for it and its "
                                    "subdomains)");
    }

    json_array_foreach(list, i, value) {
        consent_policy_push_index(ctx, i);

        rc = json_is_string(value)
             ? consent_domains_add(&ctx->policy->first_party,
                                   json_string_value(value),
                                   json_string_length(value), 0, &previous)
             : CONSENT_DOMAINS_INVALID;

        if (rc == CONSENT_DOMAINS_NOMEM) {
            return consent_policy_no_memory(ctx);
        }

        if (rc == CONSENT_DOMAINS_INVALID) {
            return consent_policy_error(ctx, "must be a host "
                                        "(\"static.example.net\") or "
                                        "\"*.\" and a host: ASCII letters, "
                                        "digits, \"-\", \"_\" and dots "
                                        "(punycode for IDN), no scheme, "
                                        "port or path");
        }

        consent_policy_pop(ctx);
    }

    consent_policy_pop(ctx);

    return 0;
}


/* The category of an entity for this policy: index, or -1 not blocked. */
static int
consent_policy_entity_category(consent_policy_ctx_t *ctx, size_t e,
    int override)
{
    size_t                   i, count;
    const char              *id, *example;
    const consent_entity_t  *entity, *entities;

    if (override != CONSENT_OVERRIDE_NONE) {
        return override;
    }

    entities = ctx->catalogue->entities;
    entity = &entities[e];

    if (entity->category == NULL) {
        return -1;
    }

    if (consent_policy_category(ctx->policy, entity->category,
                                strlen(entity->category))
        >= 0)
    {
        return consent_policy_category(ctx->policy, entity->category,
                                       strlen(entity->category));
    }

    id = entity->category;
    example = entity->id;
    count = 0;

    for (i = 0; i < ctx->catalogue->nentities; i++) {
        if (entities[i].category && strcmp(entities[i].category, id) == 0) {
            count++;
        }
    }

    consent_policy_push_key(ctx, "extends");

    consent_policy_error(ctx, "the catalogue files %zu entities (such as "
                         "\"%s\") under the category \"%s\", which this "
                         "policy lacks: add that category to "
                         "\"categories\", or give those entities a category "
                         "in \"entities\"", count, example, id);

    return -2;
}


int
consent_policy_check_catalogue(consent_policy_ctx_t *ctx, json_t *root)
{
    int                       category, *overrides;
    size_t                    e, i, n, added;
    json_t                   *extends;
    consent_policy_t         *policy;
    consent_service_t        *services, *service;
    const consent_entity_t   *entity;
    const consent_catalogue_t  *cat;

    policy = ctx->policy;
    cat = ctx->catalogue;

    if (consent_policy_check_first_party(ctx, root) != 0) {
        return -1;
    }

    extends = json_object_get(root, "extends");

    if (extends == NULL) {
        if (json_object_get(root, "entities") != NULL) {
            consent_policy_push_key(ctx, "entities");
            return consent_policy_error(ctx, "entity overrides need "
                                        "\"extends\": \"catalogue\"");
        }

        return 0;
    }

    consent_policy_push_key(ctx, "extends");

    if (!json_is_string(extends)
        || strcmp(json_string_value(extends), "catalogue") != 0)
    {
        return consent_policy_error(ctx, "must be \"catalogue\" (the "
                                    "module's tracker catalogue; remove "
                                    "\"extends\" to use only the policy's "
                                    "own services)");
    }

    if (cat == NULL) {
        return consent_policy_error(ctx, "no catalogue is loaded; the "
                                    "module embeds one: rebuild it");
    }

    consent_policy_pop(ctx);

    policy->catalogue = cat;
    n = cat->nentities;

    overrides = malloc((n ? n : 1) * sizeof(int));
    policy->entity_service = malloc((n ? n : 1) * sizeof(int));
    if (overrides == NULL || policy->entity_service == NULL) {
        free(overrides);
        return consent_policy_no_memory(ctx);
    }

    for (e = 0; e < n; e++) {
        overrides[e] = CONSENT_OVERRIDE_NONE;
    }

    if (consent_policy_check_entities(ctx, root, overrides) != 0) {
        free(overrides);
        return -1;
    }

    /* entity_service holds the category until services are appended */
    added = 0;

    for (e = 0; e < n; e++) {
        policy->entity_service[e] = -1;

        for (i = 0; i < policy->ndeclared; i++) {
            if (strcmp(policy->services[i].id, cat->entities[e].id) == 0) {
                break;
            }
        }

        if (i < policy->ndeclared && overrides[e] >= 0) {
            consent_policy_push_key(ctx, "entities");
            consent_policy_push_key(ctx, cat->entities[e].id);
            consent_policy_push_key(ctx, "category");
            free(overrides);

            return consent_policy_error(ctx, "services[%zu] declares \"%s\": "
                                        "set its category there", i,
                                        cat->entities[e].id);
        }

        /* excluded: the declared service keeps to its own patterns */
        if (i < policy->ndeclared
            && overrides[e] == CONSENT_OVERRIDE_EXCLUDE)
        {
            continue;
        }

        if (i < policy->ndeclared) {
            /* a declared service of that id is the entity */
            policy->services[i].entity = (int) e;
            policy->entity_service[e] = (int) i;
            continue;
        }

        category = consent_policy_entity_category(ctx, e, overrides[e]);
        if (category == -2) {
            free(overrides);
            return -1;
        }

        if (category >= 0) {
            policy->entity_service[e] = -2 - category;
            added++;
        }
    }

    free(overrides);

    services = realloc(policy->services, (policy->ndeclared + added + 1)
                                         * sizeof(consent_service_t));
    if (services == NULL) {
        return consent_policy_no_memory(ctx);
    }

    policy->services = services;

    for (e = 0; e < n; e++) {
        if (policy->entity_service[e] > -2) {
            continue;
        }

        entity = &cat->entities[e];
        category = -2 - policy->entity_service[e];

        service = &policy->services[policy->nservices];
        memset(service, 0, sizeof(consent_service_t));
        service->id = entity->id;
        service->name = entity->name;
        service->category = (unsigned) category;
        service->provider = entity->company ? entity->company : entity->name;
        service->privacy_url = entity->privacy_url;
        service->entity = (int) e;
        service->from_catalogue = 1;

        policy->entity_service[e] = (int) policy->nservices++;
        policy->catalogue_mask |= (consent_mask_t) 1 << category;
    }

    return 0;
}


consent_policy_t *
consent_policy_load_standalone(const char *path, const char *catalogue_path,
    consent_catalogue_t **catalogue, char *err, size_t errlen)
{
    consent_policy_t  *policy;

    *catalogue = consent_catalogue_load_file(catalogue_path, err, errlen);
    if (*catalogue == NULL) {
        return NULL;
    }

    policy = consent_policy_load_file(path, *catalogue, err, errlen);
    if (policy == NULL) {
        consent_catalogue_free(*catalogue);
        *catalogue = NULL;
    }

    return policy;
}

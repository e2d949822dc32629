/*
 * The policy's "regions": the default mode and the groups of regions, laid
 * over the built-in groups (a group with a built-in id changes the members
 * it gives), and the opt_out categories.
 */

#include <stdlib.h>
#include <string.h>

#include "consent_policy_int.h"


static const char *consent_policy_region_keys[] = {
    "default", "builtin_groups", "groups", NULL
};

static const char *consent_policy_group_keys[] = {
    "id", "mode", "match", "objection", NULL
};


static int consent_policy_region_mode(consent_policy_ctx_t *ctx,
    json_t *value, consent_mode_t *mode);
static int consent_policy_region_group(consent_policy_ctx_t *ctx,
    json_t *object, consent_region_group_t *group, int builtin);
static int consent_policy_region_match(consent_policy_ctx_t *ctx,
    json_t *match, consent_region_group_t *group);
static int consent_policy_region_objection(consent_policy_ctx_t *ctx,
    json_t *objection, consent_region_group_t *group);


int
consent_policy_check_regions(consent_policy_ctx_t *ctx, json_t *root)
{
    int                      builtin, keep;
    size_t                   i, b, n, nbuiltin;
    json_t                  *regions, *groups, *value, *id;
    consent_policy_t        *policy;
    consent_regions_t       *r;
    consent_region_group_t  *group;

    policy = ctx->policy;
    r = &policy->regions;

    /* a policy that marks nothing opt_out: what GPC refuses is sold */
    if (policy->opt_out_mask == 0) {
        policy->opt_out_mask = policy->gpc_mask;
    }

    regions = json_object_get(root, "regions");
    groups = NULL;
    keep = 1;

    if (regions != NULL) {
        consent_policy_push_key(ctx, "regions");

        if (!json_is_object(regions)) {
            return consent_policy_error(ctx, "must be an object with "
                                        "\"default\" and \"groups\"");
        }

        if (consent_policy_check_keys(ctx, regions,
                                      consent_policy_region_keys)
            != 0)
        {
            return -1;
        }

        value = json_object_get(regions, "default");
        if (value != NULL) {
            consent_policy_push_key(ctx, "default");

            if (consent_policy_region_mode(ctx, value, &r->default_mode)
                != 0)
            {
                return -1;
            }

            consent_policy_pop(ctx);
        }

        value = json_object_get(regions, "builtin_groups");
        if (value != NULL && !json_is_boolean(value)) {
            consent_policy_push_key(ctx, "builtin_groups");
            return consent_policy_error(ctx, "must be true or false");
        }

        keep = !json_is_false(value);

        groups = json_object_get(regions, "groups");
        if (groups != NULL && !json_is_array(groups)) {
            consent_policy_push_key(ctx, "groups");
            return consent_policy_error(ctx, "must be an array of groups");
        }
    }

    nbuiltin = keep ? consent_region_builtin_count() : 0;
    n = groups ? json_array_size(groups) : 0;

    r->groups = calloc(n + nbuiltin + 1, sizeof(consent_region_group_t));
    r->lists = calloc(n + 1, sizeof(void *));

    if (r->groups == NULL || r->lists == NULL) {
        return consent_policy_no_memory(ctx);
    }

    /* the policy's groups first: they win over the built-in ones */
    for (i = 0; i < n; i++) {
        value = json_array_get(groups, i);
        group = &r->groups[r->ngroups];

        consent_policy_push_key(ctx, "groups");
        consent_policy_push_index(ctx, i);

        if (!json_is_object(value)) {
            return consent_policy_error(ctx, "must be an object with "
                                        "\"id\", \"mode\" and \"match\"");
        }

        id = json_object_get(value, "id");
        builtin = 0;

        for (b = 0; b < nbuiltin && json_is_string(id); b++) {
            if (strcmp(consent_region_builtin(b)->id, json_string_value(id))
                == 0)
            {
                *group = *consent_region_builtin(b);
                builtin = 1;
            }
        }

        for (b = 0; b < r->ngroups && json_is_string(id); b++) {
            if (strcmp(r->groups[b].id, json_string_value(id)) == 0) {
                consent_policy_push_key(ctx, "id");
                return consent_policy_error(ctx, "duplicate group id \"%s\" "
                                            "(also groups[%zu])",
                                            r->groups[b].id, b);
            }
        }

        if (consent_policy_region_group(ctx, value, group, builtin) != 0) {
            return -1;
        }

        consent_policy_pop(ctx);
        consent_policy_pop(ctx);

        r->ngroups++;
    }

    for (b = 0; b < nbuiltin; b++) {
        for (i = 0; i < n; i++) {
            if (strcmp(r->groups[i].id, consent_region_builtin(b)->id) == 0) {
                break;
            }
        }

        if (i == n) {
            r->groups[r->ngroups++] = *consent_region_builtin(b);
        }
    }

    if (regions != NULL) {
        consent_policy_pop(ctx);
    }

    return 0;
}


static int
consent_policy_region_mode(consent_policy_ctx_t *ctx, json_t *value,
    consent_mode_t *mode)
{
    if (!json_is_string(value)
        || consent_mode_parse(json_string_value(value),
                              json_string_length(value), mode)
           != 0)
    {
        return consent_policy_error(ctx, "must be \"opt-in\", \"opt-out\", "
                                    "\"notice\" or \"none\"");
    }

    return 0;
}


static int
consent_policy_region_group(consent_policy_ctx_t *ctx, json_t *object,
    consent_region_group_t *group, int builtin)
{
    json_t  *value;

    if (consent_policy_check_keys(ctx, object, consent_policy_group_keys)
        != 0)
    {
        return -1;
    }

    value = json_object_get(object, "id");

    if (!json_is_string(value) || json_string_length(value) == 0) {
        consent_policy_push_key(ctx, "id");
        return consent_policy_error(ctx, "must be a non-empty string (a new "
                                    "group's name, or \"eea\", \"uk\" or "
                                    "\"us-opt-out\" to change a built-in "
                                    "one)");
    }

    group->id = json_string_value(value);

    value = json_object_get(object, "mode");

    if (value != NULL) {
        consent_policy_push_key(ctx, "mode");

        if (consent_policy_region_mode(ctx, value, &group->mode) != 0) {
            return -1;
        }

        consent_policy_pop(ctx);

    } else if (!builtin) {
        return consent_policy_error(ctx, "missing \"mode\" (\"opt-in\", "
                                    "\"opt-out\", \"notice\" or \"none\")");
    }

    value = json_object_get(object, "match");

    if (value != NULL) {
        consent_policy_push_key(ctx, "match");

        if (consent_policy_region_match(ctx, value, group) != 0) {
            return -1;
        }

        consent_policy_pop(ctx);

    } else if (!builtin) {
        return consent_policy_error(ctx, "missing \"match\" (an array of "
                                    "region codes such as \"DE\", "
                                    "\"US-CA\" or \"*\")");
    }

    value = json_object_get(object, "objection");

    if (value != NULL) {
        consent_policy_push_key(ctx, "objection");

        if (consent_policy_region_objection(ctx, value, group) != 0) {
            return -1;
        }

        consent_policy_pop(ctx);
    }

    if (group->objection && group->mode != CONSENT_MODE_OPT_IN) {
        consent_policy_push_key(ctx, "objection");
        return consent_policy_error(ctx, "only an opt-in group has "
                                    "categories that run until the visitor "
                                    "objects; remove \"objection\"");
    }

    return 0;
}


static int
consent_policy_region_match(consent_policy_ctx_t *ctx, json_t *match,
    consent_region_group_t *group)
{
    size_t               i, n;
    json_t              *item;
    const char         **list;
    consent_regions_t   *r;

    r = &ctx->policy->regions;
    n = json_is_array(match) ? json_array_size(match) : 0;

    if (n == 0) {
        return consent_policy_error(ctx, "must be a non-empty array of "
                                    "region codes such as \"DE\", "
                                    "\"US-CA\" or \"*\"");
    }

    list = calloc(n, sizeof(char *));
    if (list == NULL) {
        return consent_policy_no_memory(ctx);
    }

    r->lists[r->nlists++] = list;

    json_array_foreach(match, i, item) {
        if (!json_is_string(item)
            || !consent_region_valid_match(json_string_value(item)))
        {
            consent_policy_push_index(ctx, i);
            return consent_policy_error(ctx, "must be an ISO 3166 code in "
                                        "upper case: a country (\"DE\"), "
                                        "a subdivision (\"US-CA\"), or "
                                        "\"*\" for any region known");
        }

        list[i] = json_string_value(item);
    }

    group->match = list;
    group->nmatch = n;

    return 0;
}


static int
consent_policy_region_objection(consent_policy_ctx_t *ctx, json_t *objection,
    consent_region_group_t *group)
{
    int      cat;
    char     list[512];
    size_t   i;
    json_t  *item;

    if (!json_is_array(objection)) {
        return consent_policy_error(ctx, "must be an array of category ids");
    }

    group->objection = 0;

    json_array_foreach(objection, i, item) {
        cat = json_is_string(item)
              ? consent_policy_category(ctx->policy, json_string_value(item),
                                        json_string_length(item))
              : -1;

        if (cat < 0) {
            consent_policy_push_index(ctx, i);
            consent_policy_category_list(ctx->policy, list, sizeof(list));
            return consent_policy_error(ctx, "must be a category id (%s)",
                                        list);
        }

        group->objection |= (uint32_t) 1 << cat;
    }

    return 0;
}

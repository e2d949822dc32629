/*
 * Decisions posted to the consent endpoint (see consent_request.h).
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "consent_request.h"
#include "consent_escape.h"


#define CONSENT_REASON_VALUE_MAX  40    /* bytes of a bad value quoted back */


typedef struct {
    const char  *name;
    size_t       len;
    int          value;
} consent_name_t;


static int consent_action_lookup(const char *name, size_t len);
static int consent_source_lookup(const char *name, size_t len);
static int consent_name_lookup(const consent_name_t *names, const char *name,
    size_t len);
static int consent_category_add(const consent_policy_t *policy,
    const char *id, size_t len, consent_mask_t *mask,
    char reason[CONSENT_REASON_MAX]);
static int consent_service_add(const consent_policy_t *policy,
    const char *id, size_t len, consent_services_t *services,
    char reason[CONSENT_REASON_MAX]);
static int consent_decision_check(const consent_decision_t *decision,
    char reason[CONSENT_REASON_MAX]);
static void consent_reason(char reason[CONSENT_REASON_MAX], const char *fmt,
    const char *value, size_t len);
static int consent_form_decode(const char *in, size_t len, char *out,
    size_t *outlen);
static int consent_hex_value(unsigned char c);
static int consent_authority_split(const char *p, size_t len,
    const char **host, size_t *host_len, long *port);


static const consent_name_t  consent_actions[] = {
    { "accept_all", sizeof("accept_all") - 1, CONSENT_ACTION_ACCEPT_ALL },
    { "reject_all", sizeof("reject_all") - 1, CONSENT_ACTION_REJECT_ALL },
    { "save", sizeof("save") - 1, CONSENT_ACTION_SAVE },
    { "withdraw", sizeof("withdraw") - 1, CONSENT_ACTION_WITHDRAW },
    { "allow", sizeof("allow") - 1, CONSENT_ACTION_ALLOW },
    { NULL, 0, 0 }
};

static const consent_name_t  consent_sources[] = {
    { "banner", sizeof("banner") - 1, CONSENT_SOURCE_BANNER },
    { "preferences", sizeof("preferences") - 1, CONSENT_SOURCE_PREFERENCES },
    { "api", sizeof("api") - 1, CONSENT_SOURCE_API },
    { "nojs", sizeof("nojs") - 1, CONSENT_SOURCE_NOJS },
    { "placeholder", sizeof("placeholder") - 1, CONSENT_SOURCE_PLACEHOLDER },
    { NULL, 0, 0 }
};


int
consent_decision_parse_form(const consent_policy_t *policy, const char *body,
    size_t len, consent_decision_t *decision, char reason[CONSENT_REASON_MAX])
{
    int          have_action, have_source, have_return_to, value;
    char        *buf, *key, *val;
    size_t       klen, vlen;
    const char  *p, *end, *amp, *eq;

    decision->requested = 0;
    decision->services.n = 0;
    decision->source = CONSENT_SOURCE_NOJS;
    decision->return_to[0] = '/';
    decision->return_to[1] = '\0';
    have_action = 0;
    have_source = 0;
    have_return_to = 0;

    /* decoding never lengthens: one scratch buffer holds any key or value */
    buf = malloc(len + 1);
    if (buf == NULL) {
        consent_reason(reason, "out of memory", NULL, 0);
        return -1;
    }

    p = body;
    end = body + len;

    while (p < end) {
        amp = memchr(p, '&', end - p);
        if (amp == NULL) {
            amp = end;
        }

        if (amp == p) {
            p++;
            continue;
        }

        eq = memchr(p, '=', amp - p);
        if (eq == NULL) {
            eq = amp;
        }

        key = buf;
        if (consent_form_decode(p, eq - p, key, &klen) != 0) {
            consent_reason(reason, "malformed percent-encoding", NULL, 0);
            goto failed;
        }

        val = buf + klen;
        vlen = 0;
        if (eq < amp
            && consent_form_decode(eq + 1, amp - eq - 1, val, &vlen) != 0)
        {
            consent_reason(reason, "malformed percent-encoding", NULL, 0);
            goto failed;
        }

        if (klen == sizeof("action") - 1 && memcmp(key, "action", klen) == 0) {
            if (have_action) {
                consent_reason(reason, "action given more than once",
                               NULL, 0);
                goto failed;
            }

            value = consent_action_lookup(val, vlen);
            if (value < 0) {
                consent_reason(reason, "unknown action \"%.*s\"", val, vlen);
                goto failed;
            }

            decision->action = (consent_action_t) value;
            have_action = 1;

        } else if (klen == sizeof("granted") - 1
                   && memcmp(key, "granted", klen) == 0)
        {
            if (consent_category_add(policy, val, vlen, &decision->requested,
                                     reason)
                != 0)
            {
                goto failed;
            }

        } else if (klen == sizeof("service") - 1
                   && memcmp(key, "service", klen) == 0)
        {
            if (consent_service_add(policy, val, vlen, &decision->services,
                                    reason)
                != 0)
            {
                goto failed;
            }

        } else if (klen == sizeof("source") - 1
                   && memcmp(key, "source", klen) == 0)
        {
            if (have_source) {
                consent_reason(reason, "source given more than once",
                               NULL, 0);
                goto failed;
            }

            value = consent_source_lookup(val, vlen);
            if (value < 0) {
                consent_reason(reason, "unknown source \"%.*s\"", val, vlen);
                goto failed;
            }

            decision->source = (consent_source_t) value;
            have_source = 1;

        } else if (klen == sizeof("return_to") - 1
                   && memcmp(key, "return_to", klen) == 0)
        {
            if (have_return_to) {
                consent_reason(reason, "return_to given more than once",
                               NULL, 0);
                goto failed;
            }

            consent_return_to_sanitise(val, vlen, decision->return_to);
            have_return_to = 1;
        }

        p = amp;
    }

    free(buf);

    if (!have_action) {
        consent_reason(reason, "missing action", NULL, 0);
        return -1;
    }

    return consent_decision_check(decision, reason);

failed:

    free(buf);
    return -1;
}


int
consent_decision_parse_json(const consent_policy_t *policy, const char *body,
    size_t len, consent_decision_t *decision, char reason[CONSENT_REASON_MAX])
{
    int           have_action, value;
    json_t       *root, *member, *item;
    size_t        i;
    const char   *key;
    json_error_t  error;

    decision->requested = 0;
    decision->services.n = 0;
    decision->source = CONSENT_SOURCE_API;
    decision->return_to[0] = '/';
    decision->return_to[1] = '\0';
    have_action = 0;

    root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &error);
    if (root == NULL) {
        snprintf(reason, CONSENT_REASON_MAX,
                 "malformed JSON at line %d column %d: %.80s",
                 error.line, error.column, error.text);
        return -1;
    }

    if (!json_is_object(root)) {
        consent_reason(reason, "the JSON body must be an object", NULL, 0);
        goto failed;
    }

    json_object_foreach(root, key, member) {

        if (strcmp(key, "action") == 0) {
            if (!json_is_string(member)) {
                consent_reason(reason, "\"action\" must be a string",
                               NULL, 0);
                goto failed;
            }

            value = consent_action_lookup(json_string_value(member),
                                          json_string_length(member));
            if (value < 0) {
                consent_reason(reason, "unknown action \"%.*s\"",
                               json_string_value(member),
                               json_string_length(member));
                goto failed;
            }

            decision->action = (consent_action_t) value;
            have_action = 1;

        } else if (strcmp(key, "granted") == 0) {
            if (!json_is_array(member)) {
                consent_reason(reason, "\"granted\" must be an array",
                               NULL, 0);
                goto failed;
            }

            json_array_foreach(member, i, item) {
                if (!json_is_string(item)) {
                    consent_reason(reason,
                                   "\"granted\" must hold category ids",
                                   NULL, 0);
                    goto failed;
                }

                if (consent_category_add(policy, json_string_value(item),
                                         json_string_length(item),
                                         &decision->requested, reason)
                    != 0)
                {
                    goto failed;
                }
            }

        } else if (strcmp(key, "granted_services") == 0) {
            if (!json_is_array(member)) {
                consent_reason(reason,
                               "\"granted_services\" must be an array",
                               NULL, 0);
                goto failed;
            }

            json_array_foreach(member, i, item) {
                if (!json_is_string(item)) {
                    consent_reason(reason, "\"granted_services\" must hold "
                                   "service ids", NULL, 0);
                    goto failed;
                }

                if (consent_service_add(policy, json_string_value(item),
                                        json_string_length(item),
                                        &decision->services, reason)
                    != 0)
                {
                    goto failed;
                }
            }

        } else if (strcmp(key, "source") == 0) {
            if (!json_is_string(member)) {
                consent_reason(reason, "\"source\" must be a string",
                               NULL, 0);
                goto failed;
            }

            value = consent_source_lookup(json_string_value(member),
                                          json_string_length(member));
            if (value < 0) {
                consent_reason(reason, "unknown source \"%.*s\"",
                               json_string_value(member),
                               json_string_length(member));
                goto failed;
            }

            decision->source = (consent_source_t) value;

        } else {
            consent_reason(reason, "unknown member \"%.*s\"", key,
                           strlen(key));
            goto failed;
        }
    }

    json_decref(root);

    if (!have_action) {
        consent_reason(reason, "missing action", NULL, 0);
        return -1;
    }

    return consent_decision_check(decision, reason);

failed:

    json_decref(root);
    return -1;
}


void
consent_return_to_sanitise(const char *value, size_t len,
    char out[CONSENT_RETURN_TO_MAX])
{
    if (!consent_escape_safe_path(value, len, CONSENT_RETURN_TO_MAX - 1)) {
        out[0] = '/';
        out[1] = '\0';
        return;
    }

    memcpy(out, value, len);
    out[len] = '\0';
}


consent_mask_t
consent_decision_granted(const consent_policy_t *policy,
    consent_action_t action, consent_mask_t requested, int gpc)
{
    switch (action) {

    case CONSENT_ACTION_ACCEPT_ALL:
        return (policy->all_mask & ~(gpc ? policy->gpc_mask : 0))
               | policy->required_mask;

    case CONSENT_ACTION_SAVE:
        return (requested & policy->all_mask) | policy->required_mask;

    default: /* reject_all, withdraw */
        return policy->required_mask;
    }
}


int
consent_decision_apply(const consent_policy_t *policy,
    const consent_decision_t *decision, const consent_state_t *prior,
    int gpc, consent_state_t *state, char reason[CONSENT_REASON_MAX])
{
    unsigned  i;

    state->decided = 1;
    state->services.n = 0;

    switch (decision->action) {

    case CONSENT_ACTION_ALLOW:
        if (prior != NULL) {
            state->granted = prior->granted;
            state->decided = prior->decided;
            state->services = prior->services;

        } else {
            state->granted = policy->required_mask;
            state->decided = 0;
        }

        for (i = 0; i < decision->services.n; i++) {
            if (consent_services_add(&state->services,
                                     decision->services.hash[i])
                < 0)
            {
                snprintf(reason, CONSENT_REASON_MAX, "more than %d services "
                         "would be granted one by one; save a choice of "
                         "categories instead", CONSENT_SERVICES_MAX);
                return -1;
            }
        }

        return 0;

    case CONSENT_ACTION_SAVE:
        state->services = decision->services;
        break;

    case CONSENT_ACTION_ACCEPT_ALL:
        if (prior != NULL) {
            state->services = prior->services;
        }
        break;

    default: /* reject_all, withdraw */
        break;
    }

    state->granted = consent_decision_granted(policy, decision->action,
                                              decision->requested, gpc);

    return 0;
}


const char *
consent_action_name(consent_action_t action)
{
    size_t  i;

    for (i = 0; consent_actions[i].name != NULL; i++) {
        if (consent_actions[i].value == (int) action) {
            return consent_actions[i].name;
        }
    }

    return "unknown";
}


const char *
consent_source_name(consent_source_t source)
{
    size_t  i;

    for (i = 0; consent_sources[i].name != NULL; i++) {
        if (consent_sources[i].value == (int) source) {
            return consent_sources[i].name;
        }
    }

    return "unknown";
}


int
consent_origin_same(const char *origin, size_t origin_len, const char *host,
    size_t host_len, int https)
{
    int          origin_https;
    long         origin_port, host_port, default_port;
    size_t       scheme_len, origin_host_len, host_host_len, alen;
    const char  *origin_host, *host_host, *authority;

    if (origin_len >= sizeof("https://") - 1
        && strncasecmp(origin, "https://", sizeof("https://") - 1) == 0)
    {
        origin_https = 1;
        scheme_len = sizeof("https://") - 1;

    } else if (origin_len >= sizeof("http://") - 1
               && strncasecmp(origin, "http://", sizeof("http://") - 1) == 0)
    {
        origin_https = 0;
        scheme_len = sizeof("http://") - 1;

    } else {
        return 0;
    }

    if (https && !origin_https) {
        return 0;
    }

    /* an Origin is scheme://authority; a Referer goes on with a path */
    authority = origin + scheme_len;
    for (alen = 0; scheme_len + alen < origin_len; alen++) {
        if (authority[alen] == '/' || authority[alen] == '?'
            || authority[alen] == '#')
        {
            break;
        }
    }

    default_port = origin_https ? 443 : 80;

    if (consent_authority_split(authority, alen, &origin_host,
                                &origin_host_len, &origin_port)
        != 0
        || consent_authority_split(host, host_len, &host_host, &host_host_len,
                                   &host_port)
           != 0)
    {
        return 0;
    }

    if (origin_port == 0) {
        origin_port = default_port;
    }

    if (host_port == 0) {
        host_port = default_port;
    }

    return origin_host_len == host_host_len
           && strncasecmp(origin_host, host_host, host_host_len) == 0
           && origin_port == host_port;
}


char *
consent_state_json(const consent_policy_t *policy, const char *status,
    const unsigned char *id, int decided, consent_mask_t granted,
    const consent_services_t *services, uint32_t revision, int gpc,
    const char *region, consent_mode_t mode)
{
    char     hex[2 * CONSENT_ID_LEN + 1], *text;
    json_t  *root;

    root = json_object();
    if (root == NULL) {
        return NULL;
    }

    if (id != NULL) {
        consent_id_hex(id, hex);
    }

    text = NULL;

    if (json_object_set_new(root, "status", json_string(status)) == 0
        && json_object_set_new(root, "id",
                               id ? json_string(hex) : json_null()) == 0
        && json_object_set_new(root, "decided", json_boolean(decided)) == 0
        && json_object_set_new(root, "granted",
                               consent_mask_json(policy, granted)) == 0
        && json_object_set_new(root, "denied",
                               consent_mask_json(policy,
                                                 policy->all_mask & ~granted))
           == 0
        && json_object_set_new(root, "granted_services",
                               consent_services_json(policy, services)) == 0
        && json_object_set_new(root, "revision", json_integer(revision)) == 0
        && json_object_set_new(root, "gpc", json_boolean(gpc)) == 0
        && json_object_set_new(root, "region",
                               region && region[0] ? json_string(region)
                                                   : json_null()) == 0
        && json_object_set_new(root, "mode",
                               json_string(consent_mode_name(mode))) == 0)
    {
        text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    }

    json_decref(root);

    return text;
}


json_t *
consent_mask_json(const consent_policy_t *policy, consent_mask_t mask)
{
    size_t   i;
    json_t  *array;

    array = json_array();
    if (array == NULL) {
        return NULL;
    }

    for (i = 0; i < policy->ncategories; i++) {
        if ((mask & ((consent_mask_t) 1 << i)) == 0) {
            continue;
        }

        if (json_array_append_new(array,
                                  json_string(policy->categories[i].id))
            != 0)
        {
            json_decref(array);
            return NULL;
        }
    }

    return array;
}


json_t *
consent_services_json(const consent_policy_t *policy,
    const consent_services_t *set)
{
    size_t   i;
    json_t  *array;

    array = json_array();
    if (array == NULL) {
        return NULL;
    }

    for (i = 0; set != NULL && set->n != 0 && i < policy->nservices; i++) {
        if (!consent_services_has(set, policy->services[i].hash)) {
            continue;
        }

        if (json_array_append_new(array, json_string(policy->services[i].id))
            != 0)
        {
            json_decref(array);
            return NULL;
        }
    }

    return array;
}


static int
consent_action_lookup(const char *name, size_t len)
{
    return consent_name_lookup(consent_actions, name, len);
}


static int
consent_source_lookup(const char *name, size_t len)
{
    return consent_name_lookup(consent_sources, name, len);
}


static int
consent_name_lookup(const consent_name_t *names, const char *name, size_t len)
{
    size_t  i;

    for (i = 0; names[i].name != NULL; i++) {
        if (names[i].len == len && memcmp(names[i].name, name, len) == 0) {
            return names[i].value;
        }
    }

    return -1;
}


static int
consent_category_add(const consent_policy_t *policy, const char *id,
    size_t len, consent_mask_t *mask, char reason[CONSENT_REASON_MAX])
{
    int  index;

    index = consent_policy_category(policy, id, len);
    if (index < 0) {
        consent_reason(reason, "unknown category \"%.*s\"", id, len);
        return -1;
    }

    *mask |= (consent_mask_t) 1 << index;

    return 0;
}


static int
consent_service_add(const consent_policy_t *policy, const char *id,
    size_t len, consent_services_t *services, char reason[CONSENT_REASON_MAX])
{
    int  index;

    index = consent_policy_service(policy, id, len);
    if (index < 0) {
        consent_reason(reason, "unknown service \"%.*s\"", id, len);
        return -1;
    }

    if (consent_services_add(services, policy->services[index].hash) < 0) {
        snprintf(reason, CONSENT_REASON_MAX, "more than %d services",
                 CONSENT_SERVICES_MAX);
        return -1;
    }

    return 0;
}


/* What a parsed decision must hold whatever its encoding. */
static int
consent_decision_check(const consent_decision_t *decision,
    char reason[CONSENT_REASON_MAX])
{
    if (decision->action == CONSENT_ACTION_ALLOW
        && decision->services.n == 0)
    {
        consent_reason(reason, "allow needs a service", NULL, 0);
        return -1;
    }

    return 0;
}


/*
 * The reason is sent back as text/plain: a quoted value is cut and its
 * non-printable bytes replaced so that the reason stays one safe line.
 */
static void
consent_reason(char reason[CONSENT_REASON_MAX], const char *fmt,
    const char *value, size_t len)
{
    char    quoted[CONSENT_REASON_VALUE_MAX + 1];
    size_t  i;

    if (value == NULL) {
        snprintf(reason, CONSENT_REASON_MAX, "%s", fmt);
        return;
    }

    if (len > CONSENT_REASON_VALUE_MAX) {
        len = CONSENT_REASON_VALUE_MAX;
    }

    for (i = 0; i < len; i++) {
        quoted[i] = (value[i] >= 0x20 && value[i] < 0x7f && value[i] != '"')
                    ? value[i] : '?';
    }

    quoted[len] = '\0';

    snprintf(reason, CONSENT_REASON_MAX, fmt, (int) len, quoted);
}


static int
consent_form_decode(const char *in, size_t len, char *out, size_t *outlen)
{
    int     hi, lo;
    size_t  i, o;

    for (i = 0, o = 0; i < len; i++) {

        if (in[i] == '+') {
            out[o++] = ' ';

        } else if (in[i] == '%') {
            if (len - i < 3) {
                return -1;
            }

            hi = consent_hex_value((unsigned char) in[i + 1]);
            lo = consent_hex_value((unsigned char) in[i + 2]);
            if (hi < 0 || lo < 0) {
                return -1;
            }

            out[o++] = (char) (hi << 4 | lo);
            i += 2;

        } else {
            out[o++] = in[i];
        }
    }

    *outlen = o;

    return 0;
}


static int
consent_hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }

    c |= 0x20;

    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }

    return -1;
}


/*
 * host[:port] or [v6]:port.  port is 0 when absent or empty.  -1 when the
 * authority carries userinfo, an empty host or a port out of range.
 */
static int
consent_authority_split(const char *p, size_t len, const char **host,
    size_t *host_len, long *port)
{
    size_t  i, colon;

    if (len == 0 || memchr(p, '@', len) != NULL) {
        return -1;
    }

    if (p[0] == '[') {
        for (i = 1; i < len && p[i] != ']'; i++) { /* void */ }

        if (i == len) {
            return -1;
        }

        *host = p;
        *host_len = i + 1;
        colon = i + 1;

        if (colon < len && p[colon] != ':') {
            return -1;
        }

    } else {
        for (colon = 0; colon < len && p[colon] != ':'; colon++) {
            /* void */
        }

        *host = p;
        *host_len = colon;
    }

    if (*host_len == 0) {
        return -1;
    }

    *port = 0;

    for (i = colon + 1; i < len; i++) {
        if (p[i] < '0' || p[i] > '9') {
            return -1;
        }

        *port = *port * 10 + (p[i] - '0');

        if (*port > 65535) {
            return -1;
        }
    }

    return 0;
}

#ifndef CONSENT_REQUEST_H
#define CONSENT_REQUEST_H

/*
 * Decisions posted to the consent endpoint: parsing of form and JSON bodies,
 * return_to sanitising, the cross-site check, the granted mask a decision
 * yields under the policy, and the JSON state the endpoint answers with.
 */

#include <stddef.h>
#include <stdint.h>

#include "consent_cookie.h"
#include "consent_policy.h"

#define CONSENT_BODY_MAX       8192    /* larger decision bodies: 413 */
#define CONSENT_RETURN_TO_MAX  2048    /* longer return_to: "/" */
#define CONSENT_REASON_MAX     160     /* one-line 400 reasons */

typedef enum {
    CONSENT_ACTION_ACCEPT_ALL = 0,
    CONSENT_ACTION_REJECT_ALL,
    CONSENT_ACTION_SAVE,
    CONSENT_ACTION_WITHDRAW,
    CONSENT_ACTION_ALLOW           /* add single services to what is in
                                      force */
} consent_action_t;

typedef enum {
    CONSENT_SOURCE_BANNER = 0,
    CONSENT_SOURCE_PREFERENCES,
    CONSENT_SOURCE_API,
    CONSENT_SOURCE_NOJS,
    CONSENT_SOURCE_PLACEHOLDER     /* a click-to-load placeholder */
} consent_source_t;

typedef struct {
    consent_action_t    action;
    consent_mask_t      requested;  /* categories named by "granted" */
    consent_services_t  services;   /* named by "service" or
                                       "granted_services" */
    consent_source_t    source;
    char                return_to[CONSENT_RETURN_TO_MAX];  /* sanitised */
} consent_decision_t;


/*
 * Parse an application/x-www-form-urlencoded body (fields action, granted
 * repeated, service repeated, return_to, source; other fields are ignored,
 * as browsers send submit buttons and the like).  source defaults to
 * "nojs".  A service is an id of the policy's services (declared or
 * catalogue); more than CONSENT_SERVICES_MAX distinct ones are refused, and
 * "allow" without one.
 * 0, or -1 with a one-line reason in reason.
 */
int consent_decision_parse_form(const consent_policy_t *policy,
    const char *body, size_t len, consent_decision_t *decision,
    char reason[CONSENT_REASON_MAX]);

/*
 * Parse an application/json body {"action": ..., "granted": [...],
 * "granted_services": [...], "source": ...}; unknown members are refused
 * so that a misspelt "granted" cannot silently deny everything.  source
 * defaults to "api"; return_to is always "/".  0, or -1 with a one-line
 * reason in reason.
 */
int consent_decision_parse_json(const consent_policy_t *policy,
    const char *body, size_t len, consent_decision_t *decision,
    char reason[CONSENT_REASON_MAX]);

/*
 * Copy value into out (NUL-terminated) when it is a same-origin absolute
 * path: starts with one "/" not followed by "/" or "\", printable ASCII
 * without spaces or backslashes, shorter than CONSENT_RETURN_TO_MAX.
 * Anything else becomes "/".
 */
void consent_return_to_sanitise(const char *value, size_t len,
    char out[CONSENT_RETURN_TO_MAX]);

/*
 * The granted mask of a decision: required categories always; accept_all
 * grants every category except, when gpc is set, those marked "gpc" in the
 * policy; save grants exactly the requested ones (an explicit choice wins
 * over GPC); reject_all and withdraw grant only the required ones.
 */
consent_mask_t consent_decision_granted(const consent_policy_t *policy,
    consent_action_t action, consent_mask_t requested, int gpc);

/*
 * The categories, services and decided flag a decision leaves in force.
 * prior is the valid decision in force before it, or NULL.  accept_all,
 * reject_all, save and withdraw decide the categories
 * (consent_decision_granted()); save grants exactly the services it
 * names, reject_all and withdraw none, accept_all keeps those in force
 * (they matter only for categories GPC kept off).  allow adds its services
 * to prior's categories, services and decided flag, or, without prior, to
 * the required categories, undecided.  0, or -1 with a reason when the
 * union holds more than CONSENT_SERVICES_MAX services.
 */
int consent_decision_apply(const consent_policy_t *policy,
    const consent_decision_t *decision, const consent_state_t *prior,
    int gpc, consent_state_t *state, char reason[CONSENT_REASON_MAX]);

const char *consent_action_name(consent_action_t action);
const char *consent_source_name(consent_source_t source);

/*
 * Whether an Origin (or the scheme://authority part of a Referer) names the
 * host the request was sent to.  host is the Host header; https tells the
 * scheme of the connection.  Host names compare case-insensitively; ports
 * compare after applying the scheme's default.  On an HTTPS connection the
 * origin must be https; on plain HTTP either scheme is accepted, because TLS
 * is often terminated in front of nginx.  "null" and other schemes never
 * match.  1 or 0.
 */
int consent_origin_same(const char *origin, size_t origin_len,
    const char *host, size_t host_len, int https);

/*
 * The endpoint's state document {"status","id","decided","granted",
 * "denied","granted_services","revision","gpc","region","mode"}: id is
 * lowercase hex or null when id is NULL; granted and denied are category
 * ids in policy order; granted_services the ids of the policy's services
 * in services (NULL: none), in policy order; region is null when empty.
 * A malloc()ed NUL-terminated string, or NULL on allocation failure.
 */
char *consent_state_json(const consent_policy_t *policy, const char *status,
    const unsigned char *id, int decided, consent_mask_t granted,
    const consent_services_t *services, uint32_t revision, int gpc,
    const char *region, consent_mode_t mode);

/* A JSON array of the ids of the policy's services in set, policy order. */
json_t *consent_services_json(const consent_policy_t *policy,
    const consent_services_t *set);

/* A JSON array of the category ids of mask, in policy order; NULL: ENOMEM. */
json_t *consent_mask_json(const consent_policy_t *policy, consent_mask_t mask);

#endif /* CONSENT_REQUEST_H */

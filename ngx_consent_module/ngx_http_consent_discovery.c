
/*
 * ngx_consent: discovery.  What the filter recognised (catalogue and policy
 * services) and what it did not (third-party hosts no rule covers) is
 * counted per response in a shared memory zone, so that the preferences
 * and the notice can list the services a site really uses and
 * consent_report can show an operator what to classify.  The zone survives
 * reloads; with consent_report_state it is also saved when a worker exits
 * and read back when nginx starts.
 */


#include "ngx_http_consent_module.h"
#include "consent_scanner.h"

#include <jansson.h>


#define NGX_HTTP_CONSENT_DISCOVERY_SIZE   (1024 * 1024)
#define NGX_HTTP_CONSENT_DISCOVERY_KEY    95     /* a service id or host */
#define NGX_HTTP_CONSENT_DISCOVERY_PATH   127    /* an example path */
#define NGX_HTTP_CONSENT_SIGHTINGS_MAX    64     /* distinct per response */

#define NGX_HTTP_CONSENT_SEEN_SERVICE     1
#define NGX_HTTP_CONSENT_SEEN_HOST        2


typedef struct {
    uint32_t                  hash;          /* 0: a free slot */
    u_char                    kind;          /* NGX_HTTP_CONSENT_SEEN_* */
    u_char                    element;       /* CONSENT_TAG_* first seen */
    u_char                    key_len;
    u_char                    path_len;
    u_char                    key[NGX_HTTP_CONSENT_DISCOVERY_KEY];
    u_char                    path[NGX_HTTP_CONSENT_DISCOVERY_PATH];
    uint64_t                  count;         /* responses it was seen in */
    time_t                    first;
    time_t                    last;
} ngx_http_consent_sighting_t;


typedef struct {
    ngx_uint_t                nentries;
    ngx_uint_t                used;
    ngx_uint_t                dropped;       /* not recorded: zone full */
    ngx_http_consent_sighting_t  entries[1];
} ngx_http_consent_discovery_sh_t;


typedef struct {
    ngx_http_consent_discovery_sh_t  *sh;
    ngx_slab_pool_t                  *shpool;
    ngx_str_t                         state_file;
} ngx_http_consent_discovery_t;


/* What one response held, flushed into the zone under one lock. */
struct ngx_http_consent_sightings_s {
    ngx_http_request_t       *request;
    ngx_uint_t                n;
    ngx_uint_t                lost;
    struct {
        u_char                kind;
        u_char                element;
        u_char                len;
        u_char                key[NGX_HTTP_CONSENT_DISCOVERY_KEY];
    }                         seen[NGX_HTTP_CONSENT_SIGHTINGS_MAX];
};


static ngx_int_t ngx_http_consent_discovery_init_zone(
    ngx_shm_zone_t *shm_zone, void *data);
static ngx_http_consent_sighting_t *ngx_http_consent_discovery_find(
    ngx_http_consent_discovery_sh_t *sh, ngx_uint_t kind, u_char *key,
    size_t len, ngx_uint_t create);
static void ngx_http_consent_discovery_load(ngx_http_consent_discovery_t *d,
    ngx_log_t *log);
static void ngx_http_consent_discovery_save(ngx_cycle_t *cycle);
static const char *ngx_http_consent_element_name(ngx_uint_t element);
static json_t *ngx_http_consent_report_entry(ngx_http_consent_sighting_t *e,
    consent_policy_t *policy);
static int ngx_http_consent_report_cmp(const void *a, const void *b);


static ngx_shm_zone_t  *ngx_http_consent_discovery_zone;


ngx_int_t
ngx_http_consent_discovery_init(ngx_conf_t *cf, ngx_str_t *state_file)
{
    ngx_str_t                      name = ngx_string("consent_discovery");
    ngx_shm_zone_t                *zone;
    ngx_http_consent_discovery_t  *d;

    d = ngx_pcalloc(cf->pool, sizeof(ngx_http_consent_discovery_t));
    if (d == NULL) {
        return NGX_ERROR;
    }

    d->state_file = *state_file;

    if (d->state_file.len
        && ngx_conf_full_name(cf->cycle, &d->state_file, 0) != NGX_OK)
    {
        return NGX_ERROR;
    }

    zone = ngx_shared_memory_add(cf, &name, NGX_HTTP_CONSENT_DISCOVERY_SIZE,
                                 &ngx_http_consent_module);
    if (zone == NULL) {
        return NGX_ERROR;
    }

    zone->init = ngx_http_consent_discovery_init_zone;
    zone->data = d;

    ngx_http_consent_discovery_zone = zone;

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_discovery_init_zone(ngx_shm_zone_t *shm_zone, void *data)
{
    ngx_http_consent_discovery_t  *odata = data;

    size_t                          size;
    ngx_http_consent_discovery_t   *d;

    d = shm_zone->data;

    /* a reload keeps the counts of the running configuration */
    if (odata) {
        d->sh = odata->sh;
        d->shpool = odata->shpool;
        return NGX_OK;
    }

    d->shpool = (ngx_slab_pool_t *) shm_zone->shm.addr;

    if (shm_zone->shm.exists) {
        d->sh = d->shpool->data;
        return NGX_OK;
    }

    size = shm_zone->shm.size - 8 * ngx_pagesize;

    d->sh = ngx_slab_alloc(d->shpool, size);
    if (d->sh == NULL) {
        return NGX_ERROR;
    }

    ngx_memzero(d->sh, size);
    d->sh->nentries = (size - offsetof(ngx_http_consent_discovery_sh_t,
                                       entries))
                      / sizeof(ngx_http_consent_sighting_t);
    d->shpool->data = d->sh;

    d->shpool->log_ctx = (u_char *) " in consent discovery zone";
    d->shpool->log_nomem = 0;

    ngx_http_consent_discovery_load(d, shm_zone->shm.log);

    return NGX_OK;
}


ngx_http_consent_sightings_t *
ngx_http_consent_sightings_create(ngx_http_request_t *r)
{
    ngx_http_consent_sightings_t  *s;

    s = ngx_palloc(r->pool, sizeof(ngx_http_consent_sightings_t));
    if (s == NULL) {
        return NULL;
    }

    s->request = r;
    s->n = 0;
    s->lost = 0;

    return s;
}


/* The rewriter's observe callback: remember each distinct sighting once. */

void
ngx_http_consent_sighting(void *data, int service, const unsigned char *host,
    size_t len, int element)
{
    ngx_http_consent_sightings_t *s = data;

    u_char             kind;
    ngx_uint_t         i;
    const char        *id;
    consent_policy_t  *policy;

    if (service >= 0) {
        policy = ngx_http_consent_policy(s->request);
        id = policy->services[service].id;
        host = (const unsigned char *) id;
        len = ngx_strlen(id);
        kind = NGX_HTTP_CONSENT_SEEN_SERVICE;

    } else {
        kind = NGX_HTTP_CONSENT_SEEN_HOST;
    }

    if (len == 0) {
        return;
    }

    if (len > NGX_HTTP_CONSENT_DISCOVERY_KEY) {
        len = NGX_HTTP_CONSENT_DISCOVERY_KEY;
    }

    for (i = 0; i < s->n; i++) {
        if (s->seen[i].kind == kind && s->seen[i].len == len
            && ngx_memcmp(s->seen[i].key, host, len) == 0)
        {
            return;
        }
    }

    if (s->n == NGX_HTTP_CONSENT_SIGHTINGS_MAX) {
        s->lost++;
        return;
    }

    s->seen[s->n].kind = kind;
    s->seen[s->n].element = (u_char) element;
    s->seen[s->n].len = (u_char) len;
    ngx_memcpy(s->seen[s->n].key, host, len);
    s->n++;
}


void
ngx_http_consent_sightings_flush(ngx_http_consent_sightings_t *s)
{
    size_t                           path_len;
    ngx_uint_t                       i, j, fresh;
    ngx_http_request_t              *r;
    ngx_http_consent_sighting_t     *e;
    ngx_http_consent_discovery_t    *d;
    ngx_http_consent_discovery_sh_t *sh;

    if (s->n == 0 || ngx_http_consent_discovery_zone == NULL) {
        return;
    }

    r = s->request;
    d = ngx_http_consent_discovery_zone->data;
    sh = d->sh;

    path_len = ngx_min(r->uri.len, NGX_HTTP_CONSENT_DISCOVERY_PATH);

    ngx_shmtx_lock(&d->shpool->mutex);

    for (i = 0; i < s->n; i++) {
        e = ngx_http_consent_discovery_find(sh, s->seen[i].kind,
                                            s->seen[i].key, s->seen[i].len,
                                            1);
        if (e == NULL) {
            sh->dropped++;
            continue;
        }

        fresh = (e->count == 0);

        e->count++;
        e->last = ngx_time();

        if (!fresh) {
            continue;
        }

        e->first = e->last;
        e->element = s->seen[i].element;

        /* the example path is shown in JSON and logs: printable only */
        for (j = 0; j < path_len; j++) {
            e->path[j] = (r->uri.data[j] > 0x20 && r->uri.data[j] < 0x7f)
                         ? r->uri.data[j] : '?';
        }
        e->path_len = (u_char) path_len;

        if (e->kind == NGX_HTTP_CONSENT_SEEN_SERVICE) {
            continue;
        }

        ngx_log_error(NGX_LOG_NOTICE, r->connection->log, 0,
                      "consent: unknown third-party host \"%*s\" (%s) on "
                      "\"%*s\"; classify it in the policy or list it in "
                      "\"first_party\"",
                      (size_t) e->key_len, e->key,
                      ngx_http_consent_element_name(e->element),
                      (size_t) e->path_len, e->path);
    }

    ngx_shmtx_unlock(&d->shpool->mutex);

    s->n = 0;
}


/* Open addressing with linear probing; the zone's lock is held. */

static ngx_http_consent_sighting_t *
ngx_http_consent_discovery_find(ngx_http_consent_discovery_sh_t *sh,
    ngx_uint_t kind, u_char *key, size_t len, ngx_uint_t create)
{
    uint32_t                      hash;
    ngx_uint_t                    i, n;
    ngx_http_consent_sighting_t  *e;

    hash = ngx_crc32_short(key, len) ^ (uint32_t) kind;
    if (hash == 0) {
        hash = 1;
    }

    n = sh->nentries;

    for (i = 0; i < n; i++) {
        e = &sh->entries[(hash + i) % n];

        if (e->hash == 0) {
            /* keep a quarter free: probes stay short */
            if (!create || sh->used >= n - n / 4) {
                return NULL;
            }

            e->hash = hash;
            e->kind = (u_char) kind;
            e->key_len = (u_char) len;
            ngx_memcpy(e->key, key, len);
            sh->used++;
            return e;
        }

        if (e->hash == hash && e->kind == kind && e->key_len == len
            && ngx_memcmp(e->key, key, len) == 0)
        {
            return e;
        }
    }

    return NULL;
}


/* Whether a service was seen on this site: the render's listed callback. */

int
ngx_http_consent_discovery_listed(void *policy, size_t service)
{
    int                            seen;
    const char                    *id;
    ngx_http_consent_discovery_t  *d;

    if (ngx_http_consent_discovery_zone == NULL) {
        return 0;
    }

    d = ngx_http_consent_discovery_zone->data;
    id = ((consent_policy_t *) policy)->services[service].id;

    ngx_shmtx_lock(&d->shpool->mutex);
    seen = ngx_http_consent_discovery_find(d->sh,
                                           NGX_HTTP_CONSENT_SEEN_SERVICE,
                                           (u_char *) id, ngx_strlen(id), 0)
           != NULL;
    ngx_shmtx_unlock(&d->shpool->mutex);

    return seen;
}


static const char *
ngx_http_consent_element_name(ngx_uint_t element)
{
    static const char *const  names[] = {
        [CONSENT_TAG_OTHER] = "other",
        [CONSENT_TAG_SCRIPT] = "script",
        [CONSENT_TAG_IFRAME] = "iframe",
        [CONSENT_TAG_IMG] = "img",
        [CONSENT_TAG_EMBED] = "embed",
        [CONSENT_TAG_VIDEO] = "video",
        [CONSENT_TAG_AUDIO] = "audio",
        [CONSENT_TAG_SOURCE] = "source",
        [CONSENT_TAG_LINK] = "link",
        [CONSENT_TAG_OBJECT] = "object",
        [CONSENT_TAG_FRAME] = "frame",
        [CONSENT_TAG_INPUT] = "input",
        [CONSENT_TAG_META] = "meta",
        [CONSENT_TAG_BASE] = "base",
        [CONSENT_TAG_STYLE] = "style",
        [CONSENT_TAG_A] = "a",
        [CONSENT_TAG_AREA] = "area",
        [CONSENT_TAG_IMAGE] = "image",
        [CONSENT_TAG_USE] = "use",
        [CONSENT_TAG_FEIMAGE] = "feimage"
    };

    if (element < sizeof(names) / sizeof(names[0]) && names[element]) {
        return names[element];
    }

    return "other";
}


/*
 * The state file: one line per entry, tab-separated:
 * kind, key, element, count, first, last, path.  Written whole to a
 * temporary file and renamed, so a reader never sees half of it.
 */

static void
ngx_http_consent_discovery_load(ngx_http_consent_discovery_t *d,
    ngx_log_t *log)
{
    FILE                         *f;
    char                          line[512], *field[7], *p;
    size_t                        len;
    ngx_uint_t                    i, n, kind;
    unsigned long long            count;
    ngx_http_consent_sighting_t  *e;

    if (d->state_file.len == 0) {
        return;
    }

    f = fopen((char *) d->state_file.data, "r");
    if (f == NULL) {
        if (ngx_errno != NGX_ENOENT) {
            ngx_log_error(NGX_LOG_WARN, log, ngx_errno,
                          "consent: cannot read the discovery state \"%V\"",
                          &d->state_file);
        }
        return;
    }

    n = 0;

    while (fgets(line, sizeof(line), f) != NULL) {
        len = ngx_strlen(line);
        if (len && line[len - 1] == '\n') {
            line[--len] = '\0';
        }

        p = line;
        for (i = 0; i < 7; i++) {
            field[i] = p;
            p = ngx_strchr(p, '\t');
            if (p == NULL) {
                break;
            }
            *p++ = '\0';
        }

        if (i != 6 || (field[0][0] != 'S' && field[0][0] != 'H')
            || ngx_strlen(field[1]) == 0
            || ngx_strlen(field[1]) > NGX_HTTP_CONSENT_DISCOVERY_KEY
            || ngx_strlen(field[6]) > NGX_HTTP_CONSENT_DISCOVERY_PATH)
        {
            continue;
        }

        kind = field[0][0] == 'S' ? NGX_HTTP_CONSENT_SEEN_SERVICE
                                  : NGX_HTTP_CONSENT_SEEN_HOST;
        count = strtoull(field[3], NULL, 10);

        e = ngx_http_consent_discovery_find(d->sh, kind, (u_char *) field[1],
                                            ngx_strlen(field[1]), 1);
        if (e == NULL || count == 0) {
            continue;
        }

        e->element = (u_char) ngx_atoi((u_char *) field[2],
                                       ngx_strlen(field[2]));
        e->count = count;
        e->first = (time_t) strtoll(field[4], NULL, 10);
        e->last = (time_t) strtoll(field[5], NULL, 10);
        e->path_len = (u_char) ngx_strlen(field[6]);
        ngx_memcpy(e->path, field[6], e->path_len);
        n++;
    }

    fclose(f);

    ngx_log_error(NGX_LOG_NOTICE, log, 0,
                  "consent: %ui discovery entries read from \"%V\"",
                  n, &d->state_file);
}


static void
ngx_http_consent_discovery_save(ngx_cycle_t *cycle)
{
    FILE                          *f;
    u_char                        *tmp;
    ngx_uint_t                     i, ok;
    ngx_http_consent_sighting_t   *e;
    ngx_http_consent_discovery_t  *d;

    if (ngx_http_consent_discovery_zone == NULL) {
        return;
    }

    d = ngx_http_consent_discovery_zone->data;

    if (d->state_file.len == 0 || d->sh == NULL) {
        return;
    }

    tmp = ngx_alloc(d->state_file.len + sizeof(".tmp"), cycle->log);
    if (tmp == NULL) {
        return;
    }

    ngx_sprintf(tmp, "%V.tmp%Z", &d->state_file);

    ngx_shmtx_lock(&d->shpool->mutex);

    f = fopen((char *) tmp, "w");
    ok = (f != NULL);

    for (i = 0; ok && i < d->sh->nentries; i++) {
        e = &d->sh->entries[i];

        if (e->hash == 0 || e->count == 0) {
            continue;
        }

        ok = fprintf(f, "%c\t%.*s\t%u\t%llu\t%lld\t%lld\t%.*s\n",
                     e->kind == NGX_HTTP_CONSENT_SEEN_SERVICE ? 'S' : 'H',
                     (int) e->key_len, e->key, (unsigned) e->element,
                     (unsigned long long) e->count, (long long) e->first,
                     (long long) e->last, (int) e->path_len, e->path)
             > 0;
    }

    ngx_shmtx_unlock(&d->shpool->mutex);

    if (f != NULL && fclose(f) != 0) {
        ok = 0;
    }

    if (!ok || ngx_rename_file(tmp, d->state_file.data) == NGX_FILE_ERROR) {
        ngx_log_error(NGX_LOG_WARN, cycle->log, ngx_errno,
                      "consent: cannot save the discovery state \"%V\"",
                      &d->state_file);
        (void) ngx_delete_file(tmp);
    }

    ngx_free(tmp);
}


void
ngx_http_consent_discovery_exit_process(ngx_cycle_t *cycle)
{
    ngx_http_consent_discovery_save(cycle);
}


char *
ngx_http_consent_report(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_core_loc_conf_t  *clcf;

    clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);

    if (clcf->handler) {
        return "is duplicate or conflicts with another content handler";
    }

    clcf->handler = ngx_http_consent_report_handler;

    return NGX_CONF_OK;
}


static json_t *
ngx_http_consent_report_entry(ngx_http_consent_sighting_t *e,
    consent_policy_t *policy)
{
    char                      first[32], last[32];
    size_t                    i;
    json_t                   *o;
    struct tm                 tm;
    const consent_service_t  *svc;

    ngx_libc_gmtime(e->first, &tm);
    strftime(first, sizeof(first), "%Y-%m-%dT%H:%M:%SZ", &tm);
    ngx_libc_gmtime(e->last, &tm);
    strftime(last, sizeof(last), "%Y-%m-%dT%H:%M:%SZ", &tm);

    o = json_pack("{s:s#, s:s, s:I, s:s, s:s, s:s#}",
                  e->kind == NGX_HTTP_CONSENT_SEEN_SERVICE ? "id" : "host",
                  (char *) e->key, (int) e->key_len,
                  "element", ngx_http_consent_element_name(e->element),
                  "count", (json_int_t) e->count,
                  "first_seen", first, "last_seen", last,
                  "example_path", (char *) e->path, (int) e->path_len);
    if (o == NULL || e->kind != NGX_HTTP_CONSENT_SEEN_SERVICE) {
        return o;
    }

    for (i = 0; i < policy->nservices; i++) {
        svc = &policy->services[i];

        if (ngx_strlen(svc->id) == e->key_len
            && ngx_memcmp(svc->id, e->key, e->key_len) == 0)
        {
            if (json_object_set_new(o, "name", json_string(svc->name)) != 0
                || json_object_set_new(o, "category", json_string(
                       policy->categories[svc->category].id)) != 0)
            {
                json_decref(o);
                return NULL;
            }
            break;
        }
    }

    return o;
}


/* Most seen first, then by key: a stable order for operators and tests. */

static int
ngx_http_consent_report_cmp(const void *a, const void *b)
{
    const ngx_http_consent_sighting_t *x = a;
    const ngx_http_consent_sighting_t *y = b;

    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }

    return ngx_memn2cmp((u_char *) x->key, (u_char *) y->key, x->key_len,
                        y->key_len);
}


ngx_int_t
ngx_http_consent_report_handler(ngx_http_request_t *r)
{
    char                          *text;
    size_t                         len;
    u_char                        *body;
    ngx_int_t                      rc;
    ngx_uint_t                     i, n, dropped;
    json_t                        *root, *services, *hosts, *entry;
    consent_policy_t              *policy;
    ngx_http_consent_sighting_t   *copy;
    ngx_http_consent_discovery_t  *d;

    if (r->method != NGX_HTTP_GET && r->method != NGX_HTTP_HEAD) {
        return NGX_HTTP_NOT_ALLOWED;
    }

    rc = ngx_http_discard_request_body(r);
    if (rc != NGX_OK) {
        return rc;
    }

    if (ngx_http_consent_discovery_zone == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    d = ngx_http_consent_discovery_zone->data;
    policy = ngx_http_consent_policy(r);

    /* copy under the lock, build the answer without it */
    copy = ngx_palloc(r->pool, d->sh->nentries
                               * sizeof(ngx_http_consent_sighting_t));
    if (copy == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    n = 0;

    ngx_shmtx_lock(&d->shpool->mutex);

    for (i = 0; i < d->sh->nentries; i++) {
        if (d->sh->entries[i].hash && d->sh->entries[i].count) {
            copy[n++] = d->sh->entries[i];
        }
    }

    dropped = d->sh->dropped;

    ngx_shmtx_unlock(&d->shpool->mutex);

    ngx_qsort(copy, n, sizeof(ngx_http_consent_sighting_t),
              ngx_http_consent_report_cmp);

    root = json_object();
    services = json_array();
    hosts = json_array();

    if (root == NULL || services == NULL || hosts == NULL
        || json_object_set(root, "services", services) != 0
        || json_object_set(root, "unknown_hosts", hosts) != 0
        || json_object_set_new(root, "dropped",
                               json_integer((json_int_t) dropped)) != 0)
    {
        goto failed;
    }

    for (i = 0; i < n; i++) {
        entry = ngx_http_consent_report_entry(&copy[i], policy);

        if (entry == NULL
            || json_array_append_new(copy[i].kind
                                     == NGX_HTTP_CONSENT_SEEN_SERVICE
                                     ? services : hosts, entry)
               != 0)
        {
            goto failed;
        }
    }

    text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (text == NULL) {
        goto failed;
    }

    len = ngx_strlen(text);

    body = ngx_pnalloc(r->pool, len + 1);
    if (body == NULL) {
        free(text);
        goto failed;
    }

    ngx_memcpy(body, text, len);
    body[len] = '\n';
    free(text);

    json_decref(services);
    json_decref(hosts);
    json_decref(root);

    ngx_str_set(&r->headers_out.content_type, "application/json");
    r->headers_out.content_type_len = r->headers_out.content_type.len;
    r->headers_out.content_type_lowcase = NULL;

    if (ngx_http_consent_add_header(r, "Cache-Control", "no-store", 8)
        == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_http_consent_send(r, NGX_HTTP_OK, body, len + 1, 0);

failed:

    json_decref(services);
    json_decref(hosts);
    json_decref(root);

    return NGX_HTTP_INTERNAL_SERVER_ERROR;
}


/*
 * consent_unknown allow | block [CATEGORY]: the category is checked against
 * the location's policy when merging, where the policy is known.
 */

char *
ngx_http_consent_unknown(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_loc_conf_t *lcf = conf;

    u_char     *p;
    ngx_str_t  *value;

    if (lcf->unknown_block != NGX_CONF_UNSET) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "allow") == 0 && cf->args->nelts == 2) {
        lcf->unknown_block = 0;
        return NGX_CONF_OK;
    }

    if (ngx_strcmp(value[1].data, "block") != 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\": use \"consent_unknown "
                           "allow;\" or \"consent_unknown block "
                           "[CATEGORY];\"", &value[1]);
        return NGX_CONF_ERROR;
    }

    lcf->unknown_block = 1;
    ngx_str_set(&lcf->unknown_category_name, "marketing");

    if (cf->args->nelts == 3) {
        lcf->unknown_category_name = value[2];
    }

    p = ngx_pnalloc(cf->pool, cf->conf_file->file.name.len + NGX_INT_T_LEN
                              + 1);
    if (p == NULL) {
        return NGX_CONF_ERROR;
    }

    lcf->unknown_in.data = p;
    lcf->unknown_in.len = ngx_sprintf(p, "%V:%ui", &cf->conf_file->file.name,
                                      cf->conf_file->line)
                          - p;

    return NGX_CONF_OK;
}


char *
ngx_http_consent_unknown_merge(ngx_conf_t *cf,
    ngx_http_consent_loc_conf_t *prev, ngx_http_consent_loc_conf_t *conf)
{
    int  category;

    if (conf->unknown_block == NGX_CONF_UNSET) {
        conf->unknown_block = prev->unknown_block;
        conf->unknown_category_name = prev->unknown_category_name;
        conf->unknown_in = prev->unknown_in;
    }

    conf->unknown_category = -1;

    if (conf->unknown_block != 1) {
        return NGX_CONF_OK;
    }

    category = consent_policy_category(conf->policy,
                   (const char *) conf->unknown_category_name.data,
                   conf->unknown_category_name.len);

    if (category < 0) {
        ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                      "\"consent_unknown block %V\" in %V: the policy in "
                      "force here has no category \"%V\"; name one of its "
                      "categories",
                      &conf->unknown_category_name, &conf->unknown_in,
                      &conf->unknown_category_name);
        return NGX_CONF_ERROR;
    }

    if (conf->policy->required_mask & ((consent_mask_t) 1 << category)) {
        ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                      "\"consent_unknown block %V\" in %V: \"%V\" is "
                      "required, so nothing would be blocked; name a "
                      "category visitors can refuse",
                      &conf->unknown_category_name, &conf->unknown_in,
                      &conf->unknown_category_name);
        return NGX_CONF_ERROR;
    }

    conf->unknown_category = category;

    return NGX_CONF_OK;
}

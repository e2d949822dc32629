
/*
 * ngx_consent: a per-worker cache of rewritten bodies (consent_cache).
 *
 * The rewritten body is a function of the input bytes and the rewriter's
 * decision inputs, except for the per-response pieces: the marker and the
 * injected fragments.  A response with a strong ETag promises the same
 * bytes for the same validator (RFC 9110 8.8.1), so the output of a miss is
 * kept as a template (literal bytes and slots for those pieces) under a key
 * that holds the resource's validators and every decision input, compared
 * in full.  A hit sends the template by reference, with this response's
 * marker and fragments in the slots, and reads the input only to count it.
 */


#include "ngx_http_consent_module.h"
#include "ngx_http_consent_cache.h"
#include "consent_render.h"


#define NGX_HTTP_CONSENT_CACHE_SIZE       (10 * 1024 * 1024)
#define NGX_HTTP_CONSENT_CACHE_ENTRY      (1024 * 1024)
#define NGX_HTTP_CONSENT_CACHE_BUCKETS    65536   /* at most */
#define NGX_HTTP_CONSENT_CACHE_SEEN_MAX   256     /* sightings per entry */
#define NGX_HTTP_CONSENT_MARKER_LEN       (2 * CONSENT_ID_LEN)


struct ngx_http_consent_cache_s {
    ngx_uint_t                 max;       /* entries */
    size_t                     size;      /* bytes of all entries */
    size_t                     entry_max; /* bytes of one entry */

    ngx_uint_t                 n;
    size_t                     used;
    ngx_queue_t                lru;       /* most recently used first */
    ngx_uint_t                 nbuckets;  /* a power of two */
    ngx_http_consent_cache_entry_t  **buckets;
};


typedef struct {
    size_t                     off;       /* in the literal bytes */
    ngx_uint_t                 slot;      /* NGX_HTTP_CONSENT_SLOT_* */
} ngx_http_consent_cache_slot_t;


typedef struct {
    int                        service;
    int                        element;
    u_char                    *host;
    size_t                     len;
} ngx_http_consent_cache_seen_t;


/* One malloc()ed block: this header, the key, slots, sightings, bytes. */
struct ngx_http_consent_cache_entry_s {
    ngx_http_consent_cache_entry_t  *next;    /* in its bucket */
    ngx_queue_t                queue;
    uint32_t                   hash;
    ngx_uint_t                 refs;      /* responses sending it */
    unsigned                   dead:1;    /* evicted while pinned */
    unsigned                   events;    /* the rewriter's */
    size_t                     size;      /* of the block */
    off_t                      input_len;

    u_char                    *key;
    size_t                     key_len;
    ngx_http_consent_cache_slot_t  *slots;
    ngx_uint_t                 nslots;
    ngx_http_consent_cache_seen_t  *seen;
    ngx_uint_t                 nseen;
    u_char                    *data;
    size_t                     len;
};


/* A miss being recorded, in the request pool (the bytes are malloc()ed). */
struct ngx_http_consent_cache_rec_s {
    ngx_http_consent_cache_t  *cache;
    ngx_http_request_t        *request;
    u_char                    *key;
    size_t                     key_len;
    uint32_t                   hash;
    u_char                     marker[NGX_HTTP_CONSENT_MARKER_LEN];
    off_t                      input_len; /* Content-Length */
    off_t                      input;     /* bytes read */

    u_char                    *data;      /* literal output, markers too */
    size_t                     len;
    size_t                     cap;
    ngx_array_t                slots;     /* fragments: slot, off */
    ngx_array_t                seen;
    size_t                     seen_bytes;

    consent_observe_pt         observe;   /* the discovery's */
    void                      *observe_data;
    unsigned                   failed:1;  /* not storable */
};


/* The key under construction; data NULL: only its length is counted. */
typedef struct {
    u_char                    *data;
    size_t                     len;
} ngx_http_consent_cache_key_t;


static void ngx_http_consent_cache_key(ngx_http_request_t *r,
    const consent_rewriter_conf_t *wc, ngx_http_consent_cache_key_t *key);
static void ngx_http_consent_cache_decisions(
    const consent_rewriter_conf_t *wc, ngx_http_consent_cache_key_t *key);
static void ngx_http_consent_cache_put(ngx_http_consent_cache_key_t *key,
    const void *data, size_t len);
static const char *ngx_http_consent_cache_ineligible(ngx_http_request_t *r,
    ngx_http_consent_cache_t *cache);
static ngx_http_consent_cache_entry_t *ngx_http_consent_cache_find(
    ngx_http_consent_cache_t *cache, u_char *key, size_t len, uint32_t hash);
static ngx_int_t ngx_http_consent_cache_pin(ngx_http_request_t *r,
    ngx_http_consent_cache_entry_t *e);
static void ngx_http_consent_cache_unpin(void *data);
static ngx_http_consent_cache_rec_t *ngx_http_consent_cache_rec_create(
    ngx_http_request_t *r, ngx_http_consent_cache_t *cache, u_char *key,
    size_t key_len, uint32_t hash, const consent_rewriter_conf_t *wc);
static void ngx_http_consent_cache_rec_cleanup(void *data);
static ngx_http_consent_cache_entry_t *ngx_http_consent_cache_build(
    ngx_http_consent_cache_rec_t *rec, unsigned events);
static u_char *ngx_http_consent_cache_marker(ngx_http_consent_cache_rec_t *rec,
    u_char *p, u_char *last);
static void ngx_http_consent_cache_insert(ngx_http_consent_cache_t *cache,
    ngx_http_consent_cache_entry_t *e);
static void ngx_http_consent_cache_evict(ngx_http_consent_cache_t *cache,
    ngx_http_consent_cache_entry_t *e);
static void ngx_http_consent_cache_cleanup(void *data);


/* consent_cache max=N [size=SIZE] [entry=SIZE] | off */

char *
ngx_http_consent_cache_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_consent_loc_conf_t *lcf = conf;

    size_t                     size, entry;
    ssize_t                    parsed;
    ngx_int_t                  max;
    ngx_str_t                 *value, s;
    ngx_uint_t                 i, n;
    ngx_pool_cleanup_t        *cln;
    ngx_http_consent_cache_t  *cache;

    if (lcf->cache != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (cf->args->nelts == 2 && ngx_strcmp(value[1].data, "off") == 0) {
        lcf->cache = NULL;
        return NGX_CONF_OK;
    }

    max = 0;
    size = NGX_HTTP_CONSENT_CACHE_SIZE;
    entry = NGX_HTTP_CONSENT_CACHE_ENTRY;

    for (i = 1; i < cf->args->nelts; i++) {

        if (ngx_strncmp(value[i].data, "max=", 4) == 0) {
            max = ngx_atoi(value[i].data + 4, value[i].len - 4);
            if (max == NGX_ERROR || max == 0) {
                goto invalid;
            }

            continue;
        }

        if (ngx_strncmp(value[i].data, "size=", 5) == 0
            || ngx_strncmp(value[i].data, "entry=", 6) == 0)
        {
            n = (value[i].data[0] == 's') ? 5 : 6;
            s.data = value[i].data + n;
            s.len = value[i].len - n;

            parsed = ngx_parse_size(&s);
            if (parsed == NGX_ERROR || parsed == 0) {
                goto invalid;
            }

            if (n == 5) {
                size = parsed;

            } else {
                entry = parsed;
            }

            continue;
        }

        goto invalid;
    }

    if (max == 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"consent_cache\" needs max=N, the most entries "
                           "a worker keeps, e.g. \"consent_cache max=1000;\" "
                           "(or \"consent_cache off;\")");
        return NGX_CONF_ERROR;
    }

    if (entry > size) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"consent_cache\" entry=%uz is larger than "
                           "size=%uz, so no entry could be kept: lower "
                           "entry= or raise size=", entry, size);
        return NGX_CONF_ERROR;
    }

    cache = ngx_pcalloc(cf->pool, sizeof(ngx_http_consent_cache_t));
    if (cache == NULL) {
        return NGX_CONF_ERROR;
    }

    cache->max = max;
    cache->size = size;
    cache->entry_max = entry;
    ngx_queue_init(&cache->lru);

    for (n = 1; n < (ngx_uint_t) max && n < NGX_HTTP_CONSENT_CACHE_BUCKETS;
         n <<= 1)
    {
        /* void */
    }

    cache->nbuckets = n;
    cache->buckets = ngx_pcalloc(cf->pool,
                                 n * sizeof(ngx_http_consent_cache_entry_t *));
    if (cache->buckets == NULL) {
        return NGX_CONF_ERROR;
    }

    /* entries are malloc()ed by each worker: freed with the configuration */
    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NGX_CONF_ERROR;
    }

    cln->handler = ngx_http_consent_cache_cleanup;
    cln->data = cache;

    lcf->cache = cache;

    return NGX_CONF_OK;

invalid:

    ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                       "invalid parameter \"%V\" of \"consent_cache\": use "
                       "\"consent_cache max=N [size=SIZE] [entry=SIZE];\" "
                       "with N and the sizes above 0 (e.g. \"consent_cache "
                       "max=1000 size=10m entry=1m;\"), or \"consent_cache "
                       "off;\"", &value[i]);

    return NGX_CONF_ERROR;
}


ngx_int_t
ngx_http_consent_cache_lookup(ngx_http_request_t *r,
    ngx_http_consent_cache_t *cache, const consent_rewriter_conf_t *wc,
    ngx_http_consent_cache_entry_t **hit, ngx_http_consent_cache_rec_t **rec)
{
    uint32_t                         hash;
    const char                      *why;
    ngx_http_consent_cache_key_t     key;
    ngx_http_consent_cache_entry_t  *e;

    *hit = NULL;
    *rec = NULL;

    why = ngx_http_consent_cache_ineligible(r, cache);

    if (why) {
#if (NGX_DEBUG)
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "consent cache: bypassed, %s", why);
#endif
        return NGX_DECLINED;
    }

    key.data = NULL;
    key.len = 0;
    ngx_http_consent_cache_key(r, wc, &key);

    key.data = ngx_pnalloc(r->pool, key.len);
    if (key.data == NULL) {
        return NGX_ERROR;
    }

    key.len = 0;
    ngx_http_consent_cache_key(r, wc, &key);

    hash = ngx_murmur_hash2(key.data, key.len);

    e = ngx_http_consent_cache_find(cache, key.data, key.len, hash);

    if (e) {
        ngx_queue_remove(&e->queue);
        ngx_queue_insert_head(&cache->lru, &e->queue);

        if (ngx_http_consent_cache_pin(r, e) != NGX_OK) {
            return NGX_ERROR;
        }

        *hit = e;
        return NGX_OK;
    }

    *rec = ngx_http_consent_cache_rec_create(r, cache, key.data, key.len,
                                             hash, wc);

    return *rec ? NGX_OK : NGX_ERROR;
}


/* Why a response the filter rewrites is not cached, or NULL. */

static const char *
ngx_http_consent_cache_ineligible(ngx_http_request_t *r,
    ngx_http_consent_cache_t *cache)
{
    ngx_table_elt_t  *etag;

    if (r->headers_out.status != NGX_HTTP_OK) {
        return "status is not 200";
    }

    etag = r->headers_out.etag;

    if (etag == NULL || etag->hash == 0 || etag->value.len < 2
        || etag->value.data[0] != '"'
        || etag->value.data[etag->value.len - 1] != '"')
    {
        return "no strong ETag";
    }

    if (r->headers_out.content_length_n < 0) {
        return "no Content-Length";
    }

    if ((size_t) r->headers_out.content_length_n > cache->entry_max) {
        return "Content-Length over the entry size";
    }

    return NULL;
}


/*
 * The key: the resource as this response names it, then the rewriter's
 * decision inputs.  Each field is length-prefixed, so no two different
 * sets of fields make the same bytes.
 */

static void
ngx_http_consent_cache_key(ngx_http_request_t *r,
    const consent_rewriter_conf_t *wc, ngx_http_consent_cache_key_t *key)
{
    void                         *lcf;
    ngx_http_consent_ctx_t       *ctx;

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);
    ctx = ngx_http_get_module_ctx(r, ngx_http_consent_module);

    ngx_http_consent_cache_put(key, &lcf, sizeof(void *));
    ngx_http_consent_cache_put(key, r->headers_in.server.data,
                               r->headers_in.server.len);
    ngx_http_consent_cache_put(key, r->uri.data, r->uri.len);
    ngx_http_consent_cache_put(key, r->args.data, r->args.len);
    ngx_http_consent_cache_put(key, r->headers_out.etag->value.data,
                               r->headers_out.etag->value.len);
    ngx_http_consent_cache_put(key, &r->headers_out.content_length_n,
                               sizeof(off_t));
    ngx_http_consent_cache_put(key, &r->headers_out.last_modified_time,
                               sizeof(time_t));
    ngx_http_consent_cache_put(key, r->headers_out.content_type.data,
                               r->headers_out.content_type.len);
    ngx_http_consent_cache_put(key, r->headers_out.charset.data,
                               r->headers_out.charset.len);
    ngx_http_consent_cache_put(key, &ctx->consent.mode,
                               sizeof(consent_mode_t));

    ngx_http_consent_cache_decisions(wc, key);
}


/*
 * Every field of the rewriter conf that decides its output.  The marker's
 * value, the fragments' bytes, emit and observe are per response (the
 * template's slots and the replayed sightings): only whether there are
 * any counts.  A field added to consent_rewriter_conf_t that changes what
 * the rewriter writes belongs here.
 */

static void
ngx_http_consent_cache_decisions(const consent_rewriter_conf_t *wc,
    ngx_http_consent_cache_key_t *key)
{
    u_char                      flags[4];
    const consent_render_ctx_t  *rc;

    ngx_http_consent_cache_put(key, &wc->policy, sizeof(void *));
    ngx_http_consent_cache_put(key, &wc->granted, sizeof(consent_mask_t));
    ngx_http_consent_cache_put(key, &wc->services.n, sizeof(unsigned));
    ngx_http_consent_cache_put(key, wc->services.hash,
                               wc->services.n * sizeof(uint64_t));
    ngx_http_consent_cache_put(key, &wc->inline_max, sizeof(size_t));
    ngx_http_consent_cache_put(key, &wc->block_unknown, sizeof(int));
    ngx_http_consent_cache_put(key, &wc->unknown_category, sizeof(unsigned));

    if (wc->site) {
        ngx_http_consent_cache_put(key, &wc->site->page.kind,
                                   sizeof(consent_host_kind_e));
        ngx_http_consent_cache_put(key, wc->site->page.name,
                                   wc->site->page.len);
        ngx_http_consent_cache_put(key, wc->site->registrable,
                                   wc->site->registrable_len);
        ngx_http_consent_cache_put(key, &wc->site->base.kind,
                                   sizeof(consent_host_kind_e));
        ngx_http_consent_cache_put(key, wc->site->base.name,
                                   wc->site->base.len);
    }

    /* a placeholder is written in the visitor's language, for this page */
    if (wc->placeholder) {
        rc = wc->placeholder_data;

        ngx_http_consent_cache_put(key, rc->lang,
                                   rc->lang ? ngx_strlen(rc->lang) : 0);
        ngx_http_consent_cache_put(key, rc->api_path,
                                   rc->api_path ? ngx_strlen(rc->api_path) : 0);
        ngx_http_consent_cache_put(key, rc->return_to,
                                   rc->return_to
                                   ? ngx_strlen(rc->return_to) : 0);
    }

    /* an empty fragment is no slot: which of them exist is template shape */
    flags[0] = (wc->site != NULL);
    flags[1] = (wc->head_start.len != 0);
    flags[2] = (wc->head_end.len != 0);
    flags[3] = (wc->body_start.len != 0);

    ngx_http_consent_cache_put(key, flags, sizeof(flags));
    ngx_http_consent_cache_put(key, &wc->marker.len, sizeof(size_t));
}


static void
ngx_http_consent_cache_put(ngx_http_consent_cache_key_t *key,
    const void *data, size_t len)
{
    if (key->data) {
        ngx_memcpy(key->data + key->len, &len, sizeof(size_t));

        if (len) {
            ngx_memcpy(key->data + key->len + sizeof(size_t), data, len);
        }
    }

    key->len += sizeof(size_t) + len;
}


static ngx_http_consent_cache_entry_t *
ngx_http_consent_cache_find(ngx_http_consent_cache_t *cache, u_char *key,
    size_t len, uint32_t hash)
{
    ngx_http_consent_cache_entry_t  *e;

    for (e = cache->buckets[hash & (cache->nbuckets - 1)]; e; e = e->next) {
        if (e->hash == hash && e->key_len == len
            && ngx_memcmp(e->key, key, len) == 0)
        {
            return e;
        }
    }

    return NULL;
}


/* Eviction never frees an entry a response is still sending. */

static ngx_int_t
ngx_http_consent_cache_pin(ngx_http_request_t *r,
    ngx_http_consent_cache_entry_t *e)
{
    ngx_pool_cleanup_t  *cln;

    cln = ngx_pool_cleanup_add(r->pool, 0);
    if (cln == NULL) {
        return NGX_ERROR;
    }

    cln->handler = ngx_http_consent_cache_unpin;
    cln->data = e;

    e->refs++;

    return NGX_OK;
}


static void
ngx_http_consent_cache_unpin(void *data)
{
    ngx_http_consent_cache_entry_t *e = data;

    if (--e->refs == 0 && e->dead) {
        ngx_free(e);
    }
}


static ngx_http_consent_cache_rec_t *
ngx_http_consent_cache_rec_create(ngx_http_request_t *r,
    ngx_http_consent_cache_t *cache, u_char *key, size_t key_len,
    uint32_t hash, const consent_rewriter_conf_t *wc)
{
    ngx_pool_cleanup_t            *cln;
    ngx_http_consent_cache_rec_t  *rec;

    rec = ngx_pcalloc(r->pool, sizeof(ngx_http_consent_cache_rec_t));
    if (rec == NULL) {
        return NULL;
    }

    if (ngx_array_init(&rec->slots, r->pool, 4,
                       sizeof(ngx_http_consent_cache_slot_t))
        != NGX_OK
        || ngx_array_init(&rec->seen, r->pool, 16,
                          sizeof(ngx_http_consent_cache_seen_t))
           != NGX_OK)
    {
        return NULL;
    }

    cln = ngx_pool_cleanup_add(r->pool, 0);
    if (cln == NULL) {
        return NULL;
    }

    cln->handler = ngx_http_consent_cache_rec_cleanup;
    cln->data = rec;

    rec->cache = cache;
    rec->request = r;
    rec->key = key;
    rec->key_len = key_len;
    rec->hash = hash;
    rec->input_len = r->headers_out.content_length_n;
    rec->observe = wc->observe;
    rec->observe_data = wc->observe_data;

    if (wc->marker.len == NGX_HTTP_CONSENT_MARKER_LEN) {
        ngx_memcpy(rec->marker, wc->marker.p, NGX_HTTP_CONSENT_MARKER_LEN);

    } else if (wc->marker.len) {
        rec->failed = 1;
    }

    return rec;
}


static void
ngx_http_consent_cache_rec_cleanup(void *data)
{
    ngx_http_consent_cache_rec_t *rec = data;

    if (rec->data) {
        ngx_free(rec->data);
        rec->data = NULL;
    }
}


/*
 * The rewriter's output of a miss: literal bytes are copied (markers
 * included: they are found when the entry is built), fragments become
 * slots.  Whatever cannot be recorded makes the response uncacheable,
 * never the request fail.
 */

void
ngx_http_consent_cache_record(ngx_http_consent_cache_rec_t *rec,
    const u_char *p, size_t len, ngx_int_t slot)
{
    u_char                         *data;
    size_t                          cap;
    ngx_http_consent_cache_slot_t  *s;

    if (rec->failed) {
        return;
    }

    if (slot == NGX_HTTP_CONSENT_SLOT_PART) {
        goto failed;
    }

    if (slot >= 0) {
        s = ngx_array_push(&rec->slots);
        if (s == NULL) {
            goto failed;
        }

        s->off = rec->len;
        s->slot = slot;
        return;
    }

    if (rec->len + len > rec->cap) {
        if (rec->len + len > rec->cache->entry_max) {
            goto failed;
        }

        cap = ngx_max(rec->cap * 2, (size_t) rec->input_len
                                    + (size_t) rec->input_len / 4 + 4096);
        cap = ngx_max(cap, rec->len + len);
        cap = ngx_min(cap, rec->cache->entry_max);

        data = ngx_alloc(cap, rec->request->connection->log);
        if (data == NULL) {
            goto failed;
        }

        if (rec->data) {
            ngx_memcpy(data, rec->data, rec->len);
            ngx_free(rec->data);
        }

        rec->data = data;
        rec->cap = cap;
    }

    ngx_memcpy(rec->data + rec->len, p, len);
    rec->len += len;

    return;

failed:

    rec->failed = 1;
    ngx_http_consent_cache_rec_cleanup(rec);
}


/* Each distinct sighting once, in order: a hit replays them. */

void
ngx_http_consent_cache_observe(void *data, int service,
    const unsigned char *host, size_t len, int element)
{
    ngx_http_consent_cache_rec_t *rec = data;

    ngx_uint_t                      i;
    ngx_http_consent_cache_seen_t  *s;

    rec->observe(rec->observe_data, service, host, len, element);

    if (rec->failed) {
        return;
    }

    if (service >= 0) {
        host = NULL;
        len = 0;
    }

    s = rec->seen.elts;

    for (i = 0; i < rec->seen.nelts; i++) {
        if (s[i].service == service && s[i].len == len
            && (len == 0 || ngx_memcmp(s[i].host, host, len) == 0))
        {
            return;
        }
    }

    if (rec->seen.nelts == NGX_HTTP_CONSENT_CACHE_SEEN_MAX) {
        rec->failed = 1;
        return;
    }

    s = ngx_array_push(&rec->seen);
    if (s == NULL) {
        rec->failed = 1;
        return;
    }

    s->service = service;
    s->element = element;
    s->len = len;
    s->host = NULL;

    if (len) {
        s->host = ngx_pnalloc(rec->request->pool, len);
        if (s->host == NULL) {
            rec->failed = 1;
            return;
        }

        ngx_memcpy(s->host, host, len);
        rec->seen_bytes += len;
    }
}


void
ngx_http_consent_cache_input(ngx_http_consent_cache_rec_t *rec, off_t len)
{
    rec->input += len;
}


/* The response ended normally: its template is kept if it is whole. */

void
ngx_http_consent_cache_store(ngx_http_consent_cache_rec_t *rec,
    unsigned events)
{
    ngx_http_consent_cache_entry_t  *e;

    if (rec->failed || rec->data == NULL || rec->input != rec->input_len) {
        ngx_log_debug2(NGX_LOG_DEBUG_HTTP, rec->request->connection->log, 0,
                       "consent cache: not stored, read %O of %O",
                       rec->input, rec->input_len);
        ngx_http_consent_cache_rec_cleanup(rec);
        return;
    }

    e = ngx_http_consent_cache_build(rec, events);

    ngx_http_consent_cache_rec_cleanup(rec);
    rec->failed = 1;

    if (e == NULL) {
        return;
    }

    ngx_http_consent_cache_insert(rec->cache, e);
}


/*
 * The entry: the recorded bytes with each marker cut out and made a slot,
 * merged with the fragments' slots in output order.
 */

static ngx_http_consent_cache_entry_t *
ngx_http_consent_cache_build(ngx_http_consent_cache_rec_t *rec,
    unsigned events)
{
    u_char                          *p, *last, *m, *out;
    size_t                           size, nmarkers, lit;
    ngx_uint_t                       i, j, n;
    ngx_http_consent_cache_seen_t   *seen;
    ngx_http_consent_cache_slot_t   *frag, *s;
    ngx_http_consent_cache_entry_t  *e;

    nmarkers = 0;
    last = rec->data + rec->len;

    for (p = rec->data;
         (m = ngx_http_consent_cache_marker(rec, p, last)) != NULL;
         p = m + NGX_HTTP_CONSENT_MARKER_LEN)
    {
        nmarkers++;
    }

    n = rec->slots.nelts + nmarkers;
    lit = rec->len - nmarkers * NGX_HTTP_CONSENT_MARKER_LEN;

    size = sizeof(ngx_http_consent_cache_entry_t) + rec->key_len
           + n * sizeof(ngx_http_consent_cache_slot_t)
           + rec->seen.nelts * sizeof(ngx_http_consent_cache_seen_t)
           + rec->seen_bytes + lit;

    if (size > rec->cache->entry_max) {
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, rec->request->connection->log, 0,
                       "consent cache: not stored, %uz bytes", size);
        return NULL;
    }

    e = ngx_alloc(size, rec->request->connection->log);
    if (e == NULL) {
        return NULL;
    }

    ngx_memzero(e, sizeof(ngx_http_consent_cache_entry_t));

    e->size = size;
    e->events = events;
    e->input_len = rec->input_len;
    e->hash = rec->hash;

    e->slots = (ngx_http_consent_cache_slot_t *) (e + 1);
    e->nslots = n;
    e->seen = (ngx_http_consent_cache_seen_t *) (e->slots + n);
    e->nseen = rec->seen.nelts;
    e->key = (u_char *) (e->seen + e->nseen);
    e->key_len = rec->key_len;
    e->data = e->key + e->key_len;
    e->len = lit;

    ngx_memcpy(e->key, rec->key, rec->key_len);

    /* literal bytes without the markers; slots at output offsets */

    frag = rec->slots.elts;
    s = e->slots;
    out = e->data;
    p = rec->data;
    i = 0;

    while (p < last || i < rec->slots.nelts) {
        m = ngx_http_consent_cache_marker(rec, p, last);

        if (m == NULL) {
            m = last;
        }

        /* fragments recorded before the marker's position come first */
        while (i < rec->slots.nelts && rec->data + frag[i].off <= m) {
            out = ngx_cpymem(out, p, rec->data + frag[i].off - p);
            p = rec->data + frag[i].off;
            s->off = out - e->data;
            s->slot = frag[i].slot;
            s++;
            i++;
        }

        out = ngx_cpymem(out, p, m - p);

        if (m == last) {
            p = last;
            continue;
        }

        s->off = out - e->data;
        s->slot = NGX_HTTP_CONSENT_SLOT_MARKER;
        s++;
        p = m + NGX_HTTP_CONSENT_MARKER_LEN;
    }

    /* sightings, with their hosts after the bytes */

    seen = rec->seen.elts;
    p = e->data + e->len;

    for (j = 0; j < e->nseen; j++) {
        e->seen[j] = seen[j];

        if (seen[j].len) {
            e->seen[j].host = p;
            p = ngx_cpymem(p, seen[j].host, seen[j].len);
        }
    }

    return e;
}


/* The next marker of the response in [p, last), or NULL. */

static u_char *
ngx_http_consent_cache_marker(ngx_http_consent_cache_rec_t *rec, u_char *p,
    u_char *last)
{
    if (rec->marker[0] == '\0' || p == NULL) {
        return NULL;
    }

    while ((size_t) (last - p) >= NGX_HTTP_CONSENT_MARKER_LEN) {
        p = ngx_strlchr(p, last - NGX_HTTP_CONSENT_MARKER_LEN + 1,
                        rec->marker[0]);

        if (p == NULL) {
            return NULL;
        }

        if (ngx_memcmp(p, rec->marker, NGX_HTTP_CONSENT_MARKER_LEN) == 0) {
            return p;
        }

        p++;
    }

    return NULL;
}


static void
ngx_http_consent_cache_insert(ngx_http_consent_cache_t *cache,
    ngx_http_consent_cache_entry_t *e)
{
    ngx_queue_t                     *q;
    ngx_http_consent_cache_entry_t  *old, **bucket;

    /* a concurrent miss of the same key stored first: the newer wins */
    old = ngx_http_consent_cache_find(cache, e->key, e->key_len, e->hash);
    if (old) {
        ngx_http_consent_cache_evict(cache, old);
    }

    while (cache->n >= cache->max || cache->used + e->size > cache->size) {
        if (ngx_queue_empty(&cache->lru)) {
            break;
        }

        q = ngx_queue_last(&cache->lru);
        ngx_http_consent_cache_evict(cache,
                    ngx_queue_data(q, ngx_http_consent_cache_entry_t, queue));
    }

    bucket = &cache->buckets[e->hash & (cache->nbuckets - 1)];
    e->next = *bucket;
    *bucket = e;

    ngx_queue_insert_head(&cache->lru, &e->queue);
    cache->n++;
    cache->used += e->size;
}


static void
ngx_http_consent_cache_evict(ngx_http_consent_cache_t *cache,
    ngx_http_consent_cache_entry_t *e)
{
    ngx_http_consent_cache_entry_t  **pe;

    for (pe = &cache->buckets[e->hash & (cache->nbuckets - 1)];
         *pe != e;
         pe = &(*pe)->next)
    {
        /* void */
    }

    *pe = e->next;

    ngx_queue_remove(&e->queue);
    cache->n--;
    cache->used -= e->size;

    if (e->refs) {
        e->dead = 1;    /* the last response sending it frees it */
        return;
    }

    ngx_free(e);
}


static void
ngx_http_consent_cache_cleanup(void *data)
{
    ngx_http_consent_cache_t *cache = data;

    ngx_queue_t  *q;

    while (!ngx_queue_empty(&cache->lru)) {
        q = ngx_queue_last(&cache->lru);
        ngx_http_consent_cache_evict(cache,
                    ngx_queue_data(q, ngx_http_consent_cache_entry_t, queue));
    }
}


off_t
ngx_http_consent_cache_input_len(ngx_http_consent_cache_entry_t *e)
{
    return e->input_len;
}


unsigned
ngx_http_consent_cache_events(ngx_http_consent_cache_entry_t *e)
{
    return e->events;
}


void
ngx_http_consent_cache_replay(ngx_http_consent_cache_entry_t *e,
    consent_observe_pt observe, void *data)
{
    ngx_uint_t  i;

    for (i = 0; i < e->nseen; i++) {
        observe(data, e->seen[i].service, e->seen[i].host, e->seen[i].len,
                e->seen[i].element);
    }
}


ngx_int_t
ngx_http_consent_cache_piece(ngx_http_consent_cache_entry_t *e, ngx_uint_t i,
    ngx_http_consent_cache_piece_t *piece)
{
    size_t  from;

    if (i > e->nslots) {
        return NGX_DONE;
    }

    from = i ? e->slots[i - 1].off : 0;

    piece->data = e->data + from;

    if (i == e->nslots) {
        piece->len = e->len - from;
        piece->slot = NGX_HTTP_CONSENT_SLOT_NONE;

    } else {
        piece->len = e->slots[i].off - from;
        piece->slot = e->slots[i].slot;
    }

    return NGX_OK;
}


ngx_int_t
ngx_http_consent_cache_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    ngx_http_consent_ctx_t  *ctx;

    static ngx_str_t  names[] = {
        ngx_null_string,
        ngx_string("BYPASS"),
        ngx_string("MISS"),
        ngx_string("HIT")
    };

    ctx = ngx_http_get_module_ctx(r, ngx_http_consent_module);

    if (ctx == NULL || ctx->cache_status == NGX_HTTP_CONSENT_CACHE_NONE) {
        v->not_found = 1;
        return NGX_OK;
    }

    v->data = names[ctx->cache_status].data;
    v->len = names[ctx->cache_status].len;
    v->valid = 1;
    v->no_cacheable = 0;
    v->not_found = 0;

    return NGX_OK;
}

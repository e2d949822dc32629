
/*
 * ngx_consent: the audit log.  consent_audit_log PATH | syslog:... | off;
 * one hash chain per log and node, kept in a shared memory zone so that
 * every worker, reloads and log rotation continue it; a new key continues
 * it with a rotate record.  Next to a file, PATH.texts.jsonl keeps each
 * distinct set of texts shown once (the records name it by its hash).
 */


#include "ngx_http_consent_module.h"
#include "consent_audit.h"


#define NGX_HTTP_CONSENT_AUDIT_ZONE_PAGES  8     /* the slab minimum */
#define NGX_HTTP_CONSENT_AUDIT_TEXTS_KNOWN  64    /* hashes in the sidecar */
#define NGX_HTTP_CONSENT_AUDIT_TEXTS_CACHE  8     /* per worker */
#define NGX_HTTP_CONSENT_AUDIT_TEXTS_SUFFIX  ".texts.jsonl"

/* <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD: RFC 5424 */
#define NGX_HTTP_CONSENT_SYSLOG_HEADER_LEN                                    \
    (sizeof("<191>1 2026-11-26T20:00:00.123Z  ") - 1                          \
     + CONSENT_AUDIT_NODE_MAX + 48 + NGX_INT64_LEN + sizeof(" consent - "))


/* The chain, in shared memory. */
typedef struct {
    consent_audit_end_t            end;        /* the last record */
    uint64_t                       pending_seq;    /* being written, or 0 */
    u_char                         pending_mac[CONSENT_AUDIT_MAC_LEN];

    /* hashes already in the sidecar file of that inode, a ring */
    ngx_file_uniq_t                texts_uniq;
    dev_t                          texts_dev;
    ngx_uint_t                     ntexts;
    u_char                         texts[NGX_HTTP_CONSENT_AUDIT_TEXTS_KNOWN]
                                        [CONSENT_AUDIT_MAC_LEN];
} ngx_http_consent_audit_chain_t;


/* The texts of a (policy, language), built once per worker. */
typedef struct {
    consent_policy_t              *policy;
    const char                    *lang;
    u_char                         hash[CONSENT_AUDIT_MAC_LEN];
    u_char                        *line;      /* the sidecar line, malloc() */
    size_t                         len;
} ngx_http_consent_audit_texts_t;


/* shm_zone->data of a log's zone. */
typedef struct {
    ngx_http_consent_audit_chain_t  *chain;
    ngx_slab_pool_t                 *shpool;
    ngx_str_t                        path;     /* NUL-terminated; "" syslog */
} ngx_http_consent_audit_zone_t;


struct ngx_http_consent_audit_log_s {
    ngx_open_file_t               *file;       /* NULL for syslog */
    ngx_open_file_t               *texts;      /* the sidecar of file */
    ngx_syslog_peer_t             *syslog;
    ngx_shm_zone_t                *zone;       /* NULL: consent_audit_log off */
};


static char *ngx_http_consent_audit_texts_file(ngx_conf_t *cf,
    ngx_http_consent_audit_log_t *log, ngx_str_t *value, ngx_uint_t nargs);
static ngx_int_t ngx_http_consent_audit_init_zone(ngx_shm_zone_t *shm_zone,
    void *data);
static ngx_int_t ngx_http_consent_audit_key(ngx_http_request_t *r,
    ngx_http_consent_srv_conf_t *cscf, u_char *buf, consent_audit_key_t *key);
static ngx_http_consent_audit_texts_t *ngx_http_consent_audit_texts(
    consent_policy_t *policy, const char *lang, ngx_log_t *error_log);
static ngx_int_t ngx_http_consent_audit_texts_write(
    ngx_http_consent_audit_log_t *log, ngx_http_consent_audit_chain_t *chain,
    ngx_http_consent_audit_texts_t *texts, ngx_log_t *error_log);
static ngx_int_t ngx_http_consent_audit_append(
    ngx_http_consent_audit_log_t *log, ngx_http_consent_audit_zone_t *zone,
    consent_policy_t *policy, consent_audit_entry_t *entry,
    consent_audit_key_t *key, ngx_http_consent_audit_texts_t *texts,
    ngx_log_t *error_log);
static void ngx_http_consent_audit_recover(ngx_http_consent_audit_log_t *log,
    ngx_http_consent_audit_zone_t *zone, ngx_log_t *error_log);
static ngx_int_t ngx_http_consent_audit_emit(
    ngx_http_consent_audit_log_t *log, u_char *line, size_t len,
    uint64_t ts_ms, ngx_log_t *error_log);
static ngx_int_t ngx_http_consent_audit_follow(ngx_open_file_t *file,
    ngx_log_t *error_log);
static ngx_int_t ngx_http_consent_audit_syslog(ngx_syslog_peer_t *peer,
    u_char *line, size_t len, uint64_t ts_ms, ngx_log_t *error_log);


/* per worker: a worker is one thread, and policies live as long as it */
static ngx_http_consent_audit_texts_t  ngx_http_consent_audit_texts_cache[
                                           NGX_HTTP_CONSENT_AUDIT_TEXTS_CACHE];
static ngx_uint_t                      ngx_http_consent_audit_texts_next;


char *
ngx_http_consent_audit_log(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_srv_conf_t *cscf = conf;

    ngx_str_t                       *value, name, target, zone_name;
    ngx_http_consent_audit_log_t    *log;
    ngx_http_consent_audit_zone_t   *zone;

    if (cscf->audit_log) {
        return "is duplicate";
    }

    value = cf->args->elts;

    /* a log without a zone is "off": it overrides an inherited log */
    log = ngx_pcalloc(cf->pool, sizeof(ngx_http_consent_audit_log_t));
    if (log == NULL) {
        return NGX_CONF_ERROR;
    }

    cscf->audit_log = log;

    if (ngx_strcmp(value[1].data, "off") == 0) {
        return cf->args->nelts == 2 ? NGX_CONF_OK : "takes no texts= with off";
    }

    if (ngx_strncmp(value[1].data, "syslog:", 7) == 0) {
        log->syslog = ngx_pcalloc(cf->pool, sizeof(ngx_syslog_peer_t));
        if (log->syslog == NULL) {
            return NGX_CONF_ERROR;
        }

        if (ngx_syslog_process_conf(cf, log->syslog) != NGX_CONF_OK) {
            return NGX_CONF_ERROR;
        }

        target = value[1];
        ngx_str_null(&name);

    } else {
        log->file = ngx_conf_open_file(cf->cycle, &value[1]);
        if (log->file == NULL) {
            return NGX_CONF_ERROR;
        }

        /* ngx_conf_open_file() gives the full name, NUL-terminated */
        target = log->file->name;
        name = log->file->name;
    }

    if (ngx_http_consent_audit_texts_file(cf, log, value, cf->args->nelts)
        != NGX_CONF_OK)
    {
        return NGX_CONF_ERROR;
    }

    /* every server logging to one target shares one chain */

    zone_name.len = sizeof("consent_audit:") - 1 + target.len;
    zone_name.data = ngx_pnalloc(cf->pool, zone_name.len);
    if (zone_name.data == NULL) {
        return NGX_CONF_ERROR;
    }

    ngx_sprintf(zone_name.data, "consent_audit:%V", &target);

    log->zone = ngx_shared_memory_add(cf, &zone_name,
                                      NGX_HTTP_CONSENT_AUDIT_ZONE_PAGES
                                      * ngx_pagesize,
                                      &ngx_http_consent_module);
    if (log->zone == NULL) {
        return NGX_CONF_ERROR;
    }

    if (log->zone->data == NULL) {
        zone = ngx_pcalloc(cf->pool, sizeof(ngx_http_consent_audit_zone_t));
        if (zone == NULL) {
            return NGX_CONF_ERROR;
        }

        zone->path = name;

        log->zone->init = ngx_http_consent_audit_init_zone;
        log->zone->data = zone;
    }

    return NGX_CONF_OK;
}


/*
 * texts=PATH | texts=off; the default is PATH.texts.jsonl next to a log
 * file, none for syslog and devices (/dev/stdout has no "next to").  The
 * file is opened by the master, like the log: workers may not be allowed
 * to create files there.
 */
static char *
ngx_http_consent_audit_texts_file(ngx_conf_t *cf,
    ngx_http_consent_audit_log_t *log, ngx_str_t *value, ngx_uint_t nargs)
{
    ngx_str_t  texts;

    if (nargs == 3) {
        if (ngx_strncmp(value[2].data, "texts=", 6) != 0) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "invalid parameter "
                               "\"%V\": only texts=PATH or texts=off",
                               &value[2]);
            return NGX_CONF_ERROR;
        }

        texts.data = value[2].data + 6;
        texts.len = value[2].len - 6;

        if (texts.len == 0) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "texts= needs a path "
                               "or off");
            return NGX_CONF_ERROR;
        }

        if (ngx_strcmp(texts.data, "off") == 0) {
            return NGX_CONF_OK;
        }

    } else {
        if (log->file == NULL
            || ngx_strncmp(log->file->name.data, "/dev/", 5) == 0)
        {
            return NGX_CONF_OK;
        }

        texts.len = value[1].len + sizeof(NGX_HTTP_CONSENT_AUDIT_TEXTS_SUFFIX)
                    - 1;
        texts.data = ngx_pnalloc(cf->pool, texts.len + 1);
        if (texts.data == NULL) {
            return NGX_CONF_ERROR;
        }

        /* with its NUL, as the names ngx_conf_open_file() is given are */
        ngx_memcpy(ngx_cpymem(texts.data, value[1].data, value[1].len),
                   NGX_HTTP_CONSENT_AUDIT_TEXTS_SUFFIX,
                   sizeof(NGX_HTTP_CONSENT_AUDIT_TEXTS_SUFFIX));
    }

    log->texts = ngx_conf_open_file(cf->cycle, &texts);
    if (log->texts == NULL) {
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static ngx_int_t
ngx_http_consent_audit_init_zone(ngx_shm_zone_t *shm_zone, void *data)
{
    ngx_http_consent_audit_zone_t  *ozone = data;

    int                              rc;
    consent_audit_end_t              end;
    ngx_http_consent_audit_zone_t   *zone;
    ngx_http_consent_audit_chain_t  *chain;

    zone = shm_zone->data;

    /* a reload keeps the zone, and with it the chain */
    if (ozone) {
        zone->chain = ozone->chain;
        zone->shpool = ozone->shpool;
        return NGX_OK;
    }

    zone->shpool = (ngx_slab_pool_t *) shm_zone->shm.addr;

    if (shm_zone->shm.exists) {
        zone->chain = zone->shpool->data;
        return NGX_OK;
    }

    chain = ngx_slab_calloc(zone->shpool,
                            sizeof(ngx_http_consent_audit_chain_t));
    if (chain == NULL) {
        return NGX_ERROR;
    }

    zone->chain = chain;
    zone->shpool->data = chain;

    if (zone->path.len == 0) {
        return NGX_OK;
    }

    /* a fresh start continues the chain of the file's last record */

    rc = consent_audit_tail((char *) zone->path.data, &end);

    if (rc == -1) {
        ngx_log_error(NGX_LOG_EMERG, shm_zone->shm.log, ngx_errno,
                      "consent_audit_log: cannot read back the last record "
                      "of \"%V\", so its chain cannot be continued; check "
                      "the file's permissions", &zone->path);
        return NGX_ERROR;
    }

    if (rc == 1) {
        chain->end = end;

        ngx_log_error(NGX_LOG_NOTICE, shm_zone->shm.log, 0,
                      "consent_audit_log: \"%V\" continues after seq %uL",
                      &zone->path, end.seq);
    }

    return NGX_OK;
}


ngx_int_t
ngx_http_consent_audit_write(ngx_http_request_t *r, const char *action,
    const char *source, consent_state_t *state, consent_mask_t denied)
{
    char                             node[CONSENT_AUDIT_NODE_MAX + 1];
    char                             ip[CONSENT_AUDIT_IP_LEN];
    u_char                           key_buf[CONSENT_AUDIT_MAC_LEN];
    size_t                           node_len;
    ngx_int_t                        rc;
    ngx_table_elt_t                 *h;
    consent_policy_t                *policy;
    consent_audit_key_t              key;
    consent_audit_entry_t            entry;
    ngx_http_consent_ctx_t          *ctx;
    ngx_http_consent_audit_log_t    *log;
    ngx_http_consent_audit_zone_t   *zone;
    ngx_http_consent_audit_texts_t  *texts;
    ngx_http_consent_srv_conf_t     *cscf;
    ngx_http_consent_loc_conf_t     *lcf;

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);
    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    log = cscf->audit_log;

    if (log == NULL || log->zone == NULL) {
        return NGX_OK;
    }

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    if (ngx_http_consent_audit_key(r, cscf, key_buf, &key) != NGX_OK) {
        return NGX_ERROR;
    }

    policy = ngx_http_consent_policy(r);

    h = ngx_http_consent_header(r, "Accept-Language");

    ngx_memzero(&entry, sizeof(consent_audit_entry_t));

    entry.lang = consent_policy_language(policy,
                                         h ? (char *) h->value.data : NULL,
                                         h ? h->value.len : 0);

    texts = ngx_http_consent_audit_texts(policy, entry.lang,
                                         r->connection->log);
    if (texts == NULL) {
        ngx_explicit_memzero(key_buf, sizeof(key_buf));
        return NGX_ERROR;
    }

    node_len = ngx_min(ngx_cycle->hostname.len, CONSENT_AUDIT_NODE_MAX);
    ngx_memcpy(node, ngx_cycle->hostname.data, node_len);
    node[node_len] = '\0';

    entry.node = node;
    entry.id = state->id;
    entry.action = action;
    entry.granted = state->granted;
    entry.denied = denied;
    entry.services = &state->services;
    entry.decided = state->decided;
    entry.revision = state->revision;
    entry.texts = texts->hash;
    entry.gpc = lcf->gpc && ctx->consent.gpc;
    entry.region = ctx->consent.region[0] ? ctx->consent.region : NULL;
    entry.mode = consent_mode_name(ctx->consent.mode);
    entry.source = source;

    if (consent_audit_ip((char *) r->connection->addr_text.data,
                         r->connection->addr_text.len, cscf->audit_ip, ip)
        == 0)
    {
        entry.ip = ip;
    }

    if (r->headers_in.user_agent) {
        entry.ua = (char *) r->headers_in.user_agent->value.data;
        entry.ua_len = r->headers_in.user_agent->value.len;
    }

    zone = log->zone->data;

    /*
     * Sequence, MAC and write under one lock: the order in the file is
     * the order of the chain.  nginx frees the lock of a worker that dies.
     */

    ngx_shmtx_lock(&zone->shpool->mutex);

    rc = ngx_http_consent_audit_append(log, zone, policy, &entry, &key,
                                       texts, r->connection->log);

    ngx_shmtx_unlock(&zone->shpool->mutex);

    ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "consent audit: seq %uL %s", entry.seq,
                   rc == NGX_OK ? "written" : "failed");

    ngx_explicit_memzero(key_buf, sizeof(key_buf));
    ngx_explicit_memzero(&key, sizeof(key));

    return rc;
}


/*
 * Under the zone's mutex: the texts, then the record (after a rotate
 * record when the key changed) in one write, and the chain moved on.
 */
static ngx_int_t
ngx_http_consent_audit_append(ngx_http_consent_audit_log_t *log,
    ngx_http_consent_audit_zone_t *zone, consent_policy_t *policy,
    consent_audit_entry_t *entry, consent_audit_key_t *key,
    ngx_http_consent_audit_texts_t *texts, ngx_log_t *error_log)
{
    u_char                          *line, *rotate, *buf, *p;
    u_char                           mac[CONSENT_AUDIT_MAC_LEN];
    u_char                           rotate_mac[CONSENT_AUDIT_MAC_LEN];
    size_t                           len, rotate_len;
    ngx_int_t                        rc;
    struct timeval                   tv;
    ngx_http_consent_audit_chain_t  *chain;

    chain = zone->chain;

    if (chain->pending_seq) {
        ngx_http_consent_audit_recover(log, zone, error_log);
    }

    /* the texts first: no record names texts that cannot be shown */
    if (ngx_http_consent_audit_texts_write(log, chain, texts, error_log)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    ngx_gettimeofday(&tv);
    entry->ts_ms = (uint64_t) tv.tv_sec * 1000 + tv.tv_usec / 1000;

    rotate = NULL;
    rotate_len = 0;

    /* the first record under a new key links the chain of the old one */
    if (chain->end.seq
        && (!chain->end.has_key_id
            || ngx_memcmp(chain->end.key_id, key->id,
                          CONSENT_AUDIT_KEY_ID_LEN) != 0))
    {
        rotate = (u_char *) consent_audit_rotate_line(entry->ts_ms,
                                                      entry->node,
                                                      &chain->end, key,
                                                      rotate_mac,
                                                      &rotate_len);
        if (rotate == NULL) {
            goto failed;
        }

        entry->seq = chain->end.seq + 2;
        ngx_memcpy(entry->prev, rotate_mac, CONSENT_AUDIT_MAC_LEN);

    } else {
        entry->seq = chain->end.seq + 1;
        ngx_memcpy(entry->prev, chain->end.mac, CONSENT_AUDIT_MAC_LEN);
    }

    line = (u_char *) consent_audit_line(policy, entry, key, mac, &len);
    if (line == NULL) {
        free(rotate);
        goto failed;
    }

    /* both records in one write() */
    buf = line;
    rc = NGX_ERROR;

    if (rotate) {
        buf = ngx_alloc(rotate_len + len, error_log);
        if (buf == NULL) {
            goto done;
        }

        p = ngx_cpymem(buf, rotate, rotate_len);
        ngx_memcpy(p, line, len);
        len += rotate_len;
    }

    chain->pending_seq = entry->seq;
    ngx_memcpy(chain->pending_mac, mac, CONSENT_AUDIT_MAC_LEN);

    rc = ngx_http_consent_audit_emit(log, buf, len, entry->ts_ms, error_log);

    if (rc == NGX_OK) {
        chain->end.seq = entry->seq;
        ngx_memcpy(chain->end.mac, mac, CONSENT_AUDIT_MAC_LEN);
        ngx_memcpy(chain->end.key_id, key->id, CONSENT_AUDIT_KEY_ID_LEN);
        chain->end.has_key_id = 1;
    }

    chain->pending_seq = 0;

done:

    if (buf != line) {
        ngx_free(buf);
    }

    free(line);
    free(rotate);

    return rc;

failed:

    ngx_log_error(NGX_LOG_ALERT, error_log, 0,
                  "consent: cannot build the audit record");

    return NGX_ERROR;
}


/* consent_audit_key, or the key derived from the first consent_secret. */
static ngx_int_t
ngx_http_consent_audit_key(ngx_http_request_t *r,
    ngx_http_consent_srv_conf_t *cscf, u_char *buf, consent_audit_key_t *key)
{
    consent_key_t  *keys;

    if (cscf->audit_key.len) {
        key->key = cscf->audit_key.data;
        key->len = cscf->audit_key.len;

    } else {
        if (cscf->keys == NULL || cscf->keys->nelts == 0) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "consent: no consent_audit_key and no "
                          "consent_secret to derive the audit key from");
            return NGX_ERROR;
        }

        keys = cscf->keys->elts;

        if (consent_audit_key_derive(keys[0].secret, keys[0].len, buf) != 0) {
            return NGX_ERROR;
        }

        key->key = buf;
        key->len = CONSENT_AUDIT_MAC_LEN;
    }

    return consent_audit_key_init(key) == 0 ? NGX_OK : NGX_ERROR;
}


/* The texts of policy in lang, from this worker's cache or built now. */
static ngx_http_consent_audit_texts_t *
ngx_http_consent_audit_texts(consent_policy_t *policy, const char *lang,
    ngx_log_t *error_log)
{
    u_char                          *line;
    size_t                           len;
    ngx_uint_t                       i;
    ngx_http_consent_audit_texts_t  *t;

    for (i = 0; i < NGX_HTTP_CONSENT_AUDIT_TEXTS_CACHE; i++) {
        if (ngx_http_consent_audit_texts_cache[i].policy == policy
            && ngx_http_consent_audit_texts_cache[i].lang == lang)
        {
            return &ngx_http_consent_audit_texts_cache[i];
        }
    }

    t = &ngx_http_consent_audit_texts_cache[ngx_http_consent_audit_texts_next];

    line = (u_char *) consent_audit_texts(policy, lang, t->hash, &len);
    if (line == NULL) {
        ngx_log_error(NGX_LOG_ALERT, error_log, 0,
                      "consent: cannot build the texts of the audit record");
        return NULL;
    }

    free(t->line);

    t->policy = policy;
    t->lang = lang;
    t->line = line;
    t->len = len;

    ngx_http_consent_audit_texts_next = (ngx_http_consent_audit_texts_next + 1)
                                        % NGX_HTTP_CONSENT_AUDIT_TEXTS_CACHE;

    return t;
}


/*
 * Append the texts to the sidecar unless this file has them already.
 * Called under the zone's mutex; other nodes or a lost zone may write a
 * set twice, which readers take as one.
 */
static ngx_int_t
ngx_http_consent_audit_texts_write(ngx_http_consent_audit_log_t *log,
    ngx_http_consent_audit_chain_t *chain,
    ngx_http_consent_audit_texts_t *texts, ngx_log_t *error_log)
{
    ssize_t          n;
    ngx_uint_t       i;
    ngx_file_info_t  fi;

    if (log->texts == NULL) {
        return NGX_OK;
    }

    if (ngx_http_consent_audit_follow(log->texts, error_log) != NGX_OK) {
        return NGX_ERROR;
    }

    if (ngx_fd_info(log->texts->fd, &fi) == NGX_FILE_ERROR) {
        ngx_log_error(NGX_LOG_ALERT, error_log, ngx_errno,
                      "consent: " ngx_fd_info_n " \"%V\" failed",
                      &log->texts->name);
        return NGX_ERROR;
    }

    /* a rotated or new sidecar holds none of the sets written before */
    if (ngx_file_uniq(&fi) != chain->texts_uniq
        || fi.st_dev != chain->texts_dev)
    {
        chain->texts_uniq = ngx_file_uniq(&fi);
        chain->texts_dev = fi.st_dev;
        chain->ntexts = 0;
    }

    for (i = 0; i < ngx_min(chain->ntexts,
                            NGX_HTTP_CONSENT_AUDIT_TEXTS_KNOWN); i++)
    {
        if (ngx_memcmp(chain->texts[i], texts->hash, CONSENT_AUDIT_MAC_LEN)
            == 0)
        {
            return NGX_OK;
        }
    }

    n = ngx_write_fd(log->texts->fd, texts->line, texts->len);

    if (n != (ssize_t) texts->len) {
        ngx_log_error(NGX_LOG_ALERT, error_log, n == -1 ? ngx_errno : 0,
                      "consent: " ngx_write_fd_n " to \"%V\" failed",
                      &log->texts->name);
        return NGX_ERROR;
    }

    ngx_memcpy(chain->texts[chain->ntexts
                            % NGX_HTTP_CONSENT_AUDIT_TEXTS_KNOWN],
               texts->hash, CONSENT_AUDIT_MAC_LEN);
    chain->ntexts++;

    return NGX_OK;
}


/*
 * A worker died between claiming a seq and committing it.  For a file, the
 * record counts if it is the file's last; a syslog datagram cannot be read
 * back and is taken as sent (a loss then shows as a deleted record).
 */
static void
ngx_http_consent_audit_recover(ngx_http_consent_audit_log_t *log,
    ngx_http_consent_audit_zone_t *zone, ngx_log_t *error_log)
{
    int                              rc;
    consent_audit_end_t              end;
    ngx_http_consent_audit_chain_t  *chain;

    chain = zone->chain;

    if (log->file == NULL) {
        rc = 1;
        end = chain->end;
        end.seq = chain->pending_seq;
        ngx_memcpy(end.mac, chain->pending_mac, CONSENT_AUDIT_MAC_LEN);

    } else {
        rc = consent_audit_tail((char *) zone->path.data, &end);
    }

    if (rc == 1 && end.seq == chain->pending_seq
        && ngx_memcmp(end.mac, chain->pending_mac, CONSENT_AUDIT_MAC_LEN)
           == 0)
    {
        chain->end = end;
    }

    ngx_log_error(NGX_LOG_WARN, error_log, 0,
                  "consent: audit record seq %uL of a dead worker %s",
                  chain->pending_seq,
                  chain->end.seq == chain->pending_seq ? "was written"
                                                       : "was not written");

    chain->pending_seq = 0;
}


static ngx_int_t
ngx_http_consent_audit_emit(ngx_http_consent_audit_log_t *log, u_char *line,
    size_t len, uint64_t ts_ms, ngx_log_t *error_log)
{
    u_char   *end, *next;
    ssize_t   n;

    if (log->syslog) {
        /* one datagram per record */
        for (end = line + len; line < end; line = next) {
            next = ngx_strlchr(line, end, '\n') + 1;

            if (ngx_http_consent_audit_syslog(log->syslog, line, next - line,
                                              ts_ms, error_log)
                != NGX_OK)
            {
                return NGX_ERROR;
            }
        }

        return NGX_OK;
    }

    if (ngx_http_consent_audit_follow(log->file, error_log) != NGX_OK) {
        return NGX_ERROR;
    }

    /* one write() of the whole line: O_APPEND keeps it in one piece */
    n = ngx_write_fd(log->file->fd, line, len);

    if (n == (ssize_t) len) {
        return NGX_OK;
    }

    if (n == -1) {
        ngx_log_error(NGX_LOG_ALERT, error_log, ngx_errno,
                      "consent: " ngx_write_fd_n " to \"%V\" failed",
                      &log->file->name);

    } else {
        ngx_log_error(NGX_LOG_ALERT, error_log, 0,
                      "consent: " ngx_write_fd_n " to \"%V\" was incomplete: "
                      "%z of %uz", &log->file->name, n, len);
    }

    return NGX_ERROR;
}


/*
 * After "mv" and USR1, the workers reopen the file one by one.  The first
 * worker to write to the new file moves the chain there; every writer
 * after it must follow, or the files would interleave.
 */
static ngx_int_t
ngx_http_consent_audit_follow(ngx_open_file_t *file, ngx_log_t *error_log)
{
    ngx_fd_t         fd;
    ngx_file_info_t  path_info, fd_info;

    if (ngx_file_info(file->name.data, &path_info) == NGX_FILE_ERROR) {
        /* moved away and not created again yet: the old file goes on */
        return NGX_OK;
    }

    if (ngx_fd_info(file->fd, &fd_info) == NGX_FILE_ERROR) {
        ngx_log_error(NGX_LOG_ALERT, error_log, ngx_errno,
                      "consent: " ngx_fd_info_n " \"%V\" failed",
                      &file->name);
        return NGX_ERROR;
    }

    if (ngx_file_uniq(&path_info) == ngx_file_uniq(&fd_info)
        && path_info.st_dev == fd_info.st_dev)
    {
        return NGX_OK;
    }

    fd = ngx_open_file(file->name.data, NGX_FILE_APPEND, NGX_FILE_OPEN, 0);
    if (fd == NGX_INVALID_FILE) {
        ngx_log_error(NGX_LOG_ALERT, error_log, ngx_errno,
                      "consent: " ngx_open_file_n " \"%V\" failed after "
                      "rotation", &file->name);
        return NGX_ERROR;
    }

    if (ngx_close_file(file->fd) == NGX_FILE_ERROR) {
        ngx_log_error(NGX_LOG_ALERT, error_log, ngx_errno,
                      "consent: " ngx_close_file_n " \"%V\" failed",
                      &file->name);
    }

    file->fd = fd;

    return NGX_OK;
}


/*
 * RFC 5424: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - MSG, sent
 * with nginx's syslog transport (UDP).  The record is the MSG.
 */
static ngx_int_t
ngx_http_consent_audit_syslog(ngx_syslog_peer_t *peer, u_char *line,
    size_t len, uint64_t ts_ms, ngx_log_t *error_log)
{
    u_char     *buf, *p;
    size_t      node_len;
    ssize_t     n;
    ngx_tm_t    tm;
    ngx_str_t   tag;

    node_len = ngx_min(ngx_cycle->hostname.len, CONSENT_AUDIT_NODE_MAX);
    tag.len = ngx_min(peer->tag.len, 48);
    tag.data = peer->tag.data;

    buf = ngx_alloc(NGX_HTTP_CONSENT_SYSLOG_HEADER_LEN + len, error_log);
    if (buf == NULL) {
        return NGX_ERROR;
    }

    ngx_gmtime((time_t) (ts_ms / 1000), &tm);

    p = ngx_sprintf(buf, "<%ui>1 %4d-%02d-%02dT%02d:%02d:%02d.%03uDZ ",
                    peer->facility * 8 + peer->severity,
                    tm.ngx_tm_year, tm.ngx_tm_mon, tm.ngx_tm_mday,
                    tm.ngx_tm_hour, tm.ngx_tm_min, tm.ngx_tm_sec,
                    (uint32_t) (ts_ms % 1000));

    if (node_len && !peer->nohostname) {
        p = ngx_cpymem(p, ngx_cycle->hostname.data, node_len);

    } else {
        *p++ = '-';
    }

    p = ngx_sprintf(p, " %V %P consent - ", &tag, ngx_pid);

    /* the record without its newline: a datagram is one message */
    p = ngx_cpymem(p, line, len - 1);

    n = ngx_syslog_send(peer, buf, p - buf);

    ngx_free(buf);

    if (n != p - buf) {
        ngx_log_error(NGX_LOG_ALERT, error_log, 0,
                      "consent: sending the audit record to syslog failed");
        return NGX_ERROR;
    }

    return NGX_OK;
}


/*
 * ngx_consent: content codings.  Upstreams are asked only for codings the
 * filter can read (Accept-Encoding is narrowed before proxy, fastcgi, uwsgi
 * or grpc copy it), and gzip or deflate bodies that still arrive are
 * inflated with zlib into a bounded set of buffers.
 */


#include "ngx_http_consent_module.h"
#include "ngx_http_consent_coding.h"

#include <zlib.h>


/* decoded bytes in flight per response: 16 x 8k, whatever the ratio */
#define NGX_HTTP_CONSENT_INFLATE_BUFS   16
#define NGX_HTTP_CONSENT_INFLATE_SIZE   8192


struct ngx_http_consent_inflate_s {
    z_stream              zs;
    ngx_uint_t            coding;
    ngx_chain_t          *free;
    ngx_chain_t          *busy;
    ngx_uint_t            allocated;
    ngx_pool_t           *pool;

    unsigned              started:1;    /* inflateInit2() done */
    unsigned              ended:1;      /* the stream's end was read */
    unsigned              pending:1;    /* zlib may hold more output */
};


static ngx_int_t ngx_http_consent_coding_token(u_char *p, size_t len);
static ngx_int_t ngx_http_consent_inflate_init(
    ngx_http_consent_inflate_t *inf, ngx_buf_t *in);
static void ngx_http_consent_inflate_cleanup(void *data);


/* The one coding of the response (NONE, GZIP, DEFLATE or OTHER). */

ngx_uint_t
ngx_http_consent_coding(ngx_http_request_t *r, ngx_str_t *name)
{
    u_char                          *p, *last;
    ngx_str_t                        token;
    ngx_uint_t                       n, coding, c;
    ngx_table_elt_t                 *h;
    ngx_http_consent_header_walk_t   walk;

    coding = NGX_HTTP_CONSENT_CODING_NONE;
    n = 0;

    walk.part = NULL;

    while ((h = ngx_http_consent_next_header(&r->headers_out.headers,
                                             "Content-Encoding", &walk))
           != NULL)
    {
        *name = h->value;

        p = h->value.data;
        last = p + h->value.len;

        while (p < last) {
            token = ngx_http_consent_list_token(&p, last);

            if (token.len == 0) {
                break;
            }

            c = ngx_http_consent_coding_token(token.data, token.len);

            if (c == NGX_HTTP_CONSENT_CODING_NONE) {
                continue;
            }

            coding = c;
            n++;
        }
    }

    /* several codings in a row are not read: the filter decodes one */
    return n > 1 ? NGX_HTTP_CONSENT_CODING_OTHER : coding;
}


static ngx_int_t
ngx_http_consent_coding_token(u_char *p, size_t len)
{
    if (len == 8 && ngx_strncasecmp(p, (u_char *) "identity", 8) == 0) {
        return NGX_HTTP_CONSENT_CODING_NONE;
    }

    if ((len == 4 && ngx_strncasecmp(p, (u_char *) "gzip", 4) == 0)
        || (len == 6 && ngx_strncasecmp(p, (u_char *) "x-gzip", 6) == 0))
    {
        return NGX_HTTP_CONSENT_CODING_GZIP;
    }

    if (len == 7 && ngx_strncasecmp(p, (u_char *) "deflate", 7) == 0) {
        return NGX_HTTP_CONSENT_CODING_DEFLATE;
    }

    return NGX_HTTP_CONSENT_CODING_OTHER;
}


/* The response is sent decoded: its Content-Encoding headers go. */

void
ngx_http_consent_coding_clear(ngx_http_request_t *r)
{
    ngx_table_elt_t                 *h;
    ngx_http_consent_header_walk_t   walk;

    walk.part = NULL;

    while ((h = ngx_http_consent_next_header(&r->headers_out.headers,
                                             "Content-Encoding", &walk))
           != NULL)
    {
        h->hash = 0;
    }

    r->headers_out.content_encoding = NULL;
}


/*
 * Every Accept-Encoding header of the request, as the upstream modules copy
 * it, keeps only gzip, x-gzip, deflate and identity (with their q-values);
 * nginx's own gzip and gzip_static keep reading the visitor's original
 * header through r->headers_in.accept_encoding, which gets a private copy.
 */

ngx_int_t
ngx_http_consent_accept_encoding(ngx_http_request_t *r)
{
    u_char                          *p, *last, *start, *end, *out, *o;
    ngx_table_elt_t                 *h, *orig;
    ngx_http_consent_header_walk_t   walk;

    walk.part = NULL;

    while ((h = ngx_http_consent_next_header(&r->headers_in.headers,
                                             "Accept-Encoding", &walk))
           != NULL)
    {
        if (r->headers_in.accept_encoding == h) {
            orig = ngx_palloc(r->pool, sizeof(ngx_table_elt_t));
            if (orig == NULL) {
                return NGX_ERROR;
            }

            *orig = *h;
            r->headers_in.accept_encoding = orig;
        }

        /* ", " may replace each "," of the original */
        out = ngx_pnalloc(r->pool,
                          2 * h->value.len + sizeof("identity") - 1);
        if (out == NULL) {
            return NGX_ERROR;
        }

        o = out;
        p = h->value.data;
        last = p + h->value.len;

        while (p < last) {
            while (p < last && (*p == ' ' || *p == '\t' || *p == ',')) {
                p++;
            }

            start = p;

            while (p < last && *p != ',') {
                p++;
            }

            /* the coding name ends at ";" or white space */
            for (end = start;
                 end < p && *end != ';' && *end != ' ' && *end != '\t';
                 end++)
            { /* void */ }

            if (end == start
                || ngx_http_consent_coding_token(start, end - start)
                   == NGX_HTTP_CONSENT_CODING_OTHER)
            {
                continue;
            }

            if (o != out) {
                *o++ = ',';
                *o++ = ' ';
            }

            /* trailing white space of the element stays out */
            while (p > start && (p[-1] == ' ' || p[-1] == '\t')) {
                p--;
            }

            o = ngx_cpymem(o, start, p - start);

            while (p < last && *p != ',') {
                p++;
            }
        }

        if (o == out) {
            o = ngx_cpymem(out, "identity", sizeof("identity") - 1);
        }

        h->value.data = out;
        h->value.len = o - out;
    }

    return NGX_OK;
}


ngx_http_consent_inflate_t *
ngx_http_consent_inflate_create(ngx_http_request_t *r, ngx_uint_t coding)
{
    ngx_pool_cleanup_t          *cln;
    ngx_http_consent_inflate_t  *inf;

    inf = ngx_pcalloc(r->pool, sizeof(ngx_http_consent_inflate_t));
    if (inf == NULL) {
        return NULL;
    }

    cln = ngx_pool_cleanup_add(r->pool, 0);
    if (cln == NULL) {
        return NULL;
    }

    cln->handler = ngx_http_consent_inflate_cleanup;
    cln->data = inf;

    inf->coding = coding;
    inf->pool = r->pool;

    return inf;
}


static void
ngx_http_consent_inflate_cleanup(void *data)
{
    ngx_http_consent_inflate_t *inf = data;

    if (inf->started) {
        (void) inflateEnd(&inf->zs);
    }
}


/*
 * gzip (and x-gzip) take zlib's gzip header; "deflate" is meant as the
 * zlib format, but some servers send raw deflate: the first byte tells
 * (a zlib header has compression method 8 and a window of at most 32k).
 */

static ngx_int_t
ngx_http_consent_inflate_init(ngx_http_consent_inflate_t *inf, ngx_buf_t *in)
{
    int  bits;

    if (inf->coding == NGX_HTTP_CONSENT_CODING_GZIP) {
        bits = MAX_WBITS + 16;

    } else {
        bits = ((in->pos[0] & 0x0f) == 8 && (in->pos[0] >> 4) <= 7)
               ? MAX_WBITS : -MAX_WBITS;
    }

    if (inflateInit2(&inf->zs, bits) != Z_OK) {
        return NGX_ERROR;
    }

    inf->started = 1;

    return NGX_OK;
}


/*
 * Inflates from in into one decoded buffer.  *out is the buffer (NULL once
 * in is read and zlib holds nothing more).  NGX_AGAIN: every buffer is in
 * flight, call again after some were sent; NGX_DECLINED: the data is not
 * valid in this coding.
 */

ngx_int_t
ngx_http_consent_inflate(ngx_http_consent_inflate_t *inf, ngx_buf_t *in,
    ngx_buf_t **out)
{
    int           rc;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    *out = NULL;

    for ( ;; ) {

        if (in->pos == in->last && !inf->pending) {
            return NGX_OK;
        }

        if (inf->ended) {
            if (inf->coding != NGX_HTTP_CONSENT_CODING_GZIP) {
                return NGX_DECLINED;
            }

            /* gzip members may follow each other */

            if (inflateReset(&inf->zs) != Z_OK) {
                return NGX_ERROR;
            }

            inf->ended = 0;
        }

        if (!inf->started && ngx_http_consent_inflate_init(inf, in) != NGX_OK)
        {
            return NGX_ERROR;
        }

        if (inf->free) {
            cl = inf->free;
            inf->free = cl->next;

        } else if (inf->allocated < NGX_HTTP_CONSENT_INFLATE_BUFS) {
            cl = ngx_alloc_chain_link(inf->pool);
            if (cl == NULL) {
                return NGX_ERROR;
            }

            cl->buf = ngx_create_temp_buf(inf->pool,
                                          NGX_HTTP_CONSENT_INFLATE_SIZE);
            if (cl->buf == NULL) {
                return NGX_ERROR;
            }

            inf->allocated++;

        } else {
            return NGX_AGAIN;
        }

        b = cl->buf;
        b->pos = b->start;
        b->last = b->start;
        b->shadow = NULL;

        inf->zs.next_in = in->pos;
        inf->zs.avail_in = in->last - in->pos;
        inf->zs.next_out = b->start;
        inf->zs.avail_out = b->end - b->start;

        rc = inflate(&inf->zs, Z_NO_FLUSH);

        in->pos = inf->zs.next_in;
        b->last = inf->zs.next_out;

        if (rc == Z_STREAM_END) {
            /* all of the stream's output is out */
            inf->ended = 1;
            inf->pending = 0;

        } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
            inf->pending = (inf->zs.avail_out == 0);

        } else {
            cl->next = inf->free;
            inf->free = cl;
            return NGX_DECLINED;
        }

        if (b->last == b->pos) {
            cl->next = inf->free;
            inf->free = cl;

            if (rc == Z_BUF_ERROR) {
                /* no progress is possible without more input */
                inf->pending = 0;
                return NGX_OK;
            }

            continue;
        }

        cl->next = inf->busy;
        inf->busy = cl;

        *out = b;

        return NGX_OK;
    }
}


/* Decoded buffers whose output was sent (pos == last) are reused. */

ngx_uint_t
ngx_http_consent_inflate_reclaim(ngx_http_consent_inflate_t *inf)
{
    ngx_uint_t    n;
    ngx_chain_t  *cl, **ll;

    n = 0;
    ll = &inf->busy;

    while (*ll) {
        cl = *ll;

        if (cl->buf->pos != cl->buf->last) {
            ll = &cl->next;
            continue;
        }

        *ll = cl->next;
        cl->next = inf->free;
        inf->free = cl;
        n++;
    }

    return n;
}


/* The stream ended where the body did (an empty body has nothing unread). */

ngx_int_t
ngx_http_consent_inflate_complete(ngx_http_consent_inflate_t *inf)
{
    return !inf->started || (inf->ended && !inf->pending);
}

#ifndef _NGX_HTTP_CONSENT_CODING_H_INCLUDED_
#define _NGX_HTTP_CONSENT_CODING_H_INCLUDED_

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>


#define NGX_HTTP_CONSENT_CODING_NONE     0
#define NGX_HTTP_CONSENT_CODING_GZIP     1
#define NGX_HTTP_CONSENT_CODING_DEFLATE  2
#define NGX_HTTP_CONSENT_CODING_OTHER    3


typedef struct ngx_http_consent_inflate_s  ngx_http_consent_inflate_t;


/* The response's content coding; name: its Content-Encoding value. */
ngx_uint_t ngx_http_consent_coding(ngx_http_request_t *r, ngx_str_t *name);
void ngx_http_consent_coding_clear(ngx_http_request_t *r);

/* Narrow the request's Accept-Encoding to what the filter can decode. */
ngx_int_t ngx_http_consent_accept_encoding(ngx_http_request_t *r);

ngx_http_consent_inflate_t *ngx_http_consent_inflate_create(
    ngx_http_request_t *r, ngx_uint_t coding);
ngx_int_t ngx_http_consent_inflate(ngx_http_consent_inflate_t *inf,
    ngx_buf_t *in, ngx_buf_t **out);
ngx_uint_t ngx_http_consent_inflate_reclaim(ngx_http_consent_inflate_t *inf);
ngx_int_t ngx_http_consent_inflate_complete(ngx_http_consent_inflate_t *inf);


#endif /* _NGX_HTTP_CONSENT_CODING_H_INCLUDED_ */

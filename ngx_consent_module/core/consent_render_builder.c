/*
 * The markup builder of the renderer: a growing buffer plus, in template
 * mode, the list of segments whose presence depends on the request.
 */

#include <stdlib.h>
#include <string.h>

#include "consent_escape.h"
#include "consent_render_int.h"


static int consent_builder_reserve(consent_builder_t *b, size_t len);
static void consent_builder_segment(consent_builder_t *b, unsigned kind,
    unsigned arg);
static size_t consent_builder_service_ids(const consent_render_req_t *req,
    char *out);
static int consent_builder_wanted(const consent_render_req_t *req,
    unsigned kind, unsigned arg);


void
consent_builder_init(consent_builder_t *b, const consent_render_req_t *req)
{
    memset(b, 0, sizeof(consent_builder_t));
    b->req = req;
    b->cond_keep = 1;
}


void
consent_builder_free(consent_builder_t *b)
{
    free(b->data);
    free(b->segs);
    b->data = NULL;
    b->segs = NULL;
}


static int
consent_builder_reserve(consent_builder_t *b, size_t len)
{
    char    *data;
    size_t   size;

    if (b->failed) {
        return -1;
    }

    if (b->len + len + 1 <= b->size) {
        return 0;
    }

    size = b->size ? b->size : 4096;

    while (size < b->len + len + 1) {
        size *= 2;
    }

    data = realloc(b->data, size);
    if (data == NULL) {
        b->failed = 1;
        return -1;
    }

    b->data = data;
    b->size = size;

    return 0;
}


void
consent_builder_add(consent_builder_t *b, const char *s, size_t len)
{
    if (consent_builder_reserve(b, len) != 0) {
        return;
    }

    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}


void
consent_builder_str(consent_builder_t *b, const char *s)
{
    consent_builder_add(b, s, strlen(s));
}


void
consent_builder_esc(consent_builder_t *b, const char *s)
{
    consent_builder_escn(b, s, strlen(s));
}


void
consent_builder_escn(consent_builder_t *b, const char *s, size_t len)
{
    size_t  n;

    n = consent_escape_html_len(s, len);

    if (consent_builder_reserve(b, n) != 0) {
        return;
    }

    consent_escape_html(b->data + b->len, s, len);
    b->len += n;
    b->data[b->len] = '\0';
}


void
consent_builder_uint(consent_builder_t *b, unsigned long n)
{
    char  digits[24], *p;

    p = digits + sizeof(digits);

    do {
        *--p = (char) ('0' + n % 10);
        n /= 10;
    } while (n);

    consent_builder_add(b, p, digits + sizeof(digits) - p);
}


/* Close the text since the mark as a segment of the given kind. */
static void
consent_builder_segment(consent_builder_t *b, unsigned kind, unsigned arg)
{
    size_t          size;
    consent_seg_t  *segs;

    if (b->failed) {
        return;
    }

    /* the substitutions have no text of their own */
    if (b->len == b->mark && kind != CONSENT_SEG_RETURN_TO
        && kind != CONSENT_SEG_SERVICES)
    {
        return;
    }

    if (b->nsegs == b->nsegs_size) {
        size = b->nsegs_size ? b->nsegs_size * 2 : 64;
        segs = realloc(b->segs, size * sizeof(consent_seg_t));
        if (segs == NULL) {
            b->failed = 1;
            return;
        }

        b->segs = segs;
        b->nsegs_size = size;
    }

    b->segs[b->nsegs].off = b->mark;
    b->segs[b->nsegs].len = b->len - b->mark;
    b->segs[b->nsegs].kind = kind;
    b->segs[b->nsegs].arg = arg;
    b->nsegs++;
    b->mark = b->len;
}


static int
consent_builder_wanted(const consent_render_req_t *req, unsigned kind,
    unsigned arg)
{
    switch (kind) {
    case CONSENT_SEG_IF_GRANTED:
        return (req->effective >> arg) & 1;
    case CONSENT_SEG_IF_GPC:
        return req->gpc;
    case CONSENT_SEG_IF_SERVICE:
        return req->services != NULL && req->services->n != 0
               && !((req->effective
                     >> req->policy->services[arg].category) & 1)
               && consent_services_has(req->services,
                                       req->policy->services[arg].hash);
    default:
        return 1;
    }
}


/* The ids of the services granted alone into out (NULL: count only). */
static size_t
consent_builder_service_ids(const consent_render_req_t *req, char *out)
{
    size_t                    i, len, n;
    const consent_service_t  *svc;

    n = 0;

    for (i = 0; req->services != NULL && req->services->n != 0
                && i < req->policy->nservices; i++)
    {
        svc = &req->policy->services[i];

        if (!consent_services_has(req->services, svc->hash)) {
            continue;
        }

        len = strlen(svc->id);

        if (out != NULL) {
            if (n != 0) {
                out[n] = ' ';
            }

            consent_escape_html(out + n + (n != 0), svc->id, len);
        }

        n += (n != 0) + consent_escape_html_len(svc->id, len);
    }

    return n;
}


void
consent_builder_services(consent_builder_t *b)
{
    size_t  n;

    if (b->req) {
        n = consent_builder_service_ids(b->req, NULL);

        if (consent_builder_reserve(b, n) != 0) {
            return;
        }

        consent_builder_service_ids(b->req, b->data + b->len);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }

    consent_builder_segment(b, CONSENT_SEG_TEXT, 0);
    consent_builder_segment(b, CONSENT_SEG_SERVICES, 0);
}


void
consent_builder_cond_begin(consent_builder_t *b, unsigned kind, unsigned arg)
{
    if (b->req) {
        b->cond_start = b->len;
        b->cond_keep = consent_builder_wanted(b->req, kind, arg);
        return;
    }

    consent_builder_segment(b, CONSENT_SEG_TEXT, 0);

    b->cond_kind = kind;
    b->cond_arg = arg;
}


void
consent_builder_cond_end(consent_builder_t *b)
{
    if (b->req) {
        if (!b->cond_keep && !b->failed) {
            b->len = b->cond_start;
            b->data[b->len] = '\0';
        }

        b->cond_keep = 1;
        return;
    }

    consent_builder_segment(b, b->cond_kind, b->cond_arg);
}


void
consent_builder_return_to(consent_builder_t *b)
{
    size_t  n;

    if (b->req) {
        n = consent_escape_html_len(b->req->return_to,
                                    b->req->return_to_len);

        if (consent_builder_reserve(b, n) != 0) {
            return;
        }

        consent_escape_html(b->data + b->len, b->req->return_to,
                            b->req->return_to_len);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }

    consent_builder_segment(b, CONSENT_SEG_TEXT, 0);
    consent_builder_segment(b, CONSENT_SEG_RETURN_TO, 0);
}


int
consent_builder_finish(consent_builder_t *b)
{
    consent_builder_segment(b, CONSENT_SEG_TEXT, 0);

    return b->failed ? -1 : 0;
}


int
consent_builder_splice(const consent_builder_t *tpl,
    const consent_render_req_t *req, consent_render_out_t *out)
{
    char                 *p;
    size_t                i, len, rt_len;
    const consent_seg_t  *seg;

    out->data = NULL;
    out->len = 0;

    rt_len = consent_escape_html_len(req->return_to, req->return_to_len);
    len = 0;

    for (i = 0; i < tpl->nsegs; i++) {
        seg = &tpl->segs[i];

        if (seg->kind == CONSENT_SEG_RETURN_TO) {
            len += rt_len;

        } else if (seg->kind == CONSENT_SEG_SERVICES) {
            len += consent_builder_service_ids(req, NULL);

        } else if (consent_builder_wanted(req, seg->kind, seg->arg)) {
            len += seg->len;
        }
    }

    p = req->alloc ? req->alloc(req->alloc_data, len + 1) : malloc(len + 1);
    if (p == NULL) {
        return -1;
    }

    out->data = p;

    for (i = 0; i < tpl->nsegs; i++) {
        seg = &tpl->segs[i];

        if (seg->kind == CONSENT_SEG_RETURN_TO) {
            p = consent_escape_html(p, req->return_to, req->return_to_len);

        } else if (seg->kind == CONSENT_SEG_SERVICES) {
            p += consent_builder_service_ids(req, p);

        } else if (consent_builder_wanted(req, seg->kind, seg->arg)) {
            memcpy(p, tpl->data + seg->off, seg->len);
            p += seg->len;
        }
    }

    *p = '\0';
    out->len = len;

    return 0;
}


int
consent_builder_output(consent_builder_t *b, consent_render_out_t *out)
{
    if (b->failed || b->data == NULL) {
        consent_builder_free(b);
        out->data = NULL;
        out->len = 0;
        return b->failed ? -1 : 0;
    }

    out->data = b->data;
    out->len = b->len;
    b->data = NULL;
    consent_builder_free(b);

    return 0;
}


void
consent_builder_fill(consent_builder_t *b, const char *text,
    const char *const *vars)
{
    size_t              n;
    const char         *p, *close;
    const char *const  *v;

    for (p = text; *p; p = close + 1) {
        close = NULL;

        if (*p == '{') {
            close = strchr(p, '}');
        }

        if (close) {
            n = (size_t) (close - p - 1);

            for (v = vars; v[0]; v += 2) {
                if (strlen(v[0]) == n && strncmp(v[0], p + 1, n) == 0) {
                    break;
                }
            }

            if (v[0]) {
                consent_builder_esc(b, v[1]);

                /* "Example Inc." ends the sentence: no second full stop */
                n = strlen(v[1]);
                if (n && v[1][n - 1] == '.' && close[1] == '.') {
                    close++;
                }
                continue;
            }
        }

        /* text up to the next '{' (an unknown "{name}" stays as it is) */
        close = strchr(p + 1, '{');
        n = close ? (size_t) (close - p) : strlen(p);
        consent_builder_escn(b, p, n);
        close = p + n - 1;
    }
}

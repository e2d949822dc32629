/*
 * The click-to-load placeholder of a blocked frame, written by the
 * rewriter right before the inert frame: the service's name, what loading
 * it means, its privacy policy when known, "Load once" (consent.js shows
 * it; nothing is recorded) and "Always allow <service>", the submit button
 * of a form posting action=allow for that one service, which works without
 * script.  The placeholder is phrasing content (it may stand in a <p>);
 * its form comes at the end of the document, the button names it.  The box
 * keeps the frame's size: a canvas of the frame's width and height scales
 * like the frame (CSS max-width: 100%, height: auto), so no style
 * attribute is needed under a strict CSP.  A frame of a granted service
 * gets only the anchor of its number (<span id="consent-embed-N">).
 */

#include <stdio.h>
#include <string.h>

#include "consent_escape.h"
#include "consent_render_int.h"

/* The size of a frame that gives none: 16:9 at a common embed width. */
#define CONSENT_EMBED_WIDTH   640
#define CONSENT_EMBED_HEIGHT  360

/* Room for "#consent-embed-<number>" after return_to. */
#define CONSENT_EMBED_ANCHOR_MAX  32


static void consent_render_embed_panel(consent_builder_t *b,
    const consent_render_ctx_t *c, const consent_frame_t *frame,
    const char *anchor);
static void consent_render_embed_form(consent_builder_t *b,
    const consent_render_ctx_t *c, const consent_service_t *svc,
    const char *anchor);
static void consent_render_embed_box(const consent_frame_t *frame,
    unsigned long *width, unsigned long *height);


int
consent_render_placeholder(void *data, const consent_frame_t *frame,
    consent_write_pt write, void *sink)
{
    int                          rc;
    char                         anchor[CONSENT_EMBED_ANCHOR_MAX];
    consent_builder_t            b;
    const consent_render_ctx_t  *c;

    c = data;
    snprintf(anchor, sizeof(anchor), "consent-embed-%u", frame->number);
    consent_builder_init(&b, NULL);

    if (frame->live) {
        /* where "Always allow" of its placeholder came back to */
        consent_builder_lit(&b, "<span id=\"");
        consent_builder_str(&b, anchor);
        consent_builder_lit(&b, "\"></span>");

    } else if (frame->form) {
        consent_render_embed_form(&b, c, &c->policy->services[frame->service],
                                  anchor);

    } else {
        consent_render_embed_panel(&b, c, frame, anchor);
    }

    rc = b.failed ? -1 : write(sink, b.data, b.len);

    consent_builder_free(&b);

    return rc;
}


/* Phrasing content only: the placeholder may stand in a <p>. */
static void
consent_render_embed_panel(consent_builder_t *b,
    const consent_render_ctx_t *c, const consent_frame_t *frame,
    const char *anchor)
{
    unsigned long             width, height;
    const char               *vars[5];
    const consent_policy_t   *policy;
    const consent_service_t  *svc;

    policy = c->policy;
    svc = &policy->services[frame->service];

    vars[0] = "provider";
    vars[1] = svc->provider && svc->provider[0] ? svc->provider : svc->name;
    vars[2] = "service";
    vars[3] = svc->name;
    vars[4] = NULL;

    consent_render_embed_box(frame, &width, &height);

    consent_builder_lit(b, "<span class=\"consent-embed\" id=\"");
    consent_builder_str(b, anchor);
    consent_builder_lit(b, "\" role=\"region\" aria-labelledby=\"");
    consent_builder_str(b, anchor);
    consent_builder_lit(b, "-t\" lang=\"");
    consent_builder_esc(b, c->lang);
    consent_builder_lit(b, "\" dir=\"");
    consent_builder_str(b, consent_render_dir(c->lang));
    consent_builder_lit(b, "\"");
    consent_render_emit_theme(b, c);
    consent_builder_lit(b, " data-consent-embed=\"");
    consent_builder_esc(b, c->marker ? c->marker : "");
    consent_builder_lit(b, "\"><canvas width=\"");
    consent_builder_uint(b, width);
    consent_builder_lit(b, "\" height=\"");
    consent_builder_uint(b, height);
    consent_builder_lit(b, "\" aria-hidden=\"true\"></canvas>"
                           "<span class=\"consent-embed-body\">"
                           "<span class=\"consent-embed-title\" id=\"");
    consent_builder_str(b, anchor);
    consent_builder_lit(b, "-t\">");
    consent_builder_esc(b, svc->name);
    consent_builder_lit(b, "</span><span class=\"consent-embed-text\">");
    consent_builder_fill(b, consent_render_text(policy, c->lang,
                                                "placeholder_body"), vars);

    if (consent_render_is_web_url(svc->privacy_url)) {
        consent_builder_lit(b, " <a class=\"consent-link\" href=\"");
        consent_builder_esc(b, svc->privacy_url);
        consent_builder_lit(b, "\" rel=\"noopener noreferrer\" "
                               "target=\"_blank\">");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "privacy_url"));
        consent_builder_lit(b, "</a>");
    }

    consent_builder_lit(b, "</span><span class=\"consent-embed-actions\">"
                           "<button type=\"button\" class=\"consent-btn\" "
                           "data-consent-load hidden>");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "load_once"));
    consent_builder_lit(b, "</button><button class=\"consent-btn\" "
                           "form=\"");
    consent_builder_str(b, anchor);
    consent_builder_lit(b, "-f\">");
    consent_builder_fill(b, consent_render_text(policy, c->lang,
                                                "always_allow"), vars);
    consent_builder_lit(b, "</button></span></span></span>");
}


/*
 * "Always allow": action=allow for the service, back to the placeholder's
 * anchor.  Hidden; the placeholder's button submits it.
 */
static void
consent_render_embed_form(consent_builder_t *b, const consent_render_ctx_t *c,
    const consent_service_t *svc, const char *anchor)
{
    size_t       len;
    const char  *return_to;

    /* the endpoint turns a return_to it would refuse into "/" */
    len = c->return_to ? strlen(c->return_to) : 0;
    return_to = consent_escape_safe_path(c->return_to, len,
                                         CONSENT_RETURN_TO_MAX - 1
                                         - CONSENT_EMBED_ANCHOR_MAX)
                ? c->return_to : "/";

    consent_builder_lit(b, "<form id=\"");
    consent_builder_str(b, anchor);
    consent_builder_lit(b, "-f\" class=\"consent-form consent-embed-form\" "
                           "method=\"post\" action=\"");
    consent_builder_esc(b, c->api_path);
    consent_builder_lit(b, "\" hidden><input type=\"hidden\" "
                           "name=\"action\" value=\"allow\"><input "
                           "type=\"hidden\" name=\"service\" value=\"");
    consent_builder_esc(b, svc->id);
    consent_builder_lit(b, "\"><input type=\"hidden\" name=\"source\" "
                           "value=\"placeholder\"><input type=\"hidden\" "
                           "name=\"return_to\" value=\"");
    consent_builder_esc(b, return_to);
    consent_builder_lit(b, "#");
    consent_builder_str(b, anchor);
    consent_builder_lit(b, "\"></form>");
}


/*
 * The frame's size, or one side from the other at 16:9, or 16:9 at
 * CONSENT_EMBED_WIDTH: the canvas's, whose ratio the box keeps.
 */
static void
consent_render_embed_box(const consent_frame_t *frame, unsigned long *width,
    unsigned long *height)
{
    *width = frame->width;
    *height = frame->height;

    if (*width == 0 && *height == 0) {
        *width = CONSENT_EMBED_WIDTH;
        *height = CONSENT_EMBED_HEIGHT;

    } else if (*height == 0) {
        *height = *width * 9 / 16;

    } else if (*width == 0) {
        *width = *height * 16 / 9;
    }
}

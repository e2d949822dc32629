#ifndef _NGX_HTTP_CONSENT_ASSETS_H_INCLUDED_
#define _NGX_HTTP_CONSENT_ASSETS_H_INCLUDED_

#include <stddef.h>


/* Files of ngx_consent_module/assets/, embedded at configure time. */
typedef struct {
    const char           *name;
    const unsigned char  *data;   /* NUL-terminated; size excludes the NUL */
    size_t                size;
} ngx_http_consent_asset_t;


extern const ngx_http_consent_asset_t  ngx_http_consent_assets[];


#endif /* _NGX_HTTP_CONSENT_ASSETS_H_INCLUDED_ */

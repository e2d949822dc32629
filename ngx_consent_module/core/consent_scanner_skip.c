/*
 * The scanner's skip layer (see consent_scanner_int.h): most tags of a page
 * matter to nobody.  Outside svg/math their names are rejected by length
 * and first letter, and their ends found by the same attribute states as
 * the tokenizer's, walking from one structural character to the next.
 * While styles are read, the attribute names are looked at on the way.
 */

#include "consent_scanner_int.h"


/* Whether n[0..len) is the lowercase word w of that length, in any case. */
static int
consent_scanner_name_is(const unsigned char *n, const char *w, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (consent_scan_lower[n[i]] != (unsigned char) w[i]) {
            return 0;
        }
    }

    return 1;
}


/* Whether an attribute name is one the watch bits (SKIP_*) ask for. */
static int
consent_scanner_watched(const unsigned char *n, size_t len, unsigned watch)
{
    switch (len) {
    case 4:
        return (watch & SKIP_PING) && consent_scanner_name_is(n, "ping", 4);
    case 5:
        return (watch & SKIP_STYLE) && consent_scanner_name_is(n, "style", 5);
    case 9:
        return ((watch & SKIP_TAGGED)
                && consent_scanner_name_is(n, "data-name", 9))
               || ((watch & SKIP_PING)
                   && consent_scanner_name_is(n, "data-ping", 9));
    case 13:
        return (watch & SKIP_TAGGED)
               && consent_scanner_name_is(n, "data-category", 13);
    case 10:
        return (watch & SKIP_STYLE)
               && (consent_scanner_name_is(n, "background", 10)
                   || consent_scanner_name_is(n, "data-style", 10));
    case 15:
        return (watch & SKIP_STYLE)
               && consent_scanner_name_is(n, "data-background", 15);
    default:
        return 0;
    }
}


const unsigned char *
consent_scanner_skip_attrs(consent_scanner_t *sc, const unsigned char *p,
    int *state, unsigned watch)
{
    int                   st;
    unsigned char         c;
    const unsigned char  *q, *end, *name;

    st = *state;
    end = sc->end;
    name = p;

    /*
     * The common shape first: name="value" or name='value' separated by
     * single spaces, two searches an attribute.  Anything else goes
     * on in the states below from where the shape broke.
     */
    while (st == S_BEFORE_ATTR_NAME && p < end
           && !(consent_scan_class[*p] & C_WS) && *p != '/' && *p != '>'
           && *p != '=')
    {
        q = consent_scanner_until(p + 1, end, C_ATTR_END);
        if (watch
            && (q == end
                || consent_scanner_watched(p, (size_t) (q - p), watch)))
        {
            return NULL;
        }
        if (end - q < 2 || *q != '=' || (q[1] != '"' && q[1] != '\'')) {
            break;
        }
        p = consent_scanner_char(q + 2, end, q[1]);
        if (p == end) {
            *state = q[1] == '"' ? S_ATTR_VALUE_DQ : S_ATTR_VALUE_SQ;
            return NULL;
        }
        p++;
        if (p == end) {
            *state = S_AFTER_ATTR_VALUE_Q;
            return NULL;
        }
        if (*p == '>') {
            return p + 1;
        }
        if (*p != ' ') {
            st = S_AFTER_ATTR_VALUE_Q;
            break;
        }
        p++;
    }

    for ( ;; ) {

        switch (st) {

        case S_BEFORE_ATTR_NAME:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p++;
            if (c == '>') {
                return p;
            }
            if (c == '/') {
                st = S_SELF_CLOSING;
                break;
            }
            /* any other byte, '=' too, starts a name */
            name = p - 1;
            st = S_ATTR_NAME;
            /* fall through */

        case S_ATTR_NAME:
            p = consent_scanner_until(p, end, C_ATTR_END);
            if (p == end) {
                goto more;
            }
            if (watch
                && consent_scanner_watched(name, (size_t) (p - name), watch))
            {
                return NULL;
            }
            c = *p++;
            if (c == '=') {
                st = S_BEFORE_ATTR_VALUE;
            } else if (c == '>') {
                return p;
            } else if (c == '/') {
                st = S_SELF_CLOSING;
                break;
            } else {
                st = S_AFTER_ATTR_NAME;
                break;
            }
            /* fall through */

        case S_BEFORE_ATTR_VALUE:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '"' || c == '\'') {
                p++;
                st = c == '"' ? S_ATTR_VALUE_DQ : S_ATTR_VALUE_SQ;
                break;
            }
            if (c == '>') {
                return p + 1;
            }
            st = S_ATTR_VALUE_UNQ;
            break;

        case S_AFTER_ATTR_NAME:
            while (p < end && (consent_scan_class[*p] & C_WS)) {
                p++;
            }
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '=') {
                p++;
                st = S_BEFORE_ATTR_VALUE;
            } else if (c == '/') {
                p++;
                st = S_SELF_CLOSING;
            } else if (c == '>') {
                return p + 1;
            } else {
                name = p;
                st = S_ATTR_NAME;
            }
            break;

        case S_ATTR_VALUE_DQ:
        case S_ATTR_VALUE_SQ:
            p = consent_scanner_char(p, end,
                                     st == S_ATTR_VALUE_DQ ? '"' : '\'');
            if (p == end) {
                goto more;
            }
            p++;
            st = S_AFTER_ATTR_VALUE_Q;
            /* fall through */

        case S_AFTER_ATTR_VALUE_Q:
            if (p == end) {
                goto more;
            }
            c = *p;
            if (c == '>') {
                return p + 1;
            }
            if (c == '/') {
                p++;
                st = S_SELF_CLOSING;
                break;
            }
            if (consent_scan_class[c] & C_WS) {
                p++;
            }
            st = S_BEFORE_ATTR_NAME;
            break;

        case S_ATTR_VALUE_UNQ:
            p = consent_scanner_until(p, end, C_UNQ_END);
            if (p == end) {
                goto more;
            }
            if (*p++ == '>') {
                return p;
            }
            st = S_BEFORE_ATTR_NAME;
            break;

        default:    /* S_SELF_CLOSING */
            if (p == end) {
                goto more;
            }
            if (*p == '>') {
                return p + 1;
            }
            st = S_BEFORE_ATTR_NAME;
            break;
        }
    }

more:

    *state = st;
    return NULL;
}


const unsigned char *
consent_scanner_skip_unstyled(consent_scanner_t *sc, const unsigned char *p)
{
    int            st;
    unsigned char  c;

    c = *p++;
    if (c == '>') {
        return p;
    }

    st = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;

    return consent_scanner_skip_attrs(sc, p, &st, SKIP_STYLE);
}


const unsigned char *
consent_scanner_skip_data(consent_scanner_t *sc, const unsigned char *p,
    int *state)
{
    int                   st, is_end;
    size_t                len;
    uint32_t              letter;
    unsigned              watch;
    unsigned char         c;
    const unsigned char  *q, *lt, *name, *end;

    end = sc->end;
    lt = consent_scanner_char(p, end, '<');

    for ( ;; ) {
        q = lt >= p ? lt : consent_scanner_char(p, end, '<');
        if (q == end) {
            *state = S_DATA;
            return NULL;
        }

        name = q + 1;
        is_end = name < end && *name == '/';
        name += is_end;
        if (name == end || !(consent_scan_class[*name] & C_ALPHA)) {
            return q;
        }

        p = consent_scanner_until(name + 1, end, C_NAME_END);
        if (p == end) {
            return q;
        }

        len = (size_t) (p - name);
        letter = (uint32_t) 1 << (consent_scan_lower[*name] - 'a');

        if (len <= CONSENT_TAG_NAME_LONGEST
            && (consent_tag_first_html[is_end][len] & letter))
        {
            /*
             * a and area matter only with a ping attribute, the inert one
             * of a site-tagged link, or a style; with tagged, loaders only
             * with data-category or data-name
             */
            if (is_end) {
                return q;
            }
            if (consent_scanner_is_link(name, p)) {
                watch = sc->styles ? SKIP_PING | SKIP_STYLE : SKIP_PING;
            } else if (sc->tagged && !(consent_tag_first_keep[len] & letter)) {
                watch = SKIP_TAGGED;
            } else {
                return q;
            }
            c = *p++;
            if (c != '>') {
                st = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
                lt = consent_scanner_char(p, end, '<');
                p = consent_scanner_skip_attrs(sc, p, &st, watch);
                if (p == NULL) {
                    /* reported, or not known in this buffer */
                    return q;
                }
                /* an attribute takes two bytes at least: a longer tag
                   may have more than are recorded, which the bound of
                   loaders decides on */
                if (p - q > 2 * CONSENT_SCAN_MAX_ATTRS) {
                    return q;
                }
            }
            sc->raw_state = S_DATA;
            continue;
        }

        /*
         * The next '<', unless one is inside this tag: the search does not
         * wait for the walk over the attributes, which finds the tag's end.
         */
        if (*p != '>') {
            lt = consent_scanner_char(p, end, '<');
        }

        if (sc->styles && !is_end) {
            p = consent_scanner_skip_unstyled(sc, p);
            if (p == NULL) {
                /* the ordinary states report it from its '<' */
                sc->report = 1;
                return q;
            }
            sc->raw_state = S_DATA;
            continue;
        }

        c = *p++;
        if (c != '>') {
            st = c == '/' ? S_SELF_CLOSING : S_BEFORE_ATTR_NAME;
            p = consent_scanner_skip_attrs(sc, p, &st, 0);
            if (p == NULL) {
                /* the ordinary states go on, recording nothing */
                consent_scanner_mark(sc, q);
                consent_scanner_tag_reset(sc, (unsigned) is_end);
                sc->tag.attrs_overflow = 1;
                *state = st;
                return NULL;
            }
        }
        sc->raw_state = S_DATA;
    }
}

/*
 * ngx_consent: upgrades the server-rendered banner (which works without
 * script) to JSON posts, a modal preferences dialog fetched on demand from
 * the endpoint, activation of the now-allowed blocked elements in place,
 * and the click-to-load placeholders of blocked embeds (Load once, Always
 * allow).  No dependencies.
 */
(function () {
    'use strict';

    var root, api, mode, banner, dialog, pending, opener, current,
        activated, services, activatedServices;

    /* the token the server marked this response's blocked elements with */
    var marker = document.currentScript &&
                 document.currentScript.getAttribute('data-consent-marker');
    var FOCUSABLE = 'a[href],button,input,select,textarea,summary,' +
                    '[tabindex]:not([tabindex="-1"])';

    function $$(sel, el) {
        return Array.prototype.slice.call((el || document)
                                          .querySelectorAll(sel));
    }

    function init() {
        root = document.getElementById('consent');
        if (!root || root.getAttribute('data-ready')) {
            return;
        }

        root.setAttribute('data-ready', '1');
        api = root.getAttribute('data-api');
        banner = document.getElementById('consent-banner');
        mode = readMode(root);

        current = (root.getAttribute('data-granted') || '').split(' ')
            .filter(Boolean);
        services = (root.getAttribute('data-services') || '').split(' ')
            .filter(Boolean);

        /* what the server let through is live already */
        activated = {};
        if (root.getAttribute('data-state') === 'valid') {
            current.forEach(function (id) { activated[id] = 1; });
        }
        activatedServices = {};
        services.forEach(function (id) { activatedServices[id] = 1; });

        /* the banner's and the preferences' forms, and any other
           form.consent-form of the page (a placeholder's "Always allow") */
        document.addEventListener('submit', onSubmit);
        document.addEventListener('click', onClick);
        root.addEventListener('change', onSwitch);
    }

    function readMode(el) {
        try {
            return JSON.parse(el.getAttribute('data-consent-mode'));
        } catch (e) {
            return null;
        }
    }

    /* The preferences are a page of the endpoint: fetched once, on
       demand, into a modal dialog. */
    function loadPrefs() {
        var url = api.replace(/\/?$/, '/') + 'preferences?return_to=' +
                  encodeURIComponent(location.pathname + location.search);

        return fetch(url, {
            credentials: 'same-origin',
            headers: { 'Accept': 'text/html' }
        }).then(function (res) {
            if (!res.ok || !window.HTMLDialogElement) {
                throw new Error('consent: preferences unavailable');
            }
            return res.text();
        }).then(function (html) {
            var doc = new DOMParser().parseFromString(html, 'text/html');
            var panel = doc.querySelector('.consent-prefs');
            var close;

            if (!panel) {
                throw new Error('consent: no preferences in the page');
            }

            mode = mode || readMode(doc.body);
            panel = document.importNode(panel, true);

            dialog = document.createElement('dialog');
            dialog.className = 'consent-dialog';
            dialog.setAttribute('aria-labelledby', panel.getAttribute(
                                'aria-labelledby'));
            dialog.setAttribute('aria-describedby', panel.getAttribute(
                                'aria-describedby'));
            dialog.appendChild(panel);
            root.appendChild(dialog);

            close = panel.querySelector('[data-consent-close]');
            if (close) {
                close.hidden = false;
            }

            dialog.addEventListener('keydown', onKey);
            dialog.addEventListener('cancel', function (e) {
                e.preventDefault();
                closePrefs();
            });
            dialog.addEventListener('click', function (e) {
                if (e.target === dialog) {
                    closePrefs();
                }
            });

            return dialog;
        });
    }

    /* [data-consent-open] anywhere opens the preferences (sites may add
       their own "Cookie settings" links); [data-consent-close] closes. */
    function onClick(e) {
        var t = e.target.closest &&
                e.target.closest('[data-consent-open],[data-consent-close]');
        var form;

        if (!t) {
            return;
        }

        e.preventDefault();

        if (t.hasAttribute('data-consent-close')) {
            closePrefs();
            return;
        }

        if (dialog) {
            openPrefs(t);
            return;
        }

        form = t.closest('form');
        pending = pending || loadPrefs();
        pending.then(function () {
            openPrefs(t);
        }, function () {
            /* the server-rendered preferences page still works */
            pending = null;
            if (form) {
                form.submit();
            } else if (t.href) {
                location.href = t.href;
            }
        });
    }

    function visible(el) {
        return el.getClientRects().length > 0 && !el.disabled;
    }

    function openPrefs(from) {
        var first;

        opener = from;
        sync();

        if (!dialog.open) {
            dialog.showModal();
        }

        first = $$('input', dialog).filter(visible)[0];
        if (first) {
            first.focus();
        }
    }

    function closePrefs() {
        if (dialog && dialog.open) {
            dialog.close();
        }

        restoreFocus(opener);
    }

    function restoreFocus(el) {
        if (!el || !visible(el)) {
            el = $$(banner && !banner.hidden ? '#consent-banner button'
                                              : '.consent-settings-btn', root)
                 .filter(visible)[0];
        }

        if (el) {
            el.focus();
        }
    }

    /* Escape closes; Tab and Shift+Tab stay inside the dialog. */
    function onKey(e) {
        var items, first, last;

        if (e.key === 'Escape') {
            e.preventDefault();
            closePrefs();
            return;
        }

        if (e.key !== 'Tab') {
            return;
        }

        items = $$(FOCUSABLE, dialog).filter(visible);
        first = items[0];
        last = items[items.length - 1];

        if (e.shiftKey && (document.activeElement === first ||
                           !dialog.contains(document.activeElement))) {
            e.preventDefault();
            last.focus();

        } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first.focus();
        }
    }

    function onSubmit(e) {
        var form = e.target, btn = e.submitter, field, action, granted,
            chosen, source;

        if (!form.classList || !form.classList.contains('consent-form')) {
            return;
        }

        e.preventDefault();

        field = form.querySelector('input[name=action]');
        action = btn && btn.name === 'action' ? btn.value : field.value;

        granted = $$('input[name=granted]:checked', form).map(function (el) {
            return el.value;
        });

        /* a switch under a granted category is disabled: the category
           covers it */
        chosen = $$('input[name=service]', form).filter(function (el) {
            return !el.disabled && (el.type !== 'checkbox' || el.checked);
        }).map(function (el) {
            return el.value;
        });

        source = form.querySelector('input[name=source]');
        source = source && source.value === 'placeholder' ? 'placeholder'
                 : form.closest('.consent-prefs') ? 'preferences' : 'banner';

        fetch(api, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json',
                       'Accept': 'application/json' },
            body: JSON.stringify({
                action: action,
                granted: action === 'save' ? granted : [],
                granted_services: action === 'save' || action === 'allow'
                                  ? chosen : [],
                source: source
            })
        }).then(function (res) {
            if (!res.ok) {
                throw new Error('consent: HTTP ' + res.status);
            }
            return res.json();
        }).then(apply, function () {
            /* the plain form post still works: fall back to it */
            if (!field) {
                field = document.createElement('input');
                field.type = 'hidden';
                field.name = 'action';
                form.appendChild(field);
            }
            field.value = action;
            form.submit();
        });
    }

    /* The toggles show the state in force. */
    function sync() {
        $$('input[name=granted]', root).forEach(function (el) {
            if (!el.disabled) {
                el.checked = current.indexOf(el.value) >= 0;
            }
        });
        $$('input[name=service]', root).forEach(function (el) {
            follow(el, current.indexOf(el.getAttribute('data-category')) >= 0);
        });
    }

    /* A service switch is on and locked while its category is on, else
       on when the service is allowed alone. */
    function follow(el, category) {
        el.disabled = category;
        el.checked = category || services.indexOf(el.value) >= 0;
    }

    function onSwitch(e) {
        var el = e.target;

        if (el.name !== 'granted' || el.disabled) {
            return;
        }

        $$('input[name=service]', root).forEach(function (s) {
            if (s.getAttribute('data-category') === el.value) {
                follow(s, el.checked);
            }
        });
    }

    /* The category of a service, as its switch or its elements say. */
    function categoryOf(id) {
        var el = $$('input[name=service], [data-service]', root.ownerDocument)
            .filter(function (e) {
                return (e.value || e.getAttribute('data-service')) === id;
            })[0];

        return el ? el.getAttribute('data-category') : null;
    }

    function apply(state) {
        var revoked, settings, focusLost;

        revoked = Object.keys(activated).some(function (id) {
            return state.granted.indexOf(id) < 0;
        }) || Object.keys(activatedServices).some(function (id) {
            return (state.granted_services || []).indexOf(id) < 0 &&
                   state.granted.indexOf(categoryOf(id)) < 0;
        });

        current = state.granted;
        services = state.granted_services || [];
        root.setAttribute('data-state', state.decided === false ? 'none'
                                                                 : 'valid');
        root.setAttribute('data-services', services.join(' '));
        sync();

        focusLost = root.contains(document.activeElement) ||
                    document.activeElement === document.body;

        if (dialog && dialog.open) {
            dialog.close();
        }

        /* allowing a service alone leaves the categories to decide */
        if (banner && state.decided !== false) {
            banner.hidden = true;
        }

        settings = root.querySelector('.consent-settings-btn');
        if (settings && state.decided !== false) {
            settings.closest('form').hidden = false;
        }

        if (focusLost) {
            restoreFocus(null);
        }

        updateConsentMode();
        document.dispatchEvent(new CustomEvent('consent:change',
                                               { detail: state }));

        /* a tracker that already ran cannot be unloaded: start afresh */
        if (revoked) {
            location.reload();
            return;
        }

        activate();
    }

    function updateConsentMode() {
        var signals = {};

        if (!mode || typeof window.gtag !== 'function') {
            return;
        }

        Object.keys(mode).forEach(function (signal) {
            var needs = mode[signal];

            signals[signal] = needs && needs.every(function (id) {
                return current.indexOf(id) >= 0;
            }) ? 'granted' : 'denied';
        });

        window.gtag('consent', 'update', signals);
    }

    /*
     * What the server made inert, by its inert attribute: the live
     * attribute it goes back to and the check its value must pass.  Only
     * http(s) and relative URLs are ever put back.
     */
    var INERT = {
        'data-src': ['src', webUrl],
        'data-href': ['href', webUrl],
        'data-xlink-href': ['xlink:href', webUrl],
        'data-data': ['data', webUrl],
        'data-poster': ['poster', webUrl],
        'data-background': ['background', webUrl],
        'data-srcset': ['srcset', webSrcset],
        'data-imagesrcset': ['imagesrcset', webSrcset],
        'data-ping': ['ping', webList],
        'data-content': ['content', webRefresh],
        'data-style': ['style', anything],
        'data-srcdoc': ['srcdoc', anything]
    };
    var MARKERS = ['data-category', 'data-service', 'data-name',
                   'data-consent', 'data-consent-requires'];
    /* the page's own data-X, kept while the element was inert */
    var ORIG = 'data-consent-orig-';
    var XLINK = 'http://www.w3.org/1999/xlink';
    var STYLE_STOP = '@media not all{}';

    function webUrl(v) {
        var u;

        try {
            u = new URL(v, document.baseURI);
        } catch (e) {
            return false;
        }

        return u.protocol === 'http:' || u.protocol === 'https:';
    }

    function webList(v) {
        return v.split(/[\t\n\f\r ]+/).every(function (u) {
            return u === '' || webUrl(u);
        });
    }

    /* srcset candidates: a URL, then descriptors, up to a comma */
    function webSrcset(v) {
        return v.split(',').every(function (c) {
            return webList(c.trim().split(/[\t\n\f\r ]+/)[0]);
        });
    }

    function webRefresh(v) {
        var m = /^[\s\d.]*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.*?)\1\s*$/i.exec(v);

        return !m || m[2] === '' || webUrl(m[2]);
    }

    function anything() {
        return true;
    }

    /*
     * Only what the server marked in this response, whose every category
     * is granted now (or whose service is, alone), and whose every URL is
     * a web URL.
     */
    function allowed(el) {
        var cat = el.getAttribute('data-category'),
            svc = el.getAttribute('data-service') ||
                  el.getAttribute('data-name');

        return marked(el) && !!cat &&
               (current.indexOf(cat) >= 0 ||
                !!(svc && services.indexOf(svc) >= 0)) &&
               requires(el);
    }

    /* Marked in this response, every URL it would put back a web URL. */
    function marked(el) {
        return !!marker && el.getAttribute('data-consent') === marker &&
               Object.keys(INERT).every(function (name) {
                   var v = el.getAttribute(name);
                   return v === null || INERT[name][1](v);
               });
    }

    /* The further categories its other denied URLs need are granted. */
    function requires(el) {
        var more = el.getAttribute('data-consent-requires') || '';

        return more.split(' ').every(function (c) {
            return c === '' || current.indexOf(c) >= 0;
        });
    }

    /* The element loses every consent marker: no CMP activates it again. */
    function unmark(el) {
        MARKERS.forEach(function (name) {
            el.removeAttribute(name);
        });

        if (el.localName === 'style') {
            el.removeAttribute('type');
            if (el.hasAttribute('data-type')) {
                el.setAttribute('type', el.getAttribute('data-type'));
                el.removeAttribute('data-type');
            }
        }
    }

    function restore(el, name) {
        var v = el.getAttribute(name), live = INERT[name][0];

        if (v === null) {
            return;
        }

        el.removeAttribute(name);

        /* put back by another CMP already: setting it again reloads */
        if (el.getAttribute(live) === v) {
            return;
        }

        if (live === 'xlink:href') {
            el.setAttributeNS(XLINK, live, v);
        } else {
            el.setAttribute(live, v);
        }
    }

    /* Each data-consent-orig-X of from goes back to data-X on to, where
       that name is free. */
    function putBack(from, to) {
        Array.prototype.slice.call(from.attributes).forEach(function (a) {
            var name = a.name;

            if (name.indexOf(ORIG) !== 0 || name.length === ORIG.length) {
                return;
            }
            name = 'data-' + name.slice(ORIG.length);
            if (!to.hasAttribute(name)) {
                to.setAttribute(name, a.value);
                if (from === to) {
                    from.removeAttribute(a.name);
                }
            }
        });
    }

    /* Turn blocked markup of granted categories back into live markup. */
    function activate() {
        var scripts = [];

        current.forEach(function (id) { activated[id] = 1; });
        services.forEach(function (id) { activatedServices[id] = 1; });

        if (!marker) {
            return;
        }

        $$('[data-consent]').filter(allowed).forEach(function (el) {
            live(el, scripts);
        });

        run(scripts, 0);
    }

    /* One allowed element goes live; scripts are collected for run(). */
    function live(el, scripts) {
        var tag = el.localName, again, focus,
            ph = el.previousElementSibling;

        /* one another CMP already ran stays as it is */
        if (tag === 'script') {
            if (el.getAttribute('type') === 'text/plain') {
                scripts.push(el);
            }
            return;
        }

        /* the frame takes the place of its placeholder, and its focus */
        if (ph && ph.classList.contains('consent-embed')) {
            focus = ph.contains(document.activeElement);
            ph.parentNode.removeChild(ph);
            if (focus) {
                el.focus();
            }
        }

        again = Object.keys(INERT).some(function (name) {
            var v = el.getAttribute(name);
            return v !== null && el.getAttribute(INERT[name][0]) === v;
        });

        Object.keys(INERT).forEach(function (name) {
            restore(el, name);
        });
        unmark(el);
        putBack(el, el);

        /* another CMP activated it already: it must not load twice */
        if (again) {
            return;
        }

        /* the rule the server put first in a blocked style */
        if (tag === 'style' && el.textContent.indexOf(STYLE_STOP) === 0) {
            el.textContent = el.textContent.slice(STYLE_STOP.length);
        }

        /* an <object>, <style> or <meta> acts when it is inserted */
        if (tag === 'object' || tag === 'style' || tag === 'meta') {
            el.parentNode.replaceChild(el.cloneNode(true), el);

        } else if (tag === 'source' && el.parentNode.load) {
            el.parentNode.load();

        } else if (tag === 'video' || tag === 'audio') {
            el.load();
        }
    }

    /*
     * Click-to-load placeholders of this response: each stands right
     * before its inert frame.  Load once makes that frame live and records
     * nothing.  Always allow submits the placeholder's form.consent-form
     * (at the end of the page: action=allow, service=S, source=placeholder),
     * which onSubmit posts like the banner's; apply() then makes every
     * element of S marked in this response live.
     */
    function initEmbeds() {
        if (!marker) {
            return;
        }

        $$('.consent-embed').forEach(function (ph) {
            var load = ph.querySelector('[data-consent-load]');

            if (ph.getAttribute('data-consent-embed') !== marker || !load) {
                return;
            }

            load.hidden = false;
            load.addEventListener('click', function () {
                loadOnce(ph);
            });
        });
    }

    function loadOnce(ph) {
        var el = ph.nextElementSibling;

        if (!el || !marked(el)) {
            return;
        }

        live(el, []);
    }

    /* Re-create scripts one after the other, in document order, each
       external one after the previous has loaded, so that they execute as
       they would have.  SVG scripts stay SVG scripts. */
    function run(list, i) {
        var old = list[i], s, src, next, svg;

        if (!old) {
            return;
        }

        next = function () { run(list, i + 1); };
        svg = old.namespaceURI !== document.documentElement.namespaceURI;
        s = document.createElementNS(old.namespaceURI, 'script');

        Array.prototype.forEach.call(old.attributes, function (a) {
            if (MARKERS.indexOf(a.name) < 0 && !INERT[a.name] &&
                a.name.indexOf(ORIG) !== 0 &&
                !/^(type|data-type|nonce)$/.test(a.name)) {
                s.setAttributeNS(a.namespaceURI, a.name, a.value);
            }
        });

        if (old.getAttribute('data-type')) {
            s.setAttribute('type', old.getAttribute('data-type'));
        }

        putBack(old, s);
        s.nonce = old.nonce;
        src = old.getAttribute('data-src') || old.getAttribute('data-href') ||
              old.getAttribute('data-xlink-href');

        if (src) {
            s.onload = s.onerror = next;
            if (!svg) {
                s.async = false;
                s.src = src;
            } else if (old.hasAttribute('data-xlink-href')) {
                s.setAttributeNS(XLINK, 'xlink:href', src);
            } else {
                s.setAttribute('href', src);
            }
        } else {
            s.textContent = old.textContent;
        }

        old.parentNode.replaceChild(s, old);

        if (!src) {
            next();
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
        document.addEventListener('DOMContentLoaded', initEmbeds);
    } else {
        init();
        initEmbeds();
    }

    /* Regions (after init).  What the server let through before any
       decision (everything in opt-out and notice regions, the objection
       categories of an opt-in one) is live, so that refusing it reloads
       the page without it; the notice can be dismissed for good. */
    function initRegions() {
        var notice, dismiss;

        if (!root) {
            return;
        }

        current.forEach(function (id) { activated[id] = 1; });

        notice = document.getElementById('consent-notice');
        dismiss = notice && notice.querySelector('[data-consent-dismiss]');

        if (!dismiss) {
            return;
        }

        try {
            if (localStorage.getItem('consent-notice') === '1') {
                notice.hidden = true;
                return;
            }
        } catch (e) {
            /* storage refused: the notice stays, it can still be read */
        }

        dismiss.hidden = false;
        dismiss.addEventListener('click', function () {
            notice.hidden = true;
            try {
                localStorage.setItem('consent-notice', '1');
            } catch (e) {
                /* hidden for this page only */
            }
        });
    }

    /* Other vendors' consent signals (policy "vendor_signals"): the
       server queued the defaults before their tags; a change is sent
       here, from the Consent Mode map (ad_storage, analytics_storage). */
    function vendorSignal(signal, granted) {
        var needs = mode && mode[signal];

        return needs && needs.every(function (id) {
            return granted.indexOf(id) >= 0;
        }) ? 'granted' : 'denied';
    }

    function sendVendorSignals(e) {
        var vendors = (root.getAttribute('data-vendors') || '').split(' '),
            granted = e.detail.granted,
            ad = vendorSignal('ad_storage', granted),
            analytics = vendorSignal('analytics_storage', granted);

        if (vendors.indexOf('clarity') >= 0
            && typeof window.clarity === 'function')
        {
            window.clarity('consentv2', { ad_Storage: ad,
                                          analytics_Storage: analytics });
        }

        if (vendors.indexOf('uet') >= 0) {
            window.uetq = window.uetq || [];
            window.uetq.push('consent', 'update', { ad_storage: ad });
        }

        if (vendors.indexOf('meta') >= 0 && typeof window.fbq === 'function') {
            window.fbq('consent', ad === 'granted' ? 'grant' : 'revoke');
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', initRegions);
    } else {
        initRegions();
    }

    document.addEventListener('consent:change', sendVendorSignals);
}());

/*
 * ngx_consent: upgrades the server-rendered banner (which works without
 * script) to JSON posts, a modal preferences dialog and activation of the
 * now-allowed blocked elements in place.  No dependencies.
 */
(function () {
    'use strict';

    var root, api, mode, banner, dialog, opener, current, activated;
    var FOCUSABLE = 'a[href],button,input,select,textarea,summary,' +
                    '[tabindex]:not([tabindex="-1"])';

    function $$(sel, el) {
        return Array.prototype.slice.call((el || document)
                                          .querySelectorAll(sel));
    }

    function init() {
        var panel, close;

        root = document.getElementById('consent');
        if (!root || root.getAttribute('data-ready')) {
            return;
        }

        root.setAttribute('data-ready', '1');
        api = root.getAttribute('data-api');
        banner = document.getElementById('consent-banner');

        try {
            mode = JSON.parse(root.getAttribute('data-consent-mode'));
        } catch (e) {
            mode = null;
        }

        current = $$('input[name=granted]:checked', root).map(function (el) {
            return el.value;
        });

        /* what the server let through is live already */
        activated = {};
        if (root.getAttribute('data-state') === 'valid') {
            current.forEach(function (id) { activated[id] = 1; });
        }

        /* the preferences leave their <details> for a modal dialog */
        panel = root.querySelector('.consent-prefs');
        if (panel && window.HTMLDialogElement) {
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
        }

        if (dialog) {
            $$('[data-consent-open]').forEach(function (el) {
                el.setAttribute('aria-haspopup', 'dialog');
            });
        }

        root.addEventListener('submit', onSubmit);
        document.addEventListener('click', onClick);

        if (banner && !banner.hidden) {
            banner.focus({ preventScroll: true });
        }
    }

    /* [data-consent-open] anywhere opens the preferences (sites may add
       their own "Cookie settings" links); [data-consent-close] closes. */
    function onClick(e) {
        var t = e.target.closest &&
                e.target.closest('[data-consent-open],[data-consent-close]');

        if (!t || !dialog) {
            return;
        }

        e.preventDefault();

        if (t.hasAttribute('data-consent-close')) {
            closePrefs();
        } else {
            openPrefs(t);
        }
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
        if (dialog.open) {
            dialog.close();
        }

        restoreFocus(opener);
    }

    function restoreFocus(el) {
        if (!el || !visible(el)) {
            el = banner && !banner.hidden ? banner
                 : root.querySelector('.consent-settings-btn:not([hidden])');
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
        var form = e.target, btn = e.submitter, field, action, granted;

        if (!form.classList.contains('consent-form')) {
            return;
        }

        e.preventDefault();

        field = form.querySelector('input[name=action]');
        action = btn && btn.name === 'action' ? btn.value : field.value;

        granted = $$('input[name=granted]:checked', form).map(function (el) {
            return el.value;
        });

        fetch(api, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json',
                       'Accept': 'application/json' },
            body: JSON.stringify({
                action: action,
                granted: action === 'save' ? granted : [],
                source: form.closest('.consent-prefs') ? 'preferences'
                                                       : 'banner'
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
    }

    function apply(state) {
        var revoked, settings, focusLost;

        revoked = Object.keys(activated).some(function (id) {
            return state.granted.indexOf(id) < 0;
        });

        current = state.granted;
        root.setAttribute('data-state', 'valid');
        sync();

        focusLost = root.contains(document.activeElement) ||
                    document.activeElement === document.body;

        if (dialog && dialog.open) {
            dialog.close();
        }

        if (banner) {
            banner.hidden = true;
        }

        settings = root.querySelector('button.consent-settings-btn');
        if (settings) {
            settings.hidden = false;
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

    function move(el, from, to) {
        var v = el.getAttribute(from);

        if (v !== null) {
            el.removeAttribute(from);
            el.setAttribute(to, v);
        }
    }

    /* Turn blocked markup of granted categories back into live markup. */
    function activate() {
        var scripts = [];

        current.forEach(function (id) { activated[id] = 1; });

        $$('[data-category]').forEach(function (el) {
            var tag = el.tagName;

            if (!activated[el.getAttribute('data-category')]) {
                return;
            }

            if (tag === 'SCRIPT') {
                if (el.type === 'text/plain') {
                    scripts.push(el);
                }
                return;
            }

            move(el, 'data-srcset', 'srcset');
            move(el, 'data-src', 'src');
            move(el, 'data-href', 'href');

            if (el.hasAttribute('data-data')) {
                move(el, 'data-data', 'data');
                /* an <object> only loads when it is inserted */
                el.parentNode.replaceChild(el.cloneNode(true), el);
            }

            if (tag === 'SOURCE' && el.parentNode.load) {
                el.parentNode.load();
            } else if (tag === 'VIDEO' || tag === 'AUDIO') {
                el.load();
            }
        });

        run(scripts, 0);
    }

    /* Re-create scripts one after the other, in document order, each
       external one after the previous has loaded, so that they execute as
       they would have. */
    function run(list, i) {
        var old = list[i], s, src, next;

        if (!old) {
            return;
        }

        next = function () { run(list, i + 1); };
        s = document.createElement('script');

        Array.prototype.forEach.call(old.attributes, function (a) {
            if (!/^(type|data-src|data-type|nonce)$/.test(a.name)) {
                s.setAttribute(a.name, a.value);
            }
        });

        if (old.getAttribute('data-type')) {
            s.type = old.getAttribute('data-type');
        }

        s.nonce = old.nonce;
        src = old.getAttribute('data-src');

        if (src) {
            s.async = false;
            s.onload = s.onerror = next;
            s.src = src;
        } else {
            s.text = old.text;
        }

        old.parentNode.replaceChild(s, old);

        if (!src) {
            next();
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
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

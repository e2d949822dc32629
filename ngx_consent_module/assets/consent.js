/*
 * ngx_consent: upgrades the server-rendered banner (which works without
 * script) to JSON posts, a modal preferences dialog fetched on demand from
 * the endpoint, and activation of the now-allowed blocked elements in
 * place.  No dependencies.
 */
(function () {
    'use strict';

    var root, api, mode, banner, dialog, pending, opener, current,
        activated;
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

        /* what the server let through is live already */
        activated = {};
        if (root.getAttribute('data-state') === 'valid') {
            current.forEach(function (id) { activated[id] = 1; });
        }

        root.addEventListener('submit', onSubmit);
        document.addEventListener('click', onClick);
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

        settings = root.querySelector('.consent-settings-btn');
        if (settings) {
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
}());

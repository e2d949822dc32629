#!/usr/bin/perl

# Two consent filters in a row (a proxy and an origin, both nginx with
# consent on and the same secret) rewrite a page once: the origin answers
# the proxy's per-request nonce with a MAC, the proxy passes that response
# through, and no marker reaches the client.  A marker the proxy did not
# ask for (replayed from another request, or from a server with another
# secret) is ignored: the proxy rewrites the page itself.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get);

my $t = ConsentTest->new;
$t->key_file('consent.key');
$t->key_file('other.key');

$t->write_html('index.html', <<'EOF');
<html><head><title>t</title>
<script src="https://tracker-a.example/t.js"></script>
</head><body><p>Hello</p></body></html>
EOF

# PORT: the proxy; PORT1: the origin; PORT2: an origin with another
# secret; PORT3: an upstream that is not the module and replays a marker.
$t->write_config(<<'EOF');
    consent_policy %%REPO%%/tests/nginx/policies/test.json;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent_secret %%DIR%%/consent.key;
        consent on;

        location /_consent/ { consent_api; }

        location / {
            proxy_pass http://127.0.0.1:%%PORT1%%;
        }

        location /other/ {
            proxy_pass http://127.0.0.1:%%PORT2%%/;
        }

        location /replay/ {
            proxy_pass http://127.0.0.1:%%PORT3%%/;
        }

        location /plain/ {
            consent off;
            proxy_pass http://127.0.0.1:%%PORT1%%/;
        }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        root %%DIR%%/html;
        consent_secret %%DIR%%/consent.key;
        consent on;

        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        root %%DIR%%/html;
        consent_secret %%DIR%%/other.key;
        consent on;

        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT3%%;
        root %%DIR%%/html;

        location / {
            add_header X-Consent-Filtered $arg_mark;
        }

        location = /nonce {
            default_type text/plain;
            return 200 "$http_x_consent_nonce";
        }
    }
EOF

$t->run;
my $port = $t->port;

sub banners { my $n = () = $_[0] =~ /id="consent-banner"/g; $n }

my $r = http_get($port, '/index.html');
is($r->{status}, 200, 'proxy in front of an origin, both with consent on');
is(banners($r->{body}), 1, 'one banner');
like($r->{body}, qr{data-src="https://tracker-a\.example/t\.js"}, 'tracker inert');
ok(!$r->{headers}{'x-consent-filtered'}, 'no marker reaches the client');

# A nonce of a client's choosing is not answered: only servers with the
# secret can make one.
my $forged = join '', map { sprintf '%02x', int rand 256 } 1 .. 32;
my $direct = http_get($t->port(1), '/index.html', 'X-Consent-Nonce' => $forged);
ok(!$direct->{headers}{'x-consent-filtered'}, 'a forged nonce gets no answer');
is(banners($direct->{body}), 1, 'the origin rewrote its page all the same');
ok(!http_get($t->port(1), '/index.html')->{headers}{'x-consent-filtered'},
    'no nonce, no marker');

# A nonce the proxy sent an upstream (seen by that upstream) is answered by
# the origin; the answer is worth nothing for any other request.
my $nonce = http_get($port, '/replay/nonce')->{body};
like($nonce, qr/^[0-9a-f]{64}$/, 'the proxy sends its upstreams a nonce');
$direct = http_get($t->port(1), '/index.html', 'X-Consent-Nonce' => $nonce);
my $mark = ($direct->{headers}{'x-consent-filtered'} || [''])->[0];
like($mark, qr/^[0-9a-f]{32}$/, 'the origin answers a nonce of the proxy');
isnt(http_get($port, '/replay/nonce')->{body}, $nonce, 'a new nonce each request');

$r = http_get($port, "/replay/index.html?mark=$mark");
is(banners($r->{body}), 1,
    'an upstream that is not the module replays a marker: rewritten anyway');
like($r->{body}, qr{data-src="https://tracker-a\.example/t\.js"},
    'replayed marker: tracker inert');
ok(!$r->{headers}{'x-consent-filtered'}, 'replayed marker: removed');

$r = http_get($port, '/other/index.html');
is(banners($r->{body}), 2,
    'an origin with another secret is not trusted: the proxy rewrites too');
ok(!$r->{headers}{'x-consent-filtered'}, 'another secret: marker removed');

$r = http_get($port, '/plain/index.html', 'X-Consent-Nonce' => $nonce);
ok(!$r->{headers}{'x-consent-filtered'},
    'consent off in the proxy: the marker is still removed');

$t->stop;
$t->check_logs;

done_testing;

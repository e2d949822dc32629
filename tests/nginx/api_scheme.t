#!/usr/bin/perl

# Behind a TLS-terminating balancer nginx sees plain HTTP: consent_cookie
# scheme= tells secure=auto (and the same-origin check) what the visitor
# used, and the no-JS 303 goes to a relative Location.  The endpoint's
# assets are gzipped under gzip_types (their Content-Type carries a
# charset, which must not hide the media type from gzip).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Compress::Zlib;
use ConsentTest qw(http);

my $t = ConsentTest->new;
$t->key_file('consent.key');

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_policy %%REPO%%/tests/nginx/policies/test.json;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent_cookie consent secure=auto scheme=$http_x_forwarded_proto;
        location /_consent/ {
            consent_api;
            gzip on;
            gzip_min_length 1;
            gzip_types text/javascript text/css;
        }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        location /_consent/ { consent_api; }
    }
EOF

$t->run;

sub post {
    my ($port, %h) = @_;
    my $body = 'action=reject_all&return_to=%2Fshop';
    my $head = "POST /_consent/ HTTP/1.1\r\nHost: example.com\r\n"
        . "Connection: close\r\n"
        . "Content-Type: application/x-www-form-urlencoded\r\n"
        . "Content-Length: " . length($body) . "\r\n";
    $head .= "$_: $h{$_}\r\n" for sort keys %h;
    return http($port, "$head\r\n$body");
}

sub cookie { (ConsentTest::header_values($_[0], 'Set-Cookie'))[0] // '' }

my $r = post($t->port, 'X-Forwarded-Proto' => 'https');
is($r->{status}, 303, 'behind TLS termination: 303');
like(cookie($r), qr/; Secure$/, 'scheme=https: the cookie is Secure');
is(($r->{headers}{location} || [''])->[0], '/shop',
    'the 303 goes to a relative Location');

$r = post($t->port, 'X-Forwarded-Proto' => 'https',
    Origin => 'https://example.com');
is($r->{status}, 303, 'Origin https://host with scheme=https: same origin');

$r = post($t->port, 'X-Forwarded-Proto' => 'http');
unlike(cookie($r), qr/Secure/, 'scheme=http: not Secure');

$r = post($t->port);
unlike(cookie($r), qr/Secure/, 'no header: the connection (plain) decides');

$r = post($t->port(1), 'X-Forwarded-Proto' => 'https');
unlike(cookie($r), qr/Secure/, 'without scheme=, the header is not trusted');

# gzip_types sees the assets' media type
for my $asset ('consent.js', 'consent.css') {
    $r = http($t->port, "GET /_consent/$asset HTTP/1.1\r\nHost: x\r\n"
        . "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n");
    is(($r->{headers}{'content-encoding'} || [''])->[0], 'gzip',
        "$asset: gzipped under gzip_types");
    ok(length(Compress::Zlib::memGunzip($r->{body}) // '') > 100,
        "$asset: and it inflates");
}

$t->stop;
$t->check_logs;

done_testing;

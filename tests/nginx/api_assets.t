#!/usr/bin/perl

# The embedded assets served by the consent endpoint (exact bytes, type,
# strong ETag, 304 on If-None-Match, cache lifetime, versioned URLs, HEAD)
# and the /.well-known/gpc.json location documented in docs/api.md.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Digest::MD5 qw(md5_hex);
use ConsentTest qw(http read_file);

my $t = ConsentTest->new;
$t->key_file('consent.key');

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;

        location /_consent/ { consent_api; }

        location = /.well-known/gpc.json {
            default_type application/json;
            add_header Cache-Control "max-age=86400";
            return 200 '{"gpc": true, "lastUpdate": "2026-11-26"}\n';
        }
    }
EOF

$t->run;
my $port = $t->port;
my $assets = ConsentTest::repo() . '/ngx_consent_module/assets';

sub get {
    my ($uri, %h) = @_;
    my $method = delete $h{METHOD} // 'GET';
    my $head = "$method $uri HTTP/1.1\r\nHost: 127.0.0.1:$port\r\n"
        . "Connection: close\r\n";
    $head .= "$_: $h{$_}\r\n" for sort keys %h;
    return http($port, "$head\r\n");
}

sub hdr {
    my ($r, $name) = @_;
    return join(', ', @{$r->{headers}{lc $name} || []});
}

for my $asset (['consent.js', 'text/javascript; charset=utf-8'],
               ['consent.css', 'text/css; charset=utf-8'])
{
    my ($name, $type) = @$asset;
    my $content = read_file("$assets/$name");

    SKIP: {
        unless (defined $content) {
            is(get("/_consent/$name")->{status}, 404,
                "$name: 404 when not embedded");
            skip "$name is not in the assets", 17;
        }

        my $etag = '"' . md5_hex($content) . '"';

        my $r = get("/_consent/$name");
        is($r->{status}, 200, "$name: 200");
        ok($r->{body} eq $content, "$name: the embedded bytes");
        is(hdr($r, 'content-type'), $type, "$name: type");
        is(hdr($r, 'content-length'), length $content, "$name: length");
        is(hdr($r, 'etag'), $etag, "$name: strong ETag of the content");
        is(hdr($r, 'cache-control'), 'public, max-age=86400',
            "$name: cached for a day");

        $r = get("/_consent/$name", 'If-None-Match' => $etag);
        is($r->{status}, 304, "$name: 304 on If-None-Match");
        is($r->{body}, '', "$name: 304 has no body");
        is(hdr($r, 'etag'), $etag, "$name: 304 repeats the ETag");

        $r = get("/_consent/$name", 'If-None-Match' => "\"x\", W/$etag");
        is($r->{status}, 304, "$name: 304 on a list with the weak form");

        $r = get("/_consent/$name", 'If-None-Match' => '"stale"');
        is($r->{status}, 200, "$name: 200 on another ETag");

        $r = get("/_consent/$name?v=" . md5_hex($content));
        is(hdr($r, 'cache-control'), 'public, max-age=31536000, immutable',
            "$name: a versioned URL is immutable");

        $r = get("/_consent/$name?v=0123");
        is(hdr($r, 'cache-control'), 'public, max-age=86400',
            "$name: another version is cached for a day");

        $r = get("/_consent/$name", METHOD => 'HEAD');
        is($r->{status}, 200, "$name: HEAD");
        is($r->{body}, '', "$name: HEAD has no body");
        is(hdr($r, 'etag'), $etag, "$name: HEAD has the ETag");

        $r = get("/_consent/$name", Cookie => 'consent=garbage');
        is($r->{status}, 200, "$name: served whatever the cookie");
    }
}

my $r = get('/.well-known/gpc.json');
is($r->{status}, 200, 'gpc.json: 200');
is(hdr($r, 'content-type'), 'application/json', 'gpc.json: type');
like($r->{body}, qr/^\{"gpc": true, "lastUpdate": "\d{4}-\d\d-\d\d"\}$/,
    'gpc.json: the GPC support resource');

$t->stop;
$t->check_logs;

done_testing;

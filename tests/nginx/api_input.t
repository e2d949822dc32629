#!/usr/bin/perl

# What the consent endpoint refuses, and that a refusal writes no record and
# sets no cookie: cross-site requests (Origin, Referer, Sec-Fetch-Site), bad
# bodies (400 with a one-line reason), too large (413), wrong content type
# (415), other methods (405 with Allow), unknown paths (404); and return_to
# sanitising seen through the Location header.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http read_file);

my $t = ConsentTest->new;
$t->key_file('consent.key');
my $audit = $t->dir . '/logs/consent.log';

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/logs/consent.log;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;

        location /_consent/ { consent_api; }
    }
EOF

$t->run;
my $port = $t->port;
my $origin = "http://127.0.0.1:$port";

sub request {
    my ($method, $uri, $body, @h) = @_;
    my $head = "$method $uri HTTP/1.1\r\nHost: 127.0.0.1:$port\r\n"
        . "Connection: close\r\n";
    while (my ($k, $v) = splice @h, 0, 2) {
        $head .= "$k: $v\r\n";
    }
    $head .= "Content-Length: " . length($body) . "\r\n"
        if defined $body && $head !~ /Transfer-Encoding/;
    return http($port, $head . "\r\n" . ($body // ''));
}

sub post {
    my ($body, @h) = @_;
    my %seen = @h;
    push @h, 'Content-Type' => 'application/x-www-form-urlencoded'
        unless exists $seen{'Content-Type'};
    return request('POST', '/_consent/', $body, @h);
}

sub records {
    return scalar(() = (read_file($audit) // '') =~ /\n/g);
}

sub hdr {
    my ($r, $name) = @_;
    return join(', ', @{$r->{headers}{lc $name} || []});
}

# Refusals: status, one-line reason, no cookie, no record.
sub refused {
    my ($r, $status, $reason, $name) = @_;
    my $before = $main::records;
    is($r->{status}, $status, "$name: $status");
    is($r->{body}, "$reason\n", "$name: reason") if defined $reason;
    is(hdr($r, 'content-type'), 'text/plain', "$name: text/plain")
        if defined $reason;
    is(hdr($r, 'set-cookie'), '', "$name: no cookie");
    is(records(), $before, "$name: no record");
}

sub accepted {
    my ($r, $name) = @_;
    is($r->{status}, 303, "$name: accepted");
    like(hdr($r, 'set-cookie'), qr/^consent=/, "$name: cookie");
    $main::records++;
    is(records(), $main::records, "$name: one record");
}

our $records = 0;

# CSRF
my $cross = 'cross-site consent request refused';

refused(post('action=accept_all', Origin => 'http://evil.example'),
    403, $cross, 'foreign Origin');
refused(post('action=accept_all', Origin => "http://127.0.0.1:1"),
    403, $cross, 'Origin with another port');
refused(post('action=accept_all',
        Origin => "http://127.0.0.1:$port.evil.example"),
    403, $cross, 'Origin with a suffix');
refused(post('action=accept_all', Origin => "http://u\@127.0.0.1:$port"),
    403, $cross, 'Origin with userinfo');
refused(post('action=accept_all', Origin => 'null'),
    403, $cross, 'Origin null');
refused(post('action=accept_all', Origin => $origin,
        'Sec-Fetch-Site' => 'cross-site'),
    403, $cross, 'Sec-Fetch-Site cross-site');
refused(post('action=accept_all', Referer => 'http://evil.example/page'),
    403, $cross, 'foreign Referer without Origin');
refused(post('{"action":"accept_all"}', 'Content-Type' => 'application/json',
        Origin => 'http://evil.example'),
    403, $cross, 'JSON with a foreign Origin');

accepted(post('action=accept_all', Origin => $origin), 'same Origin');
accepted(post('action=accept_all', Origin => "HTTP://127.0.0.1:$port"),
    'same Origin, scheme in capitals');
accepted(post('action=accept_all', Origin => 'null',
        'Sec-Fetch-Site' => 'same-origin'),
    'Origin null from the same origin (Referrer-Policy: no-referrer)');
accepted(post('action=accept_all', Origin => $origin,
        'Sec-Fetch-Site' => 'same-origin'),
    'Sec-Fetch-Site same-origin');
accepted(post('action=accept_all', Referer => "$origin/shop?x=1"),
    'same-origin Referer without Origin');
accepted(post('action=accept_all'), 'neither Origin nor Referer (old client)');
accepted(post('action=accept_all', Origin => "https://127.0.0.1:$port"),
    'https Origin on plain HTTP (TLS terminated in front)');

# Content types
my $types = 'send application/x-www-form-urlencoded or application/json';
refused(post('action=accept_all', 'Content-Type' => 'text/plain'),
    415, $types, 'text/plain');
refused(post('action=accept_all', 'Content-Type' => 'multipart/form-data; b=x'),
    415, $types, 'multipart');
refused(post('action=accept_all', 'Content-Type' => 'application/jsonx'),
    415, $types, 'application/jsonx');
refused(request('POST', '/_consent/', 'action=accept_all'),
    415, $types, 'no content type');
accepted(post('action=accept_all',
        'Content-Type' => 'application/x-www-form-urlencoded; charset=UTF-8'),
    'form with a charset');

# Bad bodies: 400 with the reason.
for my $case (
    [ '', 'missing action', 'empty form' ],
    [ 'granted=analytics', 'missing action', 'form without action' ],
    [ 'action=yes', 'unknown action "yes"', 'unknown action' ],
    [ 'action=save&granted=ads', 'unknown category "ads"',
      'unknown category' ],
    [ 'action=save&granted=%0d%0aX:%20y', 'unknown category "??X: y"',
      'CRLF in a category stays on one line' ],
    [ 'action=save&granted=necessary%00aaaaa',
      'unknown category "necessary?aaaaa"',
      'a NUL in a category (was read past the id) is unknown' ],
    [ 'action=save%zz', 'malformed percent-encoding', 'bad escape' ],
    [ 'action=save&action=withdraw', 'action given more than once',
      'two actions' ],
    [ 'action=save&source=bot', 'unknown source "bot"', 'unknown source' ],
) {
    refused(post($case->[0]), 400, $case->[1], $case->[2]);
}

for my $case (
    [ '{"action":', qr/^malformed JSON at line 1 column \d+: /,
      'truncated JSON' ],
    [ '["accept_all"]', qr/^the JSON body must be an object$/, 'JSON array' ],
    [ '{"action":"save","grant":["analytics"]}',
      qr/^unknown member "grant"$/, 'misspelt member' ],
    [ '{"action":"save","granted":["ads"]}', qr/^unknown category "ads"$/,
      'JSON unknown category' ],
    [ '{"granted":[]}', qr/^missing action$/, 'JSON without action' ],
) {
    my $r = post($case->[0], 'Content-Type' => 'application/json');
    is($r->{status}, 400, "$case->[2]: 400");
    like($r->{body}, $case->[1], "$case->[2]: reason");
    is(records(), $records, "$case->[2]: no record");
}

# Too large: by Content-Length, and chunked.
my $pad = 'action=accept_all&pad=' . ('x' x (8192 - 22));
is(length $pad, 8192, 'a body of exactly the cap');
accepted(post($pad), 'body of exactly 8192 bytes');

refused(post($pad . 'x'), 413, 'the decision is too large',
    'Content-Length over the cap');

my $big = 'x' x 20000;
my $chunked = sprintf("%x\r\n%s\r\n0\r\n\r\n", length $big, $big);
refused(request('POST', '/_consent/', $chunked,
        'Content-Type' => 'application/x-www-form-urlencoded',
        'Transfer-Encoding' => 'chunked'),
    413, 'the decision is too large', 'chunked body over the cap');

my $small = 'action=reject_all';
accepted(request('POST', '/_consent/',
        sprintf("%x\r\n%s\r\n0\r\n\r\n", length $small, $small),
        'Content-Type' => 'application/x-www-form-urlencoded',
        'Transfer-Encoding' => 'chunked'),
    'small chunked body');

# Methods and paths
my $r = request('GET', '/_consent/', undef);
refused($r, 405, 'method not allowed here', 'GET of the endpoint');
is(hdr($r, 'allow'), 'POST', 'GET of the endpoint: Allow');

$r = request('PUT', '/_consent/', 'action=accept_all',
    'Content-Type' => 'application/x-www-form-urlencoded');
refused($r, 405, 'method not allowed here', 'PUT of the endpoint');

$r = request('POST', '/_consent/state', 'x');
refused($r, 405, 'method not allowed here', 'POST of state');
is(hdr($r, 'allow'), 'GET, HEAD', 'POST of state: Allow');

$r = request('DELETE', '/_consent/consent.js', undef);
is($r->{status}, 405, 'DELETE of an asset: 405');
is(hdr($r, 'allow'), 'GET, HEAD', 'DELETE of an asset: Allow');

is(request('GET', '/_consent/nothing', undef)->{status}, 404,
    'unknown path: 404');
is(request('GET', '/_consent/state/x', undef)->{status}, 404,
    'path below state: 404');
is(request('POST', '/_consent/other', 'action=accept_all',
        'Content-Type' => 'application/x-www-form-urlencoded')->{status},
    404, 'POST elsewhere below the endpoint: 404');
is(records(), $records, 'no record from 404s');

# return_to: only same-origin paths survive, as a relative Location (no
# scheme or host that a TLS-terminating balancer would make wrong).
my $base = '';
for my $case (
    [ '%2Fshop', "$base/shop" ],
    [ '%2Fa%2Fb%3Fc%3Dd%23e', "$base/a/b?c=d#e" ],
    [ '%2F%2Fevil.example', "$base/" ],
    [ '%2F%5Cevil.example', "$base/" ],
    [ '%5C%5Cevil.example', "$base/" ],
    [ 'https%3A%2F%2Fevil.example%2F', "$base/" ],
    [ 'javascript%3Aalert(1)', "$base/" ],
    [ '%2Fa%0d%0aSet-Cookie%3A%20x%3D1', "$base/" ],
    [ '%2Fa%00b', "$base/" ],
    [ '%2F%09%2Fevil.example', "$base/" ],
    [ '%2Fa%20b', "$base/" ],
    [ 'shop', "$base/" ],
    [ '', "$base/" ],
) {
    $r = post("action=reject_all&return_to=$case->[0]");
    is(hdr($r, 'location'), $case->[1], "return_to=$case->[0]");
    $records++;
}

is(records(), $records, 'every accepted decision recorded once');

$t->stop;
$t->check_logs;

done_testing;

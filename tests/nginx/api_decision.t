#!/usr/bin/perl

# The consent endpoint takes decisions: each action by form and by JSON,
# the cookie it sets is valid in the variables and changes what the filter
# does on the next page, the consent id survives a new decision, GPC, the
# state document, and one audit record per decision.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http read_file);

my $t = ConsentTest->new;
my $key = $t->key_file('consent.key');
my $mint = ConsentTest::tool('tests/mint-cookie');
my $audit = $t->dir . '/logs/consent.log';

$t->write_html('index.html', <<'EOF');
<!DOCTYPE html>
<html><head><title>Shop</title>
<script src="https://tracker-a.example/t.js"></script>
</head><body><p>Hello</p>
<img src="https://ads-b.example/pixel.gif" alt="">
</body></html>
EOF

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/logs/consent.log;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;

        location /_consent/ { consent_api; }

        location / {
            consent on;
            add_header X-Consent "[$consent]" always;
            add_header X-Status $consent_status always;
            add_header X-Id "[$consent_id]" always;
        }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        consent_gpc off;

        location /api/ { consent_api; }
    }
EOF

$t->run;
my $port = $t->port;

sub request {
    my ($method, $uri, $body, %h) = @_;
    my $p = delete $h{PORT} // $port;
    my $head = "$method $uri HTTP/1.1\r\nHost: 127.0.0.1:$p\r\n"
        . "Connection: close\r\n";
    for my $k (sort keys %h) {
        $head .= "$k: $h{$k}\r\n";
    }
    $head .= "Content-Length: " . length($body) . "\r\n" if defined $body;
    return http($p, $head . "\r\n" . ($body // ''));
}

sub form {
    my ($body, %h) = @_;
    return request('POST', '/_consent/', $body,
        'Content-Type' => 'application/x-www-form-urlencoded', %h);
}

sub json {
    my ($body, %h) = @_;
    return request('POST', '/_consent/', $body,
        'Content-Type' => 'application/json', %h);
}

sub cookie_of {
    my ($r) = @_;
    my ($c) = map { /^(consent=[^;]+)/ ? $1 : () }
        @{$r->{headers}{'set-cookie'} || []};
    return $c;
}

sub page {
    my ($cookie) = @_;
    return request('GET', '/', undef, $cookie ? (Cookie => $cookie) : ());
}

sub records {
    my @lines = split /\n/, read_file($audit) // '';
    return @lines;
}

sub last_record {
    my @lines = records();
    return $lines[-1] // '';
}

sub field {
    my ($line, $name) = @_;
    return $1 if $line =~ /"$name":("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,}]+)/;
    return undef;
}

# Without a decision the tracker is inert.
my $r = page();
is($r->{status}, 200, 'page without cookie');
like($r->{body}, qr/<script type="text\/plain"[^>]*data-src="https:\/\/tracker-a/,
    'tracker inert without consent');

# A no-JS form: save analytics only.
$r = form('action=save&granted=analytics&return_to=%2Fshop%3Fp%3D1');
is($r->{status}, 303, 'form save: 303');
is(($r->{headers}{location} || [''])->[0], '/shop?p=1',
    'form save: redirected to return_to');
is(($r->{headers}{'cache-control'} || [''])->[0], 'no-store',
    'form save: not cached');
my $cookie = cookie_of($r);
ok($cookie, 'form save: cookie set');
like($r->{headers}{'set-cookie'}[0], qr/HttpOnly; SameSite=Lax/,
    'cookie attributes from the lead\'s issuer');

is(scalar(records()), 1, 'one record for one decision');
my $rec = last_record();
is(field($rec, 'action'), '"save"', 'record: action');
is(field($rec, 'granted'), '["necessary","analytics"]', 'record: granted');
is(field($rec, 'denied'), '["marketing"]', 'record: denied');
is(field($rec, 'source'), '"nojs"', 'record: form source defaults to nojs');
is(field($rec, 'revision'), '3', 'record: policy revision');
is(field($rec, 'gpc'), 'false', 'record: no GPC');
is(field($rec, 'seq'), '1', 'record: first seq');
is(field($rec, 'ip'), '"127.0.0.0"', 'record: ip truncated by default');
like($rec, qr/"mac":"[0-9a-f]{64}"\}$/, 'record: mac last');

# The cookie is valid in the variables and the filter lets analytics run.
$r = page($cookie);
is(($r->{headers}{'x-status'} || [''])->[0], 'valid', 'cookie valid');
is(($r->{headers}{'x-consent'} || [''])->[0], '[necessary,analytics]',
    '$consent after save');
my ($id) = ($r->{headers}{'x-id'}[0] // '') =~ /^\[([0-9a-f]{32})\]$/;
ok($id, '$consent_id set');
is(field($rec, 'id'), "\"$id\"", 'record id is the cookie id');
like($r->{body}, qr/<script src="https:\/\/tracker-a\.example\/t\.js"><\/script>/,
    'tracker active after consent');
like($r->{body}, qr/<img[^>]*data-src="https:\/\/ads-b/,
    'marketing still inert');

# A new decision keeps the consent id.
$r = form('action=accept_all&source=banner', Cookie => $cookie);
is($r->{status}, 303, 'accept_all: 303');
is(($r->{headers}{location} || [''])->[0], '/',
    'no return_to: /');
my $cookie2 = cookie_of($r);
$r = page($cookie2);
is(($r->{headers}{'x-id'} || [''])->[0], "[$id]", 'consent id kept');
is(($r->{headers}{'x-consent'} || [''])->[0],
    '[necessary,analytics,marketing]', 'accept_all grants all');
is(field(last_record(), 'source'), '"banner"', 'source given by the form');

# reject_all
$r = form('action=reject_all', Cookie => $cookie2);
$r = page(cookie_of($r));
is(($r->{headers}{'x-consent'} || [''])->[0], '[necessary]',
    'reject_all: only necessary');
is(($r->{headers}{'x-id'} || [''])->[0], "[$id]", 'reject keeps the id');

# JSON: 200 with the state.
$r = json('{"action":"save","granted":["marketing"],"source":"preferences"}',
    Cookie => $cookie);
is($r->{status}, 200, 'json save: 200');
is(($r->{headers}{'content-type'} || [''])->[0], 'application/json',
    'json save: content type');
is($r->{body}, qq({"status":"valid","id":"$id","decided":true,"granted":["necessary","marketing"],)
    . qq("denied":["analytics"],"granted_services":[],"revision":3,"gpc":false,"region":null,"mode":"opt-in"}\n),
    'json save: state document');
ok(cookie_of($r), 'json save: cookie set');
is(field(last_record(), 'source'), '"preferences"', 'json source given');

$r = json('{"action":"accept_all"}');
is(field(last_record(), 'source'), '"api"', 'json source defaults to api');
like($r->{body}, qr/"id":"(?!$id)[0-9a-f]{32}"/, 'no cookie: a new id');

# GPC: accept_all leaves gpc categories denied; save can grant them.
$r = json('{"action":"accept_all"}', 'Sec-GPC' => '1');
like($r->{body}, qr/"granted":\["necessary","analytics"\],"denied":\["marketing"\]/,
    'GPC: accept_all denies marketing');
like($r->{body}, qr/"gpc":true/, 'GPC: reported');
is(field(last_record(), 'gpc'), 'true', 'GPC: recorded');

$r = json('{"action":"save","granted":["marketing"]}', 'Sec-GPC' => '1');
like($r->{body}, qr/"granted":\["necessary","marketing"\]/,
    'GPC: an explicit grant wins');

$r = form('action=accept_all', 'Sec-GPC' => '1');
$r = page(cookie_of($r));
is(($r->{headers}{'x-consent'} || [''])->[0], '[necessary,analytics]',
    'GPC: form accept_all denies marketing');

# consent_gpc off: Sec-GPC is not honoured.
$r = request('POST', '/api/', '{"action":"accept_all"}',
    PORT => $t->port(1), 'Content-Type' => 'application/json',
    'Sec-GPC' => '1');
like($r->{body}, qr/"granted":\["necessary","analytics","marketing"\].*"gpc":false/,
    'consent_gpc off: accept_all grants all');

# withdraw: recorded as such, only required stays, the id is kept.
$r = form('action=withdraw&return_to=/privacy', Cookie => $cookie2);
is($r->{status}, 303, 'withdraw: 303');
is(field(last_record(), 'action'), '"withdraw"', 'withdraw recorded');
is(field(last_record(), 'granted'), '["necessary"]', 'withdraw: necessary');
is(field(last_record(), 'id'), "\"$id\"", 'withdraw: same id');
$r = page(cookie_of($r));
is(($r->{headers}{'x-consent'} || [''])->[0], '[necessary]',
    'withdraw: only necessary in force');
like($r->{body}, qr/<script type="text\/plain"[^>]*data-src="https:\/\/tracker-a/,
    'withdraw: tracker inert again');

# A stale cookie (older revision) keeps its id; an invalid one does not.
SKIP: {
    skip 'build/tests/mint-cookie is not built', 4 unless -x $mint;

    my $stale_id = '00112233445566778899aabbccddeeff';
    my $stale = `$mint $FindBin::Bin/policies/test.json $key 2 3 @{[ time ]} $stale_id`;
    chomp $stale;

    $r = request('GET', '/_consent/state', undef,
        Cookie => "consent=$stale");
    like($r->{body}, qr/^\{"status":"stale","id":"$stale_id"/,
        'state of a stale cookie');

    $r = json('{"action":"reject_all"}', Cookie => "consent=$stale");
    like($r->{body}, qr/"id":"$stale_id"/, 'stale cookie: id kept');
    is(field(last_record(), 'id'), "\"$stale_id\"", 'stale: record id');

    my $bad = $stale;
    substr($bad, 10, 1) = substr($bad, 10, 1) eq 'A' ? 'B' : 'A';
    $r = json('{"action":"reject_all"}', Cookie => "consent=$bad");
    unlike($r->{body}, qr/"id":"$stale_id"/, 'invalid cookie: new id');
}

# GET state
$r = request('GET', '/_consent/state', undef);
is($r->{status}, 200, 'state: 200');
is(($r->{headers}{'cache-control'} || [''])->[0], 'no-store',
    'state: not cached');
is($r->{body}, '{"status":"none","id":null,"decided":false,"granted":["necessary"],'
    . '"denied":["analytics","marketing"],"granted_services":[],"revision":3,"gpc":false,"region":null,"mode":"opt-in"}' . "\n",
    'state without cookie');

$r = request('GET', '/_consent/state', undef, Cookie => $cookie,
    'Sec-GPC' => '1');
is($r->{body}, qq({"status":"valid","id":"$id","decided":true,"granted":["necessary","analytics"],)
    . qq("denied":["marketing"],"granted_services":[],"revision":3,"gpc":true,"region":null,"mode":"opt-in"}\n),
    'state with cookie and GPC');

$r = request('HEAD', '/_consent/state', undef);
is($r->{status}, 200, 'state: HEAD');
is($r->{body}, '', 'state: HEAD has no body');

# Every decision answered is one record, and the chain verifies.
my $n = () = records();
is($n, 10 + (-x $mint ? 2 : 0),
    'one record per decision, both servers in one chain');

my $tool = ConsentTest::tool('consent-audit');
my $out = `$tool verify --secret $key $audit 2>&1`;
is($? >> 8, 0, 'consent-audit verify passes') or diag($out);
like($out, qr/^consent-audit: OK: $n records, seq 1 to $n/, 'verify summary');

$out = `$tool find --json $id $audit`;
is(scalar(() = $out =~ /\n/g), 5, 'find: every decision of the id');

$t->stop;
$t->check_logs;

done_testing;

#!/usr/bin/perl

# Single-service grants end to end: "allow" from a placeholder without a
# decision (banner stays, other marketing trackers inert), allow on top of
# a decision, save with services by form and JSON, refusals, the state
# document, $consent_service_<id>, Set-Cookie stripping, a format 3 cookie
# read and upgraded, 32 catalogue services and the refused 33rd, the audit
# record and consent-audit, and nginx -t refusing an unknown service
# variable.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http read_file);
use Digest::SHA qw(sha256 hmac_sha256);
use MIME::Base64 qw(encode_base64url);
use JSON::PP;

my $t = ConsentTest->new;
my $secret = $t->key_file('consent.key');
my $audit = $t->dir . '/logs/consent.log';
my $tool = ConsentTest::tool('consent-audit');

$t->write_html('index.html', <<'EOF');
<!DOCTYPE html>
<html><head><title>Videos</title>
<script src="https://tracker-a.example/t.js"></script>
</head><body><p>Watch</p>
<iframe id="v" src="https://video-x.example/embed/1" width="560" height="315"></iframe>
<img src="https://ads-b.example/pixel.gif" alt="">
</body></html>
EOF

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/logs/consent.log;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent_policy %%REPO%%/tests/nginx/policies/services.json;
        consent_strip_cookies on;

        location /_consent/ { consent_api; }

        location /set-cookies {
            consent on;
            proxy_pass http://127.0.0.1:%%PORT2%%;
        }

        location / {
            consent on;
            add_header X-Status $consent_status always;
            add_header X-Consent "[$consent]" always;
            add_header X-Decided $consent_decided always;
            add_header X-Video $consent_service_video_x always;
            add_header X-Ads $consent_service_ads_b always;
            add_header X-Marketing $consent_marketing always;
        }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        location /_consent/ { consent_api; }
        location / {
            add_header X-Yt $consent_service_youtube always;
            add_header X-Cat $consent_service_15gifts always;
            return 204;
        }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        location / {
            add_header Set-Cookie "vx_id=1; Path=/";
            add_header Set-Cookie "adb=1; Path=/";
            return 204;
        }
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

sub hdr {
    my ($r, $name) = @_;
    return ($r->{headers}{$name} || [''])->[0];
}

sub page {
    my ($cookie) = @_;
    return request('GET', '/', undef, $cookie ? (Cookie => $cookie) : ());
}

sub state {
    my ($cookie) = @_;
    return request('GET', '/_consent/state', undef,
        $cookie ? (Cookie => $cookie) : ())->{body};
}

sub last_record {
    my @lines = split /\n/, read_file($audit) // '';
    return $lines[-1] // '';
}

sub field {
    my ($line, $name) = @_;
    return $1 if $line =~ /"$name":("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,}]+)/;
    return undef;
}

# "Always allow" of a placeholder, without any decision before.
my $r = form('action=allow&service=video-x&source=placeholder'
    . '&return_to=%2Fwatch%3Fv%3D1%23player-1');
is($r->{status}, 303, 'allow: 303');
is(hdr($r, 'location'), '/watch?v=1#player-1',
    'allow: the fragment of return_to survives the redirect');
my $allow = cookie_of($r);
ok($allow, 'allow: cookie set');
like($allow, qr/^consent=[A-Za-z0-9_-]{115}$/,
    'allow: a format 4 cookie with one service (107 + 8 characters)');

my $rec = last_record();
is(field($rec, 'action'), '"allow"', 'record: action allow');
is(field($rec, 'source'), '"placeholder"', 'record: source placeholder');
is(field($rec, 'granted'), '["necessary"]', 'record: required only');
is(field($rec, 'granted_services'), '["video-x"]', 'record: the service');
is(field($rec, 'decided'), 'false', 'record: categories undecided');

$r = page($allow);
like($r->{body}, qr/<iframe id="v" src="https:\/\/video-x\.example\/embed\/1"/,
    'after allow: the video is live');
like($r->{body}, qr/<img[^>]*data-src="https:\/\/ads-b\.example/,
    'after allow: the other marketing tracker stays inert');
like($r->{body}, qr/<script type="text\/plain"[^>]*data-src="https:\/\/tracker-a/,
    'after allow: analytics stays inert');
like($r->{body}, qr/id="consent-banner"/,
    'after allow: the banner still asks about the categories');
like($r->{body}, qr/data-state="none"[^>]*data-services="video-x"/,
    'after allow: the page says no decision, one service')
    or diag($r->{body} =~ /(<div id="consent"[^>]*>)/);
is(hdr($r, 'x-status'), 'valid', '$consent_status: valid (authentic)');
is(hdr($r, 'x-consent'), '[]', '$consent: empty, no category decided');
is(hdr($r, 'x-decided'), '0', '$consent_decided: 0');
is(hdr($r, 'x-video'), '1', '$consent_service_video_x: 1');
is(hdr($r, 'x-ads'), '0', '$consent_service_ads_b: 0');
is(hdr($r, 'x-marketing'), '0', '$consent_marketing: 0');

like(state($allow), qr/^\{"status":"valid","id":"[0-9a-f]{32}","decided":false,
    "granted":\["necessary"\],"denied":\["analytics","marketing"\],
    "granted_services":\["video-x"\],"revision":2,/x,
    'state after allow: valid, undecided, the service');

# Set-Cookie of a service allowed alone passes, of another one not.
$r = request('GET', '/set-cookies', undef, Cookie => $allow);
my @sc = @{$r->{headers}{'set-cookie'} || []};
ok((grep { /^vx_id=/ } @sc), 'Set-Cookie of the allowed service kept');
ok(!(grep { /^adb=/ } @sc), 'Set-Cookie of another marketing service removed');

# Then the visitor decides in the banner: the id stays, services too.
my ($id) = state($allow) =~ /"id":"([0-9a-f]{32})"/;
$r = form('action=save&granted=analytics&service=video-x', Cookie => $allow);
my $saved = cookie_of($r);
like(state($saved), qr/"id":"$id","decided":true,"granted":\["necessary",
    "analytics"\],"denied":\["marketing"\],"granted_services":\["video-x"\]/x,
    'save with a service: decided, the category and the service, same id');
$r = page($saved);
unlike($r->{body}, qr/id="consent-banner"/, 'after save: no banner');
is(hdr($r, 'x-decided'), '1', 'after save: $consent_decided 1');
is(hdr($r, 'x-consent'), '[necessary,analytics]', 'after save: $consent');
like($r->{body}, qr/<iframe id="v" src="https:\/\/video-x/, 'video live');
like($r->{body}, qr/data-src="https:\/\/ads-b/, 'ads inert');
like($r->{body}, qr/<script src="https:\/\/tracker-a/, 'analytics live');

# allow on a decision adds to it.
$r = json('{"action":"allow","granted_services":["ads-b"],'
    . '"source":"placeholder"}', Cookie => $saved);
is($r->{status}, 200, 'json allow: 200');
like($r->{body}, qr/"decided":true,"granted":\["necessary","analytics"\],
    "denied":\["marketing"\],"granted_services":\["video-x","ads-b"\]/x,
    'json allow: keeps the decision, adds the service');
my $both = cookie_of($r);
like($both, qr/^consent=[A-Za-z0-9_-]{123}$/, 'two services: 123 characters');
$r = page($both);
like($r->{body}, qr/<img src="https:\/\/ads-b/, 'both services live');
is(hdr($r, 'x-marketing'), '0', 'marketing itself still not granted');

# A category grant implies its services.
$r = json('{"action":"save","granted":["marketing"]}', Cookie => $both);
like($r->{body}, qr/"granted_services":\[\]/, 'save without services: none');
$r = page(cookie_of($r));
is(hdr($r, 'x-video'), '1', 'marketing granted: video 1');
is(hdr($r, 'x-ads'), '1', 'marketing granted: ads 1');

# reject_all and withdraw clear them; accept_all grants everything.
$r = form('action=reject_all', Cookie => $both);
like(state(cookie_of($r)), qr/"granted_services":\[\]/, 'reject_all clears');
is(hdr(page(cookie_of($r)), 'x-video'), '0', 'reject_all: video 0');
$r = form('action=withdraw', Cookie => $both);
like(state(cookie_of($r)), qr/"granted_services":\[\]/, 'withdraw clears');
$r = form('action=accept_all', Cookie => $allow);
like(state(cookie_of($r)), qr/"decided":true,"granted":\["necessary",
    "analytics","marketing"\]/x, 'accept_all after allow: everything');

# A format 3 cookie (before single-service grants), made here from the
# layout in docs/cookie.md: still valid, decided; allow upgrades it to
# format 4 with its id and categories.
my $key = read_file($secret);
$key =~ s/[\r\n]+\z//;
my $v3_id = "\x5a" x 16;
my $raw = pack('C a4 a16 Q> N N a6 C a2', 3, substr(sha256($key), 0, 4),
    $v3_id, time() - 60, 2, 0x3,
    substr(sha256("necessary\0analytics\0marketing\0"), 0, 6), 0, "\0\0");
my $v3 = 'consent=' . encode_base64url($raw . hmac_sha256($raw, $key));
is(length($v3), 8 + 104, 'format 3: 104 characters');
$r = page($v3);
is(hdr($r, 'x-status'), 'valid', 'format 3: valid');
is(hdr($r, 'x-consent'), '[necessary,analytics]', 'format 3: its categories');
is(hdr($r, 'x-decided'), '1', 'format 3: decided');
is(hdr($r, 'x-video'), '0', 'format 3: no service granted alone');
$r = form('action=allow&service=video-x', Cookie => $v3);
like(cookie_of($r), qr/^consent=[A-Za-z0-9_-]{115}$/,
    'allow on format 3: a format 4 cookie');
like(state(cookie_of($r)), qr/"id":"(5a){16}","decided":true,"granted":
    \["necessary","analytics"\],"denied":\["marketing"\],
    "granted_services":\["video-x"\]/x,
    'allow on format 3: the id, the categories and the service');

# Refusals.
$r = form('action=allow&service=nope%22%0d%0aX:1');
is($r->{status}, 400, 'unknown service: 400');
is($r->{body}, "unknown service \"nope???X:1\"\n", 'unknown service: reason');
$r = form('action=allow');
is($r->{status}, 400, 'allow without a service: 400');
is($r->{body}, "allow needs a service\n", 'allow without a service: reason');
$r = json('{"action":"save","granted_services":"video-x"}');
is($r->{body}, "\"granted_services\" must be an array\n", 'json: not an array');
$r = form('action=allow&service=video-x&return_to=%2F%2Fevil.example%23x');
is(hdr($r, 'location'), '/', 'return_to //host with a fragment: /');
$r = form('action=allow&service=video-x'
    . '&return_to=https%3A%2F%2Fevil.example%2F%23a');
is(hdr($r, 'location'), '/', 'return_to with a scheme: /');

# Every record verifies; find shows the new fields.
my $out = `$tool verify --secret $secret $audit 2>&1`;
is($? >> 8, 0, 'consent-audit verify passes') or diag($out);
$out = `$tool find $id $audit 2>&1`;
my $find = 'allow (placeholder)' . "\n    " . 'granted: necessary; denied: '
    . 'analytics, marketing; services allowed alone: video-x; categories '
    . "not decided yet\n";
ok(index($out, $find) >= 0, 'consent-audit find shows the services')
    or diag($out);
$out = `$tool export --format csv $audit 2>&1`;
like($out, qr/,allow,"necessary","analytics marketing",.*,"video-x",false\r\n/,
    'consent-audit export: the services and decided columns') or diag($out);
$out = `$tool stats $audit 2>&1`;
like($out, qr/ allow 5 .* placeholder 2/s, 'consent-audit stats counts allow')
    or diag($out);
$out = `$tool report --secret $secret $audit 2>&1`;
is($? >> 8, 0, 'consent-audit report on the new records') or diag($out);

# $consent_service_<id> of a catalogue service, under the built-in policy.
$r = request('GET', '/', undef, PORT => $t->port(1));
is(hdr($r, 'x-yt'), '0', 'built-in youtube: 0 without a decision');
is(hdr($r, 'x-cat'), '0', 'a catalogue slug is a variable too');

# Catalogue slugs are services too; 32 at most are kept one by one.
my @slugs = ('youtube', map { $_->{id} } grep {
        ($_->{category} // '') eq 'marketing'
    } @{JSON::PP::decode_json(read_file(ConsentTest::repo()
        . '/ngx_consent_module/assets/catalogue.json'))->{entities}});
$r = request('POST', '/_consent/', join('&', 'action=allow',
        map { "service=$_" } @slugs[0 .. 31]),
    'Content-Type' => 'application/x-www-form-urlencoded', PORT => $t->port(1));
is($r->{status}, 303, 'built-in policy: 32 services allowed at once');
like(cookie_of($r), qr/^consent=[A-Za-z0-9_-]{363}$/, '32 services: 363 characters');
my $full = cookie_of($r);
$r = request('GET', '/', undef, PORT => $t->port(1), Cookie => $full);
is(hdr($r, 'x-yt'), '1', 'built-in youtube allowed alone: 1');
$r = request('POST', '/_consent/', "action=allow&service=$slugs[32]",
    'Content-Type' => 'application/x-www-form-urlencoded', PORT => $t->port(1),
    Cookie => $full);
is($r->{status}, 400, 'a 33rd service: 400');
like($r->{body}, qr/^more than 32 services would be granted one by one/,
    'a 33rd service: the reason');
$r = request('POST', '/_consent/', join('&', 'action=save',
        map { "service=$_" } @slugs[0 .. 32]),
    'Content-Type' => 'application/x-www-form-urlencoded', PORT => $t->port(1));
is($r->{body}, "more than 32 services\n", '33 services in one save: 400');

$t->stop;

# A variable naming no service fails nginx -t.
$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%%;
        consent_policy %%REPO%%/tests/nginx/policies/services.json;
        location /_consent/ { consent_api; }
        location / { consent on; add_header X-V $consent_service_video_y; }
    }
EOF
my ($rc, $msg) = $t->test_config;
isnt($rc, 0, 'nginx -t: an unknown service variable fails');
like($msg, qr/"\$consent_service_video_y" names no service/,
    'nginx -t: says which variable');

done_testing();

#!/usr/bin/perl

# The consent variables in each state of the cookie: none, valid, stale
# (expired, older revision), invalid (tampered, truncated, unknown key),
# with several Cookie headers and several cookies in one header.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get);

my $t = ConsentTest->new;
my $key = $t->key_file('consent.key');
my $old = $t->key_file('old.key');
my $other = $t->key_file('other.key');
my $mint = ConsentTest::build() . '/tests/mint-cookie';
my $policy = "$FindBin::Bin/policies/test.json";

$t->write_config(<<'EOF');
    log_format consent '$consent_status $consent_id [$consent]';
    consent_secret %%DIR%%/consent.key;
    consent_secret %%DIR%%/old.key;
    consent_cookie consent max_age=1h;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;

        location / {
            add_header X-Status $consent_status always;
            add_header X-Consent "[$consent]" always;
            add_header X-Id "[$consent_id]" always;
            add_header X-Analytics $consent_analytics always;
            add_header X-Marketing $consent_marketing always;
            add_header X-Necessary $consent_necessary always;
            add_header X-Gpc $consent_gpc always;
            return 204;
        }

        location /mapped {
            return 200 "$analytics_upstream\n";
        }

        location /proxied {
            proxy_pass http://127.0.0.1:%%PORT1%%;
            proxy_set_header X-Consent $consent;
        }

        location /logged {
            access_log %%DIR%%/logs/consent.log consent;
            return 204;
        }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        location / { return 200 "upstream saw [$http_x_consent]\n"; }
    }

    map $consent_analytics $analytics_upstream {
        1 "analytics on";
        default "analytics off";
    }
EOF

$t->run;
my $port = $t->port;

sub mint {
    my ($keyfile, $rev, $mask, $issued, $id) = @_;
    my $v = `$mint $policy $keyfile $rev $mask $issued @{[ $id // '' ]}`;
    chomp $v;
    die "mint-cookie failed" unless length $v == 107;
    return $v;
}

sub state {
    my (%h) = @_;
    my $r = http_get($port, '/', %h);
    my %s;
    for my $k (qw(status consent id analytics marketing necessary gpc)) {
        $s{$k} = ($r->{headers}{"x-$k"} || [''])->[0];
    }
    return \%s;
}

my $now = time;
my $id = '00112233445566778899aabbccddeeff';

# necessary = bit 0, analytics = bit 1, marketing = bit 2
my $valid = mint($key, 3, 0b011, $now, $id);

my $s = state();
is($s->{status}, 'none', 'no cookie: none');
is($s->{consent}, '[]', 'no cookie: $consent empty');
is($s->{id}, '[]', 'no cookie: no id');
is($s->{analytics}, '0', 'no cookie: analytics 0');
is($s->{necessary}, '1', 'no cookie: required category granted');
is($s->{gpc}, '0', 'no Sec-GPC: 0');

$s = state(Cookie => "consent=$valid");
is($s->{status}, 'valid', 'valid cookie');
is($s->{consent}, '[necessary,analytics]', 'valid: $consent lists granted');
is($s->{id}, "[$id]", 'valid: $consent_id');
is($s->{analytics}, '1', 'valid: analytics 1');
is($s->{marketing}, '0', 'valid: marketing 0');

$s = state(Cookie => 'consent=' . mint($key, 3, 0b010, $now));
is($s->{consent}, '[necessary,analytics]',
    'required category granted even when the cookie omits it');

$s = state(Cookie => 'consent=' . mint($old, 3, 0b111, $now));
is($s->{status}, 'valid', 'second listed key verifies');
is($s->{marketing}, '1', 'second key: marketing granted');

$s = state(Cookie => 'consent=' . mint($other, 3, 0b111, $now));
is($s->{status}, 'invalid', 'unknown key: invalid');
is($s->{marketing}, '0', 'unknown key: nothing granted');

$s = state(Cookie => 'consent=' . mint($key, 3, 0b111, $now - 3600));
is($s->{status}, 'stale', 'expired (max_age=1h): stale');
is($s->{consent}, '[]', 'stale: $consent empty');
is($s->{marketing}, '0', 'stale: marketing 0');
like($s->{id}, qr/^\[[0-9a-f]{32}\]$/, 'stale: the id is still known');

$s = state(Cookie => 'consent=' . mint($key, 3, 0b111, $now - 3500));
is($s->{status}, 'valid', 'within max_age: valid');

$s = state(Cookie => 'consent=' . mint($key, 2, 0b111, $now));
is($s->{status}, 'stale', 'older policy revision: stale');

$s = state(Cookie => 'consent=' . mint($key, 4, 0b111, $now));
is($s->{status}, 'valid', 'newer revision: valid');

my $tampered = $valid;
substr($tampered, 40, 1) = substr($tampered, 40, 1) eq 'A' ? 'B' : 'A';
$s = state(Cookie => "consent=$tampered");
is($s->{status}, 'invalid', 'tampered: invalid');
is($s->{analytics}, '0', 'tampered: analytics 0');
is($s->{id}, '[]', 'tampered: no id');

$s = state(Cookie => 'consent=' . substr($valid, 0, 99));
is($s->{status}, 'invalid', 'truncated: invalid');

$s = state(Cookie => "consent=${valid}A");
is($s->{status}, 'invalid', 'padded: invalid');

$s = state(Cookie => 'consent=garbage');
is($s->{status}, 'invalid', 'garbage: invalid');

$s = state(Cookie => "a=1; consent=$valid; b=2");
is($s->{status}, 'valid', 'among other cookies in one header');

$s = state(Cookie => ['a=1', "consent=$valid"]);
is($s->{status}, 'valid', 'in the second of two Cookie headers');

$s = state(Cookie => ["consent=garbage", "consent=$valid"]);
is($s->{status}, 'valid', 'a valid cookie wins over an invalid one');

$s = state(Cookie => "xconsent=$valid; consent2=$valid");
is($s->{status}, 'none', 'other cookies with similar names are ignored');

$s = state('Sec-GPC' => '1');
is($s->{gpc}, '1', 'Sec-GPC: 1 sets $consent_gpc');

$s = state('Sec-GPC' => '0');
is($s->{gpc}, '0', 'Sec-GPC: 0 does not');

my $r = http_get($port, '/mapped', Cookie => "consent=$valid");
is($r->{body}, "analytics on\n", 'variable works in map');
$r = http_get($port, '/mapped');
is($r->{body}, "analytics off\n", 'map without consent');

$r = http_get($port, '/proxied', Cookie => "consent=$valid");
is($r->{body}, "upstream saw [necessary,analytics]\n",
    'variable works in proxy_set_header');

http_get($port, '/logged', Cookie => "consent=$valid");
http_get($port, '/logged');

$t->stop;
is(ConsentTest::read_file($t->dir . '/logs/consent.log'),
    "valid $id [necessary,analytics]\nnone - []\n",
    'variables work in log_format');
like($t->error_log, qr/consent: cookie "consent" is not authentic/,
    'invalid cookie logged at info level');
$t->check_logs;

done_testing;

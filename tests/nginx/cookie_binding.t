#!/usr/bin/perl

# The cookie is bound to its policy: a cookie minted under another policy
# (another location, another server, the same ids in another order) is
# stale there, never read bit for bit.  With several valid consent cookies
# the most restrictive decision wins.  An issue time in the future is
# invalid.  A "__Host-" cookie is Secure, Path=/ and has no Domain; names
# whose prefix rules the attributes break fail nginx -t.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get http_post write_file read_file header_values);

my $t = ConsentTest->new;
my $d = $t->dir;
my $key = $t->key_file('consent.key');
my $mint = ConsentTest::build() . '/tests/mint-cookie';

# Policy B: the categories of test.json in another order, same revision.
my $policy_a = "$FindBin::Bin/policies/test.json";
my $policy_b = "$d/reordered.json";
my $json = read_file($policy_a);
my ($analytics) = $json =~ /(\{"id": "analytics".*?\}\},?\n)/s
    or die "test.json changed: no analytics category";
(my $reordered = $json) =~ s/\Q$analytics\E//;
$analytics =~ s/,?\n$//;
$reordered =~ s/("gpc": true,.*?\}\})/$1,\n    $analytics/s
    or die "test.json changed: no marketing category";
write_file($policy_b, $reordered);

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;

        location / {
            add_header X-Status $consent_status always;
            add_header X-Consent "[$consent]" always;
            add_header X-Id "[$consent_id]" always;
            add_header X-Marketing $consent_marketing always;
            return 204;
        }

        location /b/ {
            consent_policy %%DIR%%/reordered.json;
            add_header X-Status $consent_status always;
            add_header X-Consent "[$consent]" always;
            add_header X-Id "[$consent_id]" always;
            add_header X-Marketing $consent_marketing always;
            return 204;
        }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        consent_policy %%DIR%%/reordered.json;
        consent_cookie __Host-consent;

        location /_consent/ { consent_api; }

        location / {
            add_header X-Status $consent_status always;
            add_header X-Consent "[$consent]" always;
            return 204;
        }
    }
EOF

$t->run;
my ($port, $host_port) = ($t->port, $t->port(1));

sub mint {
    my ($policy, $mask, $issued, $id) = @_;
    my $v = `$mint $policy $key 3 $mask $issued @{[ $id // '' ]}`;
    chomp $v;
    die "mint-cookie failed" unless length $v == 107;
    return $v;
}

sub state {
    my ($uri, @cookies) = @_;
    my $r = http_get($port, $uri, @cookies ? (Cookie => [@cookies]) : ());
    my %s;
    for my $k (qw(status consent id marketing)) {
        $s{$k} = ($r->{headers}{"x-$k"} || [''])->[0];
    }
    return \%s;
}

my $now = time;

# Under A bit 1 is analytics; under B (necessary, marketing, analytics) it
# is marketing: read bit for bit, an analytics grant would become marketing.
my $a = mint($policy_a, 0b011, $now, 'aa' x 16);
my $b = mint($policy_b, 0b011, $now, 'bb' x 16);

my $s = state('/', "consent=$a");
is($s->{status}, 'valid', 'policy A cookie in the policy A location: valid');
is($s->{consent}, '[necessary,analytics]', 'with its grants');

$s = state('/b/', "consent=$a");
is($s->{status}, 'stale', 'policy A cookie in the policy B location: stale');
is($s->{consent}, '[]', 'nothing granted');
is($s->{marketing}, '0', 'its analytics bit does not become marketing');
is($s->{id}, '[' . 'aa' x 16 . ']', 'its id is kept for the next decision');

$s = state('/b/', "consent=$b");
is($s->{status}, 'valid', 'policy B cookie in the policy B location: valid');
is($s->{consent}, '[necessary,marketing]', 'bit 1 is marketing under B');

$s = state('/', "consent=$b");
is($s->{status}, 'stale', 'policy B cookie in the policy A location: stale');

$s = state('/', "consent=$b; consent=$a");
is($s->{status}, 'valid', 'a stale cookie of another policy and a valid one');
is($s->{consent}, '[necessary,analytics]', 'the valid one decides');

# Several valid cookies: the intersection of their grants.
my $analytics_only = mint($policy_a, 0b011, $now - 20, '11' x 16);
my $marketing_only = mint($policy_a, 0b101, $now - 10, '22' x 16);
my $everything = mint($policy_a, 0b111, $now, '33' x 16);

$s = state('/', "consent=$analytics_only; consent=$marketing_only");
is($s->{status}, 'valid', 'two valid cookies in one header: valid');
is($s->{consent}, '[necessary]', 'only what both grant');
is($s->{marketing}, '0', 'marketing is not granted');
is($s->{id}, '[' . '22' x 16 . ']',
    'the id of the fewest grants, the newest of a tie');

$s = state('/', "consent=$marketing_only; consent=$analytics_only");
is($s->{consent}, '[necessary]', 'the order of the cookies does not matter');
is($s->{id}, '[' . '22' x 16 . ']', 'for the id either');

$s = state('/', "consent=$everything", "a=1; consent=$analytics_only");
is($s->{consent}, '[necessary,analytics]',
    'in two Cookie headers: the more restrictive one wins');
is($s->{id}, '[' . '11' x 16 . ']', 'with its id');

$s = state('/', "consent=$everything", 'consent=garbage');
is($s->{consent}, '[necessary,analytics,marketing]',
    'an invalid cookie takes nothing away');

# The issue time: a little clock skew is allowed, an hour ahead is not.
$s = state('/', 'consent=' . mint($policy_a, 0b111, $now + 60));
is($s->{status}, 'valid', 'issued a minute ahead (clock skew): valid');

$s = state('/', 'consent=' . mint($policy_a, 0b111, $now + 3600));
is($s->{status}, 'invalid', 'issued an hour ahead: invalid');
is($s->{marketing}, '0', 'and nothing granted');

# A __Host- cookie on plain HTTP: Secure anyway, Path=/, no Domain.
my $r = http_post($host_port, '/_consent/', 'action=accept_all');
is($r->{status}, 303, 'a decision at the __Host- server');
my ($set) = header_values($r, 'Set-Cookie');
like($set, qr/^__Host-consent=[A-Za-z0-9_-]{107}; /, 'sets __Host-consent');
like($set, qr/; Secure(;|$)/, 'Secure, though the request is plain HTTP');
like($set, qr/; Path=\/(;|$)/, 'Path=/');
unlike($set, qr/Domain=/i, 'no Domain');

my ($value) = $set =~ /^(__Host-consent=[^;]+)/;
$r = http_get($host_port, '/', Cookie => $value);
is(($r->{headers}{'x-status'} || [''])->[0], 'valid',
    'the __Host- cookie it set is read back');
$r = http_get($host_port, '/', Cookie => "consent=$b");
is(($r->{headers}{'x-status'} || [''])->[0], 'none',
    'a cookie named "consent" is not the __Host- one');

$t->stop;
$t->check_logs;

# Configurations the prefixes forbid fail nginx -t, saying where and why.
sub conf {
    my ($cookie) = @_;
    $t->write_config(<<"EOF");
    consent_secret %%DIR%%/consent.key;
    $cookie
    server { listen 127.0.0.1:%%PORT%%; }
EOF
    return $t->test_config;
}

# The line of the consent_cookie directive in the configuration written.
sub cookie_line {
    my @lines = split /\n/, read_file("$d/nginx.conf");
    my ($n) = grep { $lines[$_] =~ /consent_cookie/ } 0 .. $#lines;
    return $n + 1;
}

sub refused {
    my ($cookie, $re, $name) = @_;
    my ($rc, $out) = conf($cookie);
    my $line = cookie_line();
    ok($rc != 0, "$name: nginx -t fails");
    like($out, qr/$re.*nginx\.conf:$line\b/, "$name: says why and where")
        or diag($out);
}

sub accepted {
    my ($cookie, $name) = @_;
    my ($rc, $out) = conf($cookie);
    is($rc, 0, "$name: accepted") or diag($out);
}

accepted('consent_cookie __Host-consent path=/ secure=auto;',
    '__Host- with path=/ and secure=auto');
accepted('consent_cookie __Secure-consent domain=example.com path=/app;',
    '__Secure- with domain= and path=');
accepted('consent_cookie consent samesite=Strict secure=ON;',
    'samesite= and secure= values in any case');

refused('consent_cookie __Host-consent domain=example.com;',
    qr/"__Host-" cookie .* has no Domain: remove domain=example\.com/,
    '__Host- with domain=');
refused('consent_cookie __Host-consent path=/app;',
    qr/"__Host-" cookie .* has Path=\/: remove path=\/app/,
    '__Host- with path=/app');
refused('consent_cookie __Host-consent secure=off;',
    qr/needs the Secure attribute .* remove secure=off/,
    '__Host- with secure=off');
refused('consent_cookie __host-consent path=/app;',
    qr/has Path=\//, 'a lower-case __host- prefix');
refused('consent_cookie __Secure-consent secure=off;',
    qr/"__Secure-consent" needs the Secure attribute/,
    '__Secure- with secure=off');
refused('consent_cookie consent samesite=loose;',
    qr/invalid "samesite=loose": use samesite=lax, samesite=strict or samesite=none/,
    'an unknown samesite= value');
refused('consent_cookie consent secure=yes;',
    qr/invalid "secure=yes": use secure=auto, secure=on or secure=off/,
    'an unknown secure= value');

done_testing;

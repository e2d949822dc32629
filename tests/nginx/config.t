#!/usr/bin/perl

# Configuration errors fail "nginx -t" with the file, the line and what to
# do: broken policies, bad secrets, misplaced directives, bad parameters.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(write_file);

my $t = ConsentTest->new;
my $d = $t->dir;
$t->key_file('consent.key');
write_file("$d/short.key", "too short\n");

my $good = ConsentTest::read_file("$FindBin::Bin/policies/test.json");

sub conf_error {
    my ($http, $policy) = @_;
    write_file("$d/policy.json", $policy) if defined $policy;
    $t->write_config($http);
    my ($rc, $out) = $t->test_config;
    return ($rc, $out);
}

sub fails_with {
    my ($name, $re, $http, $policy) = @_;
    my ($rc, $out) = conf_error($http, $policy);
    ok($rc != 0, "$name: nginx -t fails");
    like($out, $re, "$name: says why") or diag($out);
}

my $server = <<'EOF';
    server {
        listen 127.0.0.1:%%PORT%%;
        location / { consent on; }
        location /_consent/ { consent_api; }
    }
EOF

my ($rc, $out) = conf_error("consent_secret %%DIR%%/consent.key;\n"
    . "consent_policy %%DIR%%/policy.json;\n$server", $good);
is($rc, 0, 'a good configuration passes nginx -t') or diag($out);

($rc, $out) = conf_error("consent_secret %%DIR%%/consent.key;\n$server");
is($rc, 0, 'the built-in policy loads') or diag($out);

fails_with('JSON syntax error',
    qr/consent_policy: .*policy\.json:3:\d+: .*in .*nginx\.conf:\d+/,
    "consent_secret %%DIR%%/consent.key;\n"
    . "consent_policy %%DIR%%/policy.json;\n$server",
    qq({\n  "revision": 1,\n  "categories": [,]\n}\n));

(my $unknown = $good) =~ s/"category": "marketing"/"category": "adverts"/;
fails_with('unknown category in a service',
    qr/adverts/,
    "consent_secret %%DIR%%/consent.key;\n"
    . "consent_policy %%DIR%%/policy.json;\n$server", $unknown);

(my $badre = $good) =~ s/trackerA\\\\\(/trackerA(/;
fails_with('bad regex',
    qr/offset \d+/,
    "consent_secret %%DIR%%/consent.key;\n"
    . "consent_policy %%DIR%%/policy.json;\n$server", $badre);

(my $rev = $good) =~ s/"revision": 3/"revision": 0/;
fails_with('revision not positive', qr/revision/,
    "consent_secret %%DIR%%/consent.key;\n"
    . "consent_policy %%DIR%%/policy.json;\n$server", $rev);

fails_with('missing policy file', qr/policy/,
    "consent_secret %%DIR%%/consent.key;\n"
    . "consent_policy %%DIR%%/missing.json;\n$server");

fails_with('short secret',
    qr/at least 32 .*head -c 48 \/dev\/urandom.*nginx\.conf:\d+/,
    "consent_secret %%DIR%%/short.key;\n$server");

fails_with('unreadable secret', qr/cannot open the key file .*nginx\.conf:\d+/,
    "consent_secret %%DIR%%/nope.key;\n$server");

fails_with('consent on without a secret',
    qr/"consent on" in .*nginx\.conf:\d+ needs a consent_secret/, $server);

fails_with('consent_api in a regex location',
    qr/cannot be in a regex location/, <<'EOF');
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%%;
        location ~ ^/_consent/ { consent_api; }
    }
EOF

fails_with('two consent_api locations',
    qr/already in location "\/_consent\/"/, <<'EOF');
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%%;
        location /_consent/ { consent_api; }
        location /other/ { consent_api; }
    }
EOF

fails_with('bad consent_cookie parameter',
    qr/invalid parameter "colour=blue"/,
    "consent_secret %%DIR%%/consent.key;\n"
    . "consent_cookie consent colour=blue;\n$server");

fails_with('samesite=none without secure',
    qr/samesite=none with secure=off/,
    "consent_secret %%DIR%%/consent.key;\n"
    . "consent_cookie consent samesite=none secure=off;\n$server");

fails_with('unknown category variable', qr/unknown "consent_adverts" variable/,
    "consent_secret %%DIR%%/consent.key;\n" . <<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        location / { return 200 $consent_adverts; }
    }
EOF

done_testing;

#!/usr/bin/perl

# Configurations that would fail silently are refused by "nginx -t" with
# the file, the line and what to do: consent on in a server without a
# consent_api location, a filter and its server's endpoint on different
# policies or different consent_region values; and the new parameters are
# checked.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(write_file);

my $t = ConsentTest->new;
my $d = $t->dir;
$t->key_file('consent.key');
write_file("$d/other.json",
    ConsentTest::read_file("$FindBin::Bin/policies/test.json"));

sub check {
    my ($http) = @_;
    $t->write_config("consent_secret %%DIR%%/consent.key;\n$http");
    return $t->test_config;
}

my ($rc, $out) = check(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
    }
EOF
isnt($rc, 0, 'consent on without consent_api: nginx -t fails');
like($out, qr{"consent on" in .*nginx\.conf:\d+ applies to the server in .*nginx\.conf:\d+, which has no consent_api location},
    'it names where consent is on and the server');
like($out, qr{add "location /_consent/ \{ consent_api; \}"}, 'and says what to do');

($rc, $out) = check(<<'EOF');
    consent on;
    server {
        listen 127.0.0.1:%%PORT%%;
        location /_consent/ { consent_api; }
    }
    server {
        listen 127.0.0.1:%%PORT1%%;
    }
EOF
isnt($rc, 0, 'consent on at http level, one server without consent_api: fails');

($rc, $out) = check(<<'EOF');
    consent on;
    server {
        listen 127.0.0.1:%%PORT%%;
        location /_consent/ { consent_api; }
    }
    server {
        listen 127.0.0.1:%%PORT1%%;
        consent off;
    }
EOF
is($rc, 0, 'the server without consent_api says consent off: passes') or diag($out);

($rc, $out) = check(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        location /_consent/ { consent_api; }
        location /blog/ {
            consent_policy %%DIR%%/other.json;
        }
    }
EOF
isnt($rc, 0, 'a location on another policy than its endpoint: fails');
like($out, qr{the filter of location "/blog/" \(consent on in .*nginx\.conf:\d+\) uses the policy set in .*nginx\.conf:\d+, but the consent_api of its server \(in .*nginx\.conf:\d+\) uses the built-in policy},
    'it names both places');
like($out, qr{set consent_policy once at the server or http level}, 'and says what to do');

($rc, $out) = check(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        consent_policy %%DIR%%/other.json;
        location /_consent/ { consent_api; }
        location /blog/ { }
    }
EOF
is($rc, 0, 'one policy for the server: passes') or diag($out);

($rc, $out) = check(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        consent_undecodable maybe;
        location /_consent/ { consent_api; }
    }
EOF
isnt($rc, 0, 'consent_undecodable maybe: fails');
like($out, qr/invalid value "maybe"/, 'consent_undecodable: says why');

($rc, $out) = check(<<'EOF');
    consent_cookie consent scheme=;
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        location /_consent/ { consent_api; }
    }
EOF
isnt($rc, 0, 'consent_cookie scheme= empty: fails');
like($out, qr/scheme=\$http_x_forwarded_proto/, 'scheme=: says what to give');

($rc, $out) = check(<<'EOF');
    consent_cookie consent secure=auto scheme=$http_x_forwarded_proto;
    consent_undecodable pass;
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        location /_consent/ { consent_api; }
    }
EOF
is($rc, 0, 'scheme=$http_x_forwarded_proto and consent_undecodable pass: pass')
    or diag($out);

($rc, $out) = check(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        location /_consent/ { consent_api; }
        location / { consent on; consent_region $http_x_region; }
    }
EOF
isnt($rc, 0, 'consent_region for the filter only: nginx -t fails');
like($out, qr{the filter of location "/" .* and the consent_api of its server .* get different consent_region values},
    'it names the location and the endpoint');
like($out, qr/set consent_region once at the server or http level/,
    'and says what to do');

($rc, $out) = check(<<'EOF');
    consent_region $http_x_region;
    server {
        listen 127.0.0.1:%%PORT%%;
        location /_consent/ { consent_api; }
        location / { consent on; }
    }
EOF
is($rc, 0, 'consent_region at the http level: pass') or diag($out);

($rc, $out) = check(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        consent_region $http_x_region;
        consent_region $http_cf_ipcountry;
        location /_consent/ { consent_api; }
    }
EOF
like($out, qr/"consent_region" directive is duplicate/,
    'consent_region twice in one block: duplicate');

done_testing;

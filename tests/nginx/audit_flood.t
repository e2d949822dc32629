#!/usr/bin/perl

# A flood of decisions under the limit_req of examples/nginx.conf degrades
# to 503s, and every decision that was accepted has its audit record: the
# log holds as many records as 303s were answered, and its chain verifies.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http read_file);

my $t = ConsentTest->new;
$t->key_file('consent.key');
my $audit_key = $t->key_file('audit.key');
my $log = $t->dir . '/logs/consent.log';

# The example's limit: the same map, zone and limit_req lines (the rate
# is lower here so that a loop of requests surely exceeds it).
my $example = read_file(ConsentTest::repo() . '/examples/nginx.conf');
my ($map) = $example =~ /(    map \$request_method \$consent_decision_client \{.*?\n    \}\n)/s;
ok($map, 'examples/nginx.conf limits decisions with limit_req');
like($example, qr/limit_req zone=consent_decisions burst=\d+ nodelay;/,
    'in the consent_api location');

$t->write_config(<<"EOF");
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/logs/consent.log;
    consent_audit_key %%DIR%%/audit.key;

$map
    limit_req_zone \$consent_decision_client zone=consent_decisions:1m
                   rate=1r/m;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        location /_consent/ {
            consent_api;
            limit_req zone=consent_decisions burst=10 nodelay;
        }
    }
EOF

$t->run;

my %status;
for my $i (1 .. 60) {
    my $body = 'action=' . ($i % 2 ? 'accept_all' : 'reject_all');
    my $r = http($t->port, "POST /_consent/ HTTP/1.1\r\nHost: localhost\r\n"
        . "Connection: close\r\n"
        . "Content-Type: application/x-www-form-urlencoded\r\n"
        . "Content-Length: " . length($body) . "\r\n\r\n$body");
    $status{$r->{status} // 'none'}++;
}

my $state = http($t->port, "GET /_consent/state HTTP/1.1\r\nHost: localhost\r\n"
    . "Connection: close\r\n\r\n");
is($state->{status}, 200, 'GET of the state is not limited');

ok(($status{503} // 0) > 0, "the flood gets 503s ($status{503})");
ok(($status{303} // 0) > 0, "and some decisions are taken ($status{303})");
is(($status{303} // 0) + ($status{503} // 0), 60, 'no other answer');

$t->stop;

my @records = grep { length } split /\n/, read_file($log) // '';
is(scalar @records, $status{303}, 'one audit record per accepted decision');

my $tool = ConsentTest::build() . '/consent-audit';
my $out = `$tool verify --key $audit_key $log 2>&1`;
is($? >> 8, 0, 'consent-audit verify passes') or diag($out);

$t->check_logs;

done_testing;

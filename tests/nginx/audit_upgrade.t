#!/usr/bin/perl

# Upgrading: a log written before records had key ids (no "key", "texts",
# "lang", "region", "mode") is continued by nginx with a rotate record whose
# prev_key is null, and the whole log verifies.  The old records are made
# here as that version made them (HMAC with Digest::SHA).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Digest::SHA qw(hmac_sha256 hmac_sha256_hex);
use ConsentTest qw(http read_file write_file);

my $t = ConsentTest->new;
my $secret_file = $t->key_file('consent.key');
my $dir = $t->dir;
my $log = "$dir/logs/consent.log";
my $tool = ConsentTest::tool('consent-audit');

# The key derived from the first consent_secret, as the module derives it.
(my $secret = read_file($secret_file)) =~ s/\n+$//;
my $key = hmac_sha256('ngx_consent audit key', $secret);

my $prev = '0' x 64;
my @old;
for my $seq (1 .. 3) {
    my $body = qq({"ts":"2025-06-0${seq}T10:00:00.000Z","seq":$seq,)
        . qq("node":"old-1","id":"0${seq}0102030405060708090a0b0c0d0e0f",)
        . qq("action":"accept_all","granted":["necessary","analytics",)
        . qq("marketing"],"denied":[],"revision":3,"gpc":false,)
        . qq("source":"banner","ip":"203.0.113.0","ua":"Mozilla/5.0",)
        . qq("prev":"$prev"});
    my $mac = hmac_sha256_hex($prev . $body, $key);
    (my $line = $body) =~ s/\}$/,"mac":"$mac"}/;
    push @old, $line;
    $prev = $mac;
}
write_file($log, join('', map { "$_\n" } @old));

my $out = `$tool verify --secret $secret_file $log 2>&1`;
is($? >> 8, 0, 'the old records verify') or diag($out);

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

my $body = 'action=reject_all';
my $r = http($t->port(0), "POST /_consent/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    . "Connection: close\r\n"
    . "Content-Type: application/x-www-form-urlencoded\r\n"
    . "Content-Length: " . length($body) . "\r\n\r\n$body");
is($r->{status}, 303, 'decision taken');

my @l = split /\n/, read_file($log);
is(scalar @l, 5, 'the old records, a rotate record, the decision');
like($l[3], qr/^\{"ts":"[^"]+","seq":4,"node":"[^"]*","key":"[0-9a-f]{8}","type":"rotate","prev_key":null,"prev":"$prev",/,
    'rotate record: links the old chain, no old key id');
like($l[4], qr/"seq":5,.*"key":"[0-9a-f]{8}",.*"texts":"[0-9a-f]{64}"/,
    'the decision: a record with key id and texts');

$out = `$tool verify --secret $secret_file $log 2>&1`;
is($? >> 8, 0, 'old and new records verify as one chain') or diag($out);
like($out, qr/OK: 5 records, seq 1 to 5/, 'verify: every record');

$t->stop;
$t->check_logs;

done_testing;

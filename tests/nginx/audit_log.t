#!/usr/bin/perl

# The audit log in real nginx: every field of a record, consent_audit_ip
# modes, consent_audit_key versus the key derived from the secret,
# consent_audit_log off, a failing log (500 and no cookie), the chain
# continued across a restart, and consent-audit catching edited, deleted,
# reordered, inserted and broken lines; find and stats on a real log.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Sys::Hostname;
use ConsentTest qw(http read_file write_file);

my $t = ConsentTest->new;
my $secret = $t->key_file('consent.key');
my $audit_key = $t->key_file('audit.key');
my $dir = $t->dir;
my $tool = ConsentTest::tool('consent-audit');

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/logs/consent.log;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        consent_audit_log %%DIR%%/logs/full.log;
        consent_audit_ip full;
        consent_audit_key %%DIR%%/audit.key;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        consent_audit_log %%DIR%%/logs/noip.log;
        consent_audit_ip off;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT3%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        consent_audit_log off;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT4%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        consent_audit_log /dev/full;
        location /_consent/ { consent_api; }
    }
EOF

$t->run;

sub decide {
    my ($n, $body, @h) = @_;
    my $port = $t->port($n);
    my $head = "POST /_consent/ HTTP/1.1\r\nHost: 127.0.0.1:$port\r\n"
        . "Connection: close\r\n"
        . "Content-Type: application/x-www-form-urlencoded\r\n"
        . "Content-Length: " . length($body) . "\r\n";
    while (my ($k, $v) = splice @h, 0, 2) {
        $head .= "$k: $v\r\n";
    }
    return http($port, "$head\r\n$body");
}

sub lines {
    my ($file) = @_;
    return split /\n/, read_file($file) // '';
}

sub audit {
    my (@args) = @_;
    my $out = `$tool @args 2>&1`;
    return ($? >> 8, $out);
}

my $log = "$dir/logs/consent.log";
my $node = lc hostname();
$node =~ s/\..*// if length $node > 255;

# Every field, in order.
my $ua = 'Mozilla/5.0 ' . ('a' x 400);
my $r = decide(0, 'action=save&granted=analytics&source=preferences',
    'User-Agent' => $ua, 'Sec-GPC' => '1');
is($r->{status}, 303, 'decision taken');

my @l = lines($log);
is(scalar @l, 1, 'one record');
like($l[0], qr/^\{"ts":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z","seq":1,
    "node":"\Q$node\E","key":"[0-9a-f]{8}","id":"[0-9a-f]{32}","action":"save",
    "granted":\["necessary","analytics"\],"denied":\["marketing"\],
    "granted_services":\[\],"decided":true,
    "revision":3,"texts":"[0-9a-f]{64}","lang":"en","region":null,"mode":"opt-in",
    "gpc":true,"source":"preferences","ip":"127\.0\.0\.0",
    "ua":"Mozilla\/5\.0\ a{244}","prev":"0{64}","mac":"[0-9a-f]{64}"\}$/x,
    'record: every field, in order, ua capped at 256 bytes');

my ($ts) = $l[0] =~ /"ts":"([^"]+)"/;
my @now = gmtime;
my $today = sprintf('%04d-%02d-%02d', $now[5] + 1900, $now[4] + 1, $now[3]);
like($ts, qr/^\Q$today\E/, 'ts is UTC today');

# A User-Agent with bytes that are not UTF-8 is recorded as valid JSON.
decide(0, 'action=reject_all', 'User-Agent' => "bad \xff\xfe ua \xc3\xa9");
like((lines($log))[-1], qr/"ua":"bad \?\? ua \x{c3}\x{a9}"/,
    'invalid UTF-8 in ua replaced, valid kept');
like((lines($log))[-1], qr/"seq":2,/, 'second record: seq 2');

# consent_audit_ip full, consent_audit_key.
decide(1, 'action=accept_all');
decide(1, 'action=withdraw');
@l = lines("$dir/logs/full.log");
is(scalar @l, 2, 'own log for the second server');
like($l[0], qr/"seq":1,.*"ip":"127\.0\.0\.1"/, 'consent_audit_ip full');

my ($rc, $out) = audit('verify', '--key', $audit_key, "$dir/logs/full.log");
is($rc, 0, 'consent_audit_key: verify --key passes') or diag($out);
($rc, $out) = audit('verify', '--secret', $secret, "$dir/logs/full.log");
is($rc, 1, 'consent_audit_key: the derived key does not verify');
like($out, qr/no record verifies with this key/, 'wrong key said once');

# consent_audit_ip off
decide(2, 'action=accept_all');
like((lines("$dir/logs/noip.log"))[0], qr/"ip":null,/,
    'consent_audit_ip off: ip null');

# consent_audit_log off overrides the http level: no record, decision taken.
$r = decide(3, 'action=accept_all');
is($r->{status}, 303, 'audit off: decision taken');
ok(join('', @{$r->{headers}{'set-cookie'} || []}) =~ /^consent=/,
    'audit off: cookie set');
is(scalar(lines($log)), 2, 'audit off: nothing in the http-level log');

# A log that cannot be written: 500, no cookie.
$r = decide(4, 'action=accept_all');
is($r->{status}, 500, 'failing audit log: 500');
is($r->{body}, "the decision could not be recorded; try again\n",
    'failing audit log: reason');
is(join('', @{$r->{headers}{'set-cookie'} || []}), '',
    'failing audit log: no cookie');

# More decisions, then a restart: the chain continues from the file's tail.
decide(0, 'action=accept_all') for 1 .. 5;
$t->stop;

$t->run;
decide(0, 'action=save&granted=marketing');
decide(0, 'action=withdraw');

@l = lines($log);
is(scalar @l, 9, 'records before and after the restart');
like($l[7], qr/"seq":8,/, 'after restart: seq continues');
my ($mac7) = $l[6] =~ /"mac":"([0-9a-f]{64})"/;
like($l[7], qr/"prev":"$mac7"/, 'after restart: linked to the last record');

($rc, $out) = audit('verify', '--secret', $secret, $log);
is($rc, 0, 'verify passes across the restart') or diag($out);
like($out, qr/^consent-audit: OK: 9 records, seq 1 to 9, every MAC and link holds; last mac [0-9a-f]{64}$/,
    'verify summary');

# find and stats on the real log
my ($id) = $l[0] =~ /"id":"([0-9a-f]{32})"/;
($rc, $out) = audit('find', '--json', $id, $log);
is($rc, 0, 'find: found');
is($out, "$l[0]\n", 'find --json: the record of that id, as written');
($rc, $out) = audit('find', uc $id, $log);
like($out, qr/^\d{4}-\d\d-\d\dT[\d:.]+Z  seq 1 on \Q$node\E: save \(preferences\)\n    granted: necessary, analytics; denied: marketing\n    policy revision 3, texts [0-9a-f]{64}, language en, region -, mode opt-in, GPC yes\n/,
    'find: readable history');
like($out, qr/^consent id \Q$id\E: 1 decision from /m, 'find: summary');
($rc, $out) = audit('find', 'ffffffffffffffffffffffffffffffff', $log);
is($rc, 1, 'find: unknown id exits 1');

($rc, $out) = audit('stats', $log);
is($rc, 0, 'stats');
like($out, qr/^decisions    9$/m, 'stats: decisions');
like($out, qr/^gpc          1 \(11\.1%\)$/m, 'stats: GPC share');
like($out, qr/^analytics\s+6\s+3\s+66\.7%$/m, 'stats: acceptance');
($rc, $out) = audit('stats', '--by', 'day', $log);
like($out, qr/^\Q$today\E\s+9\s+5\s+1\s+2\s+1\s+11\.1%$/m,
    'stats --by day');

# Tampering, each caught with its line and kind.
sub tampered {
    my ($name, $edit, $want) = @_;
    my @lines = lines($log);
    $edit->(\@lines);
    write_file("$dir/$name.log", join('', map { "$_\n" } @lines));
    my ($code, $text) = audit('verify', '--secret', $secret, "$dir/$name.log");
    is($code, 1, "$name: verify fails");
    like($text, $want, "$name: reported") or diag($text);
}

tampered('edited', sub { $_[0][3] =~ s/"accept_all"/"reject_all"/ },
    qr/^\Q$dir\E\/edited\.log:4: edited record: seq 4 does not match its MAC$/m);
tampered('granted', sub { $_[0][0] =~ s/"analytics"\],"denied":\[/"analytics","marketing"],"denied":[/ },
    qr/granted\.log:1: edited record: seq 1 does not match its MAC$/m);
tampered('deleted', sub { splice @{$_[0]}, 4, 1 },
    qr/deleted\.log:5: deleted record: seq 5 is missing before this line$/m);
tampered('deleted-last-before-restart', sub { splice @{$_[0]}, 5, 2 },
    qr/:6: deleted records: seq 6 to 7 \(2 records\)/);
tampered('swapped', sub { @{$_[0]}[2, 3] = @{$_[0]}[3, 2] },
    qr/swapped\.log:3: reordered record: seq 4 comes before seq 3/);
tampered('inserted', sub { splice @{$_[0]}, 2, 0, $_[0][2] =~ s/"seq":3/"seq":30/r },
    qr/inserted\.log:3: inserted record/);
tampered('duplicated', sub { splice @{$_[0]}, 2, 0, $_[0][2] },
    qr/duplicated\.log:4: duplicated record: seq 3 already at .*:3$/m);
tampered('broken', sub { $_[0][5] = substr($_[0][5], 0, 40) },
    qr/broken\.log:6: broken JSON/);
tampered('mac-moved', sub { $_[0][1] =~ s/^\{(.*),("mac":"[0-9a-f]+")\}$/{$2,$1}/ },
    qr/mac-moved\.log:2: not an audit record/);

# Rotation by hand: the two halves verify in order, not reversed.
my @all = lines($log);
write_file("$dir/part1.log", join('', map { "$_\n" } @all[0 .. 3]));
write_file("$dir/part2.log", join('', map { "$_\n" } @all[4 .. 8]));
($rc, $out) = audit('verify', '--secret', $secret, "$dir/part1.log",
    "$dir/part2.log");
is($rc, 0, 'files in order verify') or diag($out);
($rc, $out) = audit('verify', '--secret', $secret, "$dir/part2.log",
    "$dir/part1.log");
is($rc, 1, 'files out of order fail');
like($out, qr/part1\.log:1: chain restarted/, 'files out of order: said');

# Usage errors exit 2.
($rc, $out) = audit('verify', $log);
is($rc, 2, 'verify without a key: usage');
($rc, $out) = audit('verify', '--key', "$dir/missing", $log);
is($rc, 2, 'verify with a missing key file');
like($out, qr/cannot open the key file/, 'missing key file: said');
($rc, $out) = audit('find', 'xyz', $log);
is($rc, 2, 'find with a bad id: usage');
($rc, $out) = audit('stats', '--by', 'week', $log);
is($rc, 2, 'stats --by week: usage');
($rc, $out) = audit('--help');
is($rc, 0, '--help');
like($out, qr/^NAME\n.*^SYNOPSIS\n.*^EXIT STATUS\n/ms, '--help is man-style');

ok(!-e '/dev/full.texts.jsonl', 'no texts file next to a device');

$t->stop;
$t->check_logs(allow => qr/full\.log|\/dev\/full/);

# Configuration errors
my $c = ConsentTest->new(name => 'audit_log_conf');
$c->key_file('consent.key');
$c->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/a.log;
    consent_audit_log %%DIR%%/b.log;
    server { listen 127.0.0.1:%%PORT%%; }
EOF
my ($status, $text) = $c->test_config;
isnt($status, 0, 'duplicate consent_audit_log refused');
like($text, qr/"consent_audit_log" directive is duplicate/, 'duplicate: said');

$c->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log syslog:facility=local0;
    server { listen 127.0.0.1:%%PORT%%; }
EOF
($status, $text) = $c->test_config;
isnt($status, 0, 'syslog without server refused');
like($text, qr/no syslog server specified/, 'syslog without server: said');

$c->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/a.log colour=red;
    server { listen 127.0.0.1:%%PORT%%; }
EOF
($status, $text) = $c->test_config;
isnt($status, 0, 'unknown consent_audit_log parameter refused');
like($text, qr/invalid parameter "colour=red": only texts=PATH or texts=off in .*nginx\.conf:\d+/,
    'unknown parameter: said, with file and line');

$c->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log off texts=off;
    server { listen 127.0.0.1:%%PORT%%; }
EOF
($status, $text) = $c->test_config;
isnt($status, 0, 'off with texts= refused');

done_testing;

#!/usr/bin/perl

# Keys, texts and retention in real nginx: the first consent_secret rotated
# as docs/audit.md says, then a consent_audit_key added, with reloads,
# restarts, a killed worker and USR1 in between: each new key continues the
# chain with a rotate record and verify passes with every key given.  The
# texts shown are kept once per hash next to the log (show-policy), per
# language.  export, report --html and purge on the real log; nginx
# continues a purged log, and a new key across a restart.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http read_file write_file wait_until);

my $t = ConsentTest->new(workers => 2);
my $old = $t->key_file('old.key');
my $new = $t->key_file('new.key');
my $audit_key = $t->key_file('audit.key');
my $dir = $t->dir;
my $log = "$dir/logs/consent.log";
my $tool = ConsentTest::tool('consent-audit');

sub config {
    my ($secrets, $extra) = @_;
    my $keys = join '', map { "    consent_secret $_;\n" } @$secrets;
    $t->write_config(<<"EOF");
$keys    consent_audit_log %%DIR%%/logs/consent.log;
$extra
    server {
        listen 127.0.0.1:%%PORT%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        consent_audit_log %%DIR%%/logs/builtin.log;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        consent_audit_log %%DIR%%/logs/other.log texts=%%DIR%%/shown.jsonl;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT3%%;
        consent_audit_log %%DIR%%/logs/none.log texts=off;
        location /_consent/ { consent_api; }
    }
EOF
}

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

sub field {
    my ($line, $name) = @_;
    my ($v) = $line =~ /"$name":"?([^",}]*)/;
    return $v;
}

# 1. Three decisions under the old secret.
config([$old], '');
$t->run;
is(decide(0, 'action=accept_all')->{status}, 303, 'decision') for 1 .. 3;
my @l = lines($log);
is(scalar @l, 3, 'three records');
my $old_id = field($l[0], 'key');
like($old_id, qr/^[0-9a-f]{8}$/, 'records name their key id');

# 2. The documented rotation: the new secret first, the old one kept; reload.
config([$new, $old], '');
$t->reload;
decide(0, 'action=reject_all');
decide(0, 'action=save&granted=analytics');
@l = lines($log);
is(scalar @l, 6, 'a rotate record and two decisions after the reload');
like($l[3], qr/^\{"ts":"[^"]+","seq":4,"node":"[^"]*","key":"[0-9a-f]{8}","type":"rotate","prev_key":"$old_id","prev":"[0-9a-f]{64}","mac":"[0-9a-f]{64}"\}$/,
    'rotate record: seq 4, names the old key id');
my $new_id = field($l[3], 'key');
isnt($new_id, $old_id, 'rotate record: signed with the new key');
is(field($l[3], 'prev'), field($l[2], 'mac'),
    'rotate record links the old chain');
is(field($l[4], 'prev'), field($l[3], 'mac'),
    'the next decision links the rotate record');
is(field($l[4], 'key'), $new_id, 'decisions after it: the new key');

# 3. Restart, a killed worker, USR1: no further rotate record.
$t->stop;
$t->run;
decide(0, 'action=withdraw');
my ($victim) = $t->worker_pids;
ok(kill('KILL', $victim), 'worker killed');
ok(wait_until(sub { !kill 0, $victim }, 5), 'killed worker gone');
ok(wait_until(sub { $t->worker_pids >= 2 }, 10), 'worker replaced');
decide(0, 'action=accept_all') for 1 .. 2;
rename $log, "$log.1" or die "rename: $!";
$t->signal('USR1');
ok(wait_until(sub { -e $log }, 10), 'USR1: log reopened');
decide(0, 'action=reject_all');
@l = (lines("$log.1"), lines($log));
is(scalar @l, 10, 'records across restart, kill and USR1');
is(scalar(grep { /"type":"rotate"/ } @l), 1, 'one rotate record only');

my ($rc, $out) = audit('verify', '--secret', $old, '--secret', $new,
    "$log.1", $log);
is($rc, 0, 'verify with both secrets passes') or diag($out);
like($out, qr/^consent-audit: OK: 10 records, seq 1 to 10, every MAC and link holds; last mac [0-9a-f]{64}\nconsent-audit: 1 key rotation, each linked by a rotate record/,
    'verify: the rotation reported');

($rc, $out) = audit('verify', '--secret', $new, "$log.1", $log);
is($rc, 1, 'verify with the new secret only fails');
like($out, qr/3 records are signed with key id $old_id, which no key given has/,
    'the missing key named by its id');

# 4. A consent_audit_key is added: another rotate record.
config([$new, $old], "    consent_audit_key %%DIR%%/audit.key;\n");
$t->reload;
decide(0, 'action=accept_all');
@l = lines($log);
like($l[-2], qr/"seq":11,.*"type":"rotate","prev_key":"$new_id"/,
    'consent_audit_key: rotate record from the secret\'s key');
($rc, $out) = audit('verify', '--secret', $old, '--secret', $new, '--key',
    $audit_key, "$log.1", $log);
is($rc, 0, 'verify with three keys passes') or diag($out);
like($out, qr/2 key rotations/, 'two rotations');

# A rotate record removed: caught.
my @cut = grep { !/"seq":4,/ } lines("$log.1");
write_file("$dir/cut.log", join("\n", @cut) . "\n");
($rc, $out) = audit('verify', '--secret', $old, '--secret', $new,
    "$dir/cut.log");
is($rc, 1, 'rotate record removed: fails');
like($out, qr/deleted record: seq 4 is missing/, 'rotate record removed: said');

# 5. Texts: one line per distinct set, per language; show-policy.
my @sets = lines("$log.texts.jsonl");
my %hashes = map { (/^\{"texts":"([0-9a-f]{64})"/)[0] => 1 } @sets;
is(scalar keys %hashes, 1, 'one text set for one policy and language');
my $hash = field($l[-1], 'texts');
ok($hashes{$hash}, 'the records name the set in the sidecar');
($rc, $out) = audit('show-policy', $hash, "$log.1");
is($rc, 0, 'show-policy finds the set from a rotated log\'s name');
like($out, qr/they match this hash/, 'show-policy: hash checked');
like($out, qr/^    title +Cookies$/m, 'show-policy: the banner title');
like($out, qr/Tracker A \(tracker-a\), category analytics, provider Tracker A Inc\./,
    'show-policy: the services listed');
($rc, $out) = audit('texts', '--policy',
    ConsentTest::repo() . '/tests/nginx/policies/test.json');
like($out, qr/^\{"texts":"$hash"/, 'texts --policy: the same hash');

decide(1, 'action=accept_all', 'Accept-Language' => 'de-DE,de;q=0.9');
decide(1, 'action=accept_all', 'Accept-Language' => 'fr');
decide(1, 'action=reject_all', 'Accept-Language' => 'de');
my @b = lines("$dir/logs/builtin.log");
is(field($b[0], 'lang'), 'de', 'lang recorded');
is(field($b[1], 'lang'), 'fr', 'another lang recorded');
is(field($b[0], 'texts'), field($b[2], 'texts'), 'same language, same hash');
isnt(field($b[0], 'texts'), field($b[1], 'texts'),
    'another language, another hash');
@sets = lines("$dir/logs/builtin.log.texts.jsonl");
is(scalar @sets, 2, 'each set written once');
($rc, $out) = audit('show-policy', substr(field($b[0], 'texts'), 0, 12),
    "$dir/logs/builtin.log");
like($out, qr/language de/, 'show-policy by prefix: the German texts');

decide(2, 'action=accept_all');
decide(3, 'action=accept_all');
is(scalar(lines("$dir/shown.jsonl")), 1, 'texts=PATH: the sets go there');
ok(!-e "$dir/logs/other.log.texts.jsonl", 'texts=PATH: not next to the log');
ok(!-e "$dir/logs/none.log.texts.jsonl", 'texts=off: no texts file');
like((lines("$dir/logs/none.log"))[0], qr/"texts":"[0-9a-f]{64}"/,
    'texts=off: the record still names the hash');

# 6. export, report and purge on the real log.
($rc, $out) = audit('export', '--format', 'csv', "$log.1", $log);
my @csv = split /\r\n/, $out;
is($csv[0], 'ts,seq,node,key,id,action,granted,denied,revision,texts,lang,region,mode,gpc,source,ip,ua,'
    . 'granted_services,decided',
    'export csv: stable columns');
is(scalar @csv, 11, 'export csv: every decision, no rotate record');
my $id = field($l[0], 'id');
($rc, $out) = audit('export', '--format', 'jsonl', '--id', $id, $log);
is($out, "$l[0]\n", 'export jsonl --id: the record as written');

($rc, $out) = audit('report', '--html', "$dir/report.html", '--secret', $old,
    '--secret', $new, '--key', $audit_key, "$log.1", $log);
is($rc, 0, 'report') or diag($out);
like($out, qr/^decisions    10$/m, 'report: text summary');
like($out, qr/^chain        consent-audit: OK: 12 records/m,
    'report: chain verified');
my $html = read_file("$dir/report.html") // '';
like($html, qr/Chain verified/, 'report: the page says the chain verified');
is(scalar(() = $html =~ /<svg /g), 4, 'report: four charts');
unlike($html, qr/<script|src=|href="http/, 'report: self-contained');

$t->stop;

my @d = gmtime(time + 86400);
my $tomorrow = sprintf('%04d-%02d-%02d', $d[5] + 1900, $d[4] + 1, $d[3]);
($rc, $out) = audit('purge', '--before', '2020-01-01', '--secret', $new,
    '--secret', $old, "$log.1");
like($out, qr/nothing purged/, 'purge: nothing before that date');
($rc, $out) = audit('purge', '--before', $tomorrow, '--secret', $new,
    "$log.1");
is($rc, 1, 'purge refuses a log it cannot verify');
($rc, $out) = audit('purge', '--before', $tomorrow, '--secret', $new,
    '--secret', $old, "$log.1");
is($rc, 0, 'purge') or diag($out);
like($out, qr/purged 9 records before \Q$tomorrow\E \(seq 1 to 9\)/,
    'purge: what was removed');
my @p = lines("$log.1");
is(scalar @p, 1, 'purge: a checkpoint alone remains');
like($p[0], qr/"seq":9,.*"type":"checkpoint","before":"\Q$tomorrow\E","removed":\{"records":9,"first_seq":1,"last_seq":9,/,
    'purge: the checkpoint record');
($rc, $out) = audit('verify', '--secret', $old, '--secret', $new, '--key',
    $audit_key, "$log.1", $log);
is($rc, 0, 'verify after purge passes') or diag($out);
like($out, qr/starts at a checkpoint: 9 records before \Q$tomorrow\E purged/,
    'verify: the checkpoint reported');
($rc, $out) = audit('stats', "$log.1", $log);
like($out, qr/^chain        2 key rotations, 9 records purged$/m,
    'stats: rotations and purged records');

# The live log purged while nginx is down: nginx continues it.
($rc, $out) = audit('purge', '--before', $tomorrow, '--key', $audit_key,
    '--secret', $new, '--secret', $old, $log);
is($rc, 0, 'purge of the whole log') or diag($out);
$t->run;
decide(0, 'action=accept_all');
@l = lines($log);
is(scalar @l, 2, 'checkpoint and a new record');
like($l[1], qr/"seq":13,/, 'the chain continues after the checkpoint');
($rc, $out) = audit('verify', '--key', $audit_key, $log);
is($rc, 0, 'a log that starts at a checkpoint verifies') or diag($out);

# A new key across a restart: the rotate record comes from the file's tail.
$t->stop;
my $audit_key2 = $t->key_file('audit2.key');
config([$new, $old], "    consent_audit_key %%DIR%%/audit2.key;\n");
$t->run;
decide(0, 'action=reject_all');
@l = lines($log);
like($l[2], qr/"seq":14,.*"type":"rotate","prev_key":"\Q@{[ field($l[1], 'key') ]}\E"/,
    'restart with a new key: rotate record');
($rc, $out) = audit('verify', '--key', $audit_key, '--key', $audit_key2, $log);
is($rc, 0, 'restart with a new key: verifies with both') or diag($out);

$t->stop;
$t->check_logs(allow => qr/exited on signal 9/);

done_testing;

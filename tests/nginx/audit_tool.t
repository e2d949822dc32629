#!/usr/bin/perl

# consent-audit on generated logs (build/tests/audit-gen), no nginx: every
# command on whole, corrupted, truncated, rotated, multi-key and purged
# logs.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use File::Path qw(make_path remove_tree);
use ConsentTest qw(read_file write_file);

my $repo = ConsentTest::repo();
my $build = $ENV{BUILD} || 'build';
my $tool = "$repo/$build/consent-audit";
my $gen = "$repo/$build/tests/audit-gen";
plan skip_all => "$gen is not built (make $build/tests/audit-gen)"
    unless -x $gen && -x $tool;

my $dir = "$repo/$build/tests/nginx/audit_tool-$$";
make_path($dir);
my $policy = "$repo/ngx_consent_module/assets/policy.json";
my @keys = map {
    my $f = "$dir/k$_.key";
    write_file($f, ConsentTest::random_key(48) . "\n");
    $f;
} 1 .. 3;

sub run {
    my $out = `@_ 2>&1`;
    return ($? >> 8, $out);
}

sub audit { return run($tool, @_) }

sub gen {
    my ($out, @args) = @_;
    my ($rc, $err) = run("$gen --policy $policy @args > $out");
    die "audit-gen: $err" if $rc;
}

sub lines { return split /\n/, read_file($_[0]) // '' }

sub put { write_file($_[0], join('', map { "$_\n" } @_[1 .. $#_])) }

sub field {
    my ($line, $name) = @_;
    my ($v) = $line =~ /"$name":"?([^",}]*)/;
    return $v;
}

# One key, 300 records over 10 days.
my $log = "$dir/one.log";
gen($log, "--key $keys[0] --records 300 --days 10 --seed 1",
    "--texts $log.texts.jsonl");
my @l = lines($log);
is(scalar @l, 300, 'generated log');

my ($rc, $out) = audit('verify', '--key', $keys[0], $log);
is($rc, 0, 'verify: whole log') or diag($out);
like($out, qr/^consent-audit: OK: 300 records, seq 1 to 300,/, 'verify: summary');
($rc, $out) = audit('verify', '--key', $keys[1], $log);
is($rc, 1, 'verify: another key fails');
like($out, qr/no record verifies with this key/, 'verify: wrong key said');
($rc, $out) = audit('verify', $log);
is($rc, 2, 'verify without a key: usage');

# Corrupted and truncated.
my @bad = @l;
$bad[49] =~ s/"revision":(\d+)/'"revision":' . ($1 + 1)/e;
put("$dir/edited.log", @bad);
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/edited.log");
like($out, qr/edited\.log:50: edited record: seq 50/, 'edited record found');

put("$dir/torn.log", @l[0 .. 298], substr($l[299], 0, 100));
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/torn.log");
like($out, qr/torn\.log:300: broken JSON/, 'truncated last line found');
is($rc, 1, 'truncated: fails');

put("$dir/deleted.log", @l[0 .. 98], @l[101 .. 299]);
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/deleted.log");
like($out, qr/deleted records: seq 100 to 101 \(2 records\)/,
    'deleted records found');

# Rotated files: in order they verify as one chain, out of order they fail.
put("$dir/one.log.2", @l[0 .. 99]);
put("$dir/one.log.1", @l[100 .. 199]);
put("$dir/one.log.0", @l[200 .. 299]);
($rc, $out) = audit('verify', '--key', $keys[0], map { "$dir/one.log.$_" } 2, 1, 0);
is($rc, 0, 'rotated files in order verify') or diag($out);
($rc, $out) = audit('verify', '--key', $keys[0], map { "$dir/one.log.$_" } 1, 2, 0);
is($rc, 1, 'rotated files out of order fail');
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/one.log.1", "$dir/one.log.0");
like($out, qr/the chain starts before the first file given/,
    'a later part alone verifies and says where it starts');

# Three keys, a rotation every 100 decisions.
my $multi = "$dir/multi.log";
gen($multi, "--key $keys[0] --key $keys[1] --key $keys[2] --records 300",
    "--rotate-every 100 --seed 2");
my @m = lines($multi);
is(scalar(grep { /"type":"rotate"/ } @m), 2, 'two rotate records');
($rc, $out) = audit('verify', map({ ('--key', $_) } @keys), $multi);
is($rc, 0, 'multi-key: verifies with every key') or diag($out);
like($out, qr/^consent-audit: 2 key rotations/m, 'multi-key: rotations said');
($rc, $out) = audit('verify', '--key', $keys[0], '--key', $keys[1], $multi);
is($rc, 1, 'multi-key: a missing key fails');
like($out, qr/101 records are signed with key id [0-9a-f]{8}, which no key given has/,
    'multi-key: the missing key id named (its rotate record and 100 decisions)');
my $rot = (grep { $m[$_] =~ /"type":"rotate"/ } 0 .. $#m)[0];
put("$dir/norotate.log", @m[0 .. $rot - 1], @m[$rot + 1 .. $#m]);
($rc, $out) = audit('verify', map({ ('--key', $_) } @keys), "$dir/norotate.log");
like($out, qr/key changed from [0-9a-f]{8} to [0-9a-f]{8} without a rotate record/,
    'multi-key: a removed rotate record is caught');
my @swap = @m;
$swap[$rot] =~ s/"prev_key":"([0-9a-f]{8})"/'"prev_key":"' . ($1 eq '00000000' ? '11111111' : '00000000') . '"'/e;
put("$dir/prevkey.log", @swap);
($rc, $out) = audit('verify', map({ ('--key', $_) } @keys), "$dir/prevkey.log");
like($out, qr/edited record: seq 101/, 'multi-key: an edited rotate record is caught');

# export
($rc, $out) = audit('export', '--format', 'csv', $multi);
my @csv = split /\r\n/, $out;
is(scalar @csv, 301, 'export csv: a row per decision, rotate records left out');
like($csv[1], qr/^\d{4}-\d\d-\d\dT[\d:.]+Z,1,gen-1,[0-9a-f]{8},[0-9a-f]{32},\w+,"[a-z ]*","[a-z ]*",\d+,[0-9a-f]{64},\w+,[\w-]+,[\w-]+,(true|false),\w+,203\.0\.113\.0,"?Mozilla\/[^\r\n]*,"",true$/,
    'export csv: the columns of a record');
my $mid = substr(field($l[150], 'ts'), 0, 10);
my ($rc1, $since) = audit('export', '--format', 'jsonl', '--since', $mid, $log);
my ($rc2, $until) = audit('export', '--format', 'jsonl', '--until', $mid, $log);
is(($since =~ tr/\n//) + ($until =~ tr/\n//), 300,
    'export: --since and --until split the log without loss or overlap');
is($until . $since, join('', map { "$_\n" } @l),
    'export jsonl: the records as written');
my $id = field($l[7], 'id');
($rc, $out) = audit('export', '--format', 'jsonl', '--id', $id, $log);
is($out, join('', map { "$_\n" } grep { /"id":"$id"/ } @l), 'export --id');
($rc, $out) = audit('export', '--format', 'xml', $log);
is($rc, 2, 'export: unknown format is a usage error');
($rc, $out) = audit('export', '--format', 'csv', '--since', '2026-13', $log);
is($rc, 2, 'export: a bad date is a usage error');

# find, show-policy, texts
($rc, $out) = audit('find', $id, $log);
is($rc, 0, 'find');
my $n = () = $out =~ /^\d{4}-.* seq \d+ on gen-1: /mg;
is($n, scalar(grep { /"id":"$id"/ } @l), 'find: every decision of the id');
my ($hash) = $out =~ /texts ([0-9a-f]{64})/;
($rc, $out) = audit('show-policy', $hash, $log);
is($rc, 0, 'show-policy: the texts of a record') or diag($out);
like($out, qr/^categories\n    necessary \(always on\): /m, 'show-policy: categories');
($rc, $out) = audit('texts', '--policy', $policy);
my %sidecar = map { $_ => 1 } lines("$log.texts.jsonl");
# the sidecar holds each generated language under two revisions
is(scalar(grep { $sidecar{$_} } split /\n/, $out), keys(%sidecar) / 2,
    'texts --policy: the sidecar lines of each language');
($rc, $out) = audit('texts', '--policy', $policy, '--lang', 'xx');
is($rc, 1, 'texts: an unknown language');
my $side = read_file("$log.texts.jsonl");
$side =~ s/("texts":"$hash".*?"title":")/$1X/;
write_file("$dir/edited.texts.jsonl", $side);
($rc, $out) = audit('show-policy', $hash, "$dir/edited.texts.jsonl");
is($rc, 1, 'show-policy: edited texts fail');
like($out, qr/do not match their hash/, 'show-policy: edited texts said');

# stats and report
($rc, $out) = audit('stats', '--by', 'revision', $multi);
like($out, qr/^1 +150 /m, 'stats --by revision: first half');
like($out, qr/^2 +150 /m, 'stats --by revision: second half');
($rc, $out) = audit('stats', '--since', $mid, $log);
like($out, qr/^decisions    @{[ $since =~ tr!\n!! ]}\n/, 'stats --since: the decisions of the period');
($rc, $out) = audit('stats', '--by', 'lang', $multi);
like($out, qr/^en +\d+ /m, 'stats --by lang');
($rc, $out) = audit('report', '--html', "$dir/r.html", map({ ('--key', $_) } @keys), $multi);
is($rc, 0, 'report') or diag($out);
like(read_file("$dir/r.html"), qr/Chain verified/, 'report: chain verified');
($rc, $out) = audit('report', '--html', "$dir/bad.html", '--key', $keys[0], "$dir/edited.log");
is($rc, 1, 'report: a broken chain exits 1');
like(read_file("$dir/bad.html"), qr/Chain verification FAILED.*edited record/s,
    'report: the findings on the page');

# purge
my $cut = substr(field($l[120], 'ts'), 0, 19);
my $removed = grep { field($_, 'ts') lt $cut } @l;
put("$dir/p.log", @l);
($rc, $out) = audit('purge', '--before', $cut, '--key', $keys[1], "$dir/p.log");
is($rc, 1, 'purge: refused with a key that does not verify');
is(read_file("$dir/p.log"), read_file($log), 'purge: refused, file unchanged');
($rc, $out) = audit('purge', '--before', $cut, '--key', $keys[0], "$dir/p.log");
is($rc, 0, 'purge') or diag($out);
my @p = lines("$dir/p.log");
is(scalar @p, 300 - $removed + 1, 'purge: the records before the date, and a checkpoint');
like($p[0], qr/"seq":$removed,.*"type":"checkpoint","before":"\Q$cut\E","removed":\{"records":$removed,"first_seq":1,"last_seq":$removed,/,
    'purge: the checkpoint');
is($p[1], $l[$removed], 'purge: the rest as it was');
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/p.log");
is($rc, 0, 'purge: the rest verifies') or diag($out);
($rc, $out) = audit('find', field($l[0], 'id'), "$dir/p.log");
ok($rc == 1 || $out !~ /seq 1 on/, 'purge: the purged record is gone');

my $cut2 = substr(field($l[200], 'ts'), 0, 19);
my $removed2 = grep { field($_, 'ts') lt $cut2 } @l;
($rc, $out) = audit('purge', '--before', $cut2, '--key', $keys[0], "$dir/p.log");
@p = lines("$dir/p.log");
like($p[0], qr/"removed":\{"records":$removed2,"first_seq":1,"last_seq":$removed2,/,
    'purge again: one checkpoint with the counts of both');
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/p.log");
is($rc, 0, 'purge again: verifies') or diag($out);

my @e = @p;
$e[0] =~ s/"records":(\d+)/'"records":' . ($1 - 1)/e;
put("$dir/pe.log", @e);
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/pe.log");
like($out, qr/edited record/, 'an edited checkpoint is caught');
put("$dir/pd.log", $p[0], @p[2 .. $#p]);
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/pd.log");
like($out, qr/deleted record: seq \d+ is missing/,
    'a record deleted after the checkpoint is caught');

# Rotated files purged whole: their checkpoints chain.
put("$dir/r.2", @l[0 .. 99]);
put("$dir/r.1", @l[100 .. 199]);
put("$dir/r.0", @l[200 .. 299]);
for my $f ("$dir/r.2", "$dir/r.1") {
    ($rc, $out) = audit('purge', '--before', '2030-01-01', '--key', $keys[0], $f);
    is($rc, 0, "purge whole file") or diag($out);
}
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/r.2", "$dir/r.1", "$dir/r.0");
is($rc, 0, 'files purged whole, then the rest: verify') or diag($out);
like($out, qr/starts at a checkpoint: 200 records before 2030-01-01 purged, seq 1 to 200/,
    'the checkpoints together');
($rc, $out) = audit('verify', '--key', $keys[0], "$dir/r.2", "$dir/r.0");
is($rc, 1, 'a purged file left out: fails');

remove_tree($dir);

done_testing;

#!/usr/bin/perl

# One chain across 4 workers under concurrent decisions: exactly one record
# per answered decision, in one verifiable chain; and no record lost when,
# during a load of decisions, a worker is killed with SIGKILL, nginx is
# reloaded, and the log is moved away and reopened with USR1: the chain
# verifies across the two files.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX qw(WNOHANG);
use ConsentTest qw(http read_file wait_until);

my $t = ConsentTest->new(workers => 4);
my $secret = $t->key_file('consent.key');
my $dir = $t->dir;
my $log = "$dir/logs/consent.log";
my $tool = ConsentTest::tool('consent-audit');

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
my $port = $t->port;

# A client process: up to $max JSON decisions, or until $stop exists; one
# line "status id" per request in $out (id empty when none came back).
sub client {
    my ($n, $max, $stop) = @_;
    my $pid = fork() // die "fork: $!";
    return $pid if $pid;

    open my $fh, '>', "$dir/client.$n" or die "client.$n: $!";
    my @actions = qw(accept_all reject_all save withdraw);
    for my $i (1 .. $max) {
        last if $stop && -e $stop;
        my $body = sprintf('{"action":"%s","granted":["analytics"]}',
            $actions[$i % 4]);
        my $r = eval {
            http($port, "POST /_consent/ HTTP/1.1\r\n"
                . "Host: 127.0.0.1:$port\r\nConnection: close\r\n"
                . "Content-Type: application/json\r\n"
                . "Content-Length: " . length($body) . "\r\n\r\n$body",
                timeout => 10);
        };
        my $status = $r && $r->{status} ? $r->{status} : 0;
        my ($id) = $r && $r->{body} ? $r->{body} =~ /"id":"([0-9a-f]{32})"/
                                    : ();
        print $fh "$status ", ($status == 200 ? $id // '' : ''), "\n";
    }
    close $fh;
    POSIX::_exit(0);
}

sub results {
    my ($clients) = @_;
    my (%ok, $failed);
    for my $n (1 .. $clients) {
        for my $line (split /\n/, read_file("$dir/client.$n") // '') {
            my ($status, $id) = split / /, $line;
            if ($status == 200 && $id) {
                $ok{$id}++;
            } else {
                $failed++;
            }
        }
        unlink "$dir/client.$n";
    }
    return (\%ok, $failed // 0);
}

sub record_ids {
    my (@files) = @_;
    my %ids;
    for my $f (@files) {
        for my $line (split /\n/, read_file($f) // '') {
            my ($id) = $line =~ /"id":"([0-9a-f]{32})"/;
            $ids{$id // 'none'}++;
        }
    }
    return \%ids;
}

sub verify {
    my (@files) = @_;
    my $out = `$tool verify --secret $secret @files 2>&1`;
    return ($? >> 8, $out);
}

# 1. 400 decisions from 8 clients at once over 4 workers.
my @pids = map { client($_, 50) } 1 .. 8;
waitpid($_, 0) for @pids;

my ($ok, $failed) = results(8);
is($failed, 0, 'every decision answered');
is(scalar(keys %$ok), 400, '400 distinct consent ids answered');

my $ids = record_ids($log);
my @lines = split /\n/, read_file($log);
is(scalar @lines, 400, 'exactly 400 records');
is(scalar(grep { $ids->{$_} != 1 } keys %$ids), 0, 'one record per id');
is(scalar(grep { !$ids->{$_} } keys %$ok), 0,
    'every answered id is in the log');

my ($rc, $out) = verify($log);
is($rc, 0, 'the chain of 400 concurrent records verifies') or diag($out);
like($out, qr/OK: 400 records, seq 1 to 400/, 'seq 1 to 400');

# 2. SIGKILL of a worker, reload, and mv + USR1, each while decisions keep
# coming (each step waits for 100 more records, however slow the build).
my $stop = "$dir/stop";
@pids = map { client($_, 2000, $stop) } 1 .. 6;

sub count_lines {
    my ($file) = @_;
    return scalar(() = (read_file($file) // '') =~ /\n/g);
}

sub grows {
    my ($file, $by) = @_;
    my $from = count_lines($file);
    return wait_until(sub { count_lines($file) >= $from + $by }, 60);
}

ok(grows($log, 100), 'load running');
my ($victim) = $t->worker_pids;
ok(kill('KILL', $victim), "worker $victim killed with SIGKILL");
ok(wait_until(sub { !kill 0, $victim }, 5), 'killed worker gone');

ok(grows($log, 100), 'load goes on after the kill');
$t->reload;
pass('reloaded under load');

ok(grows($log, 100), 'load goes on after the reload');
ok(rename($log, "$log.1"), 'log moved away');
ok(grows("$log.1", 20), 'records go on into the moved file until USR1');
$t->signal('USR1');
ok(wait_until(sub { count_lines($log) >= 100 }, 60),
    'USR1: the new log fills');

open my $fh, '>', $stop or die "stop: $!";
close $fh;
waitpid($_, 0) for @pids;

($ok, $failed) = results(6);
my $answered = keys %$ok;
cmp_ok($answered, '>', 400, "load went on: $answered decisions answered, "
    . "$failed failed (connections of the killed worker)");

$t->stop;

$ids = record_ids("$log.1", $log);
is(scalar(grep { !$ids->{$_} } keys %$ok), 0,
    'no answered decision is missing from the logs');
is(scalar(grep { $ids->{$_} > 1 } keys %$ids), 0,
    'no decision recorded twice');
my $records = 0;
$records += $_ for values %$ids;
cmp_ok($records, '>=', 400 + $answered,
    "$records records for " . (400 + $answered) . ' answered decisions');

my @old = split /\n/, read_file("$log.1");
my @new = split /\n/, read_file($log);
ok(@old > 800 && @new >= 100, scalar(@old) . ' records in the moved file, '
    . scalar(@new) . ' in the new one: the load spanned the rotation');
my ($last_mac) = $old[-1] =~ /"mac":"([0-9a-f]{64})"/;
like($new[0], qr/"prev":"$last_mac"/,
    "the new file's first record links to the old file's last");

($rc, $out) = verify("$log.1", $log);
is($rc, 0, 'the chain verifies across both files') or diag($out);
like($out, qr/OK: $records records, seq 1 to $records,/,
    'no gap in the sequence');

$t->check_logs(allow => qr/exited on signal 9|zone "consent_audit:[^"]*" was locked by/);

done_testing;

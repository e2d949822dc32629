#!/usr/bin/perl

# consent_audit_log syslog:...: a real rsyslogd (Debian's) listens on a
# loopback UDP port, parses the RFC 5424 messages nginx sends and writes
# the records to a file, which consent-audit then verifies.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use IO::Socket::INET;
use POSIX qw(WNOHANG);
use Sys::Hostname;
use ConsentTest qw(http read_file write_file wait_until free_port);

my $rsyslogd = '/usr/sbin/rsyslogd';
plan skip_all => "$rsyslogd is not installed (apt-get install rsyslog)"
    unless -x $rsyslogd;

my $t = ConsentTest->new(workers => 2);
my $secret = $t->key_file('consent.key');
my $dir = $t->dir;
my $udp = free_port();
my $tool = ConsentTest::tool('consent-audit');

# rsyslogd: records (MSGID "consent") to one file as they are, their
# RFC 5424 header fields to another, everything else to a third.
mkdir "$dir/rsyslog";
write_file("$dir/rsyslog.conf", <<"EOF");
global(workDirectory="$dir/rsyslog")
module(load="imudp")
input(type="imudp" address="127.0.0.1" port="$udp")
template(name="record" type="string" string="%msg%\\n")
template(name="fields" type="string"
         string="%pri% %hostname% %app-name% %procid% %msgid% %structured-data% %timereported:::date-rfc3339%\\n")
if \$msgid == "consent" then {
    action(type="omfile" file="$dir/logs/records.log" template="record")
    action(type="omfile" file="$dir/logs/fields.log" template="fields")
    stop
}
*.* action(type="omfile" file="$dir/logs/other.log")
EOF

my $rpid = fork() // die "fork: $!";
if ($rpid == 0) {
    open STDOUT, '>>', "$dir/logs/rsyslogd.out";
    open STDERR, '>>', "$dir/logs/rsyslogd.out";
    exec $rsyslogd, '-n', '-f', "$dir/rsyslog.conf", '-i',
        "$dir/rsyslog/rsyslogd.pid" or die "exec: $!";
}

END {
    if ($rpid) {
        kill 'TERM', $rpid;
        waitpid($rpid, 0);
    }
}

# Ready when a probe datagram comes out in the other file.
my $probe = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$udp",
    Proto => 'udp') or die "udp: $!";
my $ready = wait_until(sub {
    die "rsyslogd exited:\n" . (read_file("$dir/logs/rsyslogd.out") // '')
        if waitpid($rpid, WNOHANG) == $rpid;
    $probe->send("<14>1 - - probe - - - ready\n");
    return (read_file("$dir/logs/other.log") // '') =~ /ready/;
}, 15);
ok($ready, 'rsyslogd receives on loopback') or BAIL_OUT('no rsyslogd');

$t->write_config(<<"EOF");
    consent_secret %%DIR%%/consent.key;
    consent_audit_log syslog:server=127.0.0.1:$udp,facility=local3,tag=consent_test;

    server {
        listen 127.0.0.1:%%PORT%%;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        location /_consent/ { consent_api; }
    }
EOF

$t->run;
my $port = $t->port;

my @actions = qw(accept_all reject_all save withdraw);
my $n = 40;
my %ids;

for my $i (1 .. $n) {
    my $body = sprintf('{"action":"%s","granted":["marketing"]}',
        $actions[$i % 4]);
    my $r = http($port, "POST /_consent/ HTTP/1.1\r\n"
        . "Host: 127.0.0.1:$port\r\nConnection: close\r\n"
        . "Content-Type: application/json\r\nUser-Agent: syslog test\r\n"
        . "Content-Length: " . length($body) . "\r\n\r\n$body");
    my ($id) = ($r->{body} // '') =~ /"id":"([0-9a-f]{32})"/;
    $ids{$id}++ if $r->{status} == 200 && $id;
}

is(scalar keys %ids, $n, "$n decisions answered");

my $records = "$dir/logs/records.log";
ok(wait_until(sub {
    my $c = () = (read_file($records) // '') =~ /\n/g;
    return $c >= $n;
}, 10), "rsyslogd wrote $n records");

my @lines = split /\n/, read_file($records) // '';
is(scalar @lines, $n, 'one message per decision');
like($lines[0], qr/^\{"ts":"[^"]+","seq":1,.*"ua":"syslog test","prev":"0{64}","mac":"[0-9a-f]{64}"\}$/,
    'the message is the record, whole');
is(scalar(grep { my ($id) = /"id":"([0-9a-f]{32})"/; !$ids{$id} } @lines),
    0, 'every record is of an answered decision');

my $out = `$tool verify --secret $secret $records 2>&1`;
is($? >> 8, 0, 'the records received by rsyslog verify') or diag($out);
like($out, qr/OK: $n records, seq 1 to $n,/, 'verify summary');

# rsyslog parsed the RFC 5424 header nginx sent.
my $node = lc hostname();
my @fields = split / /, (split /\n/, read_file("$dir/logs/fields.log"))[0];
is($fields[0], 19 * 8 + 6, 'PRI: facility local3, severity info');
is($fields[1], $node, 'HOSTNAME: the node');
is($fields[2], 'consent_test', 'APP-NAME: the tag');
like($fields[3], qr/^\d+$/, 'PROCID: the worker pid');
is($fields[4], 'consent', 'MSGID: consent');
is($fields[5], '-', 'STRUCTURED-DATA: none');
my ($ts) = $lines[0] =~ /"ts":"([^"]+)"/;
my ($date) = $ts =~ /^(.{19})/;
like($fields[6], qr/^\Q$date\E\.\d+(Z|[+-]00:00)$/,
    'TIMESTAMP: the record\'s time, RFC 3339');

$t->stop;
$t->check_logs;

done_testing;

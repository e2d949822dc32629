#!/usr/bin/perl

# A 50 MB HTML page streams through the filter with the worker's memory
# bounded: the rewriter holds no text, only an unfinished tag.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use IO::Socket::INET;
use ConsentTest;

my $t = ConsentTest->new;
$t->key_file('consent.key');

my $chunk = <<'EOF';
<article><h3>Product</h3><p>Some text about the product, long enough to
look like a real listing &amp; its details.</p>
<img src="https://ads-b.example/pixel.gif?n=1" alt="">
<script src="https://tracker-a.example/t.js"></script>
<img src="/local.png" alt="local"></article>
EOF
my $n = int(50 * 1024 * 1024 / length $chunk) + 1;

open my $fh, '>', $t->dir . '/html/big.html' or die;
print $fh "<!DOCTYPE html><html><head><title>big</title></head><body>\n";
print $fh $chunk for 1 .. $n;
print $fh "</body></html>\n";
close $fh;
my $size = -s $t->dir . '/html/big.html';

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        location /_consent/ { consent_api; }
    }
EOF
$t->run;

my ($worker) = $t->worker_pids;
sub hwm_kb {
    my $s = ConsentTest::read_file("/proc/$worker/status") // '';
    return ($s =~ /VmHWM:\s+(\d+)/)[0] // 0;
}

# warm the worker up with a small page so the baseline includes its pools
ConsentTest::http_get($t->port, '/_consent/state');
my $before = hwm_kb();

# stream the response and count, without keeping it
my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1:' . $t->port) or die;
print $s "GET /big.html HTTP/1.0\r\nHost: localhost\r\n\r\n";
my ($total, $inert, $tail) = (0, 0, '');
my $deadline = time + 120;
while (time < $deadline) {
    my $r = sysread($s, my $buf, 262144);
    last unless $r;
    $total += $r;
    my $text = $tail . $buf;
    $inert += () = $text =~ /data-src="https:\/\/tracker-a\.example\/t\.js"/g;
    # keep a tail so that a match across reads is counted once
    my $cut = rindex($text, '<');
    $tail = $cut >= 0 ? substr($text, $cut) : '';
    $inert -= () = $tail =~ /data-src="https:\/\/tracker-a\.example\/t\.js"/g;
}
close $s;

my $after = hwm_kb();
diag(sprintf "page %d bytes, received %d bytes; worker peak RSS %d kB "
    . "before, %d kB after", $size, $total, $before, $after);

ok($total > $size, 'the whole page arrived (with the banner)');
is($inert, $n, 'every tracker script in the page is inert');
cmp_ok($after - $before, '<', 16 * 1024,
    'worker memory grew by less than 16 MB for a 50 MB page');

$t->stop;
$t->check_logs;
unlink $t->dir . '/html/big.html';

done_testing;

#!/usr/bin/perl

# The filter's output buffers: rewritten pieces of a response share blocks
# that are reused once sent.  A page with thousands of rewrites read by a
# slow client through small output buffers (pieces still in flight while
# new ones are written) must arrive byte for byte as it does at full speed,
# every rewritten tracker in order.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest;

my $t = ConsentTest->new;
$t->key_file('consent.key');

my $n = 3000;
my $page = "<!DOCTYPE html><html><head><title>many</title></head><body>\n";
for my $i (1 .. $n) {
    $page .= "<p>item $i</p><script src=\"https://tracker-a.example/t$i.js\">"
        . "</script><img src=\"https://ads-b.example/p$i.gif\" alt=\"\">\n";
}
$page .= "</body></html>\n";
$t->write_html('many.html', $page);

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%% sndbuf=4k;
        root %%DIR%%/html;
        consent on;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;
        location /_consent/ { consent_api; }
        location /slow/ {
            alias %%DIR%%/html/;
            output_buffers 2 1k;
            postpone_output 0;
            limit_rate 400k;
        }
    }
EOF
$t->run;

my $fast = ConsentTest::http_get($t->port, '/many.html');
my $slow = ConsentTest::http_get($t->port, '/slow/many.html',
                                 timeout => 60);

is($fast->{status}, 200, 'full speed: 200');
is($slow->{status}, 200, 'slow client, small buffers: 200');

my @fast = $fast->{body} =~ /data-src="https:\/\/tracker-a\.example\/t(\d+)\.js"/g;
my @pixels = $fast->{body} =~ /data-src="https:\/\/ads-b\.example\/p(\d+)\.gif"/g;
is_deeply(\@fast, [1 .. $n], 'every tracker script rewritten, in order');
is_deeply(\@pixels, [1 .. $n], 'every pixel rewritten, in order');
# the banner's return_to names the request's path; the marker is per response
(my $slow_body = $slow->{body}) =~ s{/slow/many\.html}{/many.html}g;
(my $fast_body = $fast->{body}) =~ s{(data-consent(?:-marker)?)="[0-9a-f]{32}"}{$1="M"}g;
$slow_body =~ s{(data-consent(?:-marker)?)="[0-9a-f]{32}"}{$1="M"}g;
ok($slow_body eq $fast_body,
   'the slow response is byte for byte the full-speed one');

$t->stop;
$t->check_logs;

done_testing;

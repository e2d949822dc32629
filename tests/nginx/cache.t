#!/usr/bin/perl

# consent_cache: a hit sends the miss's output with a fresh marker and this
# response's fragments; entries are never shared between consent states,
# hosts, URIs or locations; only strong-ETag responses are kept; a body
# whose length differs from the stored one never gets the stored page; an
# entry evicted while a slow client still receives it stays whole;
# discovery counts and warnings are the same with and without the cache.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use JSON::PP;
use IO::Socket::INET;
use ConsentTest qw(http http_get http_post write_file);

my $t = ConsentTest->new;
my $key = $t->key_file('consent.key');
my $mint = ConsentTest::build() . '/tests/mint-cookie';

my $page = <<'EOF';
<!DOCTYPE html>
<html lang="en"><head><title>Cached</title>
<script src="https://tracker-a.example/t.js"></script>
<script>trackerA('init', 1);</script>
<script src="https://cdn.shop.example/app.js"></script>
</head><body><p>Story</p>
<img src="https://ads-b.example/p.gif" alt="">
<noscript><img src="https://ads-b.example/ns.gif" alt=""></noscript>
<img src="https://pixels.unknown-beacon.example/p.gif" alt="">
<script src="/local.js"></script>
</body></html>
EOF
$t->write_html('page.html', $page);
$t->write_html('embed.html', '<!DOCTYPE html><html><head></head><body>'
    . '<iframe src="https://www.youtube.com/embed/x1" width="560" '
    . 'height="315"></iframe></body></html>');
$t->write_html('states.html', $page);

# a page with a long inline script: the rewriter warns
$t->write_html('long.html', "<html><head></head><body><script>"
    . ('x' x 300) . "</script></body></html>\n");

# a large page for the slow client, and small ones to evict it
my $big = "<!DOCTYPE html><html><head><title>big</title></head><body>\n";
for my $i (1 .. 2000) {
    $big .= "<p>item $i</p><script src=\"https://tracker-a.example/t$i.js\">"
        . "</script><img src=\"https://ads-b.example/p$i.gif\" alt=\"\">\n";
}
$big .= "</body></html>\n";
$t->write_html('big.html', $big);
$t->write_html("small$_.html", $page . "<!-- $_ " . ('.' x 20000) . " -->\n")
    for 1 .. 4;

my $upstream_port = $t->port(3);

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_policy %%REPO%%/tests/nginx/policies/test.json;
    log_format cache '$request_uri $consent_cache';
    access_log %%DIR%%/logs/cache.log cache;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;
        consent_cache max=100 size=2m entry=512k;
        add_header X-Cache $consent_cache always;

        location /_consent/ { consent_api; }
        location = /report { consent_report; }

        location /nocache/ {
            alias %%DIR%%/html/;
            consent_cache off;
        }

        location /strict/ {
            alias %%DIR%%/html/;
            consent_unknown block analytics;
        }

        location /short/ {
            alias %%DIR%%/html/;
            consent_inline_max 100;
        }

        location /proxied/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
        }

        location /weak/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/weak/;
        }

        location /sendfile/ {
            alias %%DIR%%/html/;
            sendfile on;
        }

        location /noetag/ {
            alias %%DIR%%/html/;
            etag off;
        }

        location /broken/ {
            proxy_pass http://127.0.0.1:%%PORT3%%/;
        }
    }

    server {
        listen 127.0.0.1:%%PORT2%% sndbuf=4k;
        root %%DIR%%/html;
        consent on;
        consent_cache max=2 size=4m entry=2m;
        add_header X-Cache $consent_cache always;

        location /_consent/ { consent_api; }

        location /slow/ {
            alias %%DIR%%/html/;
            limit_rate 100k;
        }
    }

    server {
        listen 127.0.0.1:%%PORT4%%;
        root %%DIR%%/html;
        consent on;
        consent_policy %%REPO%%/ngx_consent_module/assets/policy.json;
        consent_cache max=10;
        add_header X-Cache $consent_cache always;

        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        root %%DIR%%/html;

        location /weak/ {
            alias %%DIR%%/html/;
            etag off;
            add_header ETag 'W/"weak-1"';
        }
    }
EOF

# An upstream with a strong ETag: the whole page, then the same header with
# a short body (a broken upstream reusing the validator).
my $upstream = fork() // die;
if ($upstream == 0) {
    $SIG{PIPE} = 'IGNORE';
    my $srv = IO::Socket::INET->new(LocalAddr => "127.0.0.1:$upstream_port",
        Listen => 16, ReuseAddr => 1) or die "listen: $!";
    my $deadline = time + 120;
    my $n = 0;
    while (time < $deadline) {
        my $c = $srv->accept or next;
        my $req = '';
        while ($req !~ /\r\n\r\n/) {
            my $got = sysread($c, my $buf, 4096) or last;
            $req .= $buf;
        }
        my $head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            . "ETag: \"v1\"\r\nContent-Length: " . length($page)
            . "\r\nConnection: close\r\n";
        my $short = substr($page, 0, 200);
        if ($n == 0) {
            syswrite($c, "$head\r\n$page");
        } elsif ($n == 1) {
            syswrite($c, "$head\r\n$short");
        } else {
            syswrite($c, "${head}Transfer-Encoding: chunked\r\n\r\n"
                . sprintf("%x\r\n%s\r\n0\r\n\r\n", length $short, $short));
        }
        $n++;
        close $c;
    }
    exit 0;
}

$t->run;
my $port = $t->port;

sub get {
    my ($uri, %h) = @_;
    return http_get($port, $uri, %h);
}

sub cache_status { ($_[0]{headers}{'x-cache'} || [''])->[0] }

# the marker is per response; the banner's return_to names the path
sub normal {
    my ($body) = @_;
    $body =~ s{(data-consent(?:-marker|-embed)?)="[0-9a-f]{32}"}{$1="M"}g;
    $body =~ s{/(?:nocache|strict|short|proxied|sendfile)/}{/}g;
    return $body;
}

sub markers { my %m = map { $_ => 1 } $_[0] =~ /data-consent(?:-marker)?="([0-9a-f]{32})"/g; return keys %m }

# Miss, then hits.
my $miss = get('/page.html');
is($miss->{status}, 200, 'miss: 200');
is(cache_status($miss), 'MISS', 'first request: MISS');
my $hit = get('/page.html');
my $hit2 = get('/page.html');
is(cache_status($hit), 'HIT', 'second request: HIT');
is(cache_status($hit2), 'HIT', 'third request: HIT');
ok(normal($hit->{body}) eq normal($miss->{body}),
   'hit body equals the miss body, markers aside');
like($hit->{body}, qr/data-service="tracker-a"[^>]*data-consent="[0-9a-f]{32}"/,
     'the hit carries markers');
my @m1 = markers($hit->{body});
my @m2 = markers($hit2->{body});
is(scalar @m1, 1, 'one marker value throughout a hit (elements and script)');
isnt($m1[0], $m2[0], 'two hits have different markers');
isnt($m1[0], (markers($miss->{body}))[0], 'and neither is the miss marker');
like($hit->{body}, qr{<noscript><img data-category="marketing"[^>]*data-consent="$m1[0]"},
     'the marker inside a noscript is the response\'s too');
is_deeply([ConsentTest::header_values($hit, 'etag')],
          [ConsentTest::header_values($miss, 'etag')],
          'same state ETag on hit and miss');
ok(!defined $hit->{headers}{'content-length'}, 'hit: no Content-Length');

my $off = get('/nocache/page.html');
is(cache_status($off), '', 'consent_cache off: no cache status');
ok(normal($off->{body}) eq normal($hit->{body}),
   'a hit equals the output without the cache');

# With sendfile on, a hit does not even read the file.
my $sf1 = get('/sendfile/page.html');
my $sf2 = get('/sendfile/page.html');
is(cache_status($sf1) . ' ' . cache_status($sf2), 'MISS HIT', 'sendfile on: MISS, HIT');
ok(normal($sf2->{body}) eq normal($hit->{body}), 'sendfile on: the same page');

# A changed file is a miss with the new content.
(my $changed = $page) =~ s{<p>Story</p>}{<p>Changed story, longer</p>};
write_file($t->dir . '/html/page.html', $changed);
utime(time + 10, time + 10, $t->dir . '/html/page.html');
my $new = get('/page.html');
is(cache_status($new), 'MISS', 'changed file: MISS');
like($new->{body}, qr{Changed story, longer}, 'changed file: new content');
is(cache_status(get('/page.html')), 'HIT', 'changed file: then HIT');
like(get('/page.html')->{body}, qr{Changed story}, 'and the hit is the new one');

# Consent states, hosts, URIs and locations never share an entry: each
# one's first response is a miss, and its hits equal its own miss.
my %cookies;
for my $mask (1, 3, 5, 7) {    # necessary 0, analytics 1, marketing 2
    my $c = `$mint $FindBin::Bin/policies/test.json $key 3 $mask ${\ time}`;
    chomp $c;
    $cookies{$mask} = "consent=$c";
}

# A service granted alone (action=allow) is a state of its own too.
my $allowed = http_post($port, '/_consent/',
    'action=allow&service=ads-b&source=api');
my ($allow_cookie) = map { /^(consent=[^;]+)/ ? $1 : () }
    @{$allowed->{headers}{'set-cookie'} || []};
ok($allow_cookie, 'allow of one service gives a cookie');

my %outputs;
my @variants = (
    ['nothing granted', '/states.html', ()],
    (map { my $m = $_; ["granted mask $m", '/states.html', Cookie => $cookies{$m}] }
        3, 5, 7),
    ['service ads-b granted alone', '/states.html',
     Cookie => $allow_cookie // ''],
    ['host www.shop.example', '/states.html', Host => 'www.shop.example'],
    ['URI with arguments', '/states.html?a=1', ()],
    ['consent_unknown block', '/strict/states.html', ()],
    ['consent_unknown block, host www.shop.example', '/strict/states.html',
     Host => 'www.shop.example'],
);

for my $v (@variants) {
    my ($name, $uri, %h) = @$v;
    my $req = "GET $uri HTTP/1.1\r\nHost: " . (delete $h{Host} // 'localhost')
        . "\r\nConnection: close\r\n"
        . join('', map { "$_: $h{$_}\r\n" } sort keys %h) . "\r\n";
    my $a = http($port, $req);
    my $b = http($port, $req);
    is(cache_status($a), 'MISS', "$name: first MISS (no entry of another state)");
    is(cache_status($b), 'HIT', "$name: then HIT");
    ok(normal($a->{body}) eq normal($b->{body}), "$name: hit equals its miss");
    $outputs{$name} = normal($a->{body});
}

# (a host or URI may give the same output: they are keyed for safety)
my @states = ('nothing granted', 'granted mask 3', 'granted mask 5',
              'granted mask 7', 'service ads-b granted alone',
              'consent_unknown block',
              'consent_unknown block, host www.shop.example');
my %seen;
my $distinct = grep { !$seen{$outputs{$_}}++ } @states;
is($distinct, scalar @states,
   'every decision state got an output of its own');
# Rejecting everything decides what nothing granted does: the same
# template, with this response's fragments (the settings control).
my $rejected = get('/states.html', Cookie => $cookies{1});
is(cache_status($rejected), 'HIT', 'all rejected: the template of nothing granted');
like($rejected->{body}, qr{data-state="valid"}, 'all rejected: its own fragment');
unlike($rejected->{body}, qr{data-state="none"}, 'not the banner of the miss');
ok(normal(http_get($port, '/nocache/states.html',
                   Cookie => $cookies{1})->{body}) eq normal($rejected->{body}),
   'all rejected: the hit equals the output without the cache');

like($outputs{'granted mask 3'}, qr{<script src="https://tracker-a\.example/t\.js">},
     'analytics granted: the tracker runs');
like($outputs{'consent_unknown block, host www.shop.example'},
     qr{<script src="https://cdn\.shop\.example/app\.js">},
     'first party by host: runs on www.shop.example');
like($outputs{'consent_unknown block'},
     qr{data-service="unknown"[^>]*data-src="https://cdn\.shop\.example/app\.js"},
     'and is held as unknown on localhost');

# Proxied with a strong ETag: cached; weak or no ETag: not.
my $p1 = get('/proxied/page.html');
my $p2 = get('/proxied/page.html');
is(cache_status($p1), 'MISS', 'proxied, strong ETag: MISS');
is(cache_status($p2), 'HIT', 'proxied, strong ETag: HIT');
ok(normal($p1->{body}) eq normal($p2->{body}), 'proxied: hit equals miss');
is(cache_status(get('/weak/page.html')), 'BYPASS', 'weak ETag: BYPASS');
is(cache_status(get('/weak/page.html')), 'BYPASS', 'weak ETag: again BYPASS');
is(cache_status(get('/noetag/page.html')), 'BYPASS', 'no ETag: BYPASS');
is(cache_status(get('/noetag/page.html')), 'BYPASS', 'no ETag: again BYPASS');

# A broken upstream: the same validators, a short body.
my $b1 = get('/broken/page.html');
is(cache_status($b1), 'MISS', 'upstream: MISS');
like($b1->{body}, qr{</html>}, 'upstream: the whole page');
my $b2 = get('/broken/page.html');
like(ConsentTest::read_file($t->dir . '/logs/cache.log'),
     qr{^/broken/page\.html HIT$}m, 'upstream, short body: a HIT by its header');
unlike($b2->{raw}, qr{\r\n0\r\n\r\n\z}, 'short body: the response is cut');
unlike($b2->{body}, qr{<p>Story</p>}, 'short body: the stored page is not sent');
my $b3 = get('/broken/page.html');
is(cache_status($b3), 'BYPASS',
   'chunked with a Content-Length (nginx drops it): BYPASS');

# Warnings of the rewriter are logged on hits as on misses.
for (1 .. 3) { get('/short/long.html') }
my $warns = () = $t->error_log
    =~ /inline script longer than consent_inline_max/g;
is($warns, 3, 'the inline_max warning is logged for the miss and each hit');

# Discovery counts the same with and without the cache.
sub report { decode_json(get('/report')->{body}) }
sub counts {
    my ($rep) = @_;
    my %c = map { ($_->{id} => $_->{count}) } @{$rep->{services}};
    $c{$_->{host}} = $_->{count} for @{$rep->{unknown_hosts}};
    return \%c;
}
sub delta {
    my ($uri) = @_;
    my $before = counts(report());
    get($uri) for 1 .. 3;
    my $after = counts(report());
    return { map { $_ => $after->{$_} - ($before->{$_} // 0) } keys %$after };
}
my $cached = delta('/page.html');
my $uncached = delta('/nocache/page.html');
is_deeply($cached, $uncached, 'discovery: the same counts with the cache');
is($cached->{'tracker-a'}, 3, 'discovery: counted on every hit');
is($cached->{'pixels.unknown-beacon.example'}, 3,
   'discovery: unknown hosts on every hit');

# Eviction while a slow client still receives the entry (max=2).
my $slow_port = $t->port(2);
my $fast = http_get($slow_port, '/slow/big.html');
is(cache_status($fast), 'MISS', 'big page: MISS');
my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$slow_port",
    Proto => 'tcp') or die "connect: $!";
binmode $s;
print $s "GET /slow/big.html HTTP/1.1\r\nHost: localhost\r\n"
    . "Connection: close\r\n\r\n";
my $raw = '';
sysread($s, $raw, 1024);
like($raw, qr{X-Cache: HIT}, 'slow client: a HIT');
for my $i (1 .. 4) {
    is(cache_status(http_get($slow_port, "/slow/small$i.html")), 'MISS',
       "small page $i: MISS (evicts)");
}
is(cache_status(http_get($slow_port, '/slow/big.html')), 'MISS',
   'the big page was evicted meanwhile');
my $deadline = time + 60;
while (time < $deadline) {
    my $n = sysread($s, my $buf, 65536);
    last if !$n;
    $raw .= $buf;
}
close $s;
my $slow = ConsentTest::parse_response($raw);
ok(normal($slow->{body}) eq normal($fast->{body}),
   'slow client: the evicted entry arrived whole');

# nginx -t: bad parameters name the file, the line and what to do.
for my $case (['max=0', qr/invalid parameter "max=0".*consent_cache max=N/],
              ['size=1m', qr/needs max=N/],
              ['max=10 size=1m entry=2m', qr/entry=\d+ is larger than size=\d+.*lower entry= or raise size=/],
              ['max=10 inactive=1m', qr/invalid parameter "inactive=1m"/],
              ['max=10 size=big', qr/invalid parameter "size=big"/]) {
    my ($args, $re) = @$case;
    my $bad = ConsentTest->new(name => 'cache-conf');
    $bad->key_file('consent.key');
    $bad->write_config(<<"EOF");
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        location /_consent/ { consent_api; }
        consent_cache $args;
    }
EOF
    my ($status, $out) = $bad->test_config;
    isnt($status, 0, "nginx -t refuses consent_cache $args");
    like($out, $re, "consent_cache $args: what to do");
    like($out, qr{nginx\.conf:\d+}, "consent_cache $args: file and line");
}

# A blocked frame's placeholder is written in the visitor's language: each
# language is an entry of its own.
my $embed_port = $t->port(4);
my %embed;
for my $lang ('en', 'de', 'de') {
    my $r = http($embed_port, "GET /embed.html HTTP/1.1\r\nHost: localhost\r\n"
        . "Accept-Language: $lang\r\nConnection: close\r\n\r\n");
    my ($plang) = $r->{body} =~ /class="consent-embed"[^>]*?lang="([^"]+)"/;
    is($plang, $lang, "placeholder in $lang");
    push @{$embed{$lang}}, $r;
}
is(cache_status($embed{en}[0]), 'MISS', 'embed page, en: MISS');
is(cache_status($embed{de}[0]), 'MISS', 'embed page, de: MISS, not the en entry');
is(cache_status($embed{de}[1]), 'HIT', 'embed page, de again: HIT');
ok(normal($embed{de}[0]{body}) eq normal($embed{de}[1]{body}),
   'embed page, de: hit equals its miss');

$t->stop;
kill 'TERM', $upstream;
waitpid($upstream, 0);
$t->check_logs;

done_testing;

#!/usr/bin/perl

# The HTML filter in real nginx: trackers inert without consent and active
# with it, the banner injected, headers adjusted, responses that must be
# skipped skipped, and the same output whatever the buffer sizes, including
# a proxied upstream that sends a few bytes at a time.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use IO::Socket::INET;
use POSIX qw(WNOHANG);
use ConsentTest qw(http_get write_file);

my $t = ConsentTest->new;
my $key = $t->key_file('consent.key');
my $mint = ConsentTest::build() . '/tests/mint-cookie';

my $page = <<'EOF';
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop &lt;script&gt; test</title>
<script src="https://tracker-a.example/t.js?id=1&amp;x=2"></script>
<script>trackerA('init', 42);</script>
<script type="application/ld+json">{"trackerA(": "data, not code"}</script>
<script src="/app.js"></script>
</head>
<body class="home">
<!-- <script src="https://tracker-a.example/in-comment.js"></script> -->
<p>Hello, world: caf&eacute; &amp; more.</p>
<iframe src="https://ads-b.example/frame?slot=7" width="300"></iframe>
<img src="https://ads-b.example/pixel.gif" alt="">
<img src="/logo.png" alt="logo">
<textarea><script src="https://tracker-a.example/rcdata.js"></script></textarea>
</body>
</html>
EOF

$t->write_html('index.html', $page);
$t->write_html('plain.txt', "<script src=\"https://tracker-a.example/t.js\"></script>\n");
$t->write_html('style.css', "body { color: red }\n");
$t->write_html('ssi.html', "<html><body><!--# include virtual=\"/index.html\" --></body></html>\n");

my $upstream_port = $t->port(1);

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;

        location /_consent/ { consent_api; }

        location /small/ {
            alias %%DIR%%/html/;
            output_buffers 1 128;
        }

        location /off/ {
            alias %%DIR%%/html/;
            consent off;
        }

        location /proxy/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
            proxy_buffering off;
            proxy_http_version 1.1;
        }

        location /proxy-fixed/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
            proxy_set_header Accept-Encoding "";
        }

        location /ssi/ {
            alias %%DIR%%/html/;
            ssi on;
        }

        location /cookies/ {
            consent_strip_cookies on;
            proxy_pass http://127.0.0.1:%%PORT2%%/;
        }

        location /text/ {
            alias %%DIR%%/html/;
            default_type text/plain;
            consent_types text/plain;
        }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        location / {
            add_header Set-Cookie "_ta=1; Path=/";
            add_header Set-Cookie "_abx=2; Path=/; Secure";
            add_header Set-Cookie "session=3; HttpOnly";
            default_type application/json;
            return 200 '{"ok": true}';
        }
    }
EOF

# An upstream that sends the page in 1 to 7 byte pieces.
my $upstream = fork() // die;
if ($upstream == 0) {
    $SIG{PIPE} = 'IGNORE';    # nginx cuts a response it cannot read
    my $srv = IO::Socket::INET->new(LocalAddr => "127.0.0.1:$upstream_port",
        Listen => 16, ReuseAddr => 1) or die "listen: $!";
    my $deadline = time + 120;
    srand(42);
    while (time < $deadline) {
        my $c = $srv->accept or next;
        my $req = '';
        while ($req !~ /\r\n\r\n/) {
            my $n = sysread($c, my $buf, 4096) or last;
            $req .= $buf;
        }
        my $gzip = $req =~ /^Accept-Encoding:[^\r]*gzip/mi;
        my $head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            . ($gzip ? "Content-Encoding: gzip\r\n" : '')
            . "Content-Length: " . length($page) . "\r\nConnection: close\r\n\r\n";
        syswrite($c, $head);
        my $i = 0;
        while ($i < length $page) {
            my $n = 1 + int(rand(7));
            syswrite($c, substr($page, $i, $n));
            $i += $n;
            select(undef, undef, undef, 0.0005);
        }
        close $c;
    }
    exit 0;
}

$t->run;
my $port = $t->port;

my $r = http_get($port, '/index.html');
my $body = $r->{body};
is($r->{status}, 200, 'page served');

like($body, qr{<script type="text/plain" data-category="analytics" data-service="tracker-a" data-name="tracker-a" data-consent="[0-9a-f]{32}" data-src="https://tracker-a\.example/t\.js\?id=1&amp;x=2"></script>},
    'tracker script inert');
like($body, qr{<script type="text/plain" data-category="analytics" data-service="tracker-a" data-name="tracker-a" data-consent="[0-9a-f]{32}">trackerA\('init', 42\);</script>},
    'inline tracker script inert');

# consent.js learns the response's marker from its own script element
my ($marker) = $body =~ /data-consent-marker="([0-9a-f]{32})"/;
ok(defined $marker, 'consent.js gets the response marker');
my @marked = $body =~ /data-consent="([0-9a-f]{32})"/g;
ok(@marked && !grep({ $_ ne ($marker // '') } @marked),
    'every blocked element carries that marker');
my ($again) = http_get($port, '/index.html')->{body}
    =~ /data-consent-marker="([0-9a-f]{32})"/;
isnt($again, $marker, 'a new marker for every response');
like($body, qr{<script type="application/ld\+json">\{"trackerA\(": "data, not code"\}</script>},
    'ld+json untouched');
like($body, qr{<script src="/app\.js"></script>}, 'first-party script untouched');
like($body, qr{<iframe data-category="marketing" data-service="ads-b" data-src="https://ads-b\.example/frame\?slot=7" width="300"></iframe>|<iframe [^>]*data-src="https://ads-b\.example/frame\?slot=7"[^>]*>},
    'marketing iframe inert');
unlike($body, qr{<iframe[^>]* src=}, 'no iframe keeps its src');
like($body, qr{<img [^>]*data-src="https://ads-b\.example/pixel\.gif"}, 'pixel inert');
like($body, qr{<img src="/logo\.png" alt="logo">}, 'first-party image untouched');
like($body, qr{<!-- <script src="https://tracker-a\.example/in-comment\.js"></script> -->},
    'comment untouched');
like($body, qr{<textarea><script src="https://tracker-a\.example/rcdata\.js"></script></textarea>},
    'RCDATA untouched');
like($body, qr{<p>Hello, world: caf&eacute; &amp; more\.</p>}, 'text untouched');
like($body, qr{<body class="home">\s*<[^>]+>}, 'something injected after <body>');
like($body, qr{<body class="home">.*action="/_consent/"}s, 'banner posts to the endpoint');
like($body, qr{<link[^>]+href="/_consent/consent\.css\?v=[0-9a-f]{32}"[^>]*>.*</head>}s,
    'versioned stylesheet before </head>');
like($body, qr{<script defer src="/_consent/consent\.js\?v=[0-9a-f]{32}"[^>]*>},
    'versioned script injected');
my ($js_url) = $body =~ m{src="(/_consent/consent\.js\?v=[0-9a-f]{32})"};
my $js = http_get($port, $js_url // '/_consent/consent.js');
is($js->{status}, 200, 'the injected script URL is served');
like(($js->{headers}{'cache-control'} || [''])->[0], qr/immutable/,
    'and cached for good: its version changes with it');

is(scalar(() = $body =~ /<body/g), 1, 'one body');
ok(!defined $r->{headers}{'content-length'}, 'no Content-Length');
ok(!defined $r->{headers}{'accept-ranges'}, 'no Accept-Ranges');
like(join(',', @{$r->{headers}{etag} || ['W/']}), qr{^W/}, 'ETag weakened');
ok((grep { /Cookie/ } @{$r->{headers}{vary} || []}), 'Vary: Cookie');

ok(!defined $r->{headers}{'last-modified'}, 'no Last-Modified');

# With analytics granted (bits: necessary 0, analytics 1, marketing 2)
my $cookie = `$mint $FindBin::Bin/policies/test.json $key 3 3 ${\ time}`;
chomp $cookie;
my $gr = http_get($port, '/index.html', Cookie => "consent=$cookie");
my $g = $gr->{body};

# Validators must not let a cached page of another state be reused.
my $etag_none = $r->{headers}{etag}[0];
my $etag_granted = $gr->{headers}{etag}[0];
isnt($etag_granted, $etag_none, 'the ETag names the consent state');
my $cond = http_get($port, '/index.html', Cookie => "consent=$cookie",
    'If-None-Match' => $etag_none);
is($cond->{status}, 200, 'If-None-Match of the page before the choice: 200');
like($cond->{body}, qr{<script src="https://tracker-a\.example/t\.js},
    'and the page of the new state');
$cond = http_get($port, '/index.html', Cookie => "consent=$cookie",
    'If-Modified-Since' => 'Thu, 01 Jan 2037 00:00:00 GMT');
is($cond->{status}, 200, 'If-Modified-Since: 200, never a stale 304');
like($g, qr{<script src="https://tracker-a\.example/t\.js\?id=1&amp;x=2"></script>},
    'granted: tracker script untouched');
like($g, qr{<script>trackerA\('init', 42\);</script>}, 'granted: inline untouched');
like($g, qr{<img [^>]*data-src="https://ads-b\.example/pixel\.gif"},
    'granted analytics: marketing pixel still inert');

# Byte-identical output whatever the buffer sizes (return_to is the URI).
sub same_page {
    my ($s) = @_;
    $s =~ s/name="return_to" value="[^"]*"/name="return_to" value=""/g;
    $s =~ s/(data-consent(?:-marker|-embed)?)="[0-9a-f]{32}"/$1="M"/g;
    return $s;
}

my $small = http_get($port, '/small/index.html')->{body};
is(same_page($small), same_page($body), '128-byte buffers: same output');

my $proxied = http_get($port, '/proxy/index.html');
is(same_page($proxied->{body}), same_page($body),
    'upstream in 1-7 byte pieces: same output');

# Skipped responses
my $off = http_get($port, '/off/index.html')->{body};
is($off, $page, 'consent off: untouched');

my $head = http_get($port, '/index.html', METHOD => 'HEAD');
is($head->{status}, 200, 'HEAD served');
is($head->{body}, '', 'HEAD has no body');

my $nf = http_get($port, '/missing.html');
is($nf->{status}, 404, 'missing file: 404');
like($nf->{body}, qr{action="/_consent/"}, 'the 404 page is read too');

is(http_get($port, '/style.css')->{body}, "body { color: red }\n",
    'CSS untouched');

# This upstream labels its plain page gzip: it does not inflate.
my $gzu = http_get($port, '/proxy/index.html', 'Accept-Encoding' => 'gzip');
unlike($gzu->{body}, qr{<script src="https://tracker-a\.example/t\.js},
    'a "gzip" body that does not inflate never goes out unread');
like($t->error_log, qr/\[warn\].*"gzip" body of "\/proxy\/index\.html" is corrupt/,
    'and a warning names the coding and the URI');

my $fixed = http_get($port, '/proxy-fixed/index.html',
    'Accept-Encoding' => 'gzip');
is(same_page($fixed->{body}), same_page($body),
    'proxy_set_header Accept-Encoding "": the upstream page is rewritten');

my $text = http_get($port, '/text/plain.txt')->{body};
like($text, qr{data-src="https://tracker-a\.example/t\.js"},
    'consent_types text/plain rewrites text/plain');

my $ssi = http_get($port, '/ssi/ssi.html')->{body};
is(scalar(() = $ssi =~ /action="\/_consent\/"/g) >= 1, 1, 'SSI page rewritten');
like($ssi, qr{<script src="https://tracker-a\.example/t\.js\?id=1&amp;x=2"></script>},
    'SSI subrequest output is not rewritten');

# consent_strip_cookies: upstream cookies of categories not granted go
my @set = ConsentTest::header_values(http_get($port, '/cookies/x'),
    'Set-Cookie');
is_deeply([sort @set], ['session=3; HttpOnly'],
    'no consent: tracker cookies stripped, the session cookie kept');
@set = ConsentTest::header_values(http_get($port, '/cookies/x',
    Cookie => "consent=$cookie"), 'Set-Cookie');
is_deeply([sort @set], ['_ta=1; Path=/', 'session=3; HttpOnly'],
    'analytics granted: its cookie kept, marketing stripped');

$t->stop;
kill 'TERM', $upstream;
waitpid($upstream, 0);
$t->check_logs;

done_testing;

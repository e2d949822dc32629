#!/usr/bin/perl

# Compressed bodies are read, never passed unread: upstreams are asked only
# for gzip and deflate (proxy and FastCGI), gzip, x-gzip and deflate (zlib
# and raw) bodies are inflated and rewritten whatever the split, nginx's
# gzip compresses the output again, gzip_static files are decoded, and a
# coding the module cannot read is refused with 502 (or passed with
# consent_undecodable pass), always with a warning.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Compress::Zlib;
use IO::Socket::INET;
use ConsentTest qw(http_get write_file);
use ConsentUpstream qw(http_upstream fastcgi_upstream stop_upstream);

my $t = ConsentTest->new;
$t->key_file('consent.key');

my $page = <<'EOF';
<!DOCTYPE html>
<html><head><title>t</title>
<script src="https://tracker-a.example/t.js"></script>
</head>
<body>
<p>Hello</p>
<img src="https://ads-b.example/pixel.gif">
</body></html>
EOF

# decoded, exactly one decoding buffer (8 kB)
my $page_8k = $page . ('.' x (8192 - length($page) - 8)) . "</html>\n";

my $inert = qr{<script type="text/plain" data-category="analytics" data-service="tracker-a" data-name="tracker-a" data-consent="[0-9a-f]{32}" data-src="https://tracker-a\.example/t\.js"></script>};
my $active = qr{<script src="https://tracker-a\.example/t\.js"};

sub gzip_of { my $z = Compress::Zlib::memGzip($_[0]); return $z }
sub zlib_of { return Compress::Zlib::compress($_[0]) }
sub raw_of {
    my ($d) = deflateInit(-WindowBits => -MAX_WBITS());
    my ($out) = $d->deflate($_[0]);
    my ($end) = $d->flush();
    return $out . $end;
}
sub pieces {
    my ($data, $max) = @_;
    my @p;
    my $i = 0;
    srand(7);
    while ($i < length $data) {
        my $n = 1 + int(rand($max));
        push @p, substr($data, $i, $n);
        $i += $n;
    }
    return \@p;
}

# A long page whose gzip stream breaks half-way, after the header went out.
my $long = "<!DOCTYPE html><html><head></head><body>\n"
    . join('', map { "<p>line $_ of a long page</p>\n" } 1 .. 20000)
    . qq{<script src="https://tracker-a.example/late.js"></script>\n</body></html>\n};
my $long_gz = gzip_of($long);
my $broken = $long_gz;
substr($broken, int(length($broken) / 2), 64) = "\xff" x 64;

# 64 MB of HTML in 64 kB of gzip, made once
my $bomb64;
sub bomb64 {
    $bomb64 //= gzip_of("<html><body>" . (" " x (64 << 20))
        . qq{<script src="https://tracker-a.example/deep.js"></script></body></html>});
    return $bomb64;
}

my $html = "HTTP/1.1 200 OK\r\nContent-Type: text/html";
my %routes = (
    '/gzip' => sub { ("$html\r\nContent-Encoding: gzip", [gzip_of($page)]) },
    '/gzip-pieces' => sub {
        ("$html\r\nContent-Encoding: gzip", pieces(gzip_of($page), 7)) },
    '/x-gzip' => sub { ("$html\r\nContent-Encoding: x-gzip", [gzip_of($page)]) },
    '/two-members' => sub {
        my $half = int(length($page) / 2);
        ("$html\r\nContent-Encoding: gzip",
         [gzip_of(substr($page, 0, $half)) . gzip_of(substr($page, $half))]) },
    '/deflate' => sub { ("$html\r\nContent-Encoding: deflate", [zlib_of($page)]) },
    '/deflate-8k' => sub {
        ("$html\r\nContent-Encoding: deflate", [zlib_of($page_8k)]) },
    '/deflate-raw' => sub {
        ("$html\r\nContent-Encoding: Deflate", pieces(raw_of($page), 5)) },
    '/notype-gzip' => sub {
        ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip", [gzip_of($page)]) },
    '/gzip-empty' => sub { ("$html\r\nContent-Encoding: gzip", []) },
    '/br' => sub { ("$html\r\nContent-Encoding: br", ["\x1b\x00\x00garbage"]) },
    '/gzip-gzip' => sub {
        ("$html\r\nContent-Encoding: gzip, gzip", [gzip_of(gzip_of($page))]) },
    '/truncated' => sub {
        ("$html\r\nContent-Encoding: gzip",
         [substr(gzip_of($page), 0, length(gzip_of($page)) - 12)]) },
    '/broken-late' => sub {
        ("$html\r\nContent-Encoding: gzip", [$broken]) },
    '/notype-broken' => sub {
        ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip", ["\x1f\x8b\x08\x00garbage"]) },
    '/png' => sub {
        ("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Encoding: br",
         ["\x89PNG"]) },
    '/bomb64' => sub {
        ("$html\r\nContent-Encoding: gzip", [bomb64()]) },
    '/bomb' => sub {
        ("$html\r\nContent-Encoding: gzip",
         [gzip_of("<html><body>" . (" " x (8 << 20))
                  . qq{<script src="https://tracker-a.example/deep.js"></script></body></html>})]) },
);

my $up = http_upstream($t->port(1), sub {
    my ($method, $uri, $h) = @_;
    if ($uri =~ m{^/echo}) {
        my $ae = $h->{'accept-encoding'} // '(none)';
        return ("$html", ["<html><body><p>AE=[$ae]</p></body></html>\n"]);
    }
    my $route = $routes{$uri} or return ("HTTP/1.1 404 Not Found", []);
    return $route->();
});

my $fcgi = fastcgi_upstream($t->port(2), sub {
    my ($p) = @_;
    my $ae = $p->{HTTP_ACCEPT_ENCODING} // '(none)';
    return "Content-Type: text/html\r\n\r\n"
        . "<html><head></head><body><p>AE=[$ae]</p>"
        . qq{<script src="https://tracker-a.example/t.js"></script></body></html>\n};
});

mkdir "$t->{dir}/html/static";
$t->write_html('static/page.html', "plain file, not served\n");
write_file("$t->{dir}/html/static/page.html.gz", gzip_of($page));

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_policy %%REPO%%/tests/nginx/policies/test.json;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;

        location /_consent/ { consent_api; }

        location /up/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
        }

        location /up-small/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
            proxy_buffering off;
            proxy_buffer_size 1k;
        }

        location /up-gzip/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
            gzip on;
            gzip_min_length 1;
        }

        location /up-pass/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
            consent_undecodable pass;
        }

        location /up-off/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
            consent off;
        }

        location /fcgi/ {
            fastcgi_pass 127.0.0.1:%%PORT2%%;
        }

        location /static/ {
            gzip_static on;
        }

        location /static-gzip/ {
            alias %%DIR%%/html/static/;
            gzip_static on;
            gzip on;
            gzip_min_length 1;
        }
    }
EOF

$t->run;
my $port = $t->port;

# Accept-Encoding as the upstreams get it
my $r = http_get($port, '/up/echo', 'Accept-Encoding' => 'br, gzip;q=0.8, zstd, deflate, *');
like($r->{body}, qr{AE=\[gzip;q=0\.8, deflate\]},
    'proxy: upstreams are asked only for gzip and deflate');
$r = http_get($port, '/up/echo', 'Accept-Encoding' => join(',', ('gzip') x 200));
like($r->{body}, qr{AE=\[(gzip, ){199}gzip\]},
    'proxy: a long list without spaces is rewritten whole');
$r = http_get($port, '/up/echo', 'Accept-Encoding' => 'br');
like($r->{body}, qr{AE=\[identity\]}, 'proxy: nothing readable left: identity');
$r = http_get($port, '/up-off/echo', 'Accept-Encoding' => 'br, gzip');
like($r->{body}, qr{AE=\[br, gzip\]}, 'consent off: Accept-Encoding untouched');
$r = http_get($port, '/fcgi/index.php', 'Accept-Encoding' => 'gzip, br, zstd');
like($r->{body}, qr{AE=\[gzip\]}, 'FastCGI: HTTP_ACCEPT_ENCODING narrowed too');
like($r->{body}, $inert, 'FastCGI: the page is rewritten');

# Decoded and rewritten
my $plain = http_get($port, '/up/gzip', 'Accept-Encoding' => 'gzip');
like($plain->{body}, $inert, 'gzip upstream: tracker inert');
unlike($plain->{body}, $active, 'gzip upstream: no tracker active');
ok(!$plain->{headers}{'content-encoding'}, 'gzip upstream: sent decoded');
like($plain->{body}, qr{action="/_consent/"}, 'gzip upstream: banner injected');

# the return path and the response's marker differ between requests
sub same {
    my ($s) = @_;
    $s =~ s/name="return_to" value="[^"]*"/RT/g;
    $s =~ s/(data-consent(?:-marker)?)="[0-9a-f]{32}"/$1="M"/g;
    return $s;
}

for my $route (qw(gzip-pieces x-gzip two-members deflate deflate-raw)) {
    my $b = http_get($port, "/up/$route")->{body};
    is(same($b), same($plain->{body}), "$route: the same page as one gzip buffer");
}
$r = http_get($port, '/up/gzip-empty');
is($r->{status}, 200, 'an empty body labelled gzip: nothing unread, 200');
like($r->{raw}, qr/\r\n0\r\n\r\n$/, 'an empty body labelled gzip: ends properly');
$r = http_get($port, '/up/deflate-8k');
like($r->{body}, qr{\.</html>\n$}, 'deflate of exactly 8 kB: whole');
like($r->{body}, $inert, 'deflate of exactly 8 kB: rewritten');
my $small = http_get($port, '/up-small/gzip-pieces')->{body};
is(same($small), same($plain->{body}),
    'gzip in 1-7 byte pieces, 1k unbuffered upstream: the same page');

$r = http_get($port, '/up/notype-gzip');
like($r->{body}, $inert, 'gzip without Content-Type: decoded, sniffed, rewritten');

$r = http_get($port, '/up-gzip/gzip', 'Accept-Encoding' => 'gzip');
is(($r->{headers}{'content-encoding'} || [''])->[0], 'gzip',
    'gzip on: the rewritten page is compressed again');
my $gunz = Compress::Zlib::memGunzip($r->{body}) // '';
is(same($gunz), same($plain->{body}), 'gzip on: it inflates to the rewritten page');

# A highly compressed 8 MB page: decoded through bounded buffers
$r = http_get($port, '/up/bomb');
is(length($r->{body}) > (8 << 20), 1, '8 MB from 8 kB of gzip: streamed whole');
like($r->{body}, qr{data-src="https://tracker-a\.example/deep\.js"},
    'and its tracker is inert');

# Memory stays bounded while the client does not read: decoding waits
my ($worker) = $t->worker_pids;
sub hwm_kb {
    my $st = ConsentTest::read_file("/proc/$worker/status") // '';
    return ($st =~ /VmHWM:\s+(\d+)/)[0] // 0;
}
sub slow_read {
    my ($uri) = @_;
    my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port") or die;
    print $s "GET $uri HTTP/1.0\r\nHost: localhost\r\n\r\n";
    select(undef, undef, undef, 1);    # let nginx fill what it can
    my ($total, $last) = (0, '');
    my $deadline = time + 120;
    while (time < $deadline) {
        my $n = sysread($s, my $buf, 262144);
        last unless $n;
        $total += $n;
        $last = substr($last . $buf, -200);
    }
    close $s;
    return ($total, $last);
}

for my $uri ('/up/bomb64', '/up-small/bomb64') {
    my $before = hwm_kb();
    my ($total, $last) = slow_read($uri);
    my $after = hwm_kb();
    diag("$uri, 64 MB from gzip: received $total bytes; worker peak RSS "
        . "$before kB before, $after kB after");
    ok($total > (64 << 20), "$uri: 64 MB from 64 kB of gzip, streamed whole");
    like($last, qr{data-src="https://tracker-a\.example/deep\.js"},
        "$uri: and its tracker is inert");
    cmp_ok($after - $before, '<', 16 * 1024,
        "$uri: worker memory grew by less than 16 MB for 64 MB decoded");
}

# gzip_static
$r = http_get($port, '/static/page.html', 'Accept-Encoding' => 'gzip');
like($r->{body}, $inert, 'gzip_static: the .gz file is decoded and rewritten');
ok(!$r->{headers}{'content-encoding'}, 'gzip_static, gzip off: sent plain');
$r = http_get($port, '/static-gzip/page.html', 'Accept-Encoding' => 'gzip');
$gunz = Compress::Zlib::memGunzip($r->{body}) // '';
like($gunz, $inert, 'gzip_static with gzip on: rewritten, compressed again');

# Codings the module cannot read
my $log_before = length $t->error_log;
$r = http_get($port, '/up/br', 'Accept-Encoding' => 'br');
is($r->{status}, 502, 'br: refused with 502');
unlike($r->{body}, qr/garbage/, 'br: none of the body goes out');
like(substr($t->error_log, $log_before),
    qr/\[warn\].*cannot read the "br" coding of "\/up\/br"/,
    'br: a warning names the coding and the URI');

$r = http_get($port, '/up/gzip-gzip');
is($r->{status}, 502, 'gzip twice: refused');

$r = http_get($port, '/up-pass/br');
is($r->{status}, 200, 'consent_undecodable pass: passed');
is(($r->{headers}{'content-encoding'} || [''])->[0], 'br', 'and still labelled br');
like($t->error_log, qr/\[warn\].*"br" coding of "\/up-pass\/br".*consent_undecodable pass/,
    'consent_undecodable pass: still warned');

$r = http_get($port, '/up/png');
is($r->{status}, 200, 'not HTML: a br image passes');

$r = http_get($port, '/up/truncated');
unlike($r->{raw}, qr/\r\n0\r\n\r\n$/, 'truncated gzip: the response is cut');
unlike($r->{body}, $active, 'truncated gzip: nothing active');

$r = http_get($port, '/up/broken-late');
is($r->{status}, 200, 'gzip broken half-way: the header was out');
unlike($r->{raw}, qr/\r\n0\r\n\r\n$/, 'gzip broken half-way: the response is cut');
unlike($r->{body}, qr{late\.js}, 'gzip broken half-way: the rest never goes out');
like($t->error_log, qr/\[warn\].*"gzip" body of "\/up\/broken-late" is corrupt.*cut/,
    'gzip broken half-way: warned');

$r = http_get($port, '/up/notype-broken');
is($r->{status}, 502, 'corrupt gzip before the header went out: 502');

$t->stop;
stop_upstream($_) for $up, $fcgi;
$t->check_logs;

done_testing;

#!/usr/bin/perl

# Every response a browser renders as HTML is read: error pages of any
# status, Content-Types with spacing, case or parameters, XHTML, and a body
# without Content-Type that a browser would sniff as HTML.  Responses
# without a body are skipped.  add_before_body/add_after_body keep working,
# and the response carries one Vary header.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get);
use ConsentUpstream qw(http_upstream stop_upstream);

my $t = ConsentTest->new;
$t->key_file('consent.key');

my $page = <<'EOF';
<html><head><title>t</title>
<script src="https://tracker-a.example/t.js"></script>
</head><body><p>Hello</p></body></html>
EOF

my $inert = qr{data-src="https://tracker-a\.example/t\.js"};
my $active = qr{<script src="https://tracker-a\.example/t\.js"};

$t->write_html('index.html', $page);
$t->write_html('404.html', $page =~ s/Hello/Not found/r);
$t->write_html('500.html', $page =~ s/Hello/Server error/r);
$t->write_html('before.html', qq{<script src="https://tracker-a.example/before.js"></script>\n});
$t->write_html('after.html', "<p>after the body</p>\n");

my %routes = (
    '/spaced' => ['text/html ; charset=utf-8', $page],
    '/upper' => ['TEXT/HTML', $page],
    '/xhtml' => ['application/xhtml+xml; charset=utf-8', $page],
    '/notype' => [undef, "\n\t <!DOCTYPE HTML>" . $page],
    '/notype-body' => [undef, qq{<body><script src="https://tracker-a.example/t.js"></script>}],
    '/notype-comment' => [undef, "<!-- x -->" . $page],
    '/notype-text' => [undef, qq{hello <script src="https://tracker-a.example/t.js"></script>\n}],
    '/notype-short' => [undef, "<p"],
    '/notype-pieces' => [undef, $page, 1],
    '/plain' => ['text/plain', $page],
    '/unknown' => ['unknown/unknown', $page],
    '/any' => ['*/*', $page],
    '/invalid' => ['html', $page],
    '/vary' => ['text/html', $page, 0, "Vary: Accept-Encoding\r\nVary: User-Agent, cookie"],
    '/wp-404' => ['text/html', $page, 0, undef, '404 Not Found'],
    '/empty-200' => ['text/html', '', 0, "Content-Length: 0"],
);

my $up = http_upstream($t->port(1), sub {
    my ($method, $uri) = @_;
    my $route = $routes{$uri} or return ("HTTP/1.1 404 Not Found", []);
    my ($type, $body, $split, $extra, $status) = @$route;
    my $head = 'HTTP/1.1 ' . ($status // '200 OK');
    $head .= "\r\nContent-Type: $type" if defined $type;
    $head .= "\r\n$extra" if defined $extra;
    my @pieces = $split ? (split //, $body) : ($body);
    return ($head, \@pieces);
});

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_policy %%REPO%%/tests/nginx/policies/test.json;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;

        location /_consent/ { consent_api; }

        error_page 404 /404.html;
        error_page 500 /500.html;

        location /up/ {
            proxy_pass http://127.0.0.1:%%PORT1%%/;
        }

        location /fail {
            return 500;
        }

        location /no-content {
            return 204;
        }

        location /addition/ {
            alias %%DIR%%/html/;
            add_before_body /before.html;
            add_after_body /after.html;
        }

        location /gzip-vary/ {
            alias %%DIR%%/html/;
            gzip on;
            gzip_min_length 1;
            gzip_vary on;
        }
    }
EOF

$t->run;
my $port = $t->port;

# Error pages
my $r = http_get($port, '/missing.html');
is($r->{status}, 404, 'error_page 404: 404');
like($r->{body}, $inert, 'error_page 404: tracker inert');
unlike($r->{body}, $active, 'error_page 404: nothing active');
like($r->{body}, qr{action="/_consent/"}, 'error_page 404: banner injected');

$r = http_get($port, '/fail');
is($r->{status}, 500, 'error_page 500: 500');
like($r->{body}, $inert, 'error_page 500: tracker inert');

$r = http_get($port, '/up/wp-404');
is($r->{status}, 404, 'upstream 404 page: 404');
like($r->{body}, $inert, 'upstream 404 page (a theme\'s trackers): inert');

$r = http_get($port, '/no-content');
is($r->{status}, 204, '204: passed');
is($r->{body}, '', '204: no body made up');

$r = http_get($port, '/index.html',
    'If-Modified-Since' => 'Thu, 01 Jan 1970 00:00:01 GMT');
is($r->{status}, 200, 'conditional request answered in full');

$r = http_get($port, '/up/empty-200');
is($r->{body}, '', 'an empty 200: nothing injected');

# Content types
for my $case (['/up/spaced', '"text/html ; charset=utf-8"'],
              ['/up/upper', '"TEXT/HTML"'],
              ['/up/xhtml', 'application/xhtml+xml (in the default set)']) {
    $r = http_get($port, $case->[0]);
    like($r->{body}, $inert, "$case->[1]: rewritten");
    unlike($r->{body}, $active, "$case->[1]: nothing active");
}

$r = http_get($port, '/up/notype');
like($r->{body}, $inert, 'no Content-Type, white space and <!DOCTYPE HTML: sniffed, rewritten');
ok(!$r->{headers}{'content-type'}, 'no Content-Type made up');
like($r->{body}, qr/^\n\t <!DOCTYPE HTML>/, 'the sniffed bytes go out first, unchanged');
like(http_get($port, '/up/notype-body')->{body}, $inert,
    'no Content-Type, <body: rewritten');
like(http_get($port, '/up/notype-comment')->{body}, $inert,
    'no Content-Type, <!--: rewritten');
my $pieces = http_get($port, '/up/notype-pieces')->{body};
like($pieces, $inert, 'no Content-Type, one byte at a time: sniffed, rewritten');
$r = http_get($port, '/up/notype-text');
like($r->{body}, qr/^hello $active/, 'no Content-Type, text: a browser shows text, passed');
is(http_get($port, '/up/notype-short')->{body}, '<p',
    'no Content-Type, too short to tell: passed whole');
like(http_get($port, '/up/plain')->{body}, $active,
    'text/plain: not in consent_types, passed');
for my $case (['unknown', 'unknown/unknown'], ['any', '*/*'],
              ['invalid', 'an invalid type ("html")']) {
    like(http_get($port, "/up/$case->[0]")->{body}, $inert,
        "$case->[1]: browsers sniff it, so does the filter");
}

# add_before_body / add_after_body
$r = http_get($port, '/addition/index.html');
is($r->{status}, 200, 'addition: 200');
like($r->{body}, qr{<p>after the body</p>\s*$}, 'addition: the after-body is there');
like($r->{body}, qr{^<script src="https://tracker-a\.example/before\.js">},
    'addition: the before-body is a subrequest (not rewritten, as SSI includes)');
like($r->{body}, $inert, 'addition: the page itself is rewritten');
like($r->{raw}, qr/\r\n0\r\n\r\n$/, 'addition: the response ends properly');

# Vary
$r = http_get($port, '/up/vary');
my @vary = ConsentTest::header_values($r, 'Vary');
is(scalar @vary, 1, 'upstream Vary lines and ours: one Vary header');
is($vary[0], 'Accept-Encoding, User-Agent, cookie, Accept-Language',
    'their tokens kept, ours added once (case-insensitive)');

$r = http_get($port, '/gzip-vary/index.html', 'Accept-Encoding' => 'gzip');
@vary = ConsentTest::header_values($r, 'Vary');
if (($ENV{CONSENT_MODULE} // '') eq 'static') {
    # built in, the module cannot run after gzip: nginx's line stays
    is($vary[-1], 'Cookie, Accept-Language, Accept-Encoding',
        'gzip_vary on, static build: the last Vary line names every header');
} else {
    is(join('|', @vary), 'Cookie, Accept-Language, Accept-Encoding',
        'gzip_vary on: one Vary header, naming every header');
}
is(($r->{headers}{'content-encoding'} || [''])->[0], 'gzip',
    'gzip_vary on: and the page is gzipped');

$t->stop;
stop_upstream($up);
$t->check_logs;

done_testing;

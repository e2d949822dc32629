#!/usr/bin/perl

# The filter's loaders beyond script/img/iframe, the response marker and the
# fail-closed bounds in real nginx: each bound makes the element inert with
# one [warn] naming what happened, and the output is the same for 1-byte
# output buffers.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get);

my $t = ConsentTest->new;
$t->key_file('consent.key');

my $pad = ' ' x 20000;

$t->write_html('loaders.html', <<"EOF");
<!DOCTYPE html>
<html><head><title>loaders</title>
<base href="https://tracker-a.example/">
<meta http-equiv="refresh" content="30; url=https://ads-b.example/r">
<style>\@import url("https://ads-b.example/s.css"); p { color: red }</style>
<script type="text&#47;javascript">trackerA(1);</script>
</head><body background="https://ads-b.example/bg.png">
<svg><script href="https://tracker-a.example/svg.js"></script>
<image href="https://ads-b.example/i.png"/></svg>
<div style="background:url('https://ads-b.example/d.png')">x</div>
<a href="/x" ping="https://tracker-a.example/ping">x</a>
<frame src="https://ads-b.example/f">
<video poster="https://ads-b.example/p.jpg"></video>
<iframe srcdoc="&lt;script src=https://tracker-a.example/t.js&gt;&lt;/script&gt;"></iframe>
<script type="text/plain" data-name="Tracker A" data-src="/local.js"></script>
</body></html>
EOF

$t->write_html('bounds.html', <<"EOF");
<html><head><script>var x = 1; trackerA('init', 42); /* long enough */</script>
<style>p { background: url(https://ads-b.example/x.png) } /* long enough */</style></head>
<body><img src="https://ads-b.example/p.gif" title="$pad">
<div title="$pad" style="background:url(https://ads-b.example/d.png)">x</div>
</body></html>
EOF

# attributes of the page with names the module writes
$t->write_html('own.html', <<'EOF');
<img src="https://ads-b.example/p.gif" data-src="/real.jpg" class="lazy">
<script type="text/javascript" data-type="s2nScript" src="https://ads-b.example/e.js"></script>
<img data-category="photos" src="https://ads-b.example/q.gif">
EOF

# the same, as a consent filter before this one made it inert
$t->write_html('inert.html', <<'EOF');
<img data-category="marketing" data-service="ads-b" data-name="ads-b" data-src="https://ads-b.example/p.gif" data-consent-orig-src="/real.jpg" class="lazy">
<script type="text/plain" data-category="marketing" data-service="ads-b" data-name="ads-b" data-type="text/javascript" data-consent-orig-type="s2nScript" data-src="https://ads-b.example/e.js"></script>
<img data-category="marketing" data-service="ads-b" data-name="ads-b" data-consent-orig-category="photos" data-src="https://ads-b.example/q.gif">
EOF

$t->write_html('tag.html', qq{<img src="https://ads-b.example/p.gif" title="$pad">\n});
$t->write_html('div.html', qq{<div title="$pad" style="color:red">x</div>\n});
$t->write_html('long.html', qq{<div title="$pad">x</div>\n});

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;
        consent_policy %%REPO%%/tests/nginx/policies/test.json;

        location /_consent/ { consent_api; }

        location /tiny/ {
            alias %%DIR%%/html/;
            output_buffers 1 1;
        }

        location /b/ {
            alias %%DIR%%/html/;
            consent_inline_max 32;
        }

        location /tiny-b/ {
            alias %%DIR%%/html/;
            consent_inline_max 32;
            output_buffers 1 1;
        }
    }
EOF

$t->run;
my $port = $t->port;

my $body = http_get($port, '/loaders.html')->{body};
my ($m) = $body =~ /data-consent-marker="([0-9a-f]{32})"/;
ok($m, 'a marker for consent.js');

my $B = qr{data-category="marketing" data-service="ads-b" data-name="ads-b" data-consent="$m"};
my $A = qr{data-category="analytics" data-service="tracker-a" data-name="tracker-a" data-consent="$m"};

like($body, qr{<base $A data-href="https://tracker-a\.example/">},
    'a base on a tracker host is neutralised');
like($body, qr{<meta $B http-equiv="refresh" data-content="30; url=https://ads-b\.example/r">},
    'meta refresh to a tracker');
like($body, qr{<style type="text/plain" $B>\@media not all\{\}\@import url\("https://ads-b\.example/s\.css"\)},
    'style element with an @import of a tracker');
like($body, qr{<script type="text/plain" $A data-type="text&#47;javascript">trackerA\(1\);</script>},
    'type compared decoded');
like($body, qr{<body $B data-background="https://ads-b\.example/bg\.png">},
    'body background');
like($body, qr{<svg><script type="text/plain" $A data-href="https://tracker-a\.example/svg\.js"></script>},
    'svg script href');
like($body, qr{<image $B data-href="https://ads-b\.example/i\.png"/>},
    'svg image href');
like($body, qr{<div $B data-style="background:url\('https://ads-b\.example/d\.png'\)">},
    'style attribute');
like($body, qr{<a $A href="/x" data-ping="https://tracker-a\.example/ping">},
    'a ping');
like($body, qr{<frame $B data-src="https://ads-b\.example/f">}, 'frame src');
like($body, qr{<video $B data-poster="https://ads-b\.example/p\.jpg">},
    'video poster');
like($body, qr{<iframe $A data-srcdoc="&lt;script}, 'iframe srcdoc');
like($body, qr{<script data-category="analytics" data-service="tracker-a" data-consent="$m" type="text/plain" data-name="Tracker A" data-src="/local\.js">},
    'Klaro data-name recognised and marked');

# the page without what differs per response and per location
sub same {
    my ($s) = @_;
    $s =~ s/[0-9a-f]{32}/M/g;
    $s =~ s/name="return_to" value="[^"]*"/name="return_to" value=""/g;
    return $s;
}

is(same(http_get($port, '/tiny/loaders.html')->{body}), same($body),
    '1-byte output buffers: same output');

my $own = http_get($port, '/own.html')->{body};
my ($om) = $own =~ /data-consent-marker="([0-9a-f]{32})"/;
my $OB = qr{data-category="marketing" data-service="ads-b" data-name="ads-b" data-consent="$om"};
like($own, qr{<img $OB data-src="https://ads-b\.example/p\.gif" data-consent-orig-src="/real\.jpg" class="lazy">},
    'a lazy image\'s own data-src kept as data-consent-orig-src');
like($own, qr{<script type="text/plain" $OB data-type="text/javascript" data-consent-orig-type="s2nScript" data-src="https://ads-b\.example/e\.js">},
    'a script\'s own data-type kept as data-consent-orig-type');
like($own, qr{<img $OB data-consent-orig-category="photos" data-src="https://ads-b\.example/q\.gif">},
    'an element tagged with a category not in the policy is still blocked');

my $mint = ConsentTest::build() . '/tests/mint-cookie';
my $policy = ConsentTest::repo() . '/tests/nginx/policies/test.json';
my $cookie = `$mint $policy @{[ $t->dir ]}/consent.key 3 5 @{[ time ]}`;
chomp $cookie;
my $granted = http_get($port, '/inert.html', Cookie => "consent=$cookie")->{body};
is(join('', ($granted =~ /^(.*\n)/mg)[0 .. 2]), <<'EOF', 'activation on the server puts the page\'s own attributes back exactly');
<img src="https://ads-b.example/p.gif" data-src="/real.jpg" class="lazy">
<script type="text/javascript" data-type="s2nScript" src="https://ads-b.example/e.js"></script>
<img data-category="photos" src="https://ads-b.example/q.gif">
EOF

my $bounds = http_get($port, '/b/bounds.html')->{body};
like($bounds, qr{<script type="text/plain" data-consent-overflow>var x = 1;},
    'inline script over consent_inline_max: inert');
like($bounds, qr{<style>p \{ background: url\(about:invalid#https://ads-b\.example/x\.png\) \}},
    'style text over consent_inline_max: read as it streams, its tracker URL inert');
like($bounds, qr{<img data-consent-overflow>\n<div title=},
    'img tag over 16 KB: an inert placeholder');
unlike($bounds, qr{ads-b\.example/p\.gif}, 'the over-long tag is gone');
like($bounds, qr{<div title=" +" style="background:url\(https://ads-b\.example/d\.png\)">},
    'another element over 16 KB passes');

my $log = $t->error_log;
like($log, qr{\[warn\].*an inline script longer than consent_inline_max was made inert},
    'warn: inline script made inert');

unlike($body, qr/data-consent-overflow/, 'nothing overflows on the loaders page');

http_get($port, '/tag.html');
http_get($port, '/div.html');
like(http_get($port, '/long.html')->{body}, qr{^<div title=" +">x</div>\n},
    'a long tag without a style passes');
$log = $t->error_log;
unlike($log, qr{\[warn\].*style and background.*GET /long\.html},
    'no warning for a long tag without a style: nothing was unread');
like($log, qr{\[warn\].*a loader's start tag over 16 KB or 256 attributes was replaced by an inert placeholder},
    'warn: placeholder');
like($log, qr{\[warn\].*a start tag over 16 KB or 256 attributes passed without its style and background attributes being read},
    'warn: style unread');

is(same(http_get($port, '/tiny-b/bounds.html')->{body}), same($bounds),
    'bounds: 1-byte output buffers, same output');

$t->stop;
$t->check_logs;

done_testing;

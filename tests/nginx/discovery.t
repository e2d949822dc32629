#!/usr/bin/perl

# Discovery in real nginx: the services and unknown third-party hosts a
# site's pages load are counted in the shared zone, shown by consent_report,
# logged once, listed in the banner when seen, kept across a reload and (with
# consent_report_state) across a restart; consent_unknown block holds
# unknown loaders until their category is granted.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use JSON::PP;
use ConsentTest qw(http_get write_file read_file);

my $t = ConsentTest->new;
$t->key_file('consent.key');

$t->write_html('news.html', <<'EOF');
<!DOCTYPE html>
<html><head><title>News</title>
<script src="https://cdn.taboola.com/libtrc/site/loader.js"></script>
<script src="https://static.chartbeat.com/js/chartbeat.js"></script>
<script src="https://cdn.widgets-unknown.example/w.js"></script>
<script src="/app.js"></script>
</head><body><p>Story</p>
<img src="https://pixels.unknown-beacon.example/p.gif" alt="">
</body></html>
EOF

$t->write_html('plain.html', <<'EOF');
<!DOCTYPE html>
<html><head><title>Plain</title></head><body><p>Nothing</p></body></html>
EOF

my $state = $t->dir . '/discovery.state';

my $http = <<'EOF';
    consent_secret %%DIR%%/consent.key;
    consent_report_state %%DIR%%/discovery.state;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;

        location /_consent/ { consent_api; }
        location = /report { consent_report; }

        location /strict/ {
            alias %%DIR%%/html/;
            consent_unknown block analytics;
        }
    }
EOF

$t->write_config($http);
$t->run;

my $port = $t->port(0);

sub report {
    my $r = http_get($port, '/report');
    is($r->{status}, 200, 'report: 200');
    like($r->{headers}{'content-type'}[0] // '', qr{^application/json},
         'report: JSON');
    return decode_json($r->{body});
}

sub entry {
    my ($list, $key, $value) = @_;
    my ($e) = grep { ($_->{$key} // '') eq $value } @$list;
    return $e;
}

# Before any page: an empty report.
my $rep = report();
is_deeply([$rep->{services}, $rep->{unknown_hosts}, $rep->{dropped}],
          [[], [], 0], 'report: empty before any page');

# The banner lists no catalogue service yet.
my $r = http_get($port, '/plain.html');
unlike($r->{body}, qr/Taboola|Chartbeat/, 'banner: nothing seen yet');

$r = http_get($port, '/news.html');
is($r->{status}, 200, 'page served');
like($r->{body}, qr/<script type="text\/plain"[^>]*data-service="taboola"/,
     'Taboola blocked');
like($r->{body}, qr{<script src="https://cdn\.widgets-unknown\.example/w\.js">},
     'unknown host loads with consent_unknown allow (the default)');
like($r->{body}, qr{<script src="/app\.js">}, 'first party untouched');

$rep = report();
my $tab = entry($rep->{services}, 'id', 'taboola');
ok($tab, 'report: Taboola seen');
is($tab->{count}, 1, 'report: Taboola count 1');
is($tab->{name}, 'Taboola', 'report: its name from the policy');
is($tab->{category}, 'marketing', 'report: its category');
is($tab->{element}, 'script', 'report: element kind');
is($tab->{example_path}, '/news.html', 'report: example path');
like($tab->{first_seen}, qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
     'report: first_seen is a UTC timestamp');
ok(entry($rep->{services}, 'id', 'chartbeat'), 'report: Chartbeat seen');

my $unk = entry($rep->{unknown_hosts}, 'host', 'cdn.widgets-unknown.example');
ok($unk, 'report: unknown script host listed');
is($unk->{element}, 'script', 'report: unknown host element');
my $img = entry($rep->{unknown_hosts}, 'host', 'pixels.unknown-beacon.example');
ok($img, 'report: unknown image host listed');
is($img->{element} // '', 'img', 'report: its element is img');
ok(!entry($rep->{unknown_hosts}, 'host', 'localhost'),
   'report: the first party is not unknown');

# Counted per response; the notice is logged once per new host.
http_get($port, '/news.html') for 1 .. 3;
$rep = report();
is(entry($rep->{services}, 'id', 'taboola')->{count}, 4,
   'report: counted once per response');
is($rep->{services}[0]{count} >= $rep->{services}[-1]{count}, 1,
   'report: most seen first');
my @notices = $t->error_log
    =~ /\[notice\].*unknown third-party host "cdn\.widgets-unknown\.example"/g;
is(scalar @notices, 1, 'notice: a new unknown host is logged once');
like($t->error_log, qr/unknown third-party host "cdn\.widgets-unknown\.example" \(script\) on "\/news\.html"/,
     'notice: names the element and an example path');

# The preferences now list the catalogue services seen, and only those.
$r = http_get($port, '/_consent/preferences');
like($r->{body}, qr/Taboola/,
     'preferences: a seen catalogue service is listed');
like($r->{body}, qr/Chartbeat/, 'preferences: and the other one');
unlike($r->{body}, qr/Criteo/, 'preferences: an unseen one is not');

# consent_unknown block: the unknown loader waits for its category.
$r = http_get($port, '/strict/news.html');
like($r->{body},
     qr{<script type="text/plain"[^>]*data-category="analytics"[^>]*data-service="unknown"[^>]*data-src="https://cdn\.widgets-unknown\.example/w\.js"}s,
     'consent_unknown block: the unknown script is inert');
like($r->{body}, qr{<script src="/app\.js">},
     'consent_unknown block: first party still untouched');

# A reload keeps the zone.
$t->reload;
$rep = report();
is(entry($rep->{services}, 'id', 'taboola')->{count}, 5,
   'reload: counts kept');

# A restart reads the state file the exiting workers wrote.
$t->stop;
ok(-s $state, 'state file written when the workers exit');
like(read_file($state) // '', qr/^S\ttaboola\t/m, 'state file: Taboola');
$t->run;
$rep = report();
is(entry($rep->{services}, 'id', 'taboola')->{count}, 5,
   'restart: counts read back from the state file');
ok(entry($rep->{unknown_hosts}, 'host', 'cdn.widgets-unknown.example'),
   'restart: unknown hosts read back too');

# Only GET and HEAD.
$r = ConsentTest::http_post($port, '/report', 'x=1');
is($r->{status}, 405, 'report: POST refused');

$t->stop;
$t->check_logs;

# Configuration errors.
$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        location /_consent/ { consent_api; }
        location / { consent_unknown block nosuch; }
    }
EOF
my ($status, $out) = $t->test_config;
isnt($status, 0, 'nginx -t: unknown category refused');
like($out, qr/consent_unknown block nosuch" in .*nginx\.conf:\d+: the policy in force here has no category "nosuch"/,
     'nginx -t: names the place and the category');

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        location /_consent/ { consent_api; }
        location / { consent_unknown block necessary; }
    }
EOF
($status, $out) = $t->test_config;
isnt($status, 0, 'nginx -t: a required category refused');
like($out, qr/"necessary" is required/, 'nginx -t: says why');

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    server {
        listen 127.0.0.1:%%PORT%%;
        consent on;
        location /_consent/ { consent_api; }
        location / { consent_unknown maybe; }
    }
EOF
($status, $out) = $t->test_config;
isnt($status, 0, 'nginx -t: a bad value refused');
like($out, qr/invalid value "maybe"/, 'nginx -t: names the value');

done_testing();

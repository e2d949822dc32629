#!/usr/bin/perl

# Regions: one nginx, the region from a request header (consent_region
# $http_x_region), each mode's markup, blocking, variables and Vary; GPC in
# an opt-out region; a decision carried from opt-out to opt-in and back;
# the region and mode in the cookie, the state document and the audit log.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get http_post read_file);

my $t = ConsentTest->new;
my $key = $t->key_file('consent.key');
my $audit = $t->dir . '/logs/consent.log';

my $page = <<'EOF';
<!DOCTYPE html>
<html><head><title>Shop</title>
<script src="https://tracker-a.example/t.js"></script>
</head><body><p>Hello</p>
<img src="https://ads-b.example/pixel.gif" alt="">
</body></html>
EOF

$t->write_html('index.html', $page);

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/logs/consent.log;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent_policy %%REPO%%/tests/nginx/policies/regions.json;
        consent_region $http_x_region;

        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }

        location / {
            consent on;
            add_header X-Region "[$consent_region]" always;
            add_header X-Mode $consent_mode always;
            add_header X-Status $consent_status always;
            add_header X-Analytics $consent_analytics always;
            add_header X-Marketing $consent_marketing always;
        }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        root %%DIR%%/html;
        consent_policy %%REPO%%/tests/nginx/policies/regions.json;

        location /_consent/ { consent_api; }

        location / {
            consent on;
            add_header X-Mode $consent_mode always;
        }
    }
EOF

$t->run;
my $port = $t->port;

my $tracker_live = qr{<script src="https://tracker-a\.example/t\.js">};
my $tracker_inert = qr{<script type="text/plain" data-category="analytics"};
my $ads_live = qr{<img src="https://ads-b\.example/pixel\.gif"};
my $ads_inert = qr{<img data-category="marketing"[^>]*data-src="https://ads-b};

sub page {
    my ($region, %h) = @_;
    $h{'X-Region'} = $region if defined $region;
    return http_get($port, '/', %h);
}

sub hdr {
    my ($r, $name) = @_;
    return ($r->{headers}{lc $name} || [''])->[0];
}

sub decide {
    my ($region, $body, %h) = @_;
    my $r = http_post($port, '/_consent/', $body, 'X-Region' => $region,
        Origin => 'http://localhost', %h);
    my ($cookie) = map { /^(consent=[^;]+)/ ? $1 : () }
        @{$r->{headers}{'set-cookie'} || []};
    return ($r, $cookie);
}

# EU: today's flow.

my $r = page('DE');
is(hdr($r, 'X-Mode'), 'opt-in', 'DE: $consent_mode opt-in');
is(hdr($r, 'X-Region'), '[DE]', 'DE: $consent_region');
like($r->{body}, qr/id="consent-banner"/, 'DE: the banner');
like($r->{body}, $tracker_inert, 'DE: analytics blocked');
like($r->{body}, $ads_inert, 'DE: marketing blocked');
is(hdr($r, 'X-Analytics'), '0', 'DE: $consent_analytics 0');
like(hdr($r, 'Vary'), qr/\bX-Region\b/, 'Vary names the region header');
like(hdr($r, 'Vary'), qr/\bSec-GPC\b/, 'Vary names Sec-GPC');

$r = page('de-by');
is(hdr($r, 'X-Region'), '[DE-BY]', 'a subdivision, upper-cased');
is(hdr($r, 'X-Mode'), 'opt-in', 'DE-BY: its country\'s mode');

# US-CA: opt-out.

$r = page('US-CA');
is(hdr($r, 'X-Mode'), 'opt-out', 'US-CA: opt-out');
unlike($r->{body}, qr/id="consent-banner"/, 'US-CA: no banner');
like($r->{body}, qr/>Your Privacy Choices</, 'US-CA: the choices link');
like(http_get($port, '/_consent/preferences', 'X-Region' => 'US-CA')->{body},
     qr/>Do Not Sell or Share My Personal Information</,
     'US-CA: the opt-out button (in the preferences)');
like($r->{body}, $tracker_live, 'US-CA: analytics loads');
like($r->{body}, $ads_live, 'US-CA: marketing loads');
is(hdr($r, 'X-Marketing'), '1', 'US-CA: $consent_marketing 1');
unlike($r->{body}, qr/Opt-out request honored/, 'US-CA: no GPC, no notice');

$r = page('US-CA', 'Sec-GPC' => '1');
like($r->{body}, qr/Opt-out request honored/,
    'US-CA with GPC: "Opt-out request honored"');
like($r->{body}, $tracker_live, 'US-CA with GPC: analytics still loads');
like($r->{body}, $ads_inert, 'US-CA with GPC: marketing stops');
is(hdr($r, 'X-Marketing'), '0', 'US-CA with GPC: $consent_marketing 0');

$r = page('US-AL');
is(hdr($r, 'X-Mode'), 'opt-in', 'a state without a law: the default');

# UK with the objection profile: analytics runs until the visitor objects.

$r = page('GB');
is(hdr($r, 'X-Mode'), 'opt-in', 'GB: opt-in');
like($r->{body}, qr/id="consent-banner"/, 'GB: the banner');
like($r->{body}, $tracker_live, 'GB: analytics runs (objection profile)');
like($r->{body}, $ads_inert, 'GB: marketing waits for consent');

$r = page('UK', 'Sec-GPC' => '1');
is(hdr($r, 'X-Region'), '[GB]', 'UK is GB');
like($r->{body}, $tracker_inert, 'GB with GPC: an objection, analytics off');

$r = http_get($port, '/privacy', 'X-Region' => 'US-CA');
like($r->{body}, qr/>Do Not Sell or Share My Personal Information</,
    'US-CA: the privacy page offers the opt-out');
$r = http_get($port, '/privacy', 'X-Region' => 'DE');
unlike($r->{body}, qr/Do Not Sell/, 'DE: the privacy page does not');

# Notice and none.

$r = page('AU');
is(hdr($r, 'X-Mode'), 'notice', 'AU: notice');
like($r->{body}, qr/id="consent-notice"/, 'AU: the notice');
like($r->{body}, qr{href="/privacy"}, 'AU: the notice links the policy');
unlike($r->{body}, qr/data-action="accept_all"/, 'AU: no choice asked');
like($r->{body}, $tracker_live, 'AU: analytics loads');
like($r->{body}, $ads_live, 'AU: marketing loads');

$r = page('JP');
is(hdr($r, 'X-Mode'), 'none', 'JP: none');
is($r->{body}, $page, 'JP: the page untouched, byte for byte');
like(hdr($r, 'Vary'), qr/\bX-Region\b/, 'JP: Vary names the region header');

# Unknown regions.

for my $v (undef, '', 'Germany', 'XX') {
    $r = page($v);
    is(hdr($r, 'X-Mode'), 'opt-in',
        'region ' . ($v // 'absent') . ': the default mode');
}

$r = page('Germany');
is(hdr($r, 'X-Region'), '[]', 'not a code: $consent_region empty');

$r = http_get($t->port(1), '/', 'X-Region' => 'US-CA');
is(hdr($r, 'X-Mode'), 'opt-in', 'without consent_region: opt-in for all');
unlike(hdr($r, 'Vary'), qr/X-Region|Sec-GPC/,
    'without consent_region: no region in Vary');

# A decision under opt-out: "Do Not Sell" keeps analytics, stops marketing.

my ($d, $optout) = decide('US-CA', 'action=save&granted=analytics'
    . '&source=nojs&return_to=/');
is($d->{status}, 303, 'US-CA: the opt-out form posts');
ok($optout, 'US-CA: a cookie');

$r = page('US-CA', Cookie => $optout);
is(hdr($r, 'X-Status'), 'valid', 'US-CA after opting out: valid');
like($r->{body}, $tracker_live, 'US-CA after opting out: analytics loads');
like($r->{body}, $ads_inert, 'US-CA after opting out: marketing stops');

$r = page('FR', Cookie => $optout);
is(hdr($r, 'X-Status'), 'stale',
    'the opt-out decision in an opt-in region: stale');
like($r->{body}, qr/id="consent-banner"/, 'FR: the banner comes back');
like($r->{body}, $tracker_inert, 'FR: analytics blocked, no consent given');

$r = http_get($port, '/_consent/state', 'X-Region' => 'US-CA',
    Cookie => $optout);
like($r->{body}, qr/"granted":\["necessary","analytics"\]/,
    'state: granted under opt-out');
like($r->{body}, qr/"region":"US-CA","mode":"opt-out"\}/,
    'state: region and mode');

$r = http_get($port, '/_consent/state', 'X-Region' => 'FR',
    Cookie => $optout);
like($r->{body}, qr/"status":"stale".*"region":"FR","mode":"opt-in"/,
    'state in FR: stale, opt-in');

# An opt-in decision counts everywhere.

my (undef, $optin) = decide('IT', 'action=accept_all&return_to=/');
$r = page('US-CA', Cookie => $optin);
is(hdr($r, 'X-Status'), 'valid', 'an opt-in decision counts in opt-out');
$r = page('DE', Cookie => $optin);
is(hdr($r, 'X-Status'), 'valid', 'and in opt-in');
like($r->{body}, $ads_live, 'DE after accept all: marketing loads');

# The JSON API under GPC: recorded as such.

($d) = decide('US-CA', '{"action":"accept_all"}',
    'Content-Type' => 'application/json', 'Sec-GPC' => '1');
like($d->{body}, qr/"denied":\["marketing"\].*"gpc":true,"region":"US-CA",/,
    'GPC in US-CA: the decision denies marketing');

# The audit log: every record says which rule applied.

my @records = map { $_ } split /\n/, read_file($audit);
is(scalar @records, 3, 'three decisions recorded');
like($records[0], qr/"action":"save".*"region":"US-CA","mode":"opt-out"/,
    'audit: the opt-out with region and mode');
like($records[1], qr/"action":"accept_all".*"region":"IT","mode":"opt-in"/,
    'audit: the opt-in with region and mode');
like($records[2], qr/"region":"US-CA","mode":"opt-out","gpc":true/,
    'audit: the GPC decision');

$t->check_logs;

done_testing();

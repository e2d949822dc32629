#!/usr/bin/perl

# The tracker catalogue in real nginx: a news page with Taboola, Chartbeat,
# comScore and Outbrain tags and first-party scripts.  With the built-in
# policy (which extends the catalogue) the trackers are inert and the rest
# untouched; the site's own hosts are first party even when the catalogue
# knows them; a site policy overrides entities and lists first-party hosts;
# an unknown entity id fails nginx -t with the position and what to do.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(write_file);

my $t = ConsentTest->new;
my $d = $t->dir;
$t->key_file('consent.key');

$t->write_html('news.html', <<'EOF');
<!DOCTYPE html>
<html><head>
<script src="https://cdn.taboola.com/libtrc/news/loader.js" async></script>
<script>window._taboola = window._taboola || []; _taboola.push({article: 'auto'});</script>
<script>var _sf_async_config = {uid: 1234, domain: 'news.example.co.uk'};</script>
<script src="//static.chartbeat.com/js/chartbeat.js" async></script>
<script src="https://sb.scorecardresearch.com/beacon.js"></script>
<script>var _comscore = _comscore || []; _comscore.push({c1: "2", c2: "1234"});</script>
<script src="/js/app.js"></script>
<script src="https://static.news.example.co.uk/js/site.js"></script>
<script src="https://cdn.jsdelivr.net/npm/jquery@3/dist/jquery.min.js"></script>
<script>document.title = 'News';</script>
<script src="https://js.hsforms.net/forms/v2.js"></script>
<script src="https://js.hs-scripts.com/1234.js"></script>
</head><body>
<div class="OUTBRAIN" data-src="https://www.news.example.co.uk/a/1"></div>
<script src="https://widgets.outbrain.com/outbrain.js" async></script>
<img src="https://pixel.unknown-ads.example/p.gif" alt="">
</body></html>
EOF

my $categories = <<'EOF';
  "revision": 1,
  "default_language": "en",
  "categories": [
    {"id": "necessary", "required": true,
     "title": {"en": "Necessary"}, "description": {"en": "Needed."}},
    {"id": "preferences",
     "title": {"en": "Preferences"}, "description": {"en": "Choices."}},
    {"id": "analytics",
     "title": {"en": "Analytics"}, "description": {"en": "Statistics."}},
    {"id": "marketing",
     "title": {"en": "Marketing"}, "description": {"en": "Ads."}}
  ],
  "texts": {"en": {"title": "Privacy", "body": "We use cookies.",
    "accept_all": "Accept all", "reject_all": "Reject all",
    "customize": "Customize", "save": "Save", "policy_link": "Privacy"}}
EOF

write_file("$d/site.json", <<"EOF");
{
  "extends": "catalogue",
  "entities": {
    "chartbeat": {"exclude": true},
    "taboola": {"category": "analytics"}
  },
  "first_party": ["*.outbrain.com"],
$categories}
EOF

my $conf = <<'EOF';
    consent_secret %%DIR%%/consent.key;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;

        location /_consent/ { consent_api; }
    }

    # a server's filter and endpoint share one policy (nginx -t says so)
    server {
        listen 127.0.0.1:%%PORT%%;
        server_name site.example;
        root %%DIR%%/html;
        consent on;
        consent_policy %%DIR%%/site.json;

        location /_consent/ { consent_api; }
    }
EOF

# An entity id the catalogue lacks: nginx -t names the file, line, column.
write_file("$d/bad.json", <<"EOF");
{
  "extends": "catalogue",
  "entities": {
    "no-such-tracker": {"exclude": true}
  },
$categories}
EOF

$t->write_config($conf);
my ($rc, $out) = $t->test_config;
is($rc, 0, 'the built-in policy and the site policy load') or diag($out);

$t->run;
my $port = $t->port;

sub get {
    my ($host, $uri) = @_;
    return ConsentTest::http($port, "GET $uri HTTP/1.1\r\nHost: $host\r\n"
        . "Connection: close\r\n\r\n");
}

my $r = get('www.news.example.co.uk', '/news.html');
my $b = $r->{body};
is($r->{status}, 200, 'page served with the built-in policy');

like($b, qr{<script type="text/plain" data-category="marketing" data-service="taboola" data-name="taboola" data-consent="[0-9a-f]{32}" data-src="https://cdn\.taboola\.com/libtrc/news/loader\.js" async></script>},
    'Taboola loader inert (marketing)');
like($b, qr{<script type="text/plain" data-category="marketing" data-service="taboola" data-name="taboola" data-consent="[0-9a-f]{32}">window\._taboola},
    'Taboola inline queue inert (signature)');
like($b, qr{<script type="text/plain" data-category="analytics" data-service="chartbeat" data-name="chartbeat" data-consent="[0-9a-f]{32}">var _sf_async_config},
    'Chartbeat configuration inert (signature)');
like($b, qr{<script type="text/plain" data-category="analytics" data-service="chartbeat" data-name="chartbeat" data-consent="[0-9a-f]{32}" data-src="//static\.chartbeat\.com/js/chartbeat\.js" async>},
    'Chartbeat loader inert (analytics)');
like($b, qr{<script type="text/plain" data-category="marketing" data-service="scorecard-research" data-name="scorecard-research" data-consent="[0-9a-f]{32}" data-src="https://sb\.scorecardresearch\.com/beacon\.js">},
    'comScore beacon inert');
like($b, qr{<script type="text/plain" data-category="marketing" data-service="scorecard-research" data-name="scorecard-research" data-consent="[0-9a-f]{32}">var _comscore},
    'comScore inline queue inert');
like($b, qr{<script type="text/plain" data-category="marketing" data-service="outbrain" data-name="outbrain" data-consent="[0-9a-f]{32}" data-src="https://widgets\.outbrain\.com/outbrain\.js" async>},
    'Outbrain widget inert');
like($b, qr{<script src="/js/app\.js"></script>}, 'relative first-party script untouched');
like($b, qr{<script src="https://static\.news\.example\.co\.uk/js/site\.js"></script>},
    'first-party subdomain untouched');
like($b, qr{<script src="https://cdn\.jsdelivr\.net/npm/jquery\@3/dist/jquery\.min\.js"></script>},
    'a CDN the catalogue knows as not a tracker untouched');
like($b, qr{<script>document\.title = 'News';</script>}, 'plain inline script untouched');
like($b, qr{<script src="https://js\.hsforms\.net/forms/v2\.js"></script>},
    'HubSpot forms untouched (the built-in policy excludes the entity)');
like($b, qr{<script type="text/plain" data-category="marketing" data-service="hubspot" data-name="hubspot" data-consent="[0-9a-f]{32}" data-src="https://js\.hs-scripts\.com/1234\.js">},
    'while the HubSpot tracking code is inert (its declared pattern)');
like($b, qr{<img src="https://pixel\.unknown-ads\.example/p\.gif" alt="">},
    'an unknown third party is allowed (consent_unknown allow)');
like($b, qr{<div class="OUTBRAIN" data-src="https://www\.news\.example\.co\.uk/a/1"></div>},
    'a site-tagged div is untouched');

# Served as Taboola's own site: its hosts are first party there.
$r = get('blog.taboola.com', '/news.html');
like($r->{body}, qr{<script src="https://cdn\.taboola\.com/libtrc/news/loader\.js" async></script>},
    'on *.taboola.com the Taboola loader is first party');
like($r->{body}, qr{data-service="outbrain" data-name="outbrain" data-consent="[0-9a-f]{32}" data-src="https://widgets\.outbrain\.com/},
    'while Outbrain stays inert');

# The site policy: overrides and first_party.
$r = get('site.example', '/news.html');
$b = $r->{body};
is($r->{status}, 200, 'page served with the site policy');
like($b, qr{<script type="text/plain" data-category="analytics" data-service="taboola" data-name="taboola" data-consent="[0-9a-f]{32}" data-src="https://cdn\.taboola\.com/},
    'Taboola recategorised as analytics');
like($b, qr{<script>var _sf_async_config = \{uid: 1234},
    'excluded Chartbeat: its configuration runs');
like($b, qr{<script src="//static\.chartbeat\.com/js/chartbeat\.js" async></script>},
    'excluded Chartbeat: its loader runs');
like($b, qr{<script src="https://widgets\.outbrain\.com/outbrain\.js" async></script>},
    'first_party *.outbrain.com: Outbrain untouched');
like($b, qr{data-category="marketing" data-service="scorecard-research" data-name="scorecard-research" data-consent="[0-9a-f]{32}" data-src="https://sb\.scorecardresearch\.com/},
    'comScore still inert');

$t->stop;
$t->check_logs;

# Last: nginx -t logs its [emerg], which check_logs would report.
$t->write_config($conf =~ s{consent_policy %%DIR%%/site.json}
                           {consent_policy %%DIR%%/bad.json}r);
($rc, $out) = $t->test_config;
ok($rc != 0, 'an unknown entity id fails nginx -t');
like($out, qr{bad\.json:4:24: entities\.no-such-tracker: unknown catalogue entity "no-such-tracker": use an "id" of assets/catalogue\.json},
    'and names the file, line, column, the id and what to use') or diag($out);


done_testing;

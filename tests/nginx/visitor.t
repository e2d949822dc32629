#!/usr/bin/perl

# What a visitor receives: a light first layer (the preferences are a page
# of the endpoint, fetched on demand or reached without JavaScript), a tiny
# settings control after a decision, the no-JS preferences round trip, the
# privacy notice with every GDPR Art. 13 section in two languages, right to
# left for Arabic and Hebrew, and the nginx -t warning for a policy without
# a controller.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get http_post);

my $t = ConsentTest->new;
$t->key_file('consent.key');

$t->write_html('page.html', <<'EOF');
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><p>Hello</p></body></html>
EOF

ConsentTest::write_file($t->dir . '/nocontroller.json', <<'EOF');
{"revision": 1, "default_language": "en",
 "categories": [{"id": "necessary", "required": true,
   "title": {"en": "N"}, "description": {"en": "N"}}],
 "texts": {"en": {"title": "t", "body": "b", "accept_all": "a",
   "reject_all": "r", "customize": "c", "save": "s", "policy_link": "p"}}}
EOF

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/logs/consent.log;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;

        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }
        location / { consent on; }
    }

    server {
        listen 127.0.0.1:%%PORT1%%;
        root %%DIR%%/html;
        consent_policy %%REPO%%/tests/unit/notice.json;

        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        consent_policy %%DIR%%/nocontroller.json;
        location /_consent/ { consent_api; }
    }
EOF

my ($rc, $out) = $t->test_config;
is($rc, 0, 'nginx -t: a policy without a controller is accepted');
like($out, qr/\[warn\].*nocontroller\.json" has no "controller": the privacy notice/,
     'nginx -t: ... with a warning that says what to add');

$t->run;
my $port = $t->port;
my $notice = $t->port(1);

my $plain = length(ConsentTest::read_file($t->dir . '/html/page.html'));

# First visit: the first layer only, under 6 KB.
my $r = http_get($port, '/page.html', 'Accept-Language' => 'en');
my $added = length($r->{body}) - $plain;
ok($added > 0 && $added <= 6 * 1024, "first visit adds $added bytes (<= 6 KB)");
like($r->{body}, qr/id="consent-banner"/, 'first visit: the banner');
unlike($r->{body}, qr/consent-prefs/, 'first visit: no preferences inline');
like($r->{body}, qr{<form class="consent-open" method="get" action="/_consent/preferences"><input type="hidden" name="return_to" value="/page.html"><button type="submit" class="consent-btn" data-consent-open>Customize</button></form>},
     'first visit: Customize GETs the preferences page without script');

# After a decision: the settings control only, under 1 KB.
$r = http_post($port, '/_consent/', 'action=reject_all&return_to=/page.html');
is($r->{status}, 303, 'no-JS reject: 303');
my ($cookie) = (join("\n", ConsentTest::header_values($r, 'Set-Cookie'))
                =~ /^(consent=[^;]+)/m);
ok($cookie, 'no-JS reject: cookie set');
$r = http_get($port, '/page.html', Cookie => $cookie);
$added = length($r->{body}) - $plain;
ok($added > 0 && $added <= 1024, "after a decision adds $added bytes (<= 1 KB)");
like($r->{body}, qr/class="consent-settings-btn" data-consent-open>Cookie settings</,
     'after a decision: the settings control');
unlike($r->{body}, qr/consent-banner/, 'after a decision: no banner');

# The preferences page: per-request state, date and ID, back to the page.
$r = http_get($port, '/_consent/preferences?return_to=%2Fpage.html%3Fa%3D1',
              Cookie => $cookie);
is($r->{status}, 200, 'preferences: 200');
like(join(',', ConsentTest::header_values($r, 'Cache-Control')), qr/no-store/,
     'preferences: personal, not stored');
like($r->{body}, qr/name="return_to" value="\/page\.html\?a=1"/,
     'preferences: the form returns to the page');
like($r->{body}, qr/Your choice of \d{4}-\d\d-\d\d \d\d:\d\d UTC, consent ID [0-9a-f]{32}\./,
     'preferences: the date and ID of the choice');
like($r->{body}, qr/value="withdraw"/, 'preferences: withdraw offered');
$r = http_get($port, '/_consent/preferences?return_to=%2F%2Fevil.example%2F');
like($r->{body}, qr/name="return_to" value="\/"/,
     'preferences: a foreign return_to becomes /');

# The no-JS save from that page goes back to the page.
$r = http_post($port, '/_consent/',
               'action=save&granted=analytics&return_to=%2Fpage.html%3Fa%3D1',
               Cookie => $cookie);
is($r->{status}, 303, 'no-JS save: 303');
is((ConsentTest::header_values($r, 'Location'))[0] =~ s{^https?://[^/]+}{}r,
   '/page.html?a=1', 'no-JS save: back to the page');

# Languages.
$r = http_get($port, '/page.html', 'Accept-Language' => 'ar, en;q=0.5');
like($r->{body}, qr/<div id="consent" class="consent" lang="ar" dir="rtl"/,
     'Arabic: lang and dir rtl');
$r = http_get($port, '/page.html', 'Accept-Language' => 'he-IL');
like($r->{body}, qr/lang="he" dir="rtl"/, 'Hebrew: rtl');
$r = http_get($port, '/page.html',
              'Accept-Language' => 'fr;q=0.4, pl;q=0.9, de;q=0.7');
like($r->{body}, qr/lang="pl".*Zaakceptuj wszystkie/s,
     'q-values: Polish wins');

# The notice in English and German.
$r = http_get($notice, '/privacy', 'Accept-Language' => 'en');
for my $s ('>Controller</h2>', '>Data protection officer</h3>',
           'Legal basis:</strong> your consent',
           'Legal basis:</strong> strictly necessary',
           '<caption>Recipients</caption>', 'USA: EU-US Data Privacy Framework',
           '_st_&lt;site-id&gt;', '>How we record your choice</h2>',
           'IP address shortened', '>Your rights</h2>',
           'Berliner Beauftragte', '<h2>Newsletter</h2>',
           '>Back to the site</a>')
{
    ok(index($r->{body}, $s) >= 0, "notice en: $s");
}
$r = http_get($notice, '/privacy', 'Accept-Language' => 'de-DE');
like($r->{body}, qr/<html lang="de" dir="ltr">/, 'notice de: lang');
for my $s ('>Verantwortlicher</h2>', 'Rechtsgrundlage:</strong> Ihre Einwilligung',
           '>Ihre Rechte</h2>', '13&#160;Monate', 'EU-US-Datenschutzrahmen')
{
    ok(index($r->{body}, $s) >= 0 || index($r->{body}, $s =~ s/&#160;/\xc2\xa0/r) >= 0,
       "notice de: $s");
}

done_testing();

#!/usr/bin/perl

# Click-to-load placeholders in the page nginx serves: before each blocked
# frame a visitor sees, in the visitor's language, with the service's name
# escaped, its privacy policy only when the policy knows one, the form that
# allows the service and comes back to the placeholder; none for pixel
# frames or once the category is granted; the same output for 1-byte
# output buffers.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get http_post header_values);

my $t = ConsentTest->new;
$t->key_file('consent.key');

ConsentTest::write_file($t->dir . '/policy.json', <<'EOF');
{
  "revision": 1,
  "default_language": "en",
  "controller": {"name": "Example"},
  "categories": [
    {"id": "necessary", "required": true, "title": {"en": "Necessary", "de": "Notwendig"},
     "description": {"en": "Needed", "de": "Nötig"}},
    {"id": "preferences", "title": {"en": "Preferences", "de": "Präferenzen"},
     "description": {"en": "Embeds", "de": "Einbettungen"}},
    {"id": "marketing", "title": {"en": "Marketing", "de": "Werbung"},
     "description": {"en": "Ads", "de": "Anzeigen"}}
  ],
  "services": [
    {"id": "clips", "name": "Clips <b>&</b> \"Co\"", "category": "preferences",
     "provider": "Clips Ltd.", "privacy_url": "https://clips.example/privacy?a=1&b=2",
     "match": {"src": ["^https://clips\\.example/embed/"]}},
    {"id": "maps", "name": "Maps", "category": "marketing", "provider": "Maps Co",
     "match": {"src": ["^https://maps\\.example/"]}}
  ],
  "texts": {
    "en": {"title": "Cookies", "body": "We use cookies.", "accept_all": "Accept all",
           "reject_all": "Reject all", "customize": "Customize", "save": "Save",
           "policy_link": "Privacy policy"},
    "de": {"title": "Cookies", "body": "Wir nutzen Cookies.", "accept_all": "Alle akzeptieren",
           "reject_all": "Alle ablehnen", "customize": "Anpassen", "save": "Speichern",
           "policy_link": "Datenschutz"}
  }
}
EOF

$t->write_html('embeds.html', <<'EOF');
<!DOCTYPE html>
<html><head><title>embeds</title></head><body>
<p><iframe src="https://clips.example/embed/1" width="560" height="315" title="A clip"></iframe></p>
<iframe src="https://maps.example/e?q=1" style="border:0"></iframe>
<iframe src="https://clips.example/embed/pixel" width="1" height="1"></iframe>
<noscript><iframe src="https://clips.example/embed/2" width="400" height="300"></iframe></noscript>
<img src="https://maps.example/tile.png" width="256" height="256">
</body></html>
EOF

$t->write_config(<<'EOF');
    consent_secret %%DIR%%/consent.key;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;
        consent_policy %%DIR%%/policy.json;

        location /_consent/ { consent_api; }

        location /tiny/ {
            alias %%DIR%%/html/;
            output_buffers 1 1;
        }
    }
EOF

$t->run;
my $port = $t->port;

my $r = http_get($port, '/embeds.html?x=1&y=%22');
is($r->{status}, 200, 'the page is served');
my $body = $r->{body};
my ($m) = $body =~ /data-consent-marker="([0-9a-f]{32})"/;
ok($m, 'a marker for consent.js');

my @ph = $body =~ /(<span class="consent-embed".*?<\/button><\/span><\/span><\/span>)/g;
is(scalar @ph, 3, 'three placeholders: two frames and the one in noscript');
my ($tail) = $body =~ m{</html>\n(.*)$}s;
my @forms = $tail =~ /(<form id="consent-embed-\d+-f".*?<\/form>)/g;

like($body, qr{<p><span class="consent-embed" id="consent-embed-1" role="region" aria-labelledby="consent-embed-1-t" lang="en" dir="ltr" data-consent-embed="$m"><canvas width="560" height="315" aria-hidden="true"></canvas>.*?</span></span></span><iframe data-category="preferences" data-service="clips" data-name="clips" data-consent="$m" data-src="https://clips\.example/embed/1" width="560" height="315" title="A clip"></iframe></p>},
    'the placeholder stands right before its inert frame, in its paragraph, with its size');

like($ph[0], qr{<span class="consent-embed-title" id="consent-embed-1-t">Clips &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;</span>},
    'the service named, escaped');
unlike($body, qr{<b>&</b>}, 'no markup of the policy gets through');
like($ph[0], qr{<span class="consent-embed-text">This content is provided by Clips Ltd\. Loading it lets Clips Ltd\. set cookies and learn that you visit this page\. <a class="consent-link" href="https://clips\.example/privacy\?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">},
    'what loading means, the provider and its privacy policy');
is(scalar @forms, 2, 'the forms of the two placeholders out of noscript');
like($body, qr{</body></html>\n<form id="consent-embed-1-f" class="consent-form consent-embed-form" method="post" action="/_consent/" hidden><input type="hidden" name="action" value="allow"><input type="hidden" name="service" value="clips"><input type="hidden" name="source" value="placeholder"><input type="hidden" name="return_to" value="/embeds\.html\?x=1&amp;y=%22#consent-embed-1"></form><form id="consent-embed-2-f"[^>]*>.*name="service" value="maps".*</form>$}s,
    'Always allow: the forms at the end of the page, for the service, back to the placeholder');
like($body, qr{</iframe><form id="consent-embed-3-f"[^>]*>.*?</form></noscript>}s,
    'the form of the placeholder in noscript at the end of noscript');
like($ph[0], qr{<button type="button" class="consent-btn" data-consent-load hidden>Load once</button><button class="consent-btn" form="consent-embed-1-f">Always allow Clips &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;</button>},
    'Load once (for consent.js) and Always allow, submitting its form');

like($ph[1], qr{id="consent-embed-2".*<canvas width="640" height="360"}s,
    'a frame without a size: 16:9');
like($ph[1], qr{This content is provided by Maps Co\.}, 'the other service\'s provider');
unlike($ph[1], qr{<a }, 'no privacy link when the policy has none');

like($body, qr{<noscript><span class="consent-embed" id="consent-embed-3"}, 'a placeholder inside noscript, numbered with the page');
unlike($body, qr{consent-embed-4}, 'none for the pixel frame and the image');
like($body, qr{<iframe data-category="preferences" data-service="clips" data-name="clips" data-consent="$m" data-src="https://clips\.example/embed/pixel" width="1" height="1">},
    'the pixel frame is blocked all the same');

# German
my $de = http_get($port, '/embeds.html', 'Accept-Language' => 'de-DE,de;q=0.9,en;q=0.5')->{body};
like($de, qr{<span class="consent-embed-text">Dieser Inhalt wird von Clips Ltd\. bereitgestellt\. Wenn Sie ihn laden, kann Clips Ltd\. Cookies setzen und erfährt, dass Sie diese Seite besuchen\. <a class="consent-link" href="https://clips\.example/privacy\?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">Datenschutzerklärung des Anbieters</a>},
    'German: the text and the privacy link');
like($de, qr{>Einmal laden</button><button class="consent-btn" form="consent-embed-1-f">Clips &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot; immer erlauben</button>},
    'German: the buttons');

# the category granted: the frame is live, no placeholder
my $post = http_post($port, '/_consent/', 'action=save&granted=preferences&return_to=/embeds.html');
is($post->{status}, 303, 'preferences granted');
my ($cookie) = (header_values($post, 'Set-Cookie'))[0] =~ /^(consent=[^;]+)/;
my $g = http_get($port, '/embeds.html', Cookie => $cookie)->{body};
like($g, qr{<p><span id="consent-embed-1"></span><iframe src="https://clips\.example/embed/1" width="560" height="315" title="A clip"></iframe></p>},
    'granted: the frame as the page had it, after the anchor its placeholder\'s form came back to');
like($g, qr{<span class="consent-embed" id="consent-embed-2"[^>]*><canvas width="640" height="360"},
    'granted: the other placeholders keep their numbers');
unlike($g, qr{name="service" value="clips"}, 'granted: none for that service');

# the page without what differs per response
sub same {
    my ($s) = @_;
    $s =~ s/[0-9a-f]{32}/M/g;
    $s =~ s/name="return_to" value="[^"]*"/name="return_to" value=""/g;
    return $s;
}

is(same(http_get($port, '/tiny/embeds.html')->{body}), same($body),
    '1-byte output buffers: same output');

$t->check_logs;
done_testing;

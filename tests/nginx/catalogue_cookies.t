#!/usr/bin/perl

# The catalogue's cookie facts in real nginx, with the built-in policy:
# consent_strip_cookies removes upstream Set-Cookie headers of catalogue
# services whose category is not granted (exact names and prefixes, but not
# the cookies the Open Cookie Database counts as necessary), and the policy
# page declares a seen catalogue service's cookies by their readable names.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use ConsentTest qw(http_get);

my $t = ConsentTest->new;
my $key = $t->key_file('consent.key');
my $mint = ConsentTest::build() . '/tests/mint-cookie';
my $builtin = "$FindBin::Bin/../../ngx_consent_module/assets/policy.json";

$t->write_html('news.html', <<'EOF2');
<!DOCTYPE html>
<html><head><title>News</title>
<script src="https://static.chartbeat.com/js/chartbeat.js"></script>
</head><body><p>Story</p></body></html>
EOF2

$t->write_config(<<'EOF2');
    consent_secret %%DIR%%/consent.key;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;

        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }

        location /cookies/ {
            consent_strip_cookies on;
            proxy_pass http://127.0.0.1:%%PORT2%%/;
        }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        location / {
            add_header Set-Cookie "_chartbeat2=1; Path=/";
            add_header Set-Cookie "t_gid=2; Path=/";
            add_header Set-Cookie "hubspotapi-csrf=3; Path=/";
            add_header Set-Cookie "session=4; HttpOnly";
            default_type application/json;
            return 200 '{"ok": true}';
        }
    }
EOF2

$t->run;
my $port = $t->port(0);

# Without a decision: Chartbeat's (prefix "_chartbeat*", analytics) and
# Taboola's (exact "t_gid", marketing) go; HubSpot's CSRF cookie is
# necessary and stays, like the site's own session.
my @set = ConsentTest::header_values(http_get($port, '/cookies/x'),
    'Set-Cookie');
is_deeply([sort @set], ['hubspotapi-csrf=3; Path=/', 'session=4; HttpOnly'],
    'no consent: catalogue tracker cookies stripped, necessary ones kept');

# Analytics granted (built-in bits: necessary 0, preferences 1,
# analytics 2, marketing 3).
my $cookie = `$mint $builtin $key 1 5 ${\ time}`;
chomp $cookie;
@set = ConsentTest::header_values(http_get($port, '/cookies/x',
    Cookie => "consent=$cookie"), 'Set-Cookie');
is_deeply([sort @set], ['_chartbeat2=1; Path=/', 'hubspotapi-csrf=3; Path=/',
                        'session=4; HttpOnly'],
    'analytics granted: Chartbeat\'s cookie kept, Taboola\'s stripped');

# The policy page lists Chartbeat once seen, with its cookies as people
# read them, never as regexes.
my $r = http_get($port, '/privacy');
unlike($r->{body}, qr/_chartbeat/, 'policy page: Chartbeat not seen yet');
http_get($port, '/news.html');
$r = http_get($port, '/privacy');
like($r->{body}, qr{<tr id="service-chartbeat">.*?<code>_chartbeat\*</code>}s,
     'policy page: the seen service\'s prefix cookie in readable form');
like($r->{body}, qr{<code>_SUPERFLY_nosample</code>},
     'policy page: and its exact one');
unlike($r->{body}, qr{\^_chartbeat|\.\*\$}, 'policy page: no regex shown');

$t->stop;
$t->check_logs;

done_testing;

#!/usr/bin/perl

# The installed Debian package libnginx-mod-http-consent in Debian's nginx:
# the module is loaded through the modules-enabled link its postinst made,
# nginx -t passes, a page gets its banner and a tracker is made inert, a
# decision writes an audit record, and /usr/bin/consent-audit verifies it.
# Skips when the package is not installed (make deb, then
# apt-get install ./build/deb/libnginx-mod-http-consent_*.deb); under CI it
# must be installed.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/../nginx/lib";
use Test::More;
use ConsentTest qw(http http_get read_file);

my $status = `dpkg-query -W -f '\${Status} \${Version}' libnginx-mod-http-consent 2>/dev/null`;
unless ($status =~ /install ok installed (\S+)/) {
    if ($ENV{CI}) {
        plan tests => 1;
        fail('libnginx-mod-http-consent is installed (.ci/run installs it)');
        exit 1;
    }
    plan skip_all => 'libnginx-mod-http-consent is not installed '
        . '(make deb; apt-get install ./build/deb/libnginx-mod-http-consent_*.deb)';
}
my $version = $1;

my $enabled = '/etc/nginx/modules-enabled/50-mod-http-consent.conf';
ok(-l $enabled, "$enabled: the postinst enabled the module");
like(read_file($enabled) // '',
    qr{^load_module modules/ngx_http_consent_module\.so;}m,
    'it loads the packaged .so');
ok(-f '/usr/lib/nginx/modules/ngx_http_consent_module.so',
    'module in /usr/lib/nginx/modules');
ok(-x '/usr/bin/consent-audit', 'consent-audit in /usr/bin');
ok(-f '/usr/share/man/man1/consent-audit.1.gz', 'its man page');

# Debian's nginx with the package's load file, as /etc/nginx/nginx.conf
# includes it: the harness adds no load_module of its own.
local $ENV{CONSENT_MODULE} = 'static';
local $ENV{NGINX_BIN} = '/usr/sbin/nginx';
my $t = ConsentTest->new(name => 'deb-smoke');
my $secret = $t->key_file('consent.key');
my $dir = $t->dir;

# The load file names modules/ under nginx's prefix; Debian's prefix
# (/usr/share/nginx) has this link, the test's prefix gets the same.
symlink('/usr/lib/nginx/modules', "$dir/modules") or die "symlink: $!";

$t->write_config(<<'EOF', main => "include $enabled;");
    consent_secret %%DIR%%/consent.key;
    consent_audit_log %%DIR%%/logs/consent.log;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%DIR%%/html;
        consent on;
        location /_consent/ { consent_api; }
    }
EOF
$t->write_html('index.html', <<'EOF');
<!DOCTYPE html>
<html><head><title>Shop</title>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
</head><body><p>Hello</p></body></html>
EOF

my ($rc, $out) = $t->test_config;
is($rc, 0, "nginx -t with the packaged module ($version)") or diag($out);

$t->run;
my $port = $t->port;

my $page = http_get($port, '/');
is($page->{status}, 200, 'page served');
like($page->{body}, qr{<body>.*action="/_consent/"}s, 'the page gets its banner');
like($page->{body},
    qr{<script type="text/plain"[^>]*data-src="https://www\.googletagmanager\.com/gtag/js\?id=G-1"},
    'Google Tag Manager is inert');

my $body = 'action=accept_all&return_to=/';
my $r = http($port, "POST /_consent/ HTTP/1.1\r\nHost: 127.0.0.1:$port\r\n"
    . "Origin: http://127.0.0.1:$port\r\nConnection: close\r\n"
    . "Content-Type: application/x-www-form-urlencoded\r\n"
    . "Content-Length: " . length($body) . "\r\n\r\n$body");
is($r->{status}, 303, 'decision accepted');

my @records = grep { length } split /\n/,
    read_file("$dir/logs/consent.log") // '';
is(scalar @records, 1, 'one audit record');
like($records[0] // '', qr{"action":"accept_all"}, 'it records the decision');

my $verify = `/usr/bin/consent-audit verify --secret $secret $dir/logs/consent.log 2>&1`;
is($? >> 8, 0, 'consent-audit verifies the chain') or diag($verify);

$t->stop;
$t->check_logs;

done_testing;

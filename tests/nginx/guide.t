#!/usr/bin/perl

# Every ```nginx block of docs/deployment.md is a file for /etc/nginx/conf.d/
# (http context).  Each one goes into an nginx.conf shaped like Debian's
# (the module loaded, mime.types, the block inside http {}) and must pass
# nginx -t with the module.  Absolute paths of the block are moved under the
# test directory, and the files it names are made there: keys for
# consent_secret and consent_audit_key, the example policy for
# consent_policy, a self-signed certificate for ssl_certificate.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use File::Path qw(make_path);
use File::Basename qw(dirname);
use File::Copy qw(copy);
use Test::More;
use ConsentTest qw(read_file write_file);

my $guide = ConsentTest::repo() . '/docs/deployment.md';
my $text = read_file($guide) // die "$guide: $!";

my @blocks;
while ($text =~ /^```nginx\n(.*?)^```$/gms) {
    push @blocks, $1;
}
# The guide's sections each show at least one complete file.
cmp_ok(scalar @blocks, '>=', 10, 'nginx blocks found in docs/deployment.md');

my $t = ConsentTest->new;
my $dir = $t->dir;
my $load = ($ENV{CONSENT_MODULE} // '') eq 'static' ? ''
    : 'load_module ' . ($ENV{CONSENT_MODULE}
        || ConsentTest::build() . '/ngx_http_consent_module.so') . ';';
my $user = $> == 0 ? 'user root;' : '';

# Debian's include files the blocks name by relative path.
for my $f (qw(mime.types fastcgi.conf fastcgi_params snippets/fastcgi-php.conf)) {
    make_path(dirname("$dir/$f"));
    copy("/etc/nginx/$f", "$dir/$f") if -e "/etc/nginx/$f";
}

my ($cert, $cert_key) = ("$dir/tls/cert.pem", "$dir/tls/key.pem");

sub make_file {
    my ($kind, $path) = @_;
    make_path(dirname($path));
    return if -e $path;
    if ($kind eq 'consent_secret' || $kind eq 'consent_audit_key') {
        write_file($path, ConsentTest::random_key(48) . "\n");
    } elsif ($kind eq 'consent_policy') {
        copy(ConsentTest::repo() . '/examples/policy.json', $path)
            or die "copy policy: $!";
    } elsif ($kind eq 'ssl_certificate' || $kind eq 'ssl_certificate_key') {
        unless (-e $cert) {
            make_path(dirname($cert));
            system("openssl req -x509 -newkey rsa:2048 -nodes"
                . " -subj /CN=shop.example -days 2"
                . " -keyout $cert_key -out $cert 2>/dev/null") == 0
                or die "openssl req failed";
        }
        copy($kind eq 'ssl_certificate' ? $cert : $cert_key, $path)
            or die "copy $kind: $!";
    }
}

my $n = 0;
for my $block (@blocks) {
    $n++;
    my ($name) = $block =~ m{^#\s*(\S+)};
    $name //= "block $n";

    # /etc, /var and /run move under the test directory.
    (my $conf = $block) =~ s{(?<![\w./\$])/(etc|var|run)/}{$dir/$1/}g;

    while ($conf =~ /^\s*(consent_secret|consent_audit_key|consent_policy
                          |ssl_certificate|ssl_certificate_key)\s+(\S+);/gmx)
    {
        make_file($1, $2);
    }
    while ($conf =~ m{(\Q$dir\E/\S+?)[;\s]}g) {
        my $path = $1;
        make_path($path =~ m{/$} ? $path : dirname($path));
    }

    write_file("$dir/nginx.conf", <<"EOF");
$load
$user
pid $dir/nginx.pid;
error_log $dir/logs/error.log info;
events { worker_connections 64; }
http {
    include mime.types;
    default_type application/octet-stream;
    access_log $dir/logs/access.log;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;

$conf
}
EOF
    my ($rc, $out) = $t->test_config;
    is($rc, 0, "deployment.md: $name passes nginx -t")
        or diag("$out\n$conf");
}

done_testing;

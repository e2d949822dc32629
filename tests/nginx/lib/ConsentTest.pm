package ConsentTest;

# A small harness in the style of nginx-tests: writes a configuration from
# the test, starts Debian's nginx with the module on free loopback ports,
# makes real HTTP requests over loopback, stops nginx and fails on any
# [alert], [emerg] or sanitizer line in its logs.  Core Perl only.
#
# Environment:
#   CONSENT_MODULE    the module to load (default BUILD/ngx_http_consent_module.so;
#                     "static" for an nginx built with --add-module)
#   CONSENT_SANITIZE  1: LD_PRELOAD libasan+libubsan (module built by make asan)
#   CONSENT_VALGRIND  1: run nginx under valgrind, fail on any error
#   NGINX_BIN         default /usr/sbin/nginx
#   BUILD             the Makefile's build directory (default build/): the
#                     module, the test tools and each test's files
#                     (BUILD/tests/nginx/NAME-PID/)

use strict;
use warnings;

use Exporter qw(import);
use File::Path qw(make_path remove_tree);
use File::Spec;
use Cwd qw(abs_path);
use IO::Socket::INET;
use POSIX qw(WNOHANG);
use Socket qw(SOL_SOCKET SO_REUSEADDR);
use Test::More;

our @EXPORT_OK = qw(http http_get http_post header_values random_key
    write_file read_file free_port wait_until);

my $REPO = abs_path(File::Spec->catdir(
    (File::Spec->splitpath(abs_path(__FILE__)))[1], '..', '..', '..'));

sub repo { $REPO }

# The build directory of the Makefile (BUILD=...; default build/).
sub build {
    my $b = $ENV{BUILD} || 'build';
    return $b =~ m{^/} ? $b : "$REPO/$b";
}

# A program of the build the module under test comes from (make asan's
# consent-audit for its module), else of build().
sub tool {
    my ($name) = @_;
    my ($dir) = ($ENV{CONSENT_MODULE} // '') =~ m{^(.*)/[^/]+$};
    return "$dir/$name" if $dir && -x "$dir/$name";
    return build() . "/$name";
}

sub new {
    my ($class, %opts) = @_;

    my $name = $opts{name} || ((File::Spec->splitpath($0))[2] =~ s/\.t$//r);
    my $dir = build() . "/tests/nginx/$name-$$";

    remove_tree(glob build() . "/tests/nginx/$name-*");
    make_path("$dir/tmp", "$dir/html", "$dir/logs");

    my $self = bless {
        dir => $dir,
        name => $name,
        workers => $opts{workers} || 1,
        module => $ENV{CONSENT_MODULE}
            || build() . '/ngx_http_consent_module.so',
        nginx => $ENV{NGINX_BIN} || '/usr/sbin/nginx',
        ports => {},
        pid => undef,
        checked_logs => 0,
    }, $class;

    return $self;
}

sub dir { $_[0]{dir} }

# The Nth free loopback port of this test (stable for its lifetime).
sub port {
    my ($self, $n) = @_;
    $n //= 0;
    $self->{ports}{$n} //= free_port();
    return $self->{ports}{$n};
}

sub free_port {
    for (1 .. 100) {
        my $port = 20000 + int(rand(30000));
        my $s = IO::Socket::INET->new(
            LocalAddr => '127.0.0.1', LocalPort => $port, Proto => 'tcp',
            Listen => 1, ReuseAddr => 0);
        next unless $s;
        close $s;
        return $port;
    }
    die "no free port found";
}

sub random_key {
    my ($len) = @_;
    $len //= 48;
    open my $fh, '<:raw', '/dev/urandom' or die "urandom: $!";
    read($fh, my $bytes, $len) == $len or die "urandom short read";
    close $fh;
    my $k = unpack('H*', $bytes);
    return $k;
}

sub write_file {
    my ($path, $content) = @_;
    open my $fh, '>:raw', $path or die "write $path: $!";
    print $fh $content;
    close $fh;
}

sub read_file {
    my ($path) = @_;
    open my $fh, '<:raw', $path or return undef;
    local $/;
    my $c = <$fh>;
    close $fh;
    return $c;
}

# Writes a key file of $len random bytes (hex) under the test directory.
sub key_file {
    my ($self, $name, $len) = @_;
    my $path = "$self->{dir}/$name";
    write_file($path, random_key($len // 48) . "\n");
    return $path;
}

sub expand {
    my ($self, $text) = @_;
    $text =~ s/%%PORT(\d*)%%/$self->port($1 eq '' ? 0 : $1)/ge;
    $text =~ s/%%DIR%%/$self->{dir}/g;
    $text =~ s/%%REPO%%/$REPO/g;
    return $text;
}

# The http{} content of the test; the harness adds the rest.
sub write_config {
    my ($self, $http, %opts) = @_;

    my $user = $> == 0 ? "user root;\n" : '';
    my $workers = $opts{workers} || $self->{workers};
    my $main = $opts{main} // '';
    my $d = $self->{dir};

    # CONSENT_MODULE=static: nginx built with --add-module
    my $load = $self->{module} eq 'static' ? ''
        : "load_module $self->{module};";

    my $conf = <<"EOF";
$load
${user}daemon off;
master_process on;
worker_processes $workers;
pid $d/nginx.pid;
error_log $d/logs/error.log info;
$main
events {
    worker_connections 256;
}

http {
    access_log $d/logs/access.log;
    client_body_temp_path $d/tmp/body;
    proxy_temp_path $d/tmp/proxy;
    fastcgi_temp_path $d/tmp/fastcgi;
    uwsgi_temp_path $d/tmp/uwsgi;
    scgi_temp_path $d/tmp/scgi;
    default_type application/octet-stream;
    types {
        text/html html;
        text/css css;
        application/javascript js;
        application/json json;
        image/png png;
    }

$http
}
EOF

    write_file("$d/nginx.conf", $self->expand($conf));
    return $self;
}

sub write_html {
    my ($self, $name, $content) = @_;
    write_file("$self->{dir}/html/$name", $content);
    return $self;
}

sub _env_prefix {
    my ($self) = @_;
    my %env;
    if ($ENV{CONSENT_SANITIZE}) {
        my @libs = grep { -e } map { glob $_ }
            '/usr/lib/x86_64-linux-gnu/libasan.so.*[0-9]',
            '/usr/lib/x86_64-linux-gnu/libubsan.so.*[0-9]';
        my %seen;
        @libs = grep { !$seen{(/(lib\w+)\.so/)[0]}++ } @libs;
        $env{LD_PRELOAD} = join(':', @libs);
        $env{ASAN_OPTIONS} = 'detect_leaks=0:abort_on_error=0:'
            . "log_path=$self->{dir}/logs/asan";
        $env{UBSAN_OPTIONS} = 'print_stacktrace=1:'
            . "log_path=$self->{dir}/logs/ubsan";
    }
    return %env;
}

sub _command {
    my ($self, @args) = @_;
    my @cmd = ($self->{nginx}, '-p', "$self->{dir}/", '-e',
        "$self->{dir}/logs/error.log", '-c', "$self->{dir}/nginx.conf", @args);
    if ($ENV{CONSENT_VALGRIND}) {
        unshift @cmd, 'valgrind', '-q', '--trace-children=yes',
            '--error-exitcode=99', "--log-file=$self->{dir}/logs/valgrind.%p";
    }
    return @cmd;
}

# Runs nginx -t; returns (exit status, output).
sub test_config {
    my ($self) = @_;
    my %env = $self->_env_prefix;
    local @ENV{keys %env} = values %env;
    my @cmd = $self->_command('-t', '-q');
    my $pid = open(my $fh, '-|') // die "fork: $!";
    if ($pid == 0) {
        open STDERR, '>&', \*STDOUT;
        exec @cmd or die "exec: $!";
    }
    local $/;
    my $out = <$fh> // '';
    close $fh;
    my $status = $? & 127 ? 128 + ($? & 127) : $? >> 8;
    $out .= "(killed by signal " . ($? & 127) . ")\n" if $? & 127;
    return ($status, $out);
}

sub run {
    my ($self) = @_;
    my %env = $self->_env_prefix;
    my @cmd = $self->_command;

    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        @ENV{keys %env} = values %env;
        open STDOUT, '>>', "$self->{dir}/logs/stderr.log";
        open STDERR, '>>', "$self->{dir}/logs/stderr.log";
        exec @cmd or die "exec: $!";
    }
    $self->{pid} = $pid;

    my $port = $self->port(0);
    my $up = wait_until(sub {
        die "nginx exited at start:\n" . $self->error_log
            if waitpid($pid, WNOHANG) == $pid;
        my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port",
            Proto => 'tcp');
        return $s ? 1 : 0;
    }, $ENV{CONSENT_VALGRIND} ? 60 : 10);
    die "nginx did not start on port $port:\n" . $self->error_log unless $up;
    $self->_wait_workers;
    return $self;
}

# With several workers, wait until each one is up.
sub _wait_workers {
    my ($self) = @_;
    wait_until(sub {
        my $log = read_file("$self->{dir}/logs/error.log") // '';
        my $n = () = $log =~ /start worker process/g;
        return $n >= $self->{workers};
    }, 10);
}

sub error_log {
    my ($self) = @_;
    return (read_file("$self->{dir}/logs/error.log") // '')
        . (read_file("$self->{dir}/logs/stderr.log") // '');
}

sub master_pid { $_[0]{pid} }

sub worker_pids {
    my ($self) = @_;
    my $m = $self->{pid};
    my @pids;
    for my $stat (glob '/proc/[0-9]*/stat') {
        my $s = read_file($stat) or next;
        my ($pid, $ppid) = $s =~ /^(\d+) \(.*?\) \S+ (\d+)/ or next;
        push @pids, $pid if $ppid == $m;
    }
    return @pids;
}

sub signal {
    my ($self, $sig) = @_;
    kill $sig, $self->{pid};
}

# Reload: HUP, then wait until the old workers are gone.
sub reload {
    my ($self) = @_;
    my @old = $self->worker_pids;
    $self->signal('HUP');
    wait_until(sub { !grep { kill 0, $_ } @old }, 20);
    return $self;
}

sub stop {
    my ($self) = @_;
    my $pid = delete $self->{pid} or return;
    kill 'QUIT', $pid;
    my $gone = wait_until(sub { waitpid($pid, WNOHANG) == $pid },
        $ENV{CONSENT_VALGRIND} ? 60 : 15);
    unless ($gone) {
        kill 'KILL', $pid;
        waitpid($pid, 0);
    }
    return $self;
}

# Fails on alerts, emergencies and sanitizer or valgrind reports.
sub check_logs {
    my ($self, %opts) = @_;
    $self->{checked_logs} = 1;
    my $log = $self->error_log;
    my @bad = grep { /\[(alert|emerg|crit)\]|AddressSanitizer|runtime error:|LeakSanitizer/ }
        split /\n/, $log;
    @bad = grep { !/$opts{allow}/ } @bad if $opts{allow};
    for my $f (glob "$self->{dir}/logs/asan.* $self->{dir}/logs/ubsan.*") {
        push @bad, "sanitizer report in $f:", split /\n/, read_file($f);
    }
    for my $f (glob "$self->{dir}/logs/valgrind.*") {
        my $v = read_file($f) // '';
        push @bad, "valgrind report in $f:", split /\n/, $v if $v =~ /\S/;
    }
    ok(!@bad, "$self->{name}: no alert, emerg or sanitizer line in the logs")
        or diag(join("\n", @bad[0 .. ($#bad < 40 ? $#bad : 40)]));
}

sub DESTROY {
    my ($self) = @_;
    $self->stop if $self->{pid};
}

sub wait_until {
    my ($cond, $timeout) = @_;
    my $end = time + ($timeout // 10);
    while (time < $end) {
        return 1 if $cond->();
        select(undef, undef, undef, 0.05);
    }
    return $cond->() ? 1 : 0;
}

# HTTP over loopback. Returns a hash: status, headers (lowercase name =>
# [values]), body (de-chunked), raw.
sub http {
    my ($port, $request, %opts) = @_;
    my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port",
        Proto => 'tcp', Timeout => 10) or die "connect $port: $!";
    binmode $s;
    print $s $request;
    my $raw = '';
    my $deadline = time + ($opts{timeout} // 30);
    while (time < $deadline) {
        my $n = sysread($s, my $buf, 65536);
        last if !$n;
        $raw .= $buf;
    }
    close $s;
    return parse_response($raw);
}

sub parse_response {
    my ($raw) = @_;
    my %r = (raw => $raw, headers => {});
    my $i = index($raw, "\r\n\r\n");
    return \%r if $i < 0;
    my ($head, $body) = (substr($raw, 0, $i), substr($raw, $i + 4));
    my @lines = split /\r\n/, $head;
    my $status_line = shift @lines;
    ($r{status}) = $status_line =~ m{^HTTP/\d\.\d (\d{3})};
    for my $l (@lines) {
        my ($k, $v) = $l =~ /^([^:]+):\s*(.*)$/ or next;
        push @{$r{headers}{lc $k}}, $v;
    }
    if (grep { /chunked/i } @{$r{headers}{'transfer-encoding'} || []}) {
        my $out = '';
        while ($body =~ s/^([0-9a-fA-F]+)[^\r]*\r\n//) {
            my $len = hex $1;
            last if $len == 0;
            $out .= substr($body, 0, $len, '');
            $body =~ s/^\r\n//;
        }
        $body = $out;
    }
    $r{body} = $body;
    return \%r;
}

sub header_values {
    my ($r, $name) = @_;
    return @{$r->{headers}{lc $name} || []};
}

sub _headers {
    my (%h) = @_;
    my $out = '';
    for my $k (sort keys %h) {
        for my $v (ref $h{$k} ? @{$h{$k}} : $h{$k}) {
            $out .= "$k: $v\r\n";
        }
    }
    return $out;
}

sub http_get {
    my ($port, $uri, %h) = @_;
    my $method = delete $h{METHOD} || 'GET';
    return http($port, "$method $uri HTTP/1.1\r\nHost: localhost\r\n"
        . "Connection: close\r\n" . _headers(%h) . "\r\n");
}

sub http_post {
    my ($port, $uri, $body, %h) = @_;
    $h{'Content-Type'} //= 'application/x-www-form-urlencoded';
    return http($port, "POST $uri HTTP/1.1\r\nHost: localhost\r\n"
        . "Connection: close\r\nContent-Length: " . length($body) . "\r\n"
        . _headers(%h) . "\r\n" . $body);
}

1;

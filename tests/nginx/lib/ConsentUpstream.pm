package ConsentUpstream;

# Small upstreams for the filter tests, each in a forked process on a
# loopback port: an HTTP responder whose answers a test computes from the
# request, and a FastCGI responder (the protocol's few records written
# out here) that shows the CGI parameters it was given.  Core Perl only.

use strict;
use warnings;

use Exporter qw(import);
use IO::Socket::INET;
use POSIX qw(WNOHANG);

our @EXPORT_OK = qw(http_upstream fastcgi_upstream stop_upstream);

# $handler->($method, $uri, \%headers) returns (head, [pieces]): the status
# line and headers (without the blank line), and the body in pieces that
# are written one by one with a short pause between them.
sub http_upstream {
    my ($port, $handler) = @_;
    return _serve($port, sub {
        my ($c) = @_;
        my $req = '';
        while ($req !~ /\r\n\r\n/) {
            my $n = sysread($c, my $buf, 4096) or return;
            $req .= $buf;
        }
        my ($line, @lines) = split /\r\n/, substr($req, 0, index($req, "\r\n\r\n"));
        my ($method, $uri) = split / /, $line;
        my %h;
        for (@lines) {
            my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
            $h{lc $k} = defined $h{lc $k} ? "$h{lc $k}, $v" : $v;
        }
        my ($head, $pieces) = $handler->($method, $uri, \%h);
        syswrite($c, "$head\r\nConnection: close\r\n\r\n");
        for my $p (@$pieces) {
            syswrite($c, $p) // last;
            select(undef, undef, undef, 0.001);
        }
    });
}

# $handler->(\%params) returns the CGI response (headers, blank line, body).
sub fastcgi_upstream {
    my ($port, $handler) = @_;
    return _serve($port, sub {
        my ($c) = @_;
        my ($params, $id) = ('', 1);
        for (1 .. 1000) {
            my $hdr = _read_exact($c, 8) // return;
            my ($ver, $type, $rid, $len, $pad) = unpack('CCnnC', $hdr);
            my $content = _read_exact($c, $len + $pad) // return;
            $content = substr($content, 0, $len);
            $id = $rid;
            $params .= $content if $type == 4;
            last if $type == 5 && $len == 0;    # the end of FCGI_STDIN
        }
        my $out = $handler->(_fastcgi_params($params));
        while (length $out) {
            my $chunk = substr($out, 0, 32768, '');
            syswrite($c, pack('CCnnCC', 1, 6, $id, length $chunk, 0, 0) . $chunk);
        }
        syswrite($c, pack('CCnnCC', 1, 6, $id, 0, 0, 0));
        syswrite($c, pack('CCnnCC', 1, 3, $id, 8, 0, 0) . pack('NCx3', 0, 0));
    });
}

sub _fastcgi_params {
    my ($data) = @_;
    my %p;
    my $i = 0;
    my $len = sub {
        my $b = ord substr($data, $i, 1);
        if ($b < 128) { $i += 1; return $b }
        my $l = unpack('N', substr($data, $i, 4)) & 0x7fffffff;
        $i += 4;
        return $l;
    };
    while ($i < length $data) {
        my $nl = $len->();
        my $vl = $len->();
        my $name = substr($data, $i, $nl);
        $i += $nl;
        $p{$name} = substr($data, $i, $vl);
        $i += $vl;
    }
    return \%p;
}

sub _read_exact {
    my ($c, $n) = @_;
    my $buf = '';
    while (length $buf < $n) {
        my $r = sysread($c, $buf, $n - length $buf, length $buf);
        return undef unless $r;
    }
    return $buf;
}

sub _serve {
    my ($port, $conn) = @_;
    my $srv = IO::Socket::INET->new(LocalAddr => "127.0.0.1:$port",
        Listen => 32, ReuseAddr => 1) or die "listen $port: $!";
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        $SIG{PIPE} = 'IGNORE';    # nginx may cut a response it refuses
        my $deadline = time + 300;
        while (time < $deadline) {
            my $c = $srv->accept or next;
            binmode $c;
            $conn->($c);
            close $c;
        }
        exit 0;
    }
    close $srv;
    return $pid;
}

sub stop_upstream {
    my ($pid) = @_;
    kill 'TERM', $pid;
    waitpid($pid, 0);
}

1;

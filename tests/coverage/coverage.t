#!/usr/bin/perl

# tools/coverage (make coverage): its measure on hand-made pages
# (tests/coverage/measure.mjs), then five real pages through real nginx
# with the module: no page corrupted, no nginx alert, and a report that
# parses.  The full 95-page run is `make coverage`.

use strict;
use warnings;

use File::Basename qw(dirname);
use Cwd qw(abs_path);
use JSON::PP qw(decode_json);
use Test::More;

my $repo = abs_path(dirname(abs_path(__FILE__)) . '/../..');
my $tool = "$repo/tools/coverage";
my $data = $ENV{COVERAGE_DATA}
    || ($ENV{CONSENT_DATA} || "$repo/../shared/data") . '/realworld-pages';
my $build = $ENV{BUILD} || 'build';
$build = "$repo/$build" unless $build =~ m{^/};
my $module = $ENV{CONSENT_MODULE} || "$build/ngx_http_consent_module.so";
my @pages = qw(aeb-09-www-deccanherald-com aeb-34-www-sciencealert-com
    aeb-37-www-macrumors-com aeb-43-practicalhorsemanmag-com
    aeb-67-entermedia-co-kr);

plan skip_all => 'node is not installed'
    if system('node --version >/dev/null 2>&1') != 0;
plan skip_all => "$module is not built" unless -e $module;

if (!-d "$tool/node_modules/parse5" || !-d "$tool/node_modules/third-party-web"
    || !-d "$tool/node_modules/tldts")
{
    plan skip_all => 'npm is not installed'
        if system('npm --version >/dev/null 2>&1') != 0;
    # npm reports on stdout: keep it out of the TAP stream
    system("npm ci --prefix '$tool' --no-audit --no-fund --silent 1>&2") == 0
        or BAIL_OUT('npm ci in tools/coverage failed');
}

# The measure itself, on pages and outputs made by hand.
my $selftest = `node '$repo/tests/coverage/measure.mjs' 2>&1`;
my $selftest_status = $?;
my $n = 0;
for my $line (split /\n/, $selftest) {
    if ($line =~ /^(not )?ok \d+ - (.*)$/) {
        ok(!$1, "measure: $2");
        $n++;
    } elsif ($line =~ /^#/) {
        diag($line);
    }
}
ok($n > 0 && $selftest_status == 0, 'measure.mjs ran and passed')
    or diag($selftest);

SKIP: {
    skip "no real-world pages at $data (CONSENT_DATA)", 6 unless -f "$data/pages.json";

    my $work = "$build/tests/coverage";
    my $json = "$work/report.json";
    my $out = `node '$tool/coverage.mjs' --data '$data' --module '$module' --workdir '$work' --json '$json' --pages @{[join ',', @pages]} 2>&1`;
    my $status = $? >> 8;

    is($status, 0, 'coverage.mjs exits 0 (no corrupted page, no alert)')
        or diag($out);
    my ($loaders, $neutralised, $active, $fp, $corrupted) = $out =~
        /^coverage: (\d+) tracker loaders, (\d+) neutralised \([\d.]+%\), (\d+) active, (\d+) false positives, (\d+) pages corrupted$/m;
    ok(defined $loaders, 'the summary line parses') or diag($out);
    like($out, qr/^goal (not )?met /m, 'the goal line is printed');

    my $report = eval { decode_json(do { local (@ARGV, $/) = $json; <> }) };
    ok($report && @{$report->{pages}} == @pages, 'the JSON report parses and '
        . 'has the five pages') or diag($@);
    is($corrupted // -1, 0, 'no page corrupted')
        or diag(join "\n", grep { /input @|input:|output:/ } split /\n/, $out);
    ok($report && $report->{summary}{loaders} == ($loaders // -1)
        && $loaders == $neutralised + $active
        && !grep({ !$_->{injected} || !grep { $_ eq '#consent' }
            @{$_->{injected}} } @{$report->{pages}}),
        'the figures agree and the banner was injected in every page');
}

done_testing();

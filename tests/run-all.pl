#!/usr/bin/perl

# Runs every suite of `make test` through TAP::Harness and ends with one
# summary line: "make test: N passed, N failed, N skipped".
#   unit       core unit tests (C programs printing TAP)
#   catalogue  the committed tracker catalogue (docs/catalogue.md)
#   nginx      integration tests against real nginx with the module
#   asan       the same tests with the ASan+UBSan build of the module
#   valgrind   a subset under valgrind
#   browser    headless Chromium tests
#   fuzz       a short libFuzzer run
#   coverage   tools/coverage on five real pages (make coverage runs all)
#   matrix     nginx 1.22, 1.26 and mainline x gcc, clang x static, dynamic
#              (tools/test-matrix.sh)
#   deb        the installed Debian package (skips when it is not installed)
# SUITES="unit nginx" limits the run.

use strict;
use warnings;

use TAP::Harness;
use Cwd qw(abs_path);
use FindBin;

chdir "$FindBin::Bin/.." or die;
my $build = $ENV{BUILD} || 'build';
my @suites = split ' ', ($ENV{SUITES} || 'unit catalogue nginx asan valgrind browser fuzz coverage matrix deb');

my %files = (
    unit => [glob "$build/tests/unit/test_* $build/scalar/tests/unit/test_*"],
    catalogue => [glob 'tests/catalogue/*.t'],
    nginx => [glob 'tests/nginx/*.t'],
    asan => [glob 'tests/nginx/*.t'],
    valgrind => [grep { -e } map { "tests/nginx/$_.t" }
        split ' ', ($ENV{VALGRIND_TESTS}
            || 'variables filter api_input api_decision api_assets audit_log')],
    browser => [glob 'tests/browser/*.t'],
    fuzz => [glob 'tests/fuzz/*.t'],
    coverage => [glob 'tests/coverage/*.t'],
    matrix => ['tools/test-matrix.sh'],
    deb => [glob 'tests/deb/*.t'],
);

my %env = (
    asan => {
        CONSENT_MODULE => abs_path($build) . '/asan/ngx_http_consent_module.so',
        CONSENT_SANITIZE => 1,
    },
    valgrind => { CONSENT_VALGRIND => 1 },
);

my ($passed, $failed, $skipped) = (0, 0, 0);
my @failed_files;

for my $suite (@suites) {
    my @f = grep { !/\.(c|o|d)$/ } @{$files{$suite} || []};
    unless (@f) {
        print "# suite $suite: no tests\n";
        next;
    }
    print "# suite $suite\n";

    local %ENV = (%ENV, %{$env{$suite} || {}});
    my $harness = TAP::Harness->new({
        verbosity => $ENV{VERBOSE} ? 1 : 0,
        jobs => 1,
        exec => sub {
            my ($h, $file) = @_;
            return [abs_path($file)] if $file !~ /\.t$/ && -x $file;
            return undef;
        },
    });
    my $agg = $harness->runtests(@f);

    for my $file ($agg->descriptions) {
        my ($parser) = $agg->parsers($file);
        my $bad = scalar($parser->failed) + ($parser->has_problems
            && !$parser->failed ? 1 : 0);
        $passed += scalar($parser->passed) - scalar($parser->skipped);
        $skipped += scalar($parser->skipped);
        $failed += $bad;
        push @failed_files, "$suite:$file" if $bad;
    }
}

print "# failed: @failed_files\n" if @failed_files;
print "summary: $passed passed, $failed failed, $skipped skipped\n";
exit($failed ? 1 : 0);

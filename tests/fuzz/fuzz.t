#!/usr/bin/perl

# make test's short fuzz run: the libFuzzer targets of the rewriter, the
# input parsers and the URL hosts (fuzz_hosts.c) under ASan+UBSan for
# FUZZ_SECONDS (default 20); any crash, leak, sanitizer report or broken
# split invariance fails.

use strict;
use warnings;

use FindBin;
use Test::More;

my $seconds = $ENV{FUZZ_SECONDS} || 20;

if (system('command -v clang >/dev/null 2>&1') != 0) {
    plan skip_all => 'clang is not installed';
}

my $build = $ENV{BUILD} || 'build';
$build = "$FindBin::Bin/../../$build" unless $build =~ m{^/};
my $log = "$build/fuzz/fuzz.log";
system('mkdir', '-p', "$build/fuzz");
my $rc = system("sh '$FindBin::Bin/run.sh' $seconds > '$log' 2>&1");

open my $fh, '<', $log or die "$log: $!";
my @lines = <$fh>;
close $fh;

my ($runs) = map { /stat::number_of_executed_units:\s*(\d+)/ ? $1 : () } @lines;
ok($rc == 0, "the fuzzers ran ($seconds s rewriter, half that inputs) without a finding")
    or diag(join '', (grep { /ERROR|SUMMARY|crash|leak|invariance|Assertion/i }
        @lines)[0 .. 39]);
ok(($runs // 0) > 1000, 'it executed inputs (' . ($runs // 0) . ')');

done_testing;

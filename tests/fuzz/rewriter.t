#!/usr/bin/perl
# A short run of the rewriter fuzzer (tests/fuzz/run.sh) as a TAP test for
# make test.  FUZZ_SECONDS sets its length (default 20; make fuzz runs 60).

use strict;
use warnings;
use FindBin;
use Test::More;

chdir "$FindBin::Bin/../.." or die "chdir: $!";

plan skip_all => 'clang (libFuzzer) is not installed'
    if system('command -v clang >/dev/null 2>&1') != 0;

my $seconds = $ENV{FUZZ_SECONDS} || 20;
my $log = `tests/fuzz/run.sh $seconds 2>&1`;
my $rc = $? >> 8;

my ($runs) = $log =~ /stat::number_of_executed_units:\s*(\d+)/;
ok($rc == 0 && defined $runs,
   "fuzz_rewriter: $seconds s, " . ($runs // 0) . ' inputs, no finding')
    or diag(join "\n", grep { length } (split /\n/, $log)[-40 .. -1]);

done_testing();

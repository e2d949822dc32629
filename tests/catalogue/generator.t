#!/usr/bin/perl

# The catalogue generator on small inputs (tools/catalogue/lib.mjs and
# catalogue.mjs): CSV parsing, slugs, host lookup, joins, category mapping,
# overrides, errors, determinism. node's test runner prints the TAP.

use strict;
use warnings;

use FindBin;

unless (grep { -x "$_/node" } split /:/, $ENV{PATH}) {
    print "1..0 # SKIP no node\n";
    exit 0;
}
exec 'node', '--test', "--test-reporter=$FindBin::Bin/tap-reporter.mjs",
    map({ "$FindBin::Bin/$_" } qw(lib.test.mjs build.test.mjs))
    or die "node: $!";

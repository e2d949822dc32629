#!/usr/bin/perl

# Runs the browser tests (tests/browser/run.mjs: real nginx with the module,
# headless Chromium through playwright-core) and passes their TAP through.
# Installs playwright-core with npm ci when it is missing.  Other .t files
# here run their script through it (CONSENT_BROWSER_SCRIPT).

use strict;
use warnings;

use File::Basename qw(dirname);
use Cwd qw(abs_path);

my $dir = dirname(abs_path(__FILE__));
my $chromium = $ENV{CHROMIUM} || '/usr/bin/chromium';

if (!-x $chromium) {
    print "1..0 # SKIP $chromium is not installed\n";
    exit 0;
}

if (system('node --version >/dev/null 2>&1') != 0) {
    print "1..0 # SKIP node is not installed\n";
    exit 0;
}

if (!-d "$dir/node_modules/playwright-core") {
    # npm reports on stdout: keep it out of the TAP stream
    system("npm ci --prefix '$dir' --no-audit --no-fund --silent 1>&2") == 0
        or do {
            print "Bail out! npm ci in tests/browser failed\n";
            exit 1;
        };
}

my $script = $ENV{CONSENT_BROWSER_SCRIPT} // 'run.mjs';

exec 'node', "$dir/$script", @ARGV or die "cannot run node: $!\n";

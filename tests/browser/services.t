#!/usr/bin/perl

# Per-service choices in headless Chromium (services.mjs): service switches
# with and without JavaScript; browser.t checks the environment.

use strict;
use warnings;

use File::Basename qw(dirname);
use Cwd qw(abs_path);

$ENV{CONSENT_BROWSER_SCRIPT} = 'services.mjs';

my $browser = dirname(abs_path(__FILE__)) . '/browser.t';
do $browser;
die "cannot run $browser: " . ($@ || $!) . "\n";

#!/usr/bin/perl

# Regions in headless Chromium (regions.mjs): opt-out, GPC, opt-in, none;
# browser.t checks the environment and installs playwright-core.

use strict;
use warnings;

use File::Basename qw(dirname);
use Cwd qw(abs_path);

$ENV{CONSENT_BROWSER_SCRIPT} = 'regions.mjs';

my $browser = dirname(abs_path(__FILE__)) . '/browser.t';
do $browser;
die "cannot run $browser: " . ($@ || $!) . "\n";

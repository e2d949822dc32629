#!/usr/bin/perl

# Click-to-load placeholders in headless Chromium (placeholder.mjs): the box,
# Load once, Always allow, without JavaScript, a phone; browser.t checks the
# environment and installs playwright-core.

use strict;
use warnings;

use File::Basename qw(dirname);
use Cwd qw(abs_path);

$ENV{CONSENT_BROWSER_SCRIPT} = 'placeholder.mjs';

my $browser = dirname(abs_path(__FILE__)) . '/browser.t';
do $browser;
die "cannot run $browser: " . ($@ || $!) . "\n";

#!/usr/bin/perl

# The HTML report of consent-audit in headless Chromium (audit_report.mjs);
# browser.t checks the environment and installs playwright-core.

use strict;
use warnings;

use File::Basename qw(dirname);
use Cwd qw(abs_path);

$ENV{CONSENT_BROWSER_SCRIPT} = 'audit_report.mjs';

my $browser = dirname(abs_path(__FILE__)) . '/browser.t';
do $browser;
die "cannot run $browser: " . ($@ || $!) . "\n";

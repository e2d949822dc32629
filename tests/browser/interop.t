#!/usr/bin/perl

# Klaro and vanilla-cookieconsent v3 with the module (interop.mjs);
# browser.t checks the environment and installs playwright-core.

use strict;
use warnings;

use File::Basename qw(dirname);
use Cwd qw(abs_path);

$ENV{CONSENT_BROWSER_SCRIPT} = 'interop.mjs';

my $browser = dirname(abs_path(__FILE__)) . '/browser.t';
do $browser;
die "cannot run $browser: " . ($@ || $!) . "\n";

#!/usr/bin/perl

# The committed tracker catalogue (docs/catalogue.md): well formed, sorted,
# unambiguous, consistent with tools/catalogue/overrides.json, the trackers
# the issue names are blocked, no OCD description is copied, and
# `make catalogue` regenerates it byte for byte (skipped without
# tools/catalogue/node_modules or the shared data, $CONSENT_DATA or
# ../shared/data).

use strict;
use warnings;

use FindBin;
use JSON::PP;
use Test::More;

my $root = "$FindBin::Bin/../..";
my $file = "$root/ngx_consent_module/assets/catalogue.json";
my $ocd = $ENV{CATALOGUE_OCD}
    || ($ENV{CONSENT_DATA} || "$root/../shared/data")
       . '/open-cookie-database/open-cookie-database.csv';

sub slurp {
    my ($path) = @_;
    open my $fh, '<:raw', $path or die "$path: $!";
    local $/;
    return scalar <$fh>;
}

my $bytes = slurp($file);
my $cat = eval { JSON::PP->new->decode($bytes) };
ok($cat, 'catalogue.json parses') or BAIL_OUT("catalogue.json: $@");
like($bytes, qr/\n\z/, 'ends with a newline');
is($cat->{format}, 1, 'format 1');
is_deeply([map { $_->{name} } @{$cat->{sources}}],
    ['third-party-web', 'Open Cookie Database', 'ngx_consent overrides'],
    'names its sources');
ok(!(grep { !$_->{licence} } @{$cat->{sources}}), 'every source has a licence');

my @e = @{$cat->{entities}};
cmp_ok(scalar @e, '>=', 2100, 'the third-party-web entities are there');

my @ids = map { $_->{id} } @e;
is_deeply(\@ids, [sort @ids], 'entities sorted by id');
my %by_id = map { $_->{id} => $_ } @e;
is(scalar keys %by_id, scalar @e, 'ids unique');
is((grep { !/^[a-z0-9]+(?:-[a-z0-9]+)*$/ } @ids), 0, 'ids are slugs');

my %cats = map { $_ => 1 } qw(preferences analytics marketing);
my %cookie_cats = (%cats, necessary => 1);
my $label = qr/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?/;
my (%owner, @bad);
for my $x (@e) {
    push @bad, "$x->{id}: name" unless defined $x->{name} && length $x->{name};
    push @bad, "$x->{id}: company" unless defined $x->{company};
    push @bad, "$x->{id}: category"
        if defined $x->{category} && !$cats{$x->{category}};
    push @bad, "$x->{id}: source_category" unless $x->{source_category};
    my @d = @{$x->{domains}};
    push @bad, "$x->{id}: no domains" unless @d;
    push @bad, "$x->{id}: domains not sorted"
        unless join(' ', @d) eq join(' ', sort @d);
    for my $d (@d) {
        push @bad, "$x->{id}: domain $d"
            unless $d =~ /^(?:\*\.)?$label(?:\.$label)+$/ && length $d <= 253;
        (my $key = $d) =~ s/^\*\.//;
        push @bad, "$d: $owner{$key} and $x->{id}"
            if $owner{$key} && $owner{$key} ne $x->{id};
        $owner{$key} = $x->{id};
    }
    for my $s (@{$x->{signatures} || []}) {
        push @bad, "$x->{id}: signature '$s' is too short" if length $s < 4;
    }
    if ($x->{purpose}) {
        for my $l (qw(en de fr)) {
            push @bad, "$x->{id}: purpose.$l"
                unless length($x->{purpose}{$l} // '') > 10;
        }
    }
    my @c = @{$x->{cookies} || []};
    my @order = map { "$_->{display}\0$_->{pattern}" } @c;
    push @bad, "$x->{id}: cookies not sorted"
        unless join("\n", @order) eq join("\n", sort @order);
    for my $c (@c) {
        push @bad, "$x->{id}: cookie $c->{name} category"
            unless $cookie_cats{$c->{category} // ''};
        my $re = eval { qr/$c->{pattern}/ };
        push @bad, "$x->{id}: cookie $c->{name}: pattern does not compile"
            unless $re;
        next unless $re;
        (my $sample = $c->{display}) =~ s/\*$/x1/;
        push @bad, "$x->{id}: pattern $c->{pattern} misses $sample"
            unless $sample =~ $re && $c->{name} =~ $re;
        push @bad, "$x->{id}: pattern $c->{pattern} is not anchored"
            unless $c->{pattern} =~ /^\^.*\$$/;
    }
}
is_deeply(\@bad, [], 'entities, domains, signatures and cookies well formed')
    or diag(join "\n", @bad[0 .. ($#bad < 20 ? $#bad : 19)]);

# The host table the module builds: "d" exactly, "*.d" d and its subdomains.
sub lookup {
    my ($host) = @_;
    my (%exact, %wild);
    for my $x (@e) {
        for my $d (@{$x->{domains}}) {
            if ($d =~ /^\*\.(.*)$/) { $wild{$1} = $x } else { $exact{$d} = $x }
        }
    }
    return $exact{$host} if $exact{$host};
    for (my $h = $host; $h =~ /\./; $h =~ s/^[^.]*\.//) {
        return $wild{$h} if $wild{$h};
    }
    return undef;
}

# Hosts the issue requires blocked, as they appear in real pages.
my %blocked = (
    'cdn.taboola.com' => 'Taboola', 'static.chartbeat.com' => 'Chartbeat',
    'segment-data.zqtk.net' => 'comScore', 'www.comscore.com' => 'comScore',
    'sb.scorecardresearch.com' => 'Scorecard Research',
    'pixel.quantserve.com' => 'Quantcast',
    'widgets.outbrain.com' => 'Outbrain', 'cdn.krxd.net' => 'Krux',
    'cdn.parsely.com' => 'Parse.ly', 'c.amazon-adsystem.com' => 'Amazon ads',
    'secure.gravatar.com' => 'Gravatar', 'stats.wp.com' => 'WordPress stats',
    'pixel.wp.com' => 'WordPress stats',
    'players.brightcove.net' => 'Brightcove',
    'js-sec.indexww.com' => 'Index Exchange', 'cdns.gigya.com' => 'Gigya',
    'connect.facebook.net' => 'Facebook SDK',
    'adservice.google.it' => 'adservice.google.<cc>',
    'adservice.google.com.mx' => 'adservice.google.<cc>',
    's0.2mdn.net' => '2mdn.net', 'www.clarity.ms' => 'Microsoft Clarity',
    'static.hotjar.com' => 'Hotjar', 'edge.fullstory.com' => 'FullStory',
    'cdn.mouseflow.com' => 'Mouseflow', 'tools.luckyorange.com' => 'Lucky Orange',
    'script.crazyegg.com' => 'Crazy Egg',
    'imasdk.googleapis.com' => 'Google IMA SDK',
);
my @missed = grep {
    my $x = lookup($_);
    !$x || !defined $x->{category};
} sort keys %blocked;
is_deeply(\@missed, [], 'the named trackers are in a blocked category')
    or diag(join "\n", map { "$_ ($blocked{$_})" } @missed);
ok(!defined lookup('s0.wp.com')->{category},
    'WordPress assets (s0.wp.com) are known and not blocked');

my $ov = JSON::PP->new->decode(slurp("$root/tools/catalogue/overrides.json"));
my @stale = grep { !$by_id{$_} } keys %{$ov->{entities}};
push @stale, map { "alias $_->{platform}" }
    grep { defined $_->{entity} && !$by_id{$_->{entity}} } @{$ov->{aliases}};
push @stale, map { "add $_->{id}" } grep { !$by_id{$_->{id}} } @{$ov->{add}};
is_deeply(\@stale, [], 'every override refers to an existing entity');
my @nowhy = grep { !$ov->{entities}{$_}{why} } keys %{$ov->{entities}};
push @nowhy, map { $_->{platform} } grep { !$_->{why} } @{$ov->{aliases}};
is_deeply(\@nowhy, [], 'every override says why');
my @unapplied;
for my $id (sort keys %{$ov->{entities}}) {
    my ($o, $x) = ($ov->{entities}{$id}, $by_id{$id}) or next;
    next unless $x;
    push @unapplied, "$id category"
        if exists $o->{category}
            && ($o->{category} // '') ne ($x->{category} // '');
    my %d = map { $_ => 1 } @{$x->{domains}};
    push @unapplied, map { "$id +$_" } grep { !$d{$_} } @{$o->{domains_add} || []};
    push @unapplied, map { "$id -$_" } grep { $d{$_} } @{$o->{domains_remove} || []};
}
is_deeply(\@unapplied, [], 'the overrides are applied');

SKIP: {
    skip "no Open Cookie Database at $ocd (CONSENT_DATA)", 2 unless -f $ocd;

    # Only facts come over: no Description of the OCD appears.
    my $csv = slurp($ocd);
    my (@rows, @row, $field, $in);
    for my $tok ($csv =~ /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r?\n|\z)/g) {
        if (!defined $in) {
            ($field = $tok) =~ s/^"(.*)"$/$1/s and $field =~ s/""/"/g;
            push @row, $field;
            $in = 1;
        } else {
            undef $in;
            if ($tok ne ',') {
                push @rows, [@row];
                @row = ();
                last if $tok eq '';
            }
        }
    }
    my ($col) = grep { $rows[0][$_] eq 'Description' } 0 .. $#{$rows[0]};
    my %sentences = map { $_->[$col] => 1 }
        grep { length($_->[$col] // '') > 3 } @rows[1 .. $#rows];
    my @copied;
    for my $x (@e) {
        for my $c (@{$x->{cookies} || []}) {
            push @copied, "$x->{id} $c->{name}"
                if grep { $sentences{$_} } values %$c;
        }
    }
    ok(scalar keys %sentences > 500, 'OCD descriptions read');
    is_deeply(\@copied, [], 'no OCD description copied');
}

SKIP: {
    skip 'no tools/catalogue/node_modules (make catalogue installs it)', 1
        unless -d "$root/tools/catalogue/node_modules/third-party-web";
    skip "no Open Cookie Database at $ocd (CONSENT_DATA)", 1 unless -f $ocd;
    skip 'no node', 1 unless grep { -x "$_/node" } split /:/, $ENV{PATH};

    local $ENV{CATALOGUE_OCD} = $ocd;
    open my $gen, '-|', 'node', "$root/tools/catalogue/generate.mjs",
        '--out', '-' or die "node: $!";
    binmode $gen;
    my $fresh = do { local $/; <$gen> };
    close $gen;
    ok($fresh eq $bytes, 'regenerating gives the committed file byte for byte')
        or diag('run `make catalogue` and commit the result');
}

done_testing;

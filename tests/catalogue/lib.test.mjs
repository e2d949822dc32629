// tools/catalogue/lib.mjs: run by lib.t through node's test runner (TAP).
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, csvRecords, slug, normName, validDomain, HostTable }
    from '../../tools/catalogue/lib.mjs';

test('CSV: quoted commas, doubled quotes, line breaks, CRLF, BOM', () => {
    assert.deepEqual(
        parseCsv('\ufeffa,"b,c","d ""e"" f","g\nh"\r\nx,y,,z\n'),
        [['a', 'b,c', 'd "e" f', 'g\nh'], ['x', 'y', '', 'z']]);
    assert.deepEqual(parseCsv('a,b'), [['a', 'b']]);
    assert.deepEqual(parseCsv('a,\n\nb,c\n'), [['a', ''], ['b', 'c']]);
});

test('CSV: an unterminated quote and a short record are errors', () => {
    assert.throws(() => parseCsv('a,"b\n'), /unterminated/);
    assert.throws(() => csvRecords('h1,h2\nx\n'), /record 2: 1 fields/);
    assert.deepEqual(csvRecords('h1,h2\nx,"y,z"\n'), [{ h1: 'x', h2: 'y,z' }]);
});

test('slugs and name keys', () => {
    assert.equal(slug('Parse.ly'), 'parse-ly');
    assert.equal(slug('Google/Doubleclick Ads'), 'google-doubleclick-ads');
    assert.equal(slug('Ölpreis  Ads!'), 'olpreis-ads');
    assert.equal(slug('!!!'), 'entity');
    assert.equal(normName('Yandex.Metrica'), normName('Yandex Metrica'));
    assert.equal(normName('HubSpot'), normName('Hubspot'));
});

test('domains: lowercase hostnames, optional leading *.', () => {
    for (const d of ['example.com', '*.example.co.uk', 'a-b.c0.net']) {
        assert.ok(validDomain(d), d);
    }
    for (const d of ['Example.com', 'com', '*.com', 'a..b', '-a.com',
                     'a-.com', '*example.com', 'a.*.com', 'a_b.com', '']) {
        assert.ok(!validDomain(d), d);
    }
});

test('host table: exact names, wildcards, the longest match', () => {
    const t = new HostTable();
    t.add('*.bing.com', 'ads');
    t.add('x.bing.com', 'x');
    t.add('*.a.bing.com', 'a');
    assert.equal(t.lookup('bing.com'), 'ads');
    assert.equal(t.lookup('WWW.Bing.com.'), 'ads');
    assert.equal(t.lookup('x.bing.com'), 'x');
    assert.equal(t.lookup('y.x.bing.com'), 'ads');
    assert.equal(t.lookup('b.a.bing.com'), 'a');
    assert.equal(t.lookup('notbing.com'), undefined);
    assert.equal(t.lookup('com'), undefined);
});

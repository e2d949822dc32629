// tools/catalogue/catalogue.mjs on small inputs: joins, mappings, overrides,
// errors and determinism. Run by generator.t through node's test runner.
import test from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalogue } from '../../tools/catalogue/catalogue.mjs';

const TPW = [
    { name: 'Ad Net', category: 'ad', domains: ['*.adnet.com'] },
    { name: 'Ad-Net', category: 'social', domains: ['*.adnet.social'] },
    { name: 'Stats Co', company: 'Stats Inc', category: 'analytics',
      homepage: 'https://stats.example/', domains: ['*.stats.io', 'Beacon.Stats.NET'] },
    { name: 'Host Co', category: 'hosting', domains: ['*.hostco.net'] },
    { name: 'Tube', category: 'video', domains: ['*.tube.tv'] },
];
const HEADER = 'ID,Platform,Category,Cookie / Data Key name,Domain,' +
    'Description,Retention period,Data Controller,' +
    'User Privacy & GDPR Rights Portals,Wildcard match';
const ROWS = [
    '1,Ad Net,Marketing,uid,,"Tracks you, sadly, across sites.",1 year,AdNet,https://adnet.com/privacy,0',
    '2,Whatever,Functional,sess_,x.hostco.net (3rd party),"Keeps the ""session"".\nTwo lines.",session,HostCo,,1',
    '3,Stats,Functional,pref,,Remembers a setting.,Unknown,Stats Inc,https://stats.example/p,0',
    '4,Stats,Analytics,special,,Special.,2 days,Stats Inc,,0',
    '5,Ad Net,Marketing,uid,,Again.,2 years,AdNet,https://other.example/,0',
    '6,Ad Net,Marketing,a b,,Bad name.,1 day,AdNet,,0',
    '7,Tube,Marketing,SCM*,,Prefix in the name.,1 day,Tube,,0',
    '8,Nobody,Marketing,zzz,,No entity.,1 day,Nobody,,0',
    '9,Tube,Security,csrf,.tube.tv,Security.,session,Tube,,0',
    '10,Ad-Net,Marketing,amb,,Ambiguous name.,1 day,AdNet,,0',
];
const OVERRIDES = {
    aliases: [
        { platform: 'Ad Net', entity: 'ad-net', why: 'test' },
        { platform: 'Stats', cookies: ['special'], entity: 'ad-net', why: 'test' },
        { platform: 'Stats', entity: 'stats-co', why: 'test' },
    ],
    entities: {
        'tube': { why: 'test', signatures: ['tube.load(', 'tube.load('],
                  purpose: { en: 'Plays videos.', de: 'Spielt Videos.',
                             fr: 'Lit des vidéos.' } },
        'host-co': { why: 'test', domains_add: ['cdn.hostco.org'] },
    },
    add: [{ id: 'new-tracker', name: 'New Tracker', company: 'NT',
            category: 'marketing', source_category: 'ad',
            domains: ['*.nt.example'], why: 'test' }],
};
const input = (over = {}) => ({
    tpw: TPW, tpwVersion: '0.0.1', ocdText: [HEADER, ...ROWS].join('\r\n'),
    ocdVersion: 'abc', overrides: structuredClone(OVERRIDES), ...over,
});
const byId = (r) => Object.fromEntries(r.entities.map((e) => [e.id, e]));

test('entities: ids, categories, domains, sort order, added ones', () => {
    const r = buildCatalogue(input());
    const c = JSON.parse(r.text);
    assert.equal(c.format, 1);
    assert.deepEqual(c.sources.map((s) => s.version), ['0.0.1', 'abc', undefined]);
    assert.deepEqual(c.entities.map((e) => e.id),
        ['ad-net', 'ad-net-2', 'host-co', 'new-tracker', 'stats-co', 'tube']);
    const e = Object.fromEntries(c.entities.map((x) => [x.id, x]));
    assert.equal(e['ad-net'].name, 'Ad Net');
    assert.equal(e['ad-net-2'].category, 'marketing');
    assert.equal(e['host-co'].category, null);
    assert.equal(e['tube'].category, 'preferences');
    assert.equal(e['stats-co'].company, 'Stats Inc');
    assert.equal(e['ad-net'].company, 'Ad Net');
    assert.deepEqual(e['stats-co'].domains, ['*.stats.io', 'beacon.stats.net']);
    assert.deepEqual(e['host-co'].domains, ['*.hostco.net', 'cdn.hostco.org']);
    assert.equal(e['new-tracker'].origin, 'overrides');
    assert.equal(e['ad-net'].origin, undefined);
    assert.deepEqual(e['tube'].signatures, ['tube.load(']);
    assert.deepEqual(Object.keys(e['stats-co']), ['id', 'name', 'company',
        'category', 'source_category', 'homepage', 'privacy_url', 'domains',
        'cookies']);
    assert.match(r.text, /^\{"format":1,\n[\s\S]*\n\]\}\n$/);
    assert.equal(r.text.split('\n').filter((l) => l.startsWith('{"id"')).length, 6);
});

test('cookies: joins by alias, domain and name; facts only', () => {
    const r = buildCatalogue(input());
    const e = byId(r);
    assert.deepEqual(e['ad-net'].cookies.map((c) => c.name), ['special', 'uid']);
    assert.deepEqual(e['ad-net'].cookies[1], { name: 'uid', display: 'uid',
        pattern: '^uid$', retention: '1 year', category: 'marketing',
        controller: 'AdNet' });
    assert.deepEqual(e['host-co'].cookies, [{ name: 'sess_', display: 'sess_*',
        pattern: '^sess_.*$', retention: 'session', category: 'necessary',
        controller: 'HostCo' }]);
    const pref = e['stats-co'].cookies[0];
    assert.equal(pref.category, 'preferences', 'Functional of a blocked entity');
    assert.equal(pref.retention, undefined, 'Unknown retention is left out');
    assert.deepEqual(e['tube'].cookies.map((c) => [c.display, c.pattern,
        c.category]), [['SCM*', '^SCM.*$', 'marketing'],
                       ['csrf', '^csrf$', 'necessary']]);
    assert.equal(e['ad-net'].privacy_url, 'https://adnet.com/privacy');
    assert.equal(e['stats-co'].privacy_url, 'https://stats.example/p');
    assert.equal(r.stats.joined, 6);
    assert.equal(r.stats.duplicate, 1);
    assert.deepEqual(r.stats.badName, ['Ad Net: "a b"']);
    assert.deepEqual([...r.stats.unmatched].sort(),
        [['Ad-Net', 1], ['Nobody', 1]], 'a name two entities share is no match');
    assert.deepEqual(r.stats.via, { alias: 3, domain: 2, name: 1 });
    assert.doesNotMatch(r.text, /sadly|Keeps the|Two lines|Remembers|Special\.|Again/);
});

test('the same inputs in another order give the same bytes', () => {
    const a = buildCatalogue(input()).text;
    const b = buildCatalogue(input({
        tpw: [...TPW].reverse(),
        ocdText: [HEADER, ...[...ROWS].reverse()].join('\n') + '\n',
    })).text;
    assert.equal(a, b);
});

test('inconsistent inputs are refused', () => {
    const bad = (mutate, re) => {
        const i = input();
        mutate(i);
        assert.throws(() => buildCatalogue(i), re);
    };
    bad((i) => { i.tpw = [...TPW, { name: 'Dup', category: 'cdn',
        domains: ['hostco.net'] }]; }, /domain "hostco\.net" in/);
    bad((i) => { i.tpw = [...TPW, { name: 'Odd', category: 'cdn',
        domains: ['a_b.com'] }]; }, /invalid domain/);
    bad((i) => { i.tpw = [...TPW, { name: 'New', category: 'weird',
        domains: ['new.com'] }]; }, /unknown category/);
    bad((i) => { i.overrides.entities.nope = { why: 'x' }; }, /no entity "nope"/);
    bad((i) => { delete i.overrides.entities.tube.why; }, /has no "why"/);
    bad((i) => { i.overrides.entities.tube.category = 'preferences'; },
        /already the dataset's/);
    bad((i) => { i.overrides.entities.tube.category = 'ads'; }, /bad category/);
    bad((i) => { i.overrides.entities.tube.domains_remove = ['x.tube.tv']; },
        /has no domain/);
    bad((i) => { i.overrides.entities.tube.colour = 'red'; }, /unknown key/);
    bad((i) => { i.overrides.entities.tube.purpose = { en: 'x' }; },
        /purpose lacks "de"/);
    bad((i) => { i.overrides.aliases.push({ platform: 'Gone', entity: 'tube',
        why: 'x' }); }, /matches no OCD record/);
    bad((i) => { i.overrides.aliases[1].entity = 'nope'; }, /no entity "nope"/);
    bad((i) => { i.overrides.add[0].id = 'other'; }, /not the slug/);
    bad((i) => { i.ocdText = `${HEADER}\n1,Ad Net,Tasty,uid,,x,1 day,A,,0`; },
        /unknown category "Tasty"/);
});

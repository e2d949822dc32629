// For tools/parse5-diff.sh: the namespace of every start tag as
// consent_scanner reads it against the element parse5 (a WHATWG tree
// builder) makes of it, matched by the start tag's offset.  "bad": another
// namespace; "missed": an element whose start tag the scanner did not
// report (it read the text as raw text, a comment, ...): the dangerous kind.
//   node diff.mjs SCAN_NS real DIR | realistic SEED N | random SEED N [STEP]
import { parse } from 'parse5';
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { gunzipSync } from 'zlib';
import { execFileSync } from 'child_process';
import { fileURLToPath } from 'url';

const [scanNs, mode, arg1, arg2, step = '0'] = process.argv.slice(2);
let seed = Number(arg1) || 1;
const rnd = n => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return (seed >>> 8) % n; };
const pick = a => a[rnd(a.length)];
const docs = [];

if (mode === 'real') {
  for (const f of readdirSync(arg1).filter(f => /\.html(\.gz)?$/.test(f))) {
    const b = readFileSync(arg1 + '/' + f);
    docs.push((f.endsWith('.gz') ? gunzipSync(b) : b).toString('latin1').replace(/\0/g, ' '));
  }
} else if (mode === 'realistic') {
  // pages with svg icons in links and spans: some unclosed, some with a stray end tag
  for (let i = 0; i < Number(arg2); i++) {
    let s = '<!DOCTYPE html><html><head><title>t</title></head><body>';
    for (let b = 1 + rnd(6); b > 0; b--) {
      const wrap = [];
      for (let d = rnd(4); d > 0; d--) { const w = pick(['div', 'a', 'span', 'button', 'li', 'label', 'custom-el']); wrap.push(w); s += `<${w} class=x>`; }
      if (rnd(2)) {
        s += '<svg viewBox="0 0 1 1">' + pick(['<path d="M0"/>', '<g><path/></g>', '<use xlink:href="#i"></use>', '<use href="#i">', '<title>Icon</title><path/>', '<style>.a{fill:red}</style><path/>']);
        if (rnd(5) === 0) s += '</' + pick(['span', 'div', 'a', 'g', 'path', 'b', 'p', 'li']) + '>';
        if (rnd(4)) s += '</svg>';
      }
      while (wrap.length) s += `</${wrap.pop()}>`;
      s += pick(['<script>if(a<b){x("<!--")}</script><img src=t>', '<script src=s.js></script>', '<style>/*<!--*/a{}</style><img src=u>', '<textarea><!--</textarea><img src=v>', '<p>para', '']);
    }
    docs.push(s + '</body></html>');
  }
} else {
  const vocab = ['<svg>', '</svg>', '<math>', '</math>', '<g>', '</g>', '<path/>', '</path>', '<foreignObject>', '</foreignObject>', '<desc>', '<title>', '</title>', '<mi>', '</mi>', '<mtext>', '<mglyph>', '<malignmark>', '<annotation-xml>', '<annotation-xml encoding="text/html">', '</annotation-xml>', '<div>', '</div>', '<p>', '</p>', '</br>', '<span>', '</span>', '<a>', '</a>', '<b>', '<font>', '<font color=red>', '</font>', '<table>', '</table>', '<tr>', '<td>', '<li>', '</li>', '<style>', '</style>', '<script>', '</script>', '<textarea>', '</textarea>', '<![CDATA[', ']]>', '<!--', '-->', 'x', '<body>', '</body>', '</html>', '<image>', '<button>', '</button>', '<svg/>', '<xmp>', '</xmp>', '<noscript>', '</noscript>', '<custom-el>', '</custom-el>', '<script/>', '<style/>', '<use>', '<feImage>', '<clipPath>'];
  for (let i = 0; i < Number(arg2); i++) { let s = ''; for (let k = 1 + rnd(25); k > 0; k--) s += pick(vocab); docs.push(s); }
}

// latin1: one byte per character, so that offsets agree
const bin = fileURLToPath(new URL('docs.bin', import.meta.url));
writeFileSync(bin, Buffer.from(docs.join('\0') + '\0', 'latin1'));
const out = execFileSync(scanNs, [bin, step], { maxBuffer: 1 << 29 }).toString().split('\n');
const NS = { 'http://www.w3.org/1999/xhtml': 0, 'http://www.w3.org/2000/svg': 1, 'http://www.w3.org/1998/Math/MathML': 2 };
const tot = { documents: docs.length, compared: 0, foreign: 0, bad: 0, missed: 0 };

docs.forEach((src, i) => {
  const elts = new Map(), got = new Map();
  (function walk(n) {
    const o = n.sourceCodeLocation && n.sourceCodeLocation.startTag && n.sourceCodeLocation.startTag.startOffset;
    if (n.tagName && typeof o === 'number' && !elts.has(o)) elts.set(o, NS[n.namespaceURI]);
    for (const c of n.childNodes || []) walk(c);
    if (n.content) walk(n.content);
  })(parse(src, { sourceCodeLocationInfo: true, scriptingEnabled: true }));
  for (const t of out[i].split(' ').filter(Boolean)) { const [o, ns] = t.split(':').map(Number); got.set(o, ns); }
  for (const [o, ns] of got) if (elts.has(o)) { tot.compared++; tot.foreign += ns !== 0; tot.bad += elts.get(o) !== ns; }
  for (const o of elts.keys()) if (!got.has(o)) { tot.missed++; if (process.env.SHOW) console.log('missed:', JSON.stringify(src.slice(Math.max(0, o - 100), o + 40))); }
});
console.log(JSON.stringify(tot));

// Shared by generate.mjs and check-pages.mjs: CSV parsing, slugs, domain
// validation and host lookup with the catalogue's matching rules.

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
export function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    let i = 0;

    if (text.charCodeAt(0) === 0xfeff) {
        i = 1;
    }
    for (; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"') {
                if (text[i + 1] === '"') {
                    field += '"';
                    i++;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c === '"' && field === '') {
            quoted = true;
        } else if (c === ',') {
            row.push(field);
            field = '';
        } else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n') {
                i++;
            }
            row.push(field);
            field = '';
            rows.push(row);
            row = [];
        } else {
            field += c;
        }
    }
    if (quoted) {
        throw new Error('CSV: unterminated quoted field');
    }
    if (field !== '' || row.length > 0) {
        row.push(field);
        rows.push(row);
    }
    return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

// Rows as objects keyed by the header line; every row must have its width.
export function csvRecords(text) {
    const [header, ...rows] = parseCsv(text);
    return rows.map((r, n) => {
        if (r.length !== header.length) {
            throw new Error(`CSV record ${n + 2}: ${r.length} fields, ` +
                `expected ${header.length}`);
        }
        return Object.fromEntries(header.map((h, k) => [h, r[k]]));
    });
}

export function slug(name) {
    const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
        .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return s === '' ? 'entity' : s;
}

// Name comparison for joining OCD platforms to entities: case, spacing and
// punctuation do not matter ("Parse.ly" = "parsely", "Yandex.Metrica" =
// "Yandex Metrica").
export function normName(name) {
    return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
        .toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN_RE = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})+$`);

export function validDomain(d) {
    return d.length <= 253 && DOMAIN_RE.test(d);
}

// The host table the module builds: "d" matches d only, "*.d" matches d and
// every subdomain of d; the longest matching name wins.
export class HostTable {
    constructor() {
        this.exact = new Map();
        this.wild = new Map();
    }

    add(domain, value) {
        if (domain.startsWith('*.')) {
            this.wild.set(domain.slice(2), value);
        } else {
            this.exact.set(domain, value);
        }
    }

    lookup(host) {
        host = host.toLowerCase().replace(/\.$/, '');
        if (this.exact.has(host)) {
            return this.exact.get(host);
        }
        for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
            if (this.wild.has(h)) {
                return this.wild.get(h);
            }
        }
        return undefined;
    }
}

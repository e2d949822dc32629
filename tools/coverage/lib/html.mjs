// One parse5 parse of a document gives both its tree (for finding loaders)
// and the token stream the tree builder consumed (for comparing input and
// output): the tokens are recorded as the tokenizer hands them to the tree
// builder, so script data, RAWTEXT, RCDATA and foreign content are tokenised
// exactly as the tree sees them.
//
// Documents are strings decoded as latin1: one character per byte, so every
// offset reported is a byte offset into the page.
//
// Scripting is off: <noscript> content is parsed as markup, as a browser
// without JavaScript loads it.

import { Parser } from 'parse5';

const TEXT_TYPES = new Set(['onCharacter', 'onNullCharacter',
    'onWhitespaceCharacter']);

class RecordingParser extends Parser {
    constructor(options) {
        super(options);
        this.recorded = [];
        this.seen = new WeakSet();
    }

    record(kind, token) {
        if (this.seen.has(token)) {
            return;                 // the tree builder reprocessing a token
        }
        this.seen.add(token);
        const loc = token.location;
        const start = loc ? loc.startOffset : -1;
        const end = loc ? loc.endOffset : -1;
        const last = this.recorded[this.recorded.length - 1];

        if (TEXT_TYPES.has(kind)) {
            if (last && last.type === 'text' && last.end === start) {
                last.end = end;
            } else {
                this.recorded.push({ type: 'text', start, end });
            }
            return;
        }

        const t = { type: kind.slice(2).toLowerCase(), start, end };
        if (token.tagName !== undefined) {
            t.name = token.tagName;
        }
        if (token.attrs) {
            t.attrs = token.attrs;
        }
        this.recorded.push(t);
    }
}

for (const kind of ['onStartTag', 'onEndTag', 'onComment', 'onDoctype',
                    'onEof', ...TEXT_TYPES]) {
    RecordingParser.prototype[kind] = function (token) {
        this.record(kind, token);
        return Parser.prototype[kind].call(this, token);
    };
}

// Token types: starttag, endtag, comment, doctype, text, eof; start/end are
// offsets into html.
export function parseDocument(html) {
    const parser = new RecordingParser({
        sourceCodeLocationInfo: true,
        scriptingEnabled: false,
    });
    parser.tokenizer.write(html, true);
    return { document: parser.document, tokens: parser.recorded };
}

// Attributes of a token or element as a Map (parse5 keeps the first of
// duplicated attributes, as browsers do).
export function attrMap(attrs) {
    const m = new Map();
    for (const a of attrs || []) {
        const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
        if (!m.has(name)) {
            m.set(name, a.value);
        }
    }
    return m;
}

// Every element of the tree with its start tag in the source, in document
// order, <template> contents included.
export function* elements(node) {
    const stack = [node];
    while (stack.length) {
        const n = stack.pop();
        if (n.tagName && n.sourceCodeLocation && n.sourceCodeLocation.startTag) {
            yield n;
        }
        const kids = [];
        if (n.content) {
            kids.push(n.content);
        }
        if (n.childNodes) {
            kids.push(...n.childNodes);
        }
        for (let i = kids.length - 1; i >= 0; i--) {
            stack.push(kids[i]);
        }
    }
}

export function textContent(node) {
    let s = '';
    for (const c of node.childNodes || []) {
        if (c.nodeName === '#text') {
            s += c.value;
        }
    }
    return s;
}

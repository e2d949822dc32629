// A node:test reporter printing the plain TAP that Perl's TAP::Harness reads
// (node's own "tap" reporter writes YAML blocks it cannot parse): one line
// per top-level test, a failure's message as comments.
export default async function* tap(source) {
    let n = 0;
    for await (const { type, data } of source) {
        if ((type !== 'test:pass' && type !== 'test:fail') || data.nesting > 0
            || data.details.type === 'suite') {
            continue;
        }
        n++;
        yield `${type === 'test:pass' ? 'ok' : 'not ok'} ${n} - ${data.name}\n`;
        if (type === 'test:fail') {
            const err = data.details.error;
            const text = String((err && (err.cause || err).stack) || err);
            yield text.split('\n').map((l) => `# ${l}\n`).join('');
        }
    }
    yield `1..${n}\n`;
}

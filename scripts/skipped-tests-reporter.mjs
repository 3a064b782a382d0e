// A node:test reporter that ends the run with the skipped tests and their reasons — the TAP and spec
// reporters show a skip as one line among hundreds — and the line `unit: N skipped` that `npm test` counts.
import path from 'node:path';

export default async function* skippedTests(source) {
  const skipped = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' || event.data.skip === undefined || event.data.skip === false) continue;
    const where = event.data.file ? `${path.relative(process.cwd(), event.data.file)}: ` : '';
    skipped.push(`  - ${where}${event.data.name}${typeof event.data.skip === 'string' ? ` — ${event.data.skip}` : ''}`);
  }
  yield `\nunit: ${skipped.length} skipped${skipped.length ? `\n${skipped.join('\n')}` : ''}\n`;
}

/** Where two fields written into one cell meet, and the ways to cut a cell there (column-shift, merged-neighbour). */

/**
 * Where two fields written into one cell meet: white space, or a comma, semicolon or bar with or without
 * spaces ("Lyon FR", "Louisville, KY", "Lyon;FR"). Not a hyphen or a slash: they join the parts of one value
 * ("Winston-Salem", "n/a"); nor a bare comma between digits, a decimal or thousands separator ("<0,1").
 */
const SEPARATOR = /\s*[,;|]\s*|\s+/g;
/** The separators of {@link SEPARATOR} that only join fields (a space may also join one value's words). */
export const FIELD_SEPARATOR = /[,;|]/;
const DIGIT = /\d/;

/** The ways to cut a text in two at one {@link SEPARATOR}, both parts non-empty, in order of the cut. */
export function splits(text: string): [string, string][] {
  const whole = text.trim();
  const out: [string, string][] = [];
  for (const m of whole.matchAll(SEPARATOR)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (m[0] === ',' && DIGIT.test(whole[at - 1] ?? '') && DIGIT.test(whole[end] ?? '')) continue;
    const a = whole.slice(0, at);
    const b = whole.slice(end);
    if (a && b) out.push([a, b]);
  }
  return out;
}

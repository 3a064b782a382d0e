/**
 * How a column writes its missing values: as empty cells and as NA tokens ("N/A", "-", …), each token with its
 * number of cells. A column that writes them more than one way spells one missing value several ways, which
 * tools read differently ("N/A" is a category or text to many of them, an empty cell a null to all).
 */
export interface MissingSpellings {
  /** Missing cells written empty. */
  emptyCells: number;
  /** Cells per NA token as written (trimmed), most frequent first. */
  tokens: Record<string, number>;
}

/** The spellings of a column's `missing` cells, `tokens` holding the NA-token text of those written as one, by row. */
export function missingSpellings(tokens: ReadonlyMap<number, string>, missing: number): MissingSpellings {
  const counts = new Map<string, number>();
  for (const text of tokens.values()) {
    const token = text.trim();
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return { emptyCells: missing - tokens.size, tokens: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])) };
}

/** Whether the missing values are written more than one way: empty cells beside tokens, or two tokens. */
export function writtenSeveralWays(spellings: MissingSpellings): boolean {
  return spellingCount(spellings) > 1;
}

/** The other ways than `token` the column writes missing values, in words: `64 empty cells and 3 "-"`. */
export function spellingsBeside(spellings: MissingSpellings, token: string): string {
  const parts: string[] = [];
  if (spellings.emptyCells > 0) parts.push(`${spellings.emptyCells} empty cell${spellings.emptyCells === 1 ? '' : 's'}`);
  for (const [other, cells] of Object.entries(spellings.tokens)) if (other !== token) parts.push(`${cells} "${other}"`);
  return parts.join(' and ');
}

/** The number of ways the column writes missing values (empty cells count as one). */
export function spellingCount(spellings: MissingSpellings): number {
  return (spellings.emptyCells > 0 ? 1 : 0) + Object.keys(spellings.tokens).length;
}

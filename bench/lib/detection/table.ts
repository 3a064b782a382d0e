/** A table as the benchmark handles it: a header and rows of cell texts, exactly as they are written to CSV. */

export interface Table {
  name: string;
  header: string[];
  /** Cell texts; "" is an empty cell. */
  rows: string[][];
}

export function cloneTable(table: Table): Table {
  return { name: table.name, header: [...table.header], rows: table.rows.map((row) => [...row]) };
}

export function cellCount(table: Table): number {
  return table.rows.length * table.header.length;
}

/** RFC 4180 field: quoted when it holds the delimiter, a quote or a line break. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table): string {
  const lines = [table.header.map(field).join(',')];
  for (const row of table.rows) lines.push(row.map(field).join(','));
  return `${lines.join('\n')}\n`;
}

/** Parses the benchmark's own sources (RFC 4180, header first, `delimiter` given); not the product's reader. */
export function parseDelimited(text: string, delimiter = ','): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    records.push(row);
  }
  const [header, ...rows] = records;
  return { header, rows };
}

/** A deterministic dirty table for cleaning tests: every defect the steps fix, spread over many rows. */
import { mulberry32 } from '../../../src/core/shared/random';

export const DIRTY_HEADER = 'id,city,price,day,weight,flag,note';

/** `rows` data rows (some repeating much earlier rows, so duplicates cross batches). */
export function dirtyCsv(rows: number, seed = 7): string {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const cities = ['Paris', 'Paris', 'Paris', 'Lyon', 'Lyon', 'Nantes', 'Marseille'];
  const lines: string[] = [DIRTY_HEADER];
  for (let i = 0; i < rows; i++) {
    if (i > 50 && random() < 0.01) {
      lines.push(lines[1 + Math.floor(random() * (i - 1))]);
      continue;
    }
    const r = random();
    const city = r < 0.03 ? ` ${pick(cities)}` : r < 0.06 ? pick(cities).toUpperCase() : r < 0.07 ? 'Pariss' : r < 0.08 ? 'NA' : pick(cities);
    const amount = Math.round(random() * 5000) + 100;
    const p = random();
    const price = p < 0.05 ? `"$${amount.toLocaleString('en-US')}"` : p < 0.07 ? '' : p < 0.08 ? 'N/A' : p < 0.081 ? String(amount * 1000) : String(amount);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const d = random();
    const date = d < 0.05 ? `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2023` : d < 0.07 ? `2023/${month}/${day}` : `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const kg = (random() * 10).toFixed(2);
    const weight = random() < 0.05 ? `${Math.round(Number(kg) * 1000)} g` : random() < 0.05 ? `${kg} kg` : kg;
    const flag = random() < 0.5 ? 'yes' : 'no';
    const note = random() < 0.02 ? '"line one\nline two, with comma"' : random() < 0.1 ? `"said ""hi"""` : '';
    lines.push(`${i},${city},${price},${date},${weight},${flag},${note}`);
  }
  return `${lines.join('\n')}\n`;
}

/** comparison-mismatch: a label that a comparison of two numbers of its row decides in every other row, and does not in this one. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { mulberry32 } from '../../../src/core/shared/random';

/** 1,200 matches: goals (Poisson-like, 0–6), the result H/D/A they decide, an attendance; `edit` sets cells (row → [column, text]). */
function matches(edit: Record<number, [number, string]> = {}): string {
  const random = mulberry32(3);
  const goals = () => Math.min(6, Math.floor(-Math.log(random()) * 1.4));
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const [home, away] = [goals(), goals()];
    const row = [`M${i}`, String(home), String(away), home > away ? 'H' : home < away ? 'A' : 'D', String(10_000 + Math.floor(random() * 40_000))];
    const [column, text] = edit[i] ?? [-1, ''];
    if (column >= 0) row[column] = text;
    return row;
  });
  return csv(['match', 'home_goals', 'away_goals', 'result', 'attendance'], rows);
}

test('a result its goals contradict is reported on the result, with the result they call for; clean rows are not', () => {
  assert.deepEqual(findingsOf(checkCsv(matches()), 'comparison-mismatch'), [], 'clean');
  const cells = (r: number) => matches().split('\n')[r + 1].split(',');
  // Two results typed wrong: the one the goals call for replaced by another.
  const wrong = (r: number) => (cells(r)[3] === 'H' ? 'A' : 'H');
  const found = findingsOf(checkCsv(matches({ 100: [3, wrong(100)], 700: [3, wrong(700)] })), 'comparison-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, fixText(f)]), [[100, 'result', cells(100)[3]], [700, 'result', cells(700)[3]]]);
  assert.match(found[0].message, /^"[HAD]" in column "result" where home_goals \(\d\) is (not )?(greater than|less than|equal to) away_goals \(\d\): "result" is "[HAD]" exactly where "home_goals" is (greater than|less than|equal to) "away_goals" in 1,19\d of the 1,200 rows holding the three\.$/);
});

test('goals far beyond any other match\'s (a score of 40) are the number\'s error, not the result\'s; a status most rows hold beside a comparison most rows keep decides nothing', () => {
  const cells = (r: number) => matches().split('\n')[r + 1].split(',');
  const away = Array.from({ length: 1200 }, (_, r) => r).find((r) => cells(r)[3] === 'A') ?? -1;
  assert.deepEqual(findingsOf(checkCsv(matches({ [away]: [1, '40'] })), 'comparison-mismatch'), []);
  // Shipments: "Delivered" in 95% of the rows, the gross weight above the volume in 99%: they agree on most rows by chance.
  const random = mulberry32(9);
  const rows = Array.from({ length: 2000 }, (_, i) => [`S${i}`, (50 + random() * 900).toFixed(1), (i % 100 === 0 ? 2000 : 1 + random() * 20).toFixed(2), i % 20 === 0 ? 'In transit' : 'Delivered']);
  assert.deepEqual(findingsOf(checkCsv(csv(['shipment', 'gross_kg', 'volume_m3', 'status'], rows)), 'comparison-mismatch'), []);
});

/** 3,000 parking tickets: a fine of the schedule, the amount paid (the fine, part of it, or 0.00) and a status; `edit` changes rows. */
function tickets(edit: (row: string[], i: number) => void = () => {}): string {
  const random = mulberry32(21);
  const rows = Array.from({ length: 3_000 }, (_, i) => {
    const fine = [96, 121, 131, 90, 106][i % 5];
    const u = random();
    const [status, paid] = u < 0.7 ? ['PAID', fine] : u < 0.74 ? ['PARTIAL', Math.round(fine * (0.2 + 0.6 * random()))] : ['UNPAID', 0];
    const row = [`T${500_000 + i}`, fine.toFixed(2), paid.toFixed(2), status, (37.7 + 0.1 * random()).toFixed(6)];
    edit(row, i);
    return row;
  });
  return csv(['citation', 'fine_amount', 'amount_paid', 'payment_status', 'latitude'], rows);
}

test('equal amounts decide a label (a ticket "PAID" where it paid its fine): an unpaid ticket whose amount is its fine is reported; a paid one whose amount differs calls for no other label, and a number copied wrong is as likely', () => {
  assert.deepEqual(findingsOf(checkCsv(tickets()), 'comparison-mismatch'), [], 'clean');
  const text = tickets((row, i) => {
    if (i === 1_000) [row[2], row[3]] = [row[1], 'UNPAID'];
    if (i === 2_000 && row[3] === 'PAID') row[2] = '0.00';
  });
  assert.equal(text.split('\n')[2_001].split(',')[2], '0.00', 'row 2000 a paid ticket with 0.00 paid');
  const found = findingsOf(checkCsv(text), 'comparison-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, fixText(f)]), [[1_000, 'payment_status', 'PAID']]);
});

test('a number against another that is nearly constant (every ticket\'s latitude) is a threshold on the number, not a comparison: a partly paid ticket above it is no mismatch', () => {
  // "PAID" holds where the amount paid exceeds 37.8 in 97% of the rows: the partly paid ones above it are the rest.
  const found = findingsOf(checkCsv(tickets()), 'comparison-mismatch');
  assert.deepEqual(found.filter((f) => /latitude/.test(f.message)), []);
});

test('lab flags: "H" above the upper limit and "L" below the lower; a critical "HH" or "LL" lies on its side and is no mismatch; an "L" above the upper limit is', () => {
  const random = mulberry32(41);
  const rows: (string | number)[][] = [];
  // Tests with their own limits: potassium, sodium, creatinine, glucose.
  const limits = [[3.5, 5.1], [136, 145], [0.6, 1.2], [70, 99]];
  for (let i = 0; i < 900; i++) {
    const [low, high] = limits[i % 4];
    const width = high - low;
    const kind = Math.floor(i / 4) % 3;
    // Normal results carry no flag; abnormal ones H or L, the far ones (a critical value) HH or LL.
    const critical = i % 37 === 5;
    const value = kind === 0 ? low + random() * width : kind === 1 ? high + width * (0.05 + random() * (critical ? 3 : 0.5)) : low - width * (0.05 + random() * (critical ? 0.4 : 0.2));
    const flag = kind === 0 ? '' : kind === 1 ? (critical ? 'HH' : 'H') : critical ? 'LL' : 'L';
    rows.push([i + 1, value.toFixed(2), low.toFixed(2), high.toFixed(2), flag]);
  }
  const header = ['accession', 'result', 'ref_low', 'ref_high', 'flag'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'comparison-mismatch'), []);
  const high = rows.findIndex((row) => row[4] === 'H');
  rows[high][4] = 'L';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'comparison-mismatch').map((f) => [f.row, f.value]), [[high, 'L']]);
});

test('a tendency is no rule: claims are "Closed" where the paid amount passes the reserve in most rows, but open claims pass it as well, as many as keep it by as little', () => {
  const random = mulberry32(47);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 2000; i++) {
    // Closed: paid, no reserve left; denied: nothing paid nor reserved; open: a reserve, part of it paid so far —
    // some beyond it, as an open claim's payments may pass its first reserve.
    const status = i % 10 === 0 ? 'Denied' : i % 10 === 1 ? 'Open' : 'Closed';
    const reserve = status === 'Open' ? 1000 + Math.round(random() * 80) * 100 : 0;
    const paid = status === 'Closed' ? 500 + random() * 20000 : status === 'Open' && random() > 0.3 ? reserve * (0.2 + random() * 1.3) : 0;
    rows.push([`CLM-${1000 + i}`, status, paid.toFixed(2), reserve.toFixed(2)]);
  }
  assert.deepEqual(findingsOf(checkCsv(csv(['claim_id', 'status', 'paid_amount', 'reserve'], rows)), 'comparison-mismatch'), []);
});

test('a label whose rows keep the comparison now and then (a 500 ml pack weighing 500 g) is not contradicted by it; a pack in g whose weight differs is', () => {
  // 1,000 packs: in g, the net weight is the pack size; in ml, the size times the liquid's density (1.0 for every 12th
  // liquid); in kg, a thousand times the size.
  const packs = (edit: Record<number, string> = {}) => {
    const random = mulberry32(5);
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const unit = i % 5 < 3 ? 'g' : i % 5 === 3 ? 'ml' : 'kg';
      const size = unit === 'kg' ? 1 + (i % 3) : [100, 250, 400, 500, 750][i % 5 === 3 ? (i >> 3) % 5 : i % 4];
      const density = i % 60 === 3 ? 1 : 0.9 + 0.04 * (1 + Math.floor(random() * 6));
      const weight = unit === 'g' ? size : unit === 'kg' ? 1000 * size : Math.round(size * density);
      return [`P${i}`, String(size), edit[i] ?? unit, String(weight)];
    });
    return checkCsv(csv(['sku', 'pack_size', 'pack_unit', 'net_weight_g'], rows));
  };
  assert.deepEqual(findingsOf(packs(), 'comparison-mismatch'), []);
  // A pack of 400 g labelled "kg": its numbers call for "g".
  const found = findingsOf(packs({ 2: 'kg' }), 'comparison-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value, fixText(f)]), [[2, 'pack_unit', 'kg', 'g']]);
});

test('a result column holding a few numbers shifted in from the next column (each in one row) is still a column of three results: a result its goals contradict is found', () => {
  const cells = (r: number) => matches().split('\n')[r + 1].split(',');
  const edits: Record<number, [number, string]> = {};
  // Seven rows whose result holds a number, as a field lost before it leaves.
  for (const [k, r] of [50, 150, 250, 350, 450, 550, 650].entries()) edits[r] = [3, String(12_000 + 1_111 * k)];
  edits[900] = [3, cells(900)[3] === 'H' ? 'A' : 'H'];
  const found = findingsOf(checkCsv(matches(edits)), 'comparison-mismatch');
  assert.ok(found.some((f) => f.row === 900 && f.column === 'result' && fixText(f) === cells(900)[3]), JSON.stringify(found.map((f) => [f.row, f.value])));
});

/** 1,500 orders: net, tax (0 for exempt customers) and gross = net + tax; "exempt" is "Y" exactly where gross equals net. */
function orders(edit: (row: string[], i: number) => void = () => {}): string {
  const random = mulberry32(77);
  const rows = Array.from({ length: 1_500 }, (_, i) => {
    const net = 20 + Math.round(random() * 50_000) / 100;
    const exempt = i % 9 === 0;
    const tax = exempt ? 0 : Math.round(net * 20) / 100;
    const row = [`O${10_000 + i}`, net.toFixed(2), tax.toFixed(2), (net + tax).toFixed(2), exempt ? 'Y' : 'N'];
    edit(row, i);
    return row;
  });
  return csv(['order', 'net', 'tax', 'gross', 'exempt'], rows);
}

test('a gross typed equal to the net on a taxed order breaks gross = net + tax: the number is the wrong cell, not the "exempt" flag its equality would call for', () => {
  assert.deepEqual(findingsOf(checkCsv(orders()), 'comparison-mismatch'), [], 'clean');
  const found = findingsOf(
    checkCsv(
      orders((row, i) => {
        if (i === 400) row[3] = row[1];
        if (i === 800) row[4] = 'Y';
      }),
    ),
    'comparison-mismatch',
  );
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[800, 'exempt', 'Y']]);
});

test('numbers that call for no flag and lie where no labelled row\'s do (a glucose of a tenth of its limits flagged "H") are the number\'s error; a normal value flagged "H" is the flag\'s', () => {
  const random = mulberry32(43);
  const limits = [[3.5, 5.1], [136, 145], [70, 99]];
  const rows = Array.from({ length: 900 }, (_, i) => {
    const [low, high] = limits[i % 3];
    const high_ = i % 4 === 0;
    const value = high_ ? high + (high - low) * (0.05 + random()) : low + random() * 0.95 * (high - low);
    // "H" above the upper limit; "C" (a comment on the specimen) on a few normal results, too few for a comparison to decide.
    return [String(i + 1), value.toFixed(1), low.toFixed(1), high.toFixed(1), high_ ? 'H' : i % 45 === 1 ? 'C' : ''];
  });
  const header = ['accession', 'result', 'ref_low', 'ref_high', 'flag'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'comparison-mismatch'), [], 'clean');
  const flagged = rows.findIndex((row, i) => row[4] === 'H' && i % 3 === 2);
  rows[flagged][1] = (Number(rows[flagged][1]) / 10).toFixed(1);
  const normal = rows.findIndex((row, i) => row[4] === '' && i > 500);
  rows[normal][4] = 'H';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'comparison-mismatch').map((f) => [f.row, f.value]), [[normal, 'H']]);
});

test('a paid ticket whose amount paid is its fine keyed wrong (two digits exchanged, a minus typed) or negative where no amount is, is the amount\'s error, not the status\'s; a paid ticket with half its fine paid is the status\'s', () => {
  // 3,000 tickets: "PAID" (the fine paid) or "OPEN" (nothing or part of it paid so far).
  const random = mulberry32(23);
  const rows = Array.from({ length: 3_000 }, (_, i) => {
    const fine = [96, 121, 131, 90, 106, 250, 480][i % 7];
    const paid = random() < 0.7 ? fine : random() < 0.5 ? 0 : Math.round(fine * (0.1 + 0.8 * random()));
    return [`T${500_000 + i}`, fine.toFixed(2), paid.toFixed(2), paid === fine ? 'PAID' : 'OPEN'];
  });
  const header = ['citation', 'fine_amount', 'amount_paid', 'status'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'comparison-mismatch'), [], 'clean');
  const paid = rows.flatMap((row, i) => (row[3] === 'PAID' && row[1] === '96.00' ? [i] : []));
  rows[paid[10]][2] = '69.00';
  rows[paid[20]][2] = '-96.00';
  rows[paid[30]][2] = '48.00';
  // A minus typed before an amount no other ticket has negative: the amount's error, whatever it was meant to be.
  const paid121 = rows.findIndex((row) => row[3] === 'PAID' && row[1] === '121.00');
  rows[paid121][2] = '-100.00';
  const found = findingsOf(checkCsv(csv(header, rows)), 'comparison-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value, fixText(f)]), [[paid[30], 'status', 'PAID', 'OPEN']]);
});

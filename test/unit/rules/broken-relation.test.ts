/** broken-relation: arithmetic relations learned from a table's rows, and the cells of the rows that break them. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { runningBalances } from '../../../src/core/quality/running-balances';

const rule = 'broken-relation';
/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

test('a total that is not the sum of its parts is reported at the total, with the sum as fix; the clean table gets nothing', () => {
  const next = random(5);
  const rows = Array.from({ length: 500 }, (_, i) => {
    const [men, women] = [Math.floor(50 + next() * 5000), Math.floor(50 + next() * 5000)];
    return [i, men, women, men + women];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'men', 'women', 'total'], rows)), rule), []);
  for (const r of [7, 107, 207]) rows[r][3] = Number(rows[r][3]) + 300;
  const findings = findingsOf(checkCsv(csv(['id', 'men', 'women', 'total'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[7, 'total'], [107, 'total'], [207, 'total']]);
  const [first] = findings;
  assert.equal(first.message, `${rows[7][3]} in column "total" breaks total = men + women, which holds in 99% of the 500 rows: with men ${rows[7][1]} and women ${rows[7][2]}, it would be ${Number(rows[7][1]) + Number(rows[7][2])}.`);
  assert.equal(fixText(first), String(Number(rows[7][1]) + Number(rows[7][2])));
  assert.deepEqual(first.evidence, { relation: 'sum', formula: 'total = men + women', holdingShare: 497 / 500, rows: 500, expected: String(Number(rows[7][1]) + Number(rows[7][2])) });
  assert.equal(first.related?.length, 2, 'the parts are related places');
});

test('the wrong cell is the part that strays from its column (a part written ×10), the total that breaks two relations, the part written a slip away from the number that keeps it', () => {
  const next = random(9);
  const rows = Array.from({ length: 400 }, () => {
    const [a, b, c] = [Math.floor(100 + next() * 900), Math.floor(100 + next() * 900), Math.floor(100 + next() * 900)];
    return [a, b, a + b, c, a + b + c];
  });
  rows[20][0] = Number(rows[20][0]) * 10; // a slip in a part: breaks subtotal = a + b only
  rows[40][2] = Number(rows[40][2]) + 7; // a wrong subtotal: breaks subtotal = a + b and total = subtotal + c
  const swapped = (n: number) => {
    const t = String(n);
    return Number(`${t[0]}${t[2]}${t[1]}${t.slice(3)}`);
  };
  const part = Number(rows[60][1]);
  rows[60][1] = swapped(part); // two digits exchanged in a part
  assert.notEqual(rows[60][1], part, 'the exchange changes the number');
  const findings = findingsOf(checkCsv(csv(['a', 'b', 'subtotal', 'c', 'total'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[20, 'a'], [40, 'subtotal'], [60, 'b']]);
  assert.equal(fixText(findings[0]), String(Number(rows[20][2]) - Number(rows[20][1])), 'the part that keeps the relation');
});

test('a conversion (°F from °C, one decimal each) and a product (amount = price × quantity, cents)', () => {
  const next = random(3);
  const rows = Array.from({ length: 300 }, () => {
    const celsius = Math.round((next() * 40 - 10) * 10) / 10;
    const price = Math.round(next() * 5000) / 100;
    const quantity = 1 + Math.floor(next() * 20);
    return [celsius.toFixed(1), (celsius * 1.8 + 32).toFixed(1), price.toFixed(2), quantity, (price * quantity).toFixed(2)];
  });
  rows[11][1] = '71.6'; // 22 °C written for 71.6 °F in a row of another temperature
  rows[12][4] = (Number(rows[12][4]) + 10).toFixed(2);
  const findings = findingsOf(checkCsv(csv(['temp_c', 'temp_f', 'price', 'quantity', 'amount'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[11, 'temp_f'], [12, 'amount']]);
  assert.match(findings[0].message, /breaks temp_f = 1\.8 × temp_c \+ 32, which holds in 99% of the 300 rows: with temp_c -?\d+(\.\d)?, it would be -?\d+\.\d\.$/);
  assert.equal(fixText(findings[0]), (Number(rows[11][0]) * 1.8 + 32).toFixed(1));
  assert.match(findings[1].message, /breaks amount = price × quantity/);
});

test('a discounted product (total = price × quantity × (1 − discount), in cents) is learned though most orders carry no discount; the wrong cell is the one whose kept value its column holds', () => {
  const next = random(21);
  const prices = [4.5, 9.99, 15.75, 19.99, 24.5, 39.9, 49, 89, 149, 229.99];
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const price = prices[Math.floor(next() * prices.length)];
    const quantity = [1, 1, 2, 2, 3, 4, 5, 10][Math.floor(next() * 8)];
    const discount = [0, 0, 0, 0, 0.05, 0.1, 0.15, 0.2][Math.floor(next() * 8)];
    return [i, price.toFixed(2), quantity, discount.toFixed(2), (price * quantity * (1 - discount)).toFixed(2)];
  });
  const header = ['order', 'unit_price', 'quantity', 'discount', 'total'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), [], 'every order keeps it');
  // A total a third too large, a lost minus sign's other half (a quantity of −2), a discount written as a
  // percentage (15 for 0.15).
  const total = rows.findIndex((row) => row[3] !== '0.00' && Number(row[2]) > 1);
  rows[total][4] = (Number(rows[total][4]) * 1.3).toFixed(2);
  const quantity = rows.findIndex((row, i) => i > total && row[3] === '0.00' && row[2] === 2);
  rows[quantity][2] = -2;
  const discount = rows.findIndex((row, i) => i > quantity && row[3] === '0.15');
  rows[discount][3] = '15';
  const findings = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[total, 'total'], [quantity, 'quantity'], [discount, 'discount']]);
  assert.match(findings[0].message, /breaks total = unit_price × quantity × \(1 − discount\), which holds in 99% of the 1,200 rows/);
  assert.equal(fixText(findings[1]), '2');
  assert.equal(fixText(findings[2]), '0.15');
});

test('a discount in percent on a few lines (empty where none) is a discounted product too; an item\'s line total is then no dependency of the item', () => {
  const next = random(33);
  const items: [string, number][] = [['Lager', 6.5], ['Lemonade', 3.25], ['Burger', 16.95], ['Salad', 13.95], ['Wings', 14.25], ['Fries', 5.5], ['Steak', 34], ['Soup', 7.25]];
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const [item, price] = items[Math.floor(next() * items.length)];
    const quantity = next() < 0.9 ? 1 : 2 + Math.floor(next() * 2);
    // 10% or 50% off on 8% of the lines, the cell empty on the others.
    const discount = next() < 0.08 ? (next() < 0.5 ? 10 : 50) : undefined;
    const total = Math.round(price * quantity * (1 - (discount ?? 0) / 100) * 100) / 100;
    return [i, item, price.toFixed(2), quantity, discount ?? '', total.toFixed(2)];
  });
  const header = ['line', 'item', 'unit_price', 'qty', 'discount_pct', 'line_total'];
  const findings = checkCsv(csv(header, rows)).findings;
  // Most lines of an item total its price (one at full price): item → line_total would hold in most groups; the lines
  // of two or with a discount break no dependency of the item.
  assert.deepEqual(findings.filter((f) => f.rule === 'dependency-violation' || f.rule === rule), []);
  // A 10% discount's total written at full price: the discounted product breaks there.
  const slip = rows.findIndex((row) => row[4] === 10 && row[3] === 1);
  rows[slip][5] = rows[slip][2];
  const broken = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(broken.map((f) => f.row), [slip]);
  assert.match(broken[0].message, /line_total = unit_price × qty × \(1 − discount_pct \/ 100\)|line_total = qty × unit_price × \(1 − discount_pct \/ 100\)/);
});

test('no relation where none holds beyond chance: small counts that add up now and then, a relation in half the rows, identifiers', () => {
  const next = random(11);
  const counts = Array.from({ length: 600 }, () => [Math.floor(next() * 12), Math.floor(next() * 12), Math.floor(next() * 24)]);
  assert.deepEqual(findingsOf(checkCsv(csv(['a', 'b', 'c'], counts)), rule), [], 'a + b = c by chance in a few rows');
  const half = Array.from({ length: 400 }, (_, i) => {
    const [a, b] = [Math.floor(next() * 1000), Math.floor(next() * 1000)];
    return [a, b, i % 2 ? a + b : a + b + Math.floor(next() * 500) + 1];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['a', 'b', 'c'], half)), rule), [], 'a relation in half the rows is no relation of the table');
  const ids = Array.from({ length: 300 }, (_, i) => [i, 1000 + i, i === 50 ? 999 : 1000 + 2 * i]);
  assert.deepEqual(findingsOf(checkCsv(csv(['row_id', 'order_id', 'customer_id'], ids)), rule), [], 'identifiers add up by construction, not by meaning');
  const houses = Array.from({ length: 300 }, (_, i) => {
    const built = 1900 + Math.floor(next() * 120);
    return [built, i % 5 ? built : built + 1 + Math.floor(next() * 20)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['year_built', 'year_renovated'], houses)), rule), [], 'a column equal to another in most rows holds a default, not a relation');
});

test('a total of a run of parts (a census table\'s age groups, a part of few values among them)', () => {
  const next = random(21);
  const rows = Array.from({ length: 300 }, (_, i) => {
    const parts = [Math.floor(next() * 900), Math.floor(next() * 900), Math.floor(next() * 4), Math.floor(next() * 900)];
    return [`Tract ${i}`, ...parts, parts.reduce((a, b) => a + b, 0)];
  });
  const header = ['tract', 'under_18', 'adults', 'centenarians', 'seniors', 'total'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  rows[30][5] = Number(rows[30][5]) + 100;
  rows[60][4] = Number(rows[60][4]) * 10 + 7;
  const findings = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[30, 'total'], [60, 'seniors']]);
  assert.match(findings[0].message, /breaks total = under_18 \+ adults \+ centenarians \+ seniors, which holds in 99% of the 300 rows/);
  assert.equal(fixText(findings[1]), String(Number(rows[60][5]) - Number(rows[60][1]) - Number(rows[60][2]) - Number(rows[60][3])));
});

test('a relation every row keeps exactly (whole numbers) is held to exactness: a total off by one is found', () => {
  const next = random(33);
  const rows = Array.from({ length: 300 }, () => {
    const [a, b] = [Math.floor(next() * 5000), Math.floor(next() * 5000)];
    return [a, b, a + b];
  });
  rows[70][2] = Number(rows[70][2]) + 1;
  assert.deepEqual(findingsOf(checkCsv(csv(['men', 'women', 'total'], rows)), rule).map((f) => [f.row, f.column, fixText(f)]), [[70, 'total', String(Number(rows[70][0]) + Number(rows[70][1]))]]);
  const rounded = Array.from({ length: 300 }, () => {
    const [a, b] = [next() * 5000, next() * 5000];
    return [Math.round(a), Math.round(b), Math.round(a + b)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['men', 'women', 'total'], rounded)), rule), [], 'rounded values off by one now and then: within their rounding');
});

test('numbers written with many decimals (a computation rounded past them) keep their rounding: no false break', () => {
  const next = random(41);
  const rows = Array.from({ length: 400 }, () => {
    const [rate, price] = [0.4 + next() * 0.5, 60 + next() * 100];
    return [rate.toFixed(9), price.toFixed(8), (rate * price).toFixed(8)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['occupancy', 'price', 'revpar'], rows)), rule), []);
  rows[9][2] = (Number(rows[9][2]) + 3).toFixed(8);
  assert.deepEqual(findingsOf(checkCsv(csv(['occupancy', 'price', 'revpar'], rows)), rule).map((f) => f.row), [9]);
});

test('a conversion is learned beneath values written ×10 (ranks, not a correlation they would hide), and each is found', () => {
  const next = random(55);
  const rows = Array.from({ length: 400 }, () => {
    const celsius = next() * 40 - 10;
    return [celsius.toFixed(1), (celsius * 1.8 + 32).toFixed(1)];
  });
  const slips = [15, 95, 175, 255, 335, 395];
  for (const r of slips) rows[r][1] = (Number(rows[r][1]) * 10).toFixed(1);
  const findings = findingsOf(checkCsv(csv(['temp_c', 'temp_f'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), slips.map((r) => [r, 'temp_f']));
});

test('of a product\'s cells, the one outside its column\'s central range whose kept number is inside it is the wrong one: a floor area ×10 or in square metres, a price ÷10', () => {
  const next = random(13);
  // Homes: price per sqft (rounded) = price / sqft, so price = price per sqft × sqft within rounding.
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const sqft = Math.floor(800 + next() * 2400);
    const price = Math.round((sqft * (250 + next() * 300)) / 1000) * 1000;
    return [`L${i}`, sqft, price, Math.round(price / sqft)];
  });
  const header = ['listing', 'sqft', 'price', 'price_per_sqft'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  rows[30][1] = Number(rows[30][1]) * 10; // ×10: the price per sqft it would need is a tenth of any
  rows[60][1] = Math.round(Number(rows[60][1]) / 10.764); // square metres
  rows[90][2] = Number(rows[90][2]) / 10; // a price ÷10, below every other price
  const found = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[30, 'sqft'], [60, 'sqft'], [90, 'price']]);
});

test('rows a relation does not apply to (the bills of 20% VAT, where the others keep total = 1.05 × net) are no errors; a slip among the others still is', () => {
  const next = random(13);
  const rows = Array.from({ length: 800 }, (_, i) => {
    const business = i % 5 === 0;
    const net = Math.round((30 + next() * 400) * 100) / 100;
    const vat = business ? 0.2 : 0.05;
    return [i, business ? 'Small Business' : 'Residential', net.toFixed(2), vat, (net * (1 + vat)).toFixed(2)];
  });
  rows[11][4] = (Number(rows[11][4]) * 10).toFixed(2);
  const findings = findingsOf(checkCsv(csv(['bill', 'tariff', 'net', 'vat_rate', 'total'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[11, 'total']]);
});

test('rows where another column is non-zero and that break a relation nearly all (overtime paid at 1.5 × the rate beside gross = hours × rate) are no errors; a slip among the others still is', () => {
  const next = random(29);
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const hours = next() < 0.8 ? 80 : Math.round(next() * 300) / 4;
    const overtime = next() < 0.75 ? 0 : Math.round(1 + next() * 60) / 4;
    const rate = (15 + Math.floor(next() * 3500) / 100).toFixed(2);
    const gross = (Math.round(Number(rate) * (hours + 1.5 * overtime) * 100) / 100).toFixed(2);
    return [i, hours.toFixed(2), overtime.toFixed(2), rate, gross];
  });
  const header = ['employee', 'regular_hours', 'overtime_hours', 'hourly_rate', 'gross_pay'];
  assert.ok(rows.filter((row) => row[2] !== '0.00').length > 200, 'a quarter of the rows have overtime');
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  const plain = rows.findIndex((row, i) => i > 100 && row[2] === '0.00');
  rows[plain][4] = (Number(rows[plain][4]) * 10).toFixed(2);
  // Overtime written as a time: no number, and no zero either.
  const withOvertime = rows.findIndex((row, i) => i > 100 && row[2] !== '0.00');
  rows[withOvertime][2] = '1:45';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule).map((f) => [f.row, f.column]), [[plain, 'gross_pay']]);
});

test('a total that left out a part (a tip not added) is reported at the total, though a tip of 0 is common', () => {
  const next = random(31);
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const fare = (3 + Math.floor(next() * 6000) / 100).toFixed(2);
    const tip = next() < 0.4 ? '0.00' : (Number(fare) * (0.1 + next() * 0.2)).toFixed(2);
    const tolls = next() < 0.9 ? '0.00' : '6.94';
    return [i, fare, tip, tolls, (Number(fare) + Number(tip) + Number(tolls)).toFixed(2)];
  });
  const header = ['trip', 'fare', 'tip', 'tolls', 'total'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  const tipped = rows.findIndex((row, i) => i > 50 && row[2] !== '0.00');
  rows[tipped][4] = (Number(rows[tipped][1]) + Number(rows[tipped][3])).toFixed(2);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule).map((f) => [f.row, f.column]), [[tipped, 'total']]);
});

/** Dispensings: a quantity of one to three units a day over 7 to 90 days, a unit price of four decimals, the total rounded half up to the cent. */
function dispensings(n: number): (string | number)[][] {
  const next = random(17);
  return Array.from({ length: n }, (_, i) => {
    const perDay = next() < 0.72 ? 1 : next() < 0.8 ? 2 : 3;
    const days = [7, 10, 14, 30, 30, 30, 90][Math.floor(next() * 7)];
    const quantity = perDay * days;
    const price = (Math.floor(100 + next() * 99900) / 10000).toFixed(4);
    const total = (Math.round(quantity * Number(price) * 100 + 1e-6) / 100).toFixed(2);
    return [i, quantity, days, price, total];
  });
}

test('a total to the cent of a count times a unit price of four decimals is rounded, not exact: totals rounded half up are no breaks; one off by a dollar still is', () => {
  const rows = dispensings(3000);
  const header = ['rx', 'quantity', 'days_supply', 'unit_price', 'total'];
  assert.ok(rows.some((row) => Math.abs(Number(row[1]) * Number(row[3]) - Number(row[4])) > 1e-9), 'some totals are rounded');
  const ofTotals = (findings: ReturnType<typeof findingsOf>) => findings.filter((f) => f.column !== 'days_supply').map((f) => [f.row, f.column]);
  assert.deepEqual(ofTotals(findingsOf(checkCsv(csv(header, rows)), rule)), []);
  rows[500][4] = (Number(rows[500][4]) + 1).toFixed(2);
  assert.deepEqual(ofTotals(findingsOf(checkCsv(csv(header, rows)), rule)), [[500, 'total']]);
});

test('a relation another one shadows is no relation: total = days × unit price holds where the quantity is one a day, total = quantity × unit price in every row', () => {
  const rows = dispensings(3000);
  const findings = findingsOf(checkCsv(csv(['rx', 'quantity', 'days_supply', 'unit_price', 'total'], rows)), rule);
  assert.deepEqual(findings.filter((f) => f.column === 'days_supply').map((f) => f.row), []);
});

test('of a product whose one input is the others\' quotient rounded (a price per m² to the euro), a row breaking it is reported at that input: a price per m² left from before the price changed', () => {
  const next = random(23);
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const area = Math.round(30 + next() * 150 * 10) / 10;
    const price = Math.round((1500 + next() * 6000) * area / 1000) * 1000;
    return [i, area.toFixed(1), price, Math.round(price / area)];
  });
  const header = ['listing', 'floor_area_m2', 'price', 'price_per_m2'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  // The price changed by 3–12% on relisting; the price per m² kept.
  const stale = [40, 400, 800, 1200];
  for (const [k, r] of stale.entries()) rows[r][2] = Math.round((Number(rows[r][2]) * (1.03 + 0.03 * k)) / 1000) * 1000;
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule).map((f) => [f.row, f.column]), stale.map((r) => [r, 'price_per_m2']));
});

test('a rent per m² to the cent of a whole rent over a whole area is a quotient rounded: the few rows where area × rate misses the rent by more than half a euro are no breaks; a rate left from before the rent changed still is', () => {
  const next = random(29);
  const rows = Array.from({ length: 2500 }, (_, i) => {
    const area = Math.round(25 + 120 * next() ** 2);
    const rent = Math.round(((14 + 14 * next()) * area) / 25) * 25;
    return [i, String(area), String(rent), (rent / area).toFixed(2)];
  });
  const header = ['listing', 'floor_area_m2', 'monthly_rent_eur', 'rent_per_m2'];
  const missed = rows.filter(([, area, rent, rate]) => Math.abs(Number(area) * Number(rate) - Number(rent)) > 0.5).length;
  assert.ok(missed >= 0.01 * rows.length && missed <= 0.05 * rows.length, `the rounding misses the rent in 1–5% of the rows (${missed})`);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  rows[700][2] = String(Number(rows[700][2]) + 150);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule).map((f) => f.row), [700]);
});

test('tickets sold and an occupancy to a tenth of a percent of the seats: an occupancy left from before a sale is reported at the occupancy, tickets with two digits exchanged at the tickets', () => {
  const next = random(31);
  const capacities = [96, 124, 186, 254, 310];
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const capacity = capacities[i % capacities.length];
    const sold = Math.round(capacity * (0.05 + 0.6 * next()));
    return [`S${i}`, String(capacity), String(sold), ((100 * sold) / capacity).toFixed(1)];
  });
  const header = ['screening', 'seat_capacity', 'tickets_sold', 'occupancy_pct'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), [], 'clean');
  // Row 500: 20 more tickets sold, the occupancy left as it was. Row 900: the tickets' two digits exchanged.
  const stale = 500;
  rows[stale][2] = String(Number(rows[stale][2]) + 20);
  const keyed = rows.findIndex((row, i) => i > 800 && /^([1-9])(?!\1)[1-9]$/.test(row[2]));
  rows[keyed][2] = [...rows[keyed][2]].reverse().join('');
  const found = findingsOf(checkCsv(csv(header, rows)), rule).map((f) => [f.row, f.column]);
  assert.deepEqual(found, [[stale, 'occupancy_pct'], [keyed, 'tickets_sold']]);
});

/**
 * 1,200 stock movements of 12 products in 3 warehouses, in time order: each movement's on-hand balance is its product's
 * balance in that warehouse before it plus its quantity (receipts positive, picks negative); a declined movement leaves
 * the balance as it was.
 */
function ledger(): string[][] {
  const next = random(11);
  const onHand = new Map<string, number>();
  return Array.from({ length: 1200 }, (_, i) => {
    const [sku, warehouse] = [`SKU${String(1 + Math.floor(next() * 12)).padStart(4, '0')}`, `WH${1 + Math.floor(next() * 3)}`];
    const before = onHand.get(sku + warehouse) ?? 0;
    const receipt = before < 20 || next() < 0.2;
    const quantity = receipt ? 20 + Math.floor(next() * 80) : -(1 + Math.floor(next() * Math.min(19, before - 1)));
    const declined = i % 97 === 50;
    const balance = declined ? before : before + quantity;
    onHand.set(sku + warehouse, balance);
    return [`MV${1000 + i}`, sku, warehouse, receipt ? 'receipt' : 'pick', declined ? 'declined' : 'done', String(quantity), String(balance)];
  });
}
const LEDGER_HEADER = ['movement', 'sku', 'warehouse', 'type', 'status', 'quantity', 'on_hand'];
/** The row of the ledger of `rows[r]` after r (its product in its warehouse), or −1. */
const nextOfLedger = (rows: string[][], r: number) => rows.findIndex((row, k) => k > r && row[1] === rows[r][1] && row[2] === rows[r][2]);

test('a running balance: a quantity the balance does not move by, a balance written wrong and a balance left as it was are reported; a declined movement is not', () => {
  const rows = ledger();
  assert.deepEqual(findingsOf(checkCsv(csv(LEDGER_HEADER, rows)), rule), [], 'the clean ledger keeps its balances');
  const picks = rows.flatMap((row, r) => (row[3] === 'pick' && row[4] === 'done' && nextOfLedger(rows, r) > 0 ? [r] : []));
  const [slip, wrong, stale] = [picks[10], picks[30], picks[50]];
  const quantity = rows[slip][5];
  rows[slip][5] = String(Number(quantity) * 10); // a quantity keyed ten times over
  const balance = rows[wrong][6];
  rows[wrong][6] = String(Number(balance) + 9); // a balance written wrong
  const staleBalance = rows[stale][6];
  rows[stale][6] = String(Number(staleBalance) - Number(rows[stale][5])); // the balance before it, left as it was
  const found = findingsOf(checkCsv(csv(LEDGER_HEADER, rows)), rule);
  assert.deepEqual(
    found.map((f) => [f.row, f.column, fixText(f)]),
    [
      [slip, 'quantity', Number(quantity).toFixed(0)],
      [wrong, 'on_hand', balance],
      [stale, 'on_hand', staleBalance],
    ].sort((a, b) => Number(a[0]) - Number(b[0])),
  );
  assert.match(found[0].message, /breaks on_hand = the previous on_hand of its sku and warehouse \+ quantity, which holds in 9\d% of the/);
});

test('a running balance: a movement filed under another product (a code that lost its leading zero) leaves the next movement\'s quantity alone', () => {
  const rows = ledger();
  const r = rows.findIndex((row, k) => k > 100 && row[3] === 'pick' && row[4] === 'done' && nextOfLedger(rows, k) > 0);
  rows[r][1] = rows[r][1].replace('SKU0', 'SKU'); // "SKU0007" → "SKU007": a ledger of its own
  const found = findingsOf(checkCsv(csv(LEDGER_HEADER, rows)), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column]), []);
});

test('a running balance is no balance where it stands still beside its amount: a calendar\'s year "moves by" the month only in January', () => {
  // Three years of daily births by year, month and day of the month.
  const rows: string[][] = [];
  for (let year = 2000; year < 2003; year++) for (let month = 1; month <= 12; month++) for (let day = 1; day <= 28; day++) rows.push([String(year), String(month), String(day), String(9000 + ((year * 31 + month * 7 + day * 13) % 900))]);
  const data = ingestCsvBytes(new TextEncoder().encode(csv(['year', 'month', 'date_of_month', 'births'], rows)));
  assert.deepEqual(runningBalances(data), []);
  // The stock ledger keeps its one.
  const stock = ingestCsvBytes(new TextEncoder().encode(csv(LEDGER_HEADER, ledger())));
  assert.deepEqual(runningBalances(stock).map((b) => [stock.columns[b.balance].name, stock.columns[b.amount].name, b.ledger.map((c) => stock.columns[c].name)]), [['on_hand', 'quantity', ['sku', 'warehouse']]]);
});

test('a sum of some of another sum\'s parts is no relation of its own: ballots = party votes + undervotes holds only where no ballot was overvoted', () => {
  // 600 precincts: ballots cast = votes for each party + undervotes + overvotes; 6% of them have 3 to 6 overvoted ballots.
  const next = random(5);
  const rows = Array.from({ length: 600 }, (_, i) => {
    const [dem, rep, other, under] = [200 + Math.floor(next() * 900), 100 + Math.floor(next() * 700), Math.floor(next() * 40), Math.floor(next() * 25)];
    const over = i % 17 === 3 ? 3 + (i % 4) : 0;
    return [`P${i}`, String(dem + rep + other + under + over), String(dem), String(rep), String(other), String(under), String(over)];
  });
  const header = ['precinct', 'ballots_cast', 'votes_dem', 'votes_rep', 'votes_other', 'undervotes', 'overvotes'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  rows[100][2] = String(Number(rows[100][2]) + 9);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule).map((f) => [f.row, f.evidence?.formula]), [[100, 'ballots_cast = votes_dem + votes_rep + votes_other + undervotes + overvotes']]);
});

/** A bus's stops, trip after trip: boardings, alightings and the load they leave (everyone off at the last stop). */
function busStops(): string[][] {
  const next = random(23);
  const rows: string[][] = [];
  for (let trip = 0; trip < 80; trip++) {
    let load = 0;
    for (let stop = 1; stop <= 12; stop++) {
      const off = stop === 12 ? load : Math.min(load, Math.floor(next() * 3));
      const on = stop === 12 ? 0 : Math.floor(next() * next() * 6);
      load += on - off;
      rows.push([`T${trip}`, String(stop), `S${Math.floor(next() * 40)}`, String(on), String(off), String(load)]);
    }
  }
  return rows;
}
const BUS_HEADER = ['trip', 'stop_sequence', 'stop', 'boardings', 'alightings', 'passenger_load'];

test('a running balance moved by an inflow and an outflow (a bus\'s load by boardings and alightings, of ±1 often): boardings and alightings exchanged are both reported', () => {
  const rows = busStops();
  const data = ingestCsvBytes(new TextEncoder().encode(csv(BUS_HEADER, rows)));
  assert.deepEqual(runningBalances(data).map((b) => [b.balance, b.amount, b.outflow]), [[5, 3, 4]]);
  assert.deepEqual(findingsOf(checkCsv(csv(BUS_HEADER, rows)), rule), []);
  const r = rows.findIndex((row, k) => k > 200 && row[1] !== '12' && row[1] !== '1' && Number(row[3]) > 0 && Number(row[4]) > 0 && row[3] !== row[4]);
  [rows[r][3], rows[r][4]] = [rows[r][4], rows[r][3]];
  const found = findingsOf(checkCsv(csv(BUS_HEADER, rows)), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column, fixText(f)]), [[r, 'boardings', rows[r][4]], [r, 'alightings', rows[r][3]]]);
});

test("a bus's load is still carried by its boardings and alightings where a boarding count was keyed negative: its step breaks it (which flow is wrong, not said)", () => {
  const rows = busStops();
  const r = rows.findIndex((row, k) => k > 300 && row[1] !== '12' && row[1] !== '1' && Number(row[3]) > 1);
  rows[r][3] = `-${rows[r][3]}`;
  const data = ingestCsvBytes(new TextEncoder().encode(csv(BUS_HEADER, rows)));
  assert.deepEqual(runningBalances(data).map((b) => [b.balance, b.amount, b.outflow]), [[5, 3, 4]]);
  assert.deepEqual(findingsOf(checkCsv(csv(BUS_HEADER, rows)), rule).map((f) => [f.row, f.column]), [[r, 'boardings'], [r, 'alightings']]);
});

test('a weighted sum (points = 2 × field goals + three-pointers + free throws) is learned with its whole weights; a wrong total is reported with the sum as fix, and a row whose made and attempted field goals were exchanged at the field goals', () => {
  const next = random(11);
  const rows = Array.from({ length: 1_500 }, (_, i) => {
    const fga = Math.floor(next() * 20);
    const fgm = Math.floor(next() * (fga + 1));
    const fg3m = Math.floor(next() * (fgm + 1) * 0.5);
    const ftm = Math.floor(next() * 9);
    return [`P${i}`, fgm, fga, fg3m, ftm, 2 * fgm + fg3m + ftm, Math.floor(next() * 30) - 15];
  });
  const header = ['player', 'fgm', 'fga', 'fg3m', 'ftm', 'pts', 'plus_minus'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  const wrongTotals = [40, 400, 900];
  for (const r of wrongTotals) rows[r][5] = Number(rows[r][5]) + 3;
  const exchanged = rows.findIndex((row, i) => i > 1_000 && Number(row[2]) >= Number(row[1]) + 4);
  [rows[exchanged][1], rows[exchanged][2]] = [rows[exchanged][2], rows[exchanged][1]];
  const findings = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [...wrongTotals.map((r) => [r, 'pts']), [exchanged, 'fgm']]);
  assert.match(findings[0].message, /breaks pts = 2 × fgm \+ fg3m \+ ftm, which holds in 99% of the 1,500 rows/);
  assert.equal(fixText(findings[0]), String(Number(rows[40][5]) - 3));
});

test('a score of 100 less 5 points per critical and 2 per other violation is learned though most inspections score 92 to 100; a score keyed wrong, and the two counts exchanged, are reported', () => {
  let s = 17;
  const u = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296);
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const critical = u() < 0.7 ? 0 : 1 + Math.floor(3 * u());
    const other = Math.floor(5 * u());
    return [String(2_300_000 + i), String(critical), String(other), String(100 - 5 * critical - 2 * other), u() < 0.5 ? 'Routine' : 'Follow-up'];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['inspection', 'critical', 'noncritical', 'score', 'kind'], rows)), 'broken-relation'), []);
  // Row 50: 98 keyed 89 (one other violation); row 80: 0 critical and 2 others written the other way round.
  rows[50] = [rows[50][0], '0', '1', '89', rows[50][4]];
  rows[80] = [rows[80][0], '2', '0', '96', rows[80][4]];
  const found = findingsOf(checkCsv(csv(['inspection', 'critical', 'noncritical', 'score', 'kind'], rows)), 'broken-relation');
  assert.deepEqual(found.map((f) => `${f.row}:${f.column}`).sort(), ['50:score', '80:critical', '80:noncritical']);
  assert.match(found.find((f) => f.row === 50)?.message ?? '', /breaks score = 100 − 5 × critical − 2 × noncritical, which holds in 99% of the 2,000 rows: with critical 0 and noncritical 1, it would be 98\./);
  assert.match(found.find((f) => f.row === 80)?.message ?? '', /look exchanged/);
});

test('a line fitted through several rates is no relation: water charged per unit at each rate class\'s price gets no findings, though one line holds within the rounding of whole units in most rows', () => {
  const next = random(17);
  const rates: [string, number, number][] = [['RS1', 4.12, 0.72], ['RM2', 3.95, 0.12], ['CM1', 4.48, 0.1], ['IR1', 5.1, 0.03], ['MU1', 3.7, 0.03]];
  // A bill's rate class, by the classes' shares.
  const rateClass = (): [string, number] => {
    const u = next();
    let k = 0;
    for (let cumulative = rates[0][2]; u > cumulative && k + 1 < rates.length; cumulative += rates[k][2]) k++;
    return [rates[k][0], rates[k][1]];
  };
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const [code, rate] = rateClass();
    // Whole units, skewed: mostly small, some large.
    const usage = Math.max(0, Math.round(Math.exp(1.5 + next() * 2.5)));
    return [i + 1, code, usage, (usage * rate).toFixed(2)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['bill', 'rate_code', 'usage', 'charge'], rows)), rule), []);
  // Nor is usage = (total − base) / 4 to the whole unit: a sum of fractions rounded to its output's unit, fitted alike.
  const bills = Array.from({ length: 2000 }, (_, i) => {
    const [code, rate] = rateClass();
    const usage = Math.max(0, Math.round(Math.exp(0.5 + next() * 2.6)));
    const base = [18.5, 22.75, 31.4, 58.2][Math.floor(next() * 4)];
    return [i + 1, code, usage, base.toFixed(2), (base + usage * rate).toFixed(2)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['bill', 'rate_code', 'usage', 'base', 'total'], bills)), rule), []);
});

test('a product most rows keep trivially (annual pay = salary × FTE, 95% full time at 1.00) is learned from the rows that do not; a part-time pay left at the full salary is reported', () => {
  const next = random(23);
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const salary = 30000 + Math.round(next() * 1200) * 50;
    const fte = i % 20 === 7 ? ['0.50', '0.60', '0.75', '0.80'][Math.floor(next() * 4)] : '1.00';
    return [i + 1, fte, salary.toFixed(2), (salary * Number(fte)).toFixed(2)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'fte', 'base_salary', 'annual_pay'], rows)), rule), []);
  const partTime = rows.findIndex((row) => row[1] !== '1.00' && row[1] !== '0.50');
  rows[partTime][3] = String(Number(rows[partTime][3]) + 1000);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'fte', 'base_salary', 'annual_pay'], rows)), rule).map((f) => f.row), [partTime]);
});

test('a sum most rows keep as 0 = 0 + 0 (total precipitation = rain + snow, dry days) is learned from the days of both; a mean of two readings, (max + min) / 2 to a tenth of a degree, too; a rainfall converted from inches (two decimals among tenths) is the wrong cell', () => {
  const next = random(29);
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const max = Math.round((next() * 30 - 5) * 10) / 10;
    const min = Math.round((max - 2 - next() * 10) * 10) / 10;
    const mean = Math.round(((max + min) / 2) * 10 + 1e-9) / 10;
    const wet = next();
    const rain = wet < 0.55 ? 0 : Math.round(next() * 200) / 10;
    const snow = wet < 0.45 || wet > 0.9 ? 0 : Math.round(next() * 150) / 10;
    return [i + 1, max.toFixed(1), min.toFixed(1), mean.toFixed(1), rain.toFixed(1), snow.toFixed(1), (rain + snow).toFixed(1)];
  });
  const header = ['obs', 'max_temp', 'min_temp', 'mean_temp', 'rain_mm', 'snow_cm', 'precip_mm'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  const wetRow = rows.findIndex((row) => Number(row[4]) > 5 && Number(row[5]) > 1);
  rows[wetRow][4] = (Number(rows[wetRow][4]) / 25.4).toFixed(2); // rain written in inches
  rows[30][3] = (Number(rows[30][3]) + 5).toFixed(1); // a mean that is not the mean
  const findings = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(findings.map((f) => f.row).sort((a, b) => Number(a) - Number(b)), [30, wetRow].sort((a, b) => a - b));
  assert.equal(findings.find((f) => f.row === wetRow)?.column, 'rain_mm');
  // (Which of the three temperatures is wrong, the relation alone cannot tell.)
  assert.match(findings.find((f) => f.row === 30)?.message ?? '', /mean_temp = 0\.5 × max_temp \+ 0\.5 × min_temp/);
});

test("a stray value with more decimals (a unit cost shifted into a column of cents) does not make its column's rounding finer: the product is still learned and a value computed from another quantity is reported", () => {
  // 2,000 movements: value = quantity × unit cost (four decimals), written to the cent.
  const next = random(31);
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const [qty, cost] = [1 + Math.floor(next() * 60), 1 + Math.round(next() * 400_000) / 10_000];
    return [`MV${i}`, String(qty), cost.toFixed(4), (qty * cost).toFixed(2)];
  });
  rows[500][3] = '56.7915';
  rows[1200][3] = (Number(rows[1200][1]) * Number(rows[1200][2]) + 6.59).toFixed(2);
  const found = findingsOf(checkCsv(csv(['movement', 'qty', 'unit_cost', 'value'], rows)), rule).map((f) => [f.row, f.column]);
  assert.deepEqual(found, [[500, 'value'], [1200, 'value']]);
});

test('an invoice total written without its VAT is the wrong cell, not the VAT the relation would keep at 0', () => {
  // 1,500 invoices: energy = kWh × rate, standing = days × daily charge, VAT 5% of both (20% for every third, a business),
  // total = energy + standing + VAT.
  const next = random(37);
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const [kwh, rate, days, daily] = [50 + Math.floor(next() * 900), 0.15 + Math.round(next() * 1500) / 10_000, 28 + Math.floor(next() * 5), 0.4 + Math.round(next() * 3000) / 10_000];
    const [energy, standing, vatRate] = [Math.round(kwh * rate * 100) / 100, Math.round(days * daily * 100) / 100, i % 3 === 0 ? 20 : 5];
    const vat = Math.round((energy + standing) * vatRate) / 100;
    return [`INV${i}`, String(kwh), rate.toFixed(4), energy.toFixed(2), String(days), daily.toFixed(4), standing.toFixed(2), String(vatRate), vat.toFixed(2), (energy + standing + vat).toFixed(2)];
  });
  const header = ['invoice', 'kwh', 'unit_rate', 'energy_charge', 'days', 'daily_charge', 'standing_charge', 'vat_rate', 'vat_amount', 'invoice_total'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  rows[301][9] = (Number(rows[301][3]) + Number(rows[301][6])).toFixed(2);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule).map((f) => [f.row, f.column]), [[301, 'invoice_total']]);
});

test('a snowfall written on a dry day (total 0.0) is the wrong cell: 0 is a snowfall of its own, so the total left nothing out', () => {
  const next = random(41);
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const wet = next();
    const rain = wet < 0.55 ? 0 : Math.round(next() * 200) / 10;
    const snow = wet < 0.45 || wet > 0.9 ? 0 : Math.round(next() * 150) / 10;
    return [`D${i}`, rain.toFixed(1), snow.toFixed(1), (rain + snow).toFixed(1)];
  });
  const dry = rows.findIndex((row, i) => i > 400 && row[3] === '0.0');
  rows[dry][2] = '35.0';
  assert.deepEqual(findingsOf(checkCsv(csv(['day', 'rain_mm', 'snow_cm', 'precip_mm'], rows)), rule).map((f) => [f.row, f.column]), [[dry, 'snow_cm']]);
});

test('a price per kg of a weight in grams (unit price = 0.001 × grams × price per kg) is learned; a price raised without its price per kg is reported', () => {
  const next = random(43);
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const grams = [100, 150, 200, 250, 340, 400, 500, 750, 1000][Math.floor(next() * 9)];
    const price = (0.5 + Math.round(next() * 900) / 100).toFixed(2);
    return [`SKU${i}`, String(grams), price, ((Number(price) * 1000) / grams).toFixed(2)];
  });
  const header = ['sku', 'net_weight_g', 'unit_price', 'price_per_kg'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  rows[600][2] = (Number(rows[600][2]) + 0.4).toFixed(2);
  const found = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[600, 'unit_price']]);
  assert.match(found[0].message, /unit_price = 0\.001 × net_weight_g × price_per_kg/);
});

/**
 * Call records: a plan (its rate per unit, one of them free), a data volume to the kilobyte whose megabytes begun are
 * billed (units = ⌈data_mb⌉), a voice call's seconds whose minutes begun are billed (units = ⌈seconds / 60⌉), the
 * charge the units times the plan's rate.
 */
function callRecords(): (string | number)[][] {
  const next = random(21);
  const plans: [string, number][] = [
    ['ESS5', 0.05],
    ['CONF40', 0.015],
    ['PRO80', 0.004],
    ['ILLIM', 0],
  ];
  return Array.from({ length: 600 }, (_, i) => {
    const [plan, rate] = plans[Math.floor(next() * plans.length)];
    const data = i % 2 === 0;
    const mb = data ? Math.round(Math.exp(1 + 2 * next()) * 1000) / 1000 : NaN;
    const seconds = data ? NaN : Math.floor(5 + next() * 900);
    const units = data ? Math.ceil(mb) : Math.ceil(seconds / 60);
    return [i, plan, data ? 'DATA' : 'VOICE', data ? '' : seconds, data ? mb.toFixed(3) : '', units, rate.toFixed(4), (units * rate).toFixed(4)];
  });
}
const CALL_HEADER = ['record_id', 'plan_code', 'call_type', 'duration_sec', 'data_mb', 'billed_units', 'rate_per_unit', 'charge_eur'];

test('units billed for each megabyte or minute begun are whole numbers rounded up: a relation held exactly (no row of a clean table breaks it), broken by a unit keyed wrong', () => {
  const rows = callRecords();
  // A line through the rounded-up units holds only where the fraction begun is under a half: every other row would break it.
  assert.deepEqual(findingsOf(checkCsv(csv(CALL_HEADER, rows)), rule), []);
  const data = rows.findIndex((row, i) => i > 100 && row[2] === 'DATA' && row[1] === 'ESS5');
  // (Keyed after the charge was computed: the charge still says the units begun.)
  rows[data][5] = Number(rows[data][5]) + 1;
  const [finding] = findingsOf(checkCsv(csv(CALL_HEADER, rows)), rule);
  assert.equal(finding?.row, data);
  assert.equal(finding?.column, 'billed_units');
  assert.equal(finding?.evidence?.formula, 'billed_units = ⌈data_mb⌉');
  assert.equal(fixText(finding), String(Math.ceil(Number(rows[data][4]))));
});

test('minutes begun are read as the seconds over 60 rounded up; seconds and minutes exchanged in a row are reported as exchanged', () => {
  const rows = callRecords();
  const voice = rows.findIndex((row, i) => i > 100 && row[2] === 'VOICE' && Number(row[3]) > 300);
  [rows[voice][3], rows[voice][5]] = [rows[voice][5], rows[voice][3]];
  const findings = findingsOf(checkCsv(csv(CALL_HEADER, rows)), rule).filter((f) => f.row === voice);
  assert.deepEqual(findings.map((f) => f.column).sort(), ['billed_units', 'duration_sec']);
  assert.match(findings[0].message, /look exchanged: billed_units = ⌈duration_sec \/ 60⌉ holds/);
});

test('a product that holds with a factor 0 vouches for none of the other factor: units keyed wrong on a free plan are the units, not the megabytes', () => {
  const rows = callRecords();
  const free = rows.findIndex((row, i) => i > 100 && row[2] === 'DATA' && row[1] === 'ILLIM' && Number(row[4]) > 2);
  rows[free][5] = Number(rows[free][5]) - 1;
  const findings = findingsOf(checkCsv(csv(CALL_HEADER, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[free, 'billed_units']]);
});

test('of a product broken by a rate other than its plan\'s, the rate is the wrong cell: a dependency the table keeps contradicts it', () => {
  const rows = callRecords();
  const wrong = rows.findIndex((row, i) => i > 100 && row[1] === 'CONF40' && Number(row[5]) > 2);
  rows[wrong][6] = '0.0500';
  const findings = findingsOf(checkCsv(csv(CALL_HEADER, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[wrong, 'rate_per_unit']]);
});

test('of a broken product, the cell far from its group under a label that explains its column is the wrong one: a dose in grams beside the drug\'s usual dose per kg', () => {
  const next = random(31);
  // Doses per kg by drug, spreading by factors (0.1 to 50 mg/kg): many of one drug's values make the others' look stray.
  const drugs: [string, number][] = [['Meloxicam', 0.1], ['Maropitant', 1], ['Clindamycin', 8], ['Doxycycline', 10], ['Amoxicillin', 12.5], ['Fluralaner', 35], ['Fenbendazole', 50], ['Selamectin', 0.02]];
  const rows = Array.from({ length: 900 }, (_, i) => {
    const [drug, perKg] = drugs[i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : 2 + (Math.floor(i / 3) % 6)];
    const weight = Math.round((2 + next() * 38) * 10) / 10;
    const dose = Math.round(weight * perKg * (0.9 + 0.2 * next()) * 100) / 100;
    return [i, drug, weight.toFixed(1), dose.toFixed(2), (dose / weight).toFixed(2)];
  });
  const wrong = rows.findIndex((row, i) => i > 100 && row[1] === 'Clindamycin');
  rows[wrong][3] = (Number(rows[wrong][3]) / 1000).toFixed(2); // written in grams
  const findings = findingsOf(checkCsv(csv(['id', 'drug', 'weight_kg', 'dose_mg', 'dose_mg_per_kg'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[wrong, 'dose_mg']]);
});

test('a wrong total that an exchange of two weighted inputs would also explain is the total where the exchange breaks an order the table keeps (three-pointers made above the field goals made)', () => {
  const next = random(12);
  const rows = Array.from({ length: 1_500 }, (_, i) => {
    const fga = Math.floor(next() * 20);
    const fgm = Math.floor(next() * (fga + 1));
    const fg3m = Math.floor(next() * (fgm + 1) * 0.5);
    const ftm = Math.floor(next() * 9);
    return [`P${i}`, fgm, fga, fg3m, ftm, 2 * fgm + fg3m + ftm];
  });
  const header = ['player', 'fgm', 'fga', 'fg3m', 'ftm', 'pts'];
  const r = rows.findIndex((row, i) => i > 500 && Number(row[1]) >= Number(row[3]) + 2);
  // The points of the row written as if its field goals and three-pointers were the other way round.
  rows[r][5] = 2 * Number(rows[r][3]) + Number(rows[r][1]) + Number(rows[r][4]);
  const findings = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[r, 'pts']]);
  assert.equal(fixText(findings[0]), String(2 * Number(rows[r][1]) + Number(rows[r][3]) + Number(rows[r][4])));
});

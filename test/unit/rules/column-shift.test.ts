/** column-shift: a value in the neighbouring column, which is empty in that row (issue #9, point 2). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import type { Finding } from '../../../src/core/quality/finding';

const rule = allRules.filter((r) => r.id === 'column-shift');
const check = (lines: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`)), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule).findings;

const CITIES = [['Lyon', 'FR'], ['Paris', 'FR'], ['Berlin', 'DE'], ['Munich', 'DE'], ['Madrid', 'ES'], ['Sevilla', 'ES'], ['Milano', 'IT'], ['Roma', 'IT']];

/** Customers: id, city, country (codes), visits (a count); `edit` rewrites some rows' city and country cells. */
function customers(edit: Record<number, [string, string]> = {}): string[] {
  const lines = ['id,city,country,visits'];
  for (let i = 0; i < 300; i++) {
    const [city, country] = edit[i] ?? CITIES[(i * 5) % CITIES.length];
    lines.push(`${i + 1},${city},${country},${(i * 13) % 40}`);
  }
  return lines;
}

test('a clean table, and a row with a plain gap, have no finding', () => {
  assert.deepEqual(check(customers()), []);
  assert.deepEqual(check(customers({ 7: ['Lyon', ''] })), [], 'an empty country next to an ordinary city is a missing value, not a shift');
});

test('text in a numeric column (6% of its cells) is present, not missing: a count moved into the country column with visits empty is still a shift', () => {
  // 18 of 300 visits written as words: the column holds a value in every row but one, though its typed values are 94% complete.
  const lines = customers().map((line, i) => (i > 0 && i % 17 === 5 ? line.replace(/,\d+$/, ',a dozen or so') : line));
  lines[41] = '41,Berlin,17,';
  assert.deepEqual(check(lines).map((f) => [f.row, f.column]), [[40, 'country'], [40, 'visits']]);
});

test('a dirty table, its visits empty in 7% of the rows (errors of every kind leave gaps): an empty cell there is still evidence of a shift (a count in the country column); in 15%, it is not', () => {
  const withGaps = (every: number) => {
    const lines = customers().map((line, i) => (i > 0 && i % every === 5 ? line.replace(/,\d+$/, ',') : line));
    lines[41] = '41,Berlin,17,';
    return lines;
  };
  assert.deepEqual(check(withGaps(14)).map((f) => [f.row, f.column]), [[40, 'country'], [40, 'visits']]);
  assert.deepEqual(check(withGaps(7)), [], 'a column empty in 15% of its rows: its empty cells are no evidence');
});

test('"Lyon FR" in city with country empty: a merge, reported with a fix that splits it, and the emptied cell', () => {
  const findings = check(customers({ 12: ['Lyon FR', ''] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[12, 'city'], [12, 'country']]);
  const [merged, emptied] = findings;
  assert.match(merged.message, /^"Lyon FR" in column "city" holds a value of "city" \("Lyon"\) and one of "country" \("FR"\), and "country" is empty in this row: two fields seem merged\.$/);
  const fix = merged.fixes?.[0];
  assert.equal(fix?.title, 'Split "Lyon FR" into "city" and "country"');
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, 'Lyon,FR');
  assert.match(emptied.message, /^Column "country" is empty in this row; its value seems merged into "city" \("Lyon FR"\)\.$/);
});

test('a value moved into the empty neighbour: the country code in city, a fix moving it back', () => {
  const findings = check(customers({ 30: ['DE', ''] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[30, 'city'], [30, 'country']]);
  assert.match(findings[0].message, /^"DE" in column "city" looks like a value of "country" .* and "country" is empty in this row: the row seems shifted\.$/);
  const fix = findings[0].fixes?.[0];
  assert.equal(fix?.title, 'Move "DE" to "country"');
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, ',DE');
});

/** Films: title, source, genre, rating; source is often empty (unknown), genre rarely. `edit` rewrites source and genre of some rows. */
function films(edit: Record<number, [string, string]> = {}): string[] {
  const sources = ['Original Screenplay', 'Based on Book', 'Remake', 'Based on Real Life Events'];
  const genres = ['Romantic Comedy', 'Black Comedy', 'Drama', 'Action', 'Thriller Suspense'];
  const lines = ['title,source,genre,rating'];
  for (let i = 0; i < 300; i++) {
    const [source, genre] = edit[i] ?? [i % 7 === 3 ? '' : sources[(i * 3) % sources.length], genres[(i * 7) % genres.length]];
    lines.push(`Film ${i + 1},${source},${genre},${(5 + (i % 40) / 10).toFixed(1)}`);
  }
  return lines;
}

test('two columns of words: a source in the genre column with the source empty is shifted, also where sources are often unknown', () => {
  // Both columns are words of the same shapes: only the values tell them apart.
  assert.deepEqual(check(films()), []);
  assert.deepEqual(check(films({ 40: ['', 'Drama'] })), [], 'an unknown source beside an ordinary genre is a gap');
  const findings = check(films({ 40: ['', 'Original Screenplay'] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[40, 'genre'], [40, 'source']]);
  assert.match(findings[0].message, /^"Original Screenplay" in column "genre" looks like a value of "source" \(\d+% of its values are "Original Screenplay", 0\.0% of "genre"'s other values\), and "source" is empty in this row: the row seems shifted\.$/);
});

test('two columns of the same words merged: "Borussia Dortmund Werder Bremen" in home_team with away_team empty is split at the space that gives a value of each', () => {
  const teams = ['Borussia Dortmund', 'Werder Bremen', 'Hannover 96', 'FC Augsburg', 'Hamburger SV', 'SC Freiburg', 'VfL Wolfsburg', 'Schalke 04'];
  const matches = (edit: Record<number, [string, string]> = {}) => {
    const lines = ['date,home_team,away_team,home_score'];
    for (let i = 0; i < 400; i++) {
      const [home, away] = edit[i] ?? [teams[i % teams.length], teams[(i * 3 + 1 + Math.floor(i / teams.length)) % teams.length]];
      lines.push(`2026-01-${String(1 + (i % 28)).padStart(2, '0')},${home},${away},${i % 5}`);
    }
    return lines;
  };
  assert.deepEqual(check(matches()), []);
  const findings = check(matches({ 77: ['Borussia Dortmund Werder Bremen', ''] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[77, 'home_team'], [77, 'away_team']]);
  assert.equal(findings[0].fixes?.[0]?.kind === 'replace' ? findings[0].fixes[0].newText : undefined, 'Borussia Dortmund,Werder Bremen');
});

/** Daily prices (low ≤ open, close ≤ high on every row); `edit` rewrites some rows' high and low cells. */
function prices(edit: Record<number, [string, string]> = {}): string[] {
  const lines = ['day,open,high,low,close'];
  for (let i = 0; i < 300; i++) {
    const base = 1000 + ((i * 37) % 200) + i;
    const [open, close] = i % 2 ? [base, base + 6] : [base + 6, base];
    const [high, low] = edit[i] ?? [String(base + 10 + (i % 7)), String(base - 9 - (i % 5))];
    lines.push(`${i + 1},${open},${high},${low},${close}`);
  }
  return lines;
}

test('numeric neighbours that keep an order: a high in the low column, high empty, breaks the orders of low and keeps those of high', () => {
  const row = 40;
  const base = 1000 + ((row * 37) % 200) + row;
  const findings = check(prices({ [row]: ['', String(base + 12)] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[row, 'low'], [row, 'high']]);
  assert.match(findings[0].message, /^"1132" in column "low" looks like a value of "high": it breaks 2 of the 2 orders "low" keeps with this row's other values, and none of the 2 "high" keeps; and "high" is empty in this row/);
  const fix = findings[0].fixes?.[0];
  assert.equal(fix?.title, 'Move "1132" to "high"');
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, '1132,');
  assert.deepEqual(check(prices({ [row]: ['', String(base - 9)] })), [], 'an empty high beside an ordinary low is a gap');
});

test('a dirty table still keeps its orders: outliers and placeholders aside, 2% of rows breaking them (other shifts) do not hide them', () => {
  const edit: Record<number, [string, string]> = {};
  const base = (i: number) => 1000 + ((i * 37) % 200) + i;
  for (let i = 100; i < 106; i++) edit[i] = [String(base(i) + 10), String(base(i) * 1000)];
  for (let i = 110; i < 114; i++) edit[i] = ['-999', String(base(i) - 9)];
  for (let i = 120; i < 126; i++) edit[i] = [String(base(i) - 9), String(base(i) + 10)];
  edit[40] = ['', String(base(40) + 12)];
  const findings = check(prices(edit)).filter((f) => f.row === 40);
  assert.deepEqual(findings.map((f) => f.column), ['low', 'high']);
  assert.match(findings[0].message, /it breaks 2 of the 2 orders "low" keeps with this row's other values/);
});

/** Daily temperatures (min ≤ max), no other order to tell by; `edit` rewrites some rows' max and min cells. */
function temperatures(edit: Record<number, [string, string]> = {}): string[] {
  const lines = ['day,temp_max,temp_min,wind'];
  for (let i = 0; i < 400; i++) {
    const season = 10 * Math.sin((i / 400) * 2 * Math.PI);
    const [max, min] = edit[i] ?? [(22 + season + (i % 5)).toFixed(1), (8 + season - (i % 4)).toFixed(1)];
    lines.push(`${i + 1},${max},${min},${(2 + (i % 9) / 2).toFixed(1)}`);
  }
  return lines;
}

test('an ordered pair without other orders: a maximum in the minimum column beyond all its values is the empty maximum', () => {
  const findings = check(temperatures({ 120: ['', '29.5'] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[120, 'temp_min'], [120, 'temp_max']]);
  assert.match(findings[0].message, /"temp_min" is at most "temp_max" on nearly every row, and under 0.5% of "temp_min"'s values are as high/);
  assert.deepEqual(check(temperatures({ 120: ['', '9.0'] })), [], 'an ordinary minimum');
});

test('"Lyon, FR" and "Lyon;FR" in city with country empty: merges at a comma or semicolon too; a hyphenated city is not split', () => {
  for (const merged of ['"Lyon, FR"', 'Lyon;FR', '"Lyon,FR"']) {
    const findings = check(customers({ 12: [merged, ''] }));
    assert.deepEqual(findings.map((f) => [f.row, f.column]), [[12, 'city'], [12, 'country']], merged);
    const fix = findings[0].fixes?.[0];
    assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, 'Lyon,FR', merged);
  }
  assert.deepEqual(check(customers({ 12: ['Lyon-FR', ''] })), [], 'a hyphen joins one value');
});

test('a decimal comma is not where two fields meet: "<0,1" with the neighbour empty is not a merge', () => {
  const amounts = ['<1', '1', '2', '<0', '3', '<2'];
  const lines = ['id,obsidian,shell,note'];
  for (let i = 0; i < 200; i++) lines.push(`${i + 1},${amounts[i % 6]},${amounts[(i * 5) % 6]},n${i % 3}`);
  lines.push('201,,"<0,1",n1');
  assert.deepEqual(check(lines), []);
});

test('a dirty table: a source shifted into the genre column of 2% of the rows, sources empty there, is still told by its value', () => {
  // Six rows hold "Original Screenplay" in genre: above 1% of genre's values, still 10 times rarer than in source.
  const edit: Record<number, [string, string]> = {};
  for (let k = 0; k < 6; k++) edit[20 + 45 * k] = ['', 'Original Screenplay'];
  const findings = check(films(edit));
  assert.deepEqual(findings.filter((f) => f.column === 'genre').map((f) => f.row), Object.keys(edit).map(Number));
  assert.equal(findings.length, 12, 'each shifted value and each emptied source');
});

/** Films with a creative type (categories), a director (names, 40% unknown) and a critics' rating (30% unknown). */
function credits(edit: Record<number, [string, string, string]> = {}): string[] {
  const types = ['Contemporary Fiction', 'Historical Fiction', 'Science Fiction', 'Dramatization', 'Kids Fiction'];
  const directors = ['Kevin Costner', 'Garry Marshall', 'Frank Coraci', 'Sofia Coppola', 'Peter Weir', 'Mike Newell', 'Curtis Hanson', 'Ang Lee', 'Agnes Varda', 'Tom Tykwer'];
  const lines = ['title,creative_type,director,rating'];
  for (let i = 0; i < 400; i++) {
    const [type, director, rating] = edit[i] ?? [types[(i * 3) % types.length], i % 5 < 2 ? '' : directors[Math.floor(i / 5) % directors.length], i % 10 < 3 ? '' : String(20 + ((i * 17) % 79))];
    lines.push(`Film ${i + 1},${type},${director},${rating}`);
  }
  return lines;
}

test('a value merged into its neighbour where the neighbour often has gaps: told by the value itself, not by the empty cell', () => {
  assert.deepEqual(check(credits()), [], 'directors and ratings often unknown: gaps, not shifts');
  const findings = check(credits({ 41: ['Science Fiction', 'Kevin Costner 76', ''], 83: ['Historical Fiction Frank Coraci', '', '55'] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[83, 'creative_type'], [83, 'director'], [41, 'director'], [41, 'rating']]);
  assert.match(findings[0].message, /"Historical Fiction Frank Coraci" in column "creative_type" holds a value of "creative_type" \("Historical Fiction"\) and one of "director" \("Frank Coraci"\)/);
  assert.match(findings[2].message, /"Kevin Costner 76" in column "director" holds a value of "director" \("Kevin Costner"\) and one of "rating" \("76"\)/);
  assert.deepEqual(check(credits({ 41: ['Science Fiction', 'Kevin Costner 76', '60'] })).map((f) => f.row), [], 'the rating is there: no merge');
});

test('two columns of many words merged: "Empoli Cagliari" in home_team with away_team empty is split into two known teams, none of them frequent', () => {
  // 150 teams in 400 matches: each plays in 2 to 3 rows per column, under 1% of either column.
  const teams = Array.from({ length: 150 }, (_, i) => `${['Real', 'Sporting', 'Dynamo', 'Union', 'Atletico'][i % 5]} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ville`);
  const matches = (edit: Record<number, [string, string]> = {}) => {
    const lines = ['date,home_team,away_team,home_score'];
    for (let i = 0; i < 400; i++) {
      const [home, away] = edit[i] ?? [teams[i % 150], teams[(i * 7 + 3) % 150]];
      lines.push(`2026-01-${String(1 + (i % 28)).padStart(2, '0')},${home},${away},${i % 5}`);
    }
    return lines;
  };
  assert.deepEqual(check(matches()), []);
  const findings = check(matches({ 77: [`${teams[10]} ${teams[20]}`, ''] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[77, 'home_team'], [77, 'away_team']]);
  assert.equal(findings[0].fixes?.[0]?.kind === 'replace' ? findings[0].fixes[0].newText : undefined, `${teams[10]},${teams[20]}`);
  assert.deepEqual(check(matches({ 77: [`${teams[10]} Rovers`, ''] })), [], 'one known team and an unknown word: a name, not a merge');
});

test('a rating merged with a running time that is mostly unknown (a third of the films): "PG 103" with the minutes empty is a merge', () => {
  const ratings = ['R', 'PG', 'PG-13', 'G', 'Not Rated'];
  const films = (edit: Record<number, [string, string]> = {}) => {
    const lines = ['title,rating,minutes,genre'];
    for (let i = 0; i < 400; i++) {
      const [rating, minutes] = edit[i] ?? [ratings[(i * 3) % ratings.length], i % 3 === 0 ? String(80 + ((i * 7) % 60)) : ''];
      // Genres cycle apart from the known minutes: a genre whose films never had minutes would explain their empty cells.
      lines.push(`Film ${i + 1},${rating},${minutes},${['Drama', 'Comedy', 'Horror', 'Western'][i % 4]}`);
    }
    return lines;
  };
  assert.deepEqual(check(films()), [], 'minutes unknown for two films in three: gaps, not shifts');
  const findings = check(films({ 41: ['PG 103', ''] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[41, 'rating'], [41, 'minutes']]);
  assert.match(findings[0].message, /"PG 103" in column "rating" holds a value of "rating" \("PG"\) and one of "minutes" \("103"\)/);
});

test('two columns of repeated names merged where the second is often empty (a source unknown for one film in seven): split into a value held by other rows of each', () => {
  // 200 distributors, each in 3 of 600 rows (none frequent), their shapes those of the sources ("Original Jantonvill",
  // "Original Screenplay": shapes cannot tell the columns apart); sources are categories, empty in every seventh row.
  const distributors = Array.from({ length: 200 }, (_, i) => `${['Original', 'Pictures', 'Cinema', 'Studio'][i % 4]} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ntonvill`);
  const sources = ['Original Screenplay', 'Based on Book', 'Remake', 'Based on Comic'];
  const films = (edit: Record<number, [string, string]> = {}) => {
    const lines = ['title,distributor,source,year'];
    for (let i = 0; i < 600; i++) {
      const [distributor, source] = edit[i] ?? [distributors[(i * 7) % 200], i % 7 === 3 ? '' : sources[i % 4]];
      lines.push(`Film ${i + 1},${distributor},${source},${1990 + (i % 30)}`);
    }
    return lines;
  };
  assert.deepEqual(check(films()), []);
  const findings = check(films({ 50: [`${distributors[9]} Original Screenplay`, ''] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[50, 'distributor'], [50, 'source']]);
  assert.deepEqual(check(films({ 50: [`${distributors[9]} Classics`, ''] })), [], 'a known distributor and a word no source is: a name, not a merge');
});

test('a date merged with its neighbour: read as a date whatever the form the file writes it in ("Dec 19 1997 R", rating often unknown)', () => {
  const months = ['Jan', 'Mar', 'May', 'Jun', 'Aug', 'Oct', 'Dec'];
  const ratings = ['R', 'PG', 'PG-13', 'G'];
  const films = (edit: Record<number, [string, string]> = {}) => {
    const lines = ['title,release_date,rating,minutes'];
    for (let i = 0; i < 300; i++) {
      const [date, rating] = edit[i] ?? [`${months[i % 7]} ${String(1 + (i % 28)).padStart(2, '0')} ${1980 + (i % 30)}`, i % 5 === 0 ? '' : ratings[(i * 3) % 4]];
      lines.push(`Film ${i},${date},${rating},${90 + (i % 40)}`);
    }
    return lines;
  };
  assert.deepEqual(check(films()), []);
  const findings = check(films({ 40: ['Dec 19 1997 R', ''], 120: ['', 'Jun 20 2003 PG-13'] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[40, 'release_date'], [40, 'rating'], [120, 'rating'], [120, 'release_date']]);
  assert.match(findings[0].message, /holds a value of "release_date" \("Dec 19 1997"\) and one of "rating" \("R"\)/);
});

test('free text with a number of the empty neighbour glued to its end is a merge ("Big Fish 66432867", gross empty); a title ending in a number of its own is not', () => {
  // Film titles (free text: mostly several words) beside their takings, a number of 6 to 9 digits.
  const words = ['Big', 'Fish', 'Stone', 'Cold', 'Kingdom', 'of', 'the', 'Spiders', 'Night', 'Train', 'Lost', 'River', 'Silent', 'Harbor', 'Red', 'Sky'];
  const lines = ['title,gross,rating'];
  for (let i = 0; i < 400; i++) {
    // Each title its own: three or four words.
    const title = `${words[i % 16]} ${words[Math.floor(i / 16) % 16]} ${words[(i * 7 + 3) % 16]}${i >= 256 ? ` ${words[(i * 5 + 1) % 16]}` : ''}`;
    lines.push(`"${title}",${1_000_000 + ((i * 7_654_321) % 90_000_000)},${(i % 9) + 1}`);
  }
  lines[101] = '"Stone Cold River 9286314",,4';
  lines[201] = '"Apollo 13",,5';
  const findings = check(lines);
  const merged = findings.filter((f) => f.column === 'title');
  assert.deepEqual(merged.map((f) => [f.row, f.evidence?.ownPart, f.evidence?.neighbourPart]), [[100, 'Stone Cold River', '9286314']], 'the merge, split at its last space');
  assert.ok(!findings.some((f) => f.row === 200), 'a title ending in a short number beside an empty gross is no merge');
});

/** Flights: origin (airport codes, a few frequent, most in 3 rows: under 1% each), origin_city, state; `edit` rewrites rows' origin and city. */
function flights(edit: Record<number, [string, string]> = {}): string[] {
  const hubs = [['ORD', 'Chicago'], ['DFW', 'Dallas'], ['ATL', 'Atlanta']];
  // 150 small airports, each a code of three letters and a town (shapes of towns vary; none has three letters).
  const small = Array.from({ length: 150 }, (_, i) => [`${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}X`, `${['Spring', 'Green', 'Oak', 'Fair', 'Mill'][i % 5]}${'field'.slice(0, 1 + (i % 5))}`]);
  const lines = ['date,origin,origin_city,state'];
  for (let i = 0; i < 900; i++) {
    const [code, city] = edit[i] ?? (i % 2 === 0 ? hubs[(i / 2) % 3] : small[(i - 1) / 2 % 150]);
    lines.push(`2026-01-${String(1 + (i % 28)).padStart(2, '0')},${code},${city},${['IL', 'TX', 'GA', 'CA'][i % 4]}`);
  }
  return lines;
}

test('a known value of the empty neighbour is shifted even where shifted values made its shape common, and merged with a frequent one it is a merge', () => {
  assert.deepEqual(check(flights()), []);
  // Ten small airports' codes in the city column, their codes empty: over 1% of the cities are three letters now.
  const edit: Record<number, [string, string]> = {};
  for (let k = 0; k < 10; k++) edit[101 + 80 * k] = ['', flights()[2 + 2 * k * 7].split(',')[1]];
  edit[60] = ['', `${flights()[4].split(',')[1]} Chicago`];
  const findings = check(flights(edit));
  const shifted = findings.filter((f) => f.column === 'origin_city');
  assert.deepEqual(shifted.map((f) => f.row), Object.keys(edit).map(Number).sort((a, b) => a - b), 'each code in the city column, each held by three rows of origin; and the merge');
  assert.match(shifted.find((f) => f.row === 101)?.message ?? '', /looks like a value of "origin" \(0\.3% of its values are "AAX"/);
  assert.deepEqual(shifted.find((f) => f.row === 60)?.evidence?.neighbourPart, 'BAX', 'a known code (3 rows) and a frequent city: split apart');
  assert.equal(findings.filter((f) => f.column === 'origin').length, 11, 'each emptied code');
});

test('a value of its own column, also known in the empty neighbour, is not shifted: teams play home and away', () => {
  const teams = Array.from({ length: 150 }, (_, i) => `${['Real', 'Sporting', 'Dynamo'][i % 3]} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ville`);
  const lines = ['date,home_team,away_team'];
  for (let i = 0; i < 400; i++) lines.push(`2026-01-01,${i === 90 ? '' : teams[i % 150]},${teams[(i * 7 + 3) % 150]}`);
  assert.deepEqual(check(lines), [], 'an away team held by 2 or 3 rows of each column, beside an empty home team: a gap');
});

test('a run shifted right whose first value fits either column is told by the next one: a home team in the away column, the away team in the home score', () => {
  const teams = Array.from({ length: 20 }, (_, i) => `${['Real', 'Sporting', 'Dynamo', 'Athletic'][i % 4]} ${String.fromCharCode(65 + i)}ville`);
  const lines = ['date,home_team,away_team,home_score,away_score'];
  for (let i = 0; i < 400; i++) {
    const [home, away, score] = [teams[i % 20], teams[(i * 7 + 3) % 20], `${i % 5},${(i * 3) % 4}`];
    // Row 90 (Real Aville against Sporting Bville) shifted one field right from the home team: the home score pushed
    // into the away score, the away score lost.
    lines.push(i === 90 ? `2026-01-01,,${teams[0]},${teams[1]},3` : `2026-01-01,${home},${away},${score}`);
  }
  const found = check(lines).map((f) => [f.row, f.column]);
  assert.deepEqual(found, [[90, 'away_team'], [90, 'home_score'], [90, 'home_team']], 'the run and the emptied cell');
  // The same row with its home team only left out: a gap, no shift (the away team fits either column, the score its own).
  const gap = lines.map((line, i) => (i === 91 ? `2026-01-01,,${teams[0]},1,3` : line));
  assert.deepEqual(check(gap), [], 'a plain gap');
});

test('a column is learned from the rows beside no emptied neighbour: codes shifted into 2% of the names, or years into 2% of the months, are still foreign there', () => {
  const towns = ['Spring', 'Green', 'Oak', 'Fair', 'Mill', 'Stone', 'River', 'Lake'];
  const airports = (shifted: number[]) => {
    const lines = ['iata,name,elevation'];
    for (let i = 0; i < 300; i++) {
      // A unique code per airport (no code repeats: it is told by its shape, not as a known value).
      const code = `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}Q`;
      const name = `${towns[i % 8]}${'field'.slice(0, 1 + (i % 4))} ${['Municipal', 'Regional', 'County'][i % 3]}`;
      lines.push(shifted.includes(i) ? `,${code},${100 + i}` : `${code},${name},${100 + i}`);
    }
    return lines;
  };
  const rows = [10, 60, 110, 160, 210, 260];
  assert.deepEqual(check(airports([])), []);
  assert.deepEqual(check(airports(rows)).filter((f) => f.column === 'name').map((f) => f.row), rows, 'six codes in the name column, their codes empty: 2% of the names, 0 beside filled codes');
  const births = (shifted: number[]) => {
    const lines = ['year,month,births'];
    for (let i = 0; i < 400; i++) {
      const [year, month] = [1969 + (i % 20), 1 + (i % 12)];
      lines.push(shifted.includes(i) ? `,${year},${9000 + i}` : `${year},${month},${9000 + i}`);
    }
    return lines;
  };
  const years = [15, 75, 135, 195, 255, 315, 375];
  assert.deepEqual(check(births([])), []);
  const findings = check(births(years));
  assert.deepEqual(findings.filter((f) => f.column === 'month').map((f) => f.row), years, 'seven years in the month column (1.75%), the year empty: beyond the months of the other rows');
  assert.match(findings[0].message, /"1984" in column "month" looks like a value of "year"/);
});

test('a number of the empty neighbour, though both columns write one digit: 6 cylinders in the origin code (1 to 3) beside an empty cylinder count', () => {
  // Shapes cannot tell the two columns apart ("6" and "2" are both one digit), nor an order (their values do not overlap); the values can.
  const cars = (edit: Record<number, [string, string]> = {}) => {
    const lines = ['name,cylinders,origin,weight'];
    for (let i = 0; i < 400; i++) {
      const [cylinders, origin] = edit[i] ?? [String([4, 6, 8][i % 3]), String(1 + (i % 4 === 0 ? 1 : i % 3))];
      lines.push(`car ${i + 1},${cylinders},${origin},${2000 + ((i * 37) % 2000)}`);
    }
    return lines;
  };
  assert.deepEqual(check(cars()), []);
  const findings = check(cars({ 90: ['', '6'], 91: ['', '2'] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[90, 'origin'], [90, 'cylinders']], 'an origin of 2 beside an empty cylinder count is a plain gap');
  assert.match(findings[0].message, /^"6" in column "origin" looks like a value of "cylinders" \(33% of its values are 6, 0\.0% of "origin"'s other values are within 5% of it\), and "cylinders" is empty in this row/);
  assert.equal(findings[0].fixes?.[0]?.kind === 'replace' ? findings[0].fixes[0].newText : undefined, '6,', 'the fix moves the 6 back');
});

test('a number no row of its column holds, but values near it are common there, is not a neighbour\'s: a displacement of 100 among 97s and 105s beside an empty horsepower', () => {
  // Horsepower is 100 in a sixth of the rows; displacements are 97, 98, 105 and 350, never exactly 100.
  const cars = (edit: Record<number, [string, string]> = {}) => {
    const lines = ['name,horsepower,displacement,weight'];
    for (let i = 0; i < 360; i++) {
      const [horsepower, displacement] = edit[i] ?? [String([100, 88, 150, 95, 110, 75][i % 6]), String([97, 98, 105, 350][i % 4])];
      lines.push(`car ${i + 1},${horsepower},${displacement},${2000 + ((i * 37) % 2000)}`);
    }
    return lines;
  };
  assert.deepEqual(check(cars({ 30: ['', '100'] })), []);
  assert.deepEqual(check(cars({ 30: ['', '40'] })).map((f) => [f.row, f.column]), [], 'nor is a number neither column holds');
});

test('two neighbours swapped: "WA" in city and "Seattle" in state, each a value of the other column, both reported with a fix swapping them back', () => {
  const places = [['Seattle', 'WA'], ['Portland', 'OR'], ['Denver', 'CO'], ['Boulder', 'CO'], ['Austin', 'TX'], ['Chicago', 'IL']];
  const lines = (swapped: number[]) => ['name,city,state,year', ...Array.from({ length: 300 }, (_, i) => {
    const [city, state] = places[i % places.length];
    return `Shop ${i},${swapped.includes(i) ? `${state},${city}` : `${city},${state}`},${2000 + (i % 20)}`;
  })];
  assert.deepEqual(check(lines([])), []);
  const findings = check(lines([12, 45]));
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value, f.evidence?.neighbourValue]), [[12, 'city', 'WA', 'Seattle'], [12, 'state', 'Seattle', 'WA'], [45, 'city', 'CO', 'Boulder'], [45, 'state', 'Boulder', 'CO']]);
  assert.match(findings[0].message, /^"WA" in column "city" and "Seattle" in "state" look swapped/);
  const fix = findings[0].fixes?.[0];
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, 'Seattle,WA');
});

test('two neighbours swapped where towns are named once each: "MI" in city is a state, "Vanderbilt" in state is in no other row of it', () => {
  const states = ['MI', 'OH', 'IN', 'KY', 'IL'];
  const lines = (swapped: number[]) => ['zip,city,state', ...Array.from({ length: 400 }, (_, i) => {
    const [city, state] = [`Town${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, states[i % states.length]];
    return `${40000 + i},${swapped.includes(i) ? `${state},${city}` : `${city},${state}`}`;
  })];
  assert.deepEqual(check(lines([])), [], 'towns named once each beside their states');
  const findings = check(lines([33, 210]));
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[33, 'city', 'KY'], [33, 'state', 'Townhb'], [210, 'city', 'MI'], [210, 'state', 'Townci']]);
  assert.match(findings[0].message, /^"KY" in column "city" and "Townhb" in "state" look swapped: "KY" is a value of "state" \(\d+% of its values\), rare in "city", and "Townhb" is in no other row of "state"\.$/);
});

test('numbers swapped between neighbours that keep an order: a day\'s high below its low (each value breaking its orders with the open and the close)', () => {
  const day = (i: number) => {
    const open = 1000 + 40 * Math.sin(i / 9) + (i % 7);
    const close = open + ((i * 37) % 21) - 10;
    const [high, low] = [Math.max(open, close) + 2 + (i % 5), Math.min(open, close) - 2 - (i % 3)];
    return [open, high, low, close].map((v) => v.toFixed(2));
  };
  const lines = (swap: Record<number, [number, number]>) => ['date,open,high,low,close', ...Array.from({ length: 300 }, (_, i) => {
    const values = day(i);
    const pair = swap[i];
    if (pair) [values[pair[0]], values[pair[1]]] = [values[pair[1]], values[pair[0]]];
    return `2020-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${values.join(',')}`;
  })];
  assert.deepEqual(check(lines({})), [], 'every day keeps low ≤ open, close ≤ high');
  // Rows 40 and 160: a high below the day's low, each value then breaking its orders with the open and the close.
  // Rows 90 (open and high exchanged) and 152 (low and close): only one of the two values breaks an order with a
  // third column, as one wrong value would; the rows cannot tell, and are left to the other tests.
  const findings = check(lines({ 40: [1, 2], 90: [0, 1], 152: [2, 3], 160: [1, 2] }));
  const swapped = [...findings].filter((f) => f.evidence?.swapped === true).sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  assert.deepEqual(swapped.map((f) => [f.row, f.column]), [[40, 'high'], [40, 'low'], [160, 'high'], [160, 'low']]);
  assert.match(swapped[0].message, /look swapped: the table keeps "low" ≤ "high" on nearly every row/);
  const fix = swapped[0].fixes?.[0];
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, `${day(40)[1]},${day(40)[2]}`, 'the fix writes the two values back in their columns');
  // A high written where the low was and a slipped value (×100) in the low: exchanged, the high would be 99,999,
  // no ordinary high; a slip beside a wrong value is no swap.
  const slipped = lines({}).map((line, k) => {
    if (k !== 201) return line;
    const cells = line.split(',');
    return [cells[0], cells[1], cells[3], '99999', cells[4]].join(',');
  });
  assert.deepEqual(check(slipped).filter((f) => f.evidence?.swapped === true), [], 'no swap in a row with a slip');
  // Rain under the day's top temperature on all days but one: that wet day breaks no order with a third column, no swap.
  const weather = ['date,precipitation,temp_max', ...Array.from({ length: 300 }, (_, i) => {
    const temp = 20 + 6 * Math.sin(i / 20) + (i % 5);
    const rain = i === 100 ? 40 : i % 4 ? 0 : Math.round(0.8 * temp);
    return `2020-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${rain},${temp.toFixed(1)}`;
  })];
  assert.deepEqual(check(weather).filter((f) => f.evidence?.swapped === true), []);
  // High and low exchanged on 2% of the days, and a slip (×10) in the low of 5% more, above its high: the slips
  // are errors of their own, outside the column's fences, and do not hide the order the rest keeps.
  const swapsAndSlips = (every: number) => {
    const swaps: Record<number, [number, number]> = {};
    for (let i = 7; i < 300; i += every) swaps[i] = [1, 2];
    return lines(swaps).map((line, k) => {
      if (k === 0 || k % 20 !== 3) return line;
      const cells = line.split(',');
      cells[3] = (10 * Number(cells[3])).toFixed(2);
      return cells.join(',');
    });
  };
  const rowsSwapped = (found: Finding[]) => [...new Set(found.filter((f) => f.evidence?.swapped === true).map((f) => f.row))];
  assert.deepEqual(rowsSwapped(check(swapsAndSlips(50))), [7, 57, 107, 157, 207, 257], 'an order broken on 2% of the ordinary rows still tells a swap');
  // Exchanged on 5% of the days: the table itself breaks the order too often for a row to be told by it.
  assert.deepEqual(rowsSwapped(check(swapsAndSlips(20))), [], 'an order broken on 5% of the rows');
});

/** Zip codes with their coordinates (six decimals): latitudes about 40, longitudes about −85; `edit` rewrites rows' latitude and longitude. */
function zipCoordinates(edit: Record<number, [string, string]> = {}): string[] {
  const lines = ['zip,latitude,longitude,city'];
  for (let i = 0; i < 400; i++) {
    const [latitude, longitude] = edit[i] ?? [(38 + 4 * (((i * 37) % 101) / 101) + i / 1e5).toFixed(6), (-88 + 6 * (((i * 53) % 97) / 97) - i / 1e5).toFixed(6)];
    lines.push(`${43000 + i},${latitude},${longitude},Town ${String.fromCharCode(65 + (i % 26))}`);
  }
  return lines;
}

test('latitudes swapped into more of the longitude column than its tails hold are still foreign there: the swaps and a latitude beside an emptied one are found', () => {
  const clean = zipCoordinates();
  assert.deepEqual(check(clean), []);
  const lat = (i: number) => clean[i + 1].split(',')[1];
  const lon = (i: number) => clean[i + 1].split(',')[2];
  // Three rows swapped (no gap beside them) and one latitude moved into the longitude: four positive values in 400,
  // beyond the central 99% of the longitudes, which an order of the values alone would take as the column's own.
  const swapped = [50, 150, 250];
  const edit: Record<number, [string, string]> = { 300: ['', lat(300)] };
  for (const i of swapped) edit[i] = [lon(i), lat(i)];
  const findings = check(zipCoordinates(edit));
  assert.deepEqual(findings.filter((f) => f.row === 300).map((f) => f.column).sort(), ['latitude', 'longitude'], 'the latitude beside its emptied cell, and that cell');
  const swaps = findings.filter((f) => f.evidence?.swapped === true);
  assert.deepEqual(swaps.map((f) => [f.row, f.column]), swapped.flatMap((r) => [[r, 'latitude'], [r, 'longitude']]), 'each swap, both cells');
  assert.match(swaps[0].message, new RegExp(`^"${lon(50)}" in column "latitude" and "${lat(50)}" in "longitude" look swapped: "${lon(50).replace('.', '\\.')}" is written like "longitude"'s values \\(\\d+% of them share its pattern`));
});

/** Films: title, budget, release date (written "Sep 28 2001"), rating (a fifth unknown), minutes; `edit` rewrites rows from the budget on. */
function catalogue(edit: Record<number, string> = {}): string[] {
  const months = ['Jan', 'Mar', 'May', 'Jul', 'Sep', 'Nov'];
  const lines = ['title,budget,release,rating,minutes'];
  for (let i = 0; i < 400; i++) {
    const rating = i % 5 === 2 ? '' : ['PG-13', 'R', 'PG', 'R', 'G', 'Not Rated'][i % 6];
    const tail = edit[i] ?? `${(5 + (i % 90)) * 1_000_000},${months[i % 6]} ${String(1 + (i % 28)).padStart(2, '0')} ${1980 + (i % 30)},${rating},${85 + ((i * 7) % 60)}`;
    lines.push(`Film number ${i},${tail}`);
  }
  return lines;
}

test('a run shifted right goes on into a column with gaps: the release date in the rating column, a fifth of whose films have none', () => {
  assert.deepEqual(check(catalogue()), []);
  // Row 100: the budget lost, the budget in the release column, the release date in the rating's (the rating lost).
  const found = check(catalogue({ 100: ',31000000,Sep 28 2001,101' }));
  assert.deepEqual(found.map((f) => [f.row, f.column]).sort(), [[100, 'budget'], [100, 'rating'], [100, 'release']], 'the run to the rating, and the emptied budget');
});

test('neighbours swapped between a number and a category, or a code and a name, are told by their patterns', () => {
  // A running time and a rating exchanged: "94" in the rating column, "PG-13" in the minutes.
  const swapped = check(catalogue({ 60: '30000000,Jan 05 1990,94,PG-13', 200: '9000000,Mar 11 2001,112,R' }));
  assert.deepEqual(swapped.map((f) => [f.row, f.column, f.value]), [[60, 'rating', '94'], [60, 'minutes', 'PG-13'], [200, 'rating', '112'], [200, 'minutes', 'R']]);
  assert.match(swapped[0].message, /^"94" in column "rating" and "PG-13" in "minutes" look swapped: "94" is written like "minutes"'s values \(\d+% of them share its pattern, 0\.0% of "rating"'s\)/);
  // Airports: a code of three (letters and digits) beside a name of one to three words of any length, joined by
  // spaces, hyphens or slashes: most names have a shape of their own, so that the name column's shapes tell little.
  const word = (i: number, k: number) => {
    const stem = `${String.fromCharCode(65 + ((i * 7 + k * 3) % 26))}${'abcdefghijklmnop'.slice((i * k) % 5, (i * k) % 5 + 3 + ((i * 13 + k * 5) % 9))}`;
    return [stem, `Mc${stem}`, `O'${stem}`, `${stem.slice(0, 2)}.`, String(10 + ((i * k) % 90))][(i * 7 + k * 5) % 5];
  };
  const airports = (swap: number[]) => ['iata,name,state', ...Array.from({ length: 300 }, (_, i) => {
    const code = i % 3 ? `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}${String.fromCharCode(65 + ((i * 11) % 26))}` : `${i % 9}${String.fromCharCode(65 + (i % 26))}${i % 7}`;
    const name = Array.from({ length: 1 + (i % 4) }, (_, k) => word(i, k + 1)).join([' ', '-', '/', ' '][(i * 5) % 4]);
    return `${swap.includes(i) ? `"${name}",${code}` : `${code},"${name}"`},${['MS', 'CA', 'TX'][i % 3]}`;
  })];
  assert.deepEqual(check(airports([])), [], 'codes beside names');
  assert.deepEqual(check(airports([40, 131])).map((f) => [f.row, f.column]), [[40, 'iata'], [40, 'name'], [131, 'iata'], [131, 'name']], 'the name among codes, the code among names');
});

test('a run shifted right whose first value is an ordinary one of its new column is told by the next one, though the two columns look apart: a year in the count column, the count in the share', () => {
  // Occupations by census year: the year, the count of workers, their share of all workers (under 5%).
  const census = (shifted: number[], years = 151) => ['year,count,share', ...Array.from({ length: 400 }, (_, i) => {
    const [year, count] = [1850 + ((i * 7) % years), 900 + ((i * 7919) % 180_000)];
    const share = (count / 4_000_000).toFixed(6);
    return shifted.includes(i) ? `,${year},${count}` : `${year},${count},${share}`;
  })];
  assert.deepEqual(check(census([])), []);
  const found = check(census([70, 300])).map((f) => [f.row, f.column]);
  assert.deepEqual(found, [[70, 'count'], [70, 'share'], [70, 'year'], [300, 'count'], [300, 'share'], [300, 'year']], 'each run from the year, and the emptied year');
  // Twenty years, each frequent: the year in the count column is told by its value, and the run goes on from it.
  const byValue = check(census([70], 20));
  assert.deepEqual(byValue.map((f) => [f.row, f.column]), [[70, 'count'], [70, 'year'], [70, 'share']], 'the year by its value, the emptied year, the count in the share');
});

test('a source that merged city and country in every row it wrote (a third of the table): each "Lyon, FR" with country empty is a merge, though many rows hold it', () => {
  const edit: Record<number, [string, string]> = {};
  for (let i = 0; i < 300; i += 3) {
    const [city, country] = CITIES[(i * 5) % CITIES.length];
    edit[i] = [`"${city}, ${country}"`, ''];
  }
  const found = check(customers(edit));
  const merged = found.filter((f) => f.value?.includes(', '));
  assert.equal(merged.length, 100, 'every merged cell');
  assert.ok(merged.every((f) => f.column === 'city' && f.evidence?.neighbourPart === f.value?.split(', ')[1]), 'split into the city and the country');
  assert.equal(found.filter((f) => f.column === 'country').length, 100, 'and every emptied country cell');
  assert.equal(found.length, 200, 'nothing else');
  // A value written so in rows whose country is mostly filled is the column's own, also where a few rows lack the country.
  const own: Record<number, [string, string]> = {};
  for (let k = 0; k < 30; k++) own[k * 10] = ['"Berlin, DE"', k < 27 ? 'DE' : ''];
  assert.deepEqual(check(customers(own)).filter((f) => f.value === 'Berlin, DE'), [], 'a value that keeps its neighbour filled');
});

test('a source that moved the country into the city column in every row it wrote (a fifth of the table): each "FR" with country empty is shifted, though many rows hold it', () => {
  const edit: Record<number, [string, string]> = {};
  for (let i = 0; i < 300; i += 5) edit[i] = [CITIES[(i * 5) % CITIES.length][1], ''];
  const found = check(customers(edit));
  const moved = found.filter((f) => f.column === 'city');
  assert.equal(moved.length, 60, 'every moved country code');
  assert.ok(moved.every((f) => /^[A-Z]{2}$/.test(f.value ?? '')), 'only the codes');
  assert.equal(found.filter((f) => f.column === 'country').length, 60, 'and every emptied country cell');
  assert.equal(found.length, 120, 'nothing else');
});

test('a cell another column\'s value leaves empty (an electric car\'s displacement) is not where its neighbour\'s value came from', () => {
  // 800 cars: displacement 1,000–3,000 cc and power 50–200 kW; 4% electric, without displacement.
  const car = (i: number, edit?: { cc: string; kw: string }) => {
    const fuel = i % 25 === 0 ? 'Electric' : i % 3 === 0 ? 'Diesel' : 'Petrol';
    const cc = fuel === 'Electric' ? '' : String(1000 + ((i * 37) % 2001));
    return `${i},${fuel},${edit?.cc ?? cc},${edit?.kw ?? String(50 + ((i * 53) % 151))}`;
  };
  const lines = (edits: Record<number, { cc: string; kw: string }>) => ['id,fuel,engine_cc,power_kw', ...Array.from({ length: 800 }, (_, i) => car(i, edits[i]))];
  // An electric car's power written as 1,600: no displacement moved into the power's place.
  assert.deepEqual(check(lines({ 100: { cc: '', kw: '1600' } })).map((f) => `${f.row}:${f.column}`), []);
  // A petrol car's displacement in the power's place, its own cell empty: shifted.
  assert.deepEqual(check(lines({ 101: { cc: '', kw: '1600' } })).map((f) => `${f.row}:${f.column}`).sort(), ['101:engine_cc', '101:power_kw']);
});

test('a number its column holds in many rows is its own, however far out: a waived invoice (discount 100, total 0.00) is no swap', () => {
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const price = [60, 20, 40, 160, 240, 100][i % 6];
    // Rechecks at no charge (2%), waived procedures (0.5%), standing discounts of 5 to 50%; nothing to pay, no way paid.
    const [list, discount] = i % 50 === 7 ? [0, 0] : i % 200 === 3 ? [price, 100] : [price, [0, 0, 0, 0, 0, 5, 10, 15, 20, 50][i % 10]];
    const total = list * (1 - discount / 100);
    return `V${i},${list.toFixed(2)},${discount},${total.toFixed(2)},${total === 0 ? '' : ['card', 'cash', 'insurance'][i % 3]}`;
  });
  assert.deepEqual(check(['visit,list_price,discount_pct,invoice_total,paid_by', ...rows]), []);
});

test('a row shifted by a field with no gap where it starts (a name with an unquoted comma split in two, the last field dropped) is reported cell by cell, its numbers too', () => {
  const header = ['stub', 'employee', 'dept_code', 'dept_name', 'pay_type', 'rate', 'hours', 'gross', 'tax', 'net', 'method', 'memo'];
  const depts: [string, string][] = [['ENG', 'Engineering'], ['SLS', 'Sales'], ['FIN', 'Finance'], ['WHS', 'Warehouse']];
  const names = ['Flores, Maria', 'Chen, Wei', 'Okafor, Ada', 'Smith, John', 'Novak, Jan', 'Rossi, Luca', 'Kim, Min', 'Silva, Ana'];
  const rows = Array.from({ length: 600 }, (_, i) => {
    const [code, dept] = depts[i % 4];
    const salaried = i % 3 === 0;
    const rate = 20 + ((i * 7) % 30) + 0.25 * (i % 4);
    const hours = salaried ? 80 : 40 + ((i * 13) % 40);
    const gross = Math.round(rate * hours * 100) / 100;
    const tax = Math.round(gross * 18) / 100;
    return [String(1000 + i), names[i % 8], code, dept, salaried ? 'Salaried' : 'Hourly', rate.toFixed(2), hours.toFixed(2), gross.toFixed(2), tax.toFixed(2), (gross - tax).toFixed(2), i % 10 === 0 ? 'Paper Check' : 'Direct Deposit', i % 7 === 0 ? 'Holiday pay included' : ''];
  });
  const lines = () => [header.join(','), ...rows.map((r) => r.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))];
  assert.deepEqual(check(lines()), []);
  // Row 300's name split at its comma: every value after it one column along, the empty memo dropped.
  const row = rows[300];
  const [surname, given] = row[1].split(', ');
  rows[300] = [row[0], surname, ` ${given}`, ...row.slice(2, 11)];
  const found = check(lines()).filter((f) => f.row === 300).map((f) => f.column);
  for (const c of ['dept_name', 'pay_type', 'rate', 'hours', 'gross', 'tax', 'net', 'method', 'memo']) assert.ok(found.includes(c), `${c} is reported (${found.join(', ')})`);
});

test('a street recorded twice without a cross street, where a tenth of the collisions have none, moved nothing: both its rows beside an empty cell is chance', () => {
  const streets = Array.from({ length: 300 }, (_, i) => `${['NORTH', 'SOUTH', 'EAST', 'WEST', 'OLD'][i % 5]} ${['OAK', 'ELM', 'PINE', 'MAPLE', 'CEDAR', 'BIRCH', 'ASH', 'LAKE', 'HILL', 'PARK', 'MILL', 'RIVER'][i % 12]}${i >= 60 ? ` ${i}` : ''} ${['STREET', 'AVENUE', 'ROAD', 'BOULEVARD', 'PLACE'][Math.floor(i / 5) % 5]}`);
  const lines = ['collision_id,on_street_name,cross_street_name,persons_injured'];
  let state = 12345;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 3000; i++) {
    // Streets 0–199 are recorded as the street, 100–299 as the cross street.
    const on = streets[Math.floor(random() * 200)];
    const cross = random() < 0.11 ? '' : streets[100 + Math.floor(random() * 200)];
    lines.push(`${4700000 + i},${on},${cross},${Math.floor(random() * 3)}`);
  }
  // Streets (20 of them) recorded twice as the street, both times without a cross street, and several times as a cross street.
  for (let k = 0; k < 20; k++) for (let twice = 0; twice < 2; twice++) lines.push(`${4800000 + 2 * k + twice},${streets[280 + (k % 20)]},,1`);
  const rows = lines.slice(1).map((line) => line.split(','));
  const [asStreet, asCross] = [rows.filter((row) => row[1] === streets[285]), rows.filter((row) => row[2] === streets[285])];
  assert.ok(asStreet.filter((row) => row[2] === '').length === 2 && asCross.length >= 2, 'twice without a cross street, and a cross street elsewhere');
  assert.deepEqual(check(lines).map((f) => [f.row, f.column]), []);
});

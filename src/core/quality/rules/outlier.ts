import { defineRule } from '../rule';
import { isNumeric, looksLikeIdentifier, numericColumn, replaceCellFixes, sortedColumn, sortedRuns, strictlyIncreasing } from '../column-values';
import { BEYOND_BULK_SHARE, OUTLIER_TEST_DEFAULTS, tailOutliers, withoutValues, type TailOutliers } from '../tail-outliers';
import { columnPlaceholders } from './sentinel-value';
import { groupOutliers, type GroupOutlier } from '../group-outliers';
import { entityOutliers, type EntityOutlier } from '../entity-outliers';
import { aloneInValue, concentratedRows, neighbouringRows, ownedByValue, sharedByRows } from '../value-owners';
import { UNIT_NAMES } from '../../shared/unit-factors';
import { shownNumber } from '../../shared/shown-number';

/** A value of a unit mix-up in the column's unit, to the decimals it is written with (one more where the ratio shrinks it). */
function inColumnUnit(value: number, found: TailOutliers): string | undefined {
  if (found.kind !== 'unit' || !found.units) return undefined;
  const decimals = (String(value).split('.')[1] ?? '').length + (found.tail === 'upper' ? 1 : 0);
  const back = found.tail === 'upper' ? value / found.units.ratio : value * found.units.ratio;
  return String(Number(back.toFixed(Math.min(decimals, 6))));
}

/** The message of a value far from its group's numbers. */
function groupMessage(value: string, column: string, found: GroupOutlier, groupNames: string[]): string {
  const where = groupNames.map((name, i) => `"${name}" is "${found.groupValues[i]}"`).join(' and ');
  const side = found.deviations > 0 ? 'above' : 'below';
  const within =
    found.scale === 'log'
      ? `typically within a factor of ${shownNumber(Number(Math.exp(found.spread).toPrecision(3)))} of it; this one is ${Math.abs(found.deviations).toFixed(0)} times as far ${side} on a log scale`
      : `typically within ${shownNumber(Number(found.spread.toPrecision(3)))} of it; this one is ${Math.abs(found.deviations).toFixed(0)} times as far ${side}`;
  return (
    `${value} is an outlier in column "${column}" for its group: where ${where} (${found.groupRows} rows) the values lie around ${shownNumber(Number(found.median.toPrecision(6)))}, ${within}, ` +
    `where no other row lies more than ${found.next.toFixed(1)} times as far from its group's values (a unit or another group's value?).`
  );
}

function entityMessage(value: string, column: string, found: EntityOutlier, entityName: string): string {
  const around = shownNumber(Number(found.median.toPrecision(6)));
  const [far, keep] =
    found.scale === 'log'
      ? [`${shownNumber(Number(Math.exp(Math.abs(found.deviation)).toPrecision(3)))} times ${found.deviation > 0 ? 'that' : 'less'}`, `within ${shownNumber(Number((100 * (Math.exp(found.typical) - 1)).toPrecision(2)))}% of one another`]
      : [`${shownNumber(Number(Math.abs(found.deviation).toPrecision(3)))} ${found.deviation > 0 ? 'above' : 'below'} it`, `within ${shownNumber(Number(found.typical.toPrecision(3)))} of one another`];
  return (
    `${value} is an outlier in column "${column}" for its ${entityName}: "${found.entity}" holds ${around} in its ${found.others} other rows (this one is ${far}), ` +
    `where the rows of one ${entityName} keep "${column}" ${keep} (90% of them): a unit, or another ${entityName}'s value?`
  );
}

/** The message of one flagged value: where it lies, the column's own extreme without it, and the evidence. */
function outlierMessage(value: string, column: string, found: TailOutliers): string {
  if (found.kind === 'sign') {
    const sign = found.tail === 'lower' ? 'negative' : 'positive';
    return `${value} is an outlier in column "${column}": ${sign} where every other value is ${found.tail === 'lower' ? 'positive or zero' : 'negative or zero'}, and as large as the typical value (median magnitude ${shownNumber(found.score)}): a lost or added minus sign?`;
  }
  const side = found.tail === 'upper' ? 'above' : 'below';
  const nearest = found.tail === 'upper' ? 'largest' : 'smallest';
  if (found.kind === 'slip') {
    return (
      `${value} is an outlier in column "${column}": far ${side} the column's bulk (${100 - 100 * BEYOND_BULK_SHARE}% of its values are ${found.tail === 'upper' ? 'at most' : 'at least'} ${shownNumber(found.next)}), ` +
      `and ${shownNumber(Number(value) / found.score)} × ${found.score}, a value of the bulk with zeros added; ${found.rows} of its far values are such multiples, far more than the bulk's own round values explain: a slipped decimal point, or a unit?`
    );
  }
  if (found.kind === 'unit' && found.units) {
    const { ratio, larger, smaller } = found.units;
    const back = found.tail === 'upper' ? Number(value) / ratio : Number(value) * ratio;
    return (
      `${value} is an outlier in column "${column}": one of ${found.rows} values ${side} a gap past the column's other values (${nearest} ${shownNumber(found.next)}), ` +
      `too many to be slips, but each is an ordinary value of the column ${found.tail === 'upper' ? 'times' : 'divided by'} ${shownNumber(ratio)} (${shownNumber(Number(value))} ${found.tail === 'upper' ? '/' : '×'} ${shownNumber(ratio)} = ${shownNumber(Number(back.toPrecision(4)))}), ` +
      `and brought back they spread over the column as its own values do: ${UNIT_NAMES[found.tail === 'upper' ? smaller : larger]} among ${UNIT_NAMES[found.tail === 'upper' ? larger : smaller]}?`
    );
  }
  if (found.kind === 'normal' && found.normalFit) {
    const { median, sigma, bound } = found.normalFit;
    const scale = found.logScale ? ' on a log scale' : '';
    const deviations = found.logScale ? Math.abs(Math.log(Number(value)) - median) / sigma : Math.abs(Number(value) - median) / sigma;
    return (
      `${value} is an outlier in column "${column}": ${deviations.toFixed(1)} standard deviations ${side} the median${scale}, ${shownNumber(found.logScale ? Math.exp(median) : median)}, ` +
      `where the column's values spread like a normal distribution's${scale} out to their 1st and 99th percentiles (standard deviation ${shownNumber(Number(sigma.toPrecision(3)))}${found.logScale ? ' in natural logs' : ''}, from the quartiles) ` +
      `and its ${found.tail === 'upper' ? 'largest' : 'smallest'} other value is ${shownNumber(found.next)}: ${found.rows > 1 ? `${found.rows} values lie` : 'it lies'} beyond ${bound.toFixed(1)} standard deviations, which so many normal values reach by a chance under ${found.pValue < 1e-12 ? '1e-12' : found.pValue.toExponential(0)}.`
    );
  }
  if (found.kind === 'heap' && found.amongFarValues) {
    return (
      `${value} is an outlier in column "${column}": the same value in ${found.rows} rows, far ${side} the column's bulk (${100 - 100 * BEYOND_BULK_SHARE}% of its values are ${found.tail === 'upper' ? 'at most' : 'at least'} ${shownNumber(found.next)}), ` +
      `while the values around it are held by ${shownNumber(Number(found.score.toPrecision(3)))} rows each and its rows share no other value: a value pasted into many rows, or a placeholder?`
    );
  }
  if (found.kind === 'heap') {
    return (
      `${value} is an outlier in column "${column}": the same value in many rows, far ${side} the ${nearest} other value, ${shownNumber(found.next)}, ` +
      `while the column's ${found.tail === 'upper' ? 'top' : 'bottom'} values are held by ${shownNumber(found.score)} rows each: a value pasted into many rows, or a placeholder?`
    );
  }
  const chance = found.pValue < 1e-12 ? 'under 1e-12' : found.pValue.toExponential(0);
  const others = found.rows > 1 ? ` (with ${found.rows - 1} other value${found.rows > 2 ? 's' : ''} beyond it)` : '';
  return (
    `${value} is an outlier in column "${column}": far ${side} the ${nearest} other value, ${shownNumber(found.next)}${others}; ` +
    `its gap is ${found.score.toFixed(0)} times the spacing of the column's ${found.tail === 'upper' ? 'top' : 'bottom'} values` +
    `${found.logScale ? ' on a log scale' : ''} (chance in a clean column ${chance}).`
  );
}

export const outlier = defineRule({
  id: 'outlier',
  title: 'Outlier',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: { alpha: OUTLIER_TEST_DEFAULTS.alpha, maxOutliers: OUTLIER_TEST_DEFAULTS.maxOutliers, window: OUTLIER_TEST_DEFAULTS.window },
  description: "A numeric value far beyond the column's own extreme, for the column's shape (skewed, zero-inflated, heavy-tailed or discrete), or far from the values of its row's group or entity.",
  docs: `One value a hundred times too large (a price typed in cents, a unit mix-up, a sensor glitch, a lost
minus sign) can dominate a linear model's fit and its loss. But real columns have long tails: prices and
incomes are log-normal or Pareto, waiting times exponential, counts Poisson, rainfall mostly zero. Their
largest values are far from the median and are not errors, so a distance from the median (a z-score) either
misses gross errors or flags natural tails.

This rule asks instead whether a column's most extreme values sit unusually far **beyond the rest of its
tail**. In a tail of exponential type the gaps between successive extreme values, each multiplied by its
rank (i·(X₍ₙ₋ᵢ₊₁₎ − X₍ₙ₋ᵢ₎)), are independent and alike (Rényi); the gap below the j most extreme values is
compared with the mean of the next \`window\` such gaps, which gives a p-value. The test is run:

- on the raw values, unless the tail is heavier than exponential (its fitted tail index is above 0 by more
  than chance allows; beneath a block of more than 2% of the column, also when the rest is ranked from its
  own top: ranked from the block's, a light tail below a layer of errors looks heavy);
- on a log scale when the tail's values have one sign: a Pareto tail is exactly exponential there, and
  log-normal or exponential tails are lighter (so their natural tails are not findings);
- for a zero-inflated column (≥ 5% zeros, no negative value), on its non-zero part, whose median is its centre
  (overtime hours, 0 on most pay stubs, lie around 5 where worked: ten stubs keyed in minutes, 56 to 750 beyond a
  largest 30, are no population of their own for lying only twice as far from a median of 0);
- for integers and rounded values, with tied values spread over their grid step, and only for a gap wider
  than one step; for small non-negative counts, a value must also be improbable under a Poisson (or, when
  the counts vary more, negative binomial) fit of the other values (not for integers spread far more
  narrowly than their size, variance under a tenth of the mean: years are no counts);
- for blocks of values at once, and again on the rest once a block is found, so that several errors at
  one end do not mask each other (up to \`maxOutliers\` values, and 5% of the column, per end: a dirty
  column's ×10, ×100 and ×1000 slips together); a block of more than 2% of the column gets a tenth of the
  level and must be significant on the log scale when its values have one sign (a heavy tail's top, spread
  like the rest, is not a set of errors however far it looks on the raw scale);
- a block must lie beyond the span of the next values (at most to the far quartile: a column of a few years
  or ratings would otherwise span its whole range) — or beyond a hard edge: where the outer tenth of the
  rest's range holds at least 5% of the rows (a bounded scale dense up to its end, as ratings of 1 to 5 are;
  a normal column holds under 1% there) and the gap is five times any gap between the rest's values in its
  outer quarter (6 among ratings read to tenths; not a pupil-teacher ratio shared by a district's tracts,
  whose levels leave gaps of their own). Where that edge is a floor (or ceiling) at zero and at most 3 rows
  lie beyond it (a stock of −24 among stocks of 0 to 500), the gap is also tested against the next values'
  spacings as they are, not multiplied by their ranks, when those values lie within the edge: a column dense
  up to a bound spreads its values there evenly, not like a tail, and the ranked test misses such a value. An
  edge elsewhere bounds nothing (2.0% as the smallest households' share: 0.8% below it is the tail going on)
  — and one of more than 3 rows twice as far from the
  median as the rest's extreme: a second population (Hawaii among mainland flight distances, Pacific islands
  below the mainland's latitudes) is not a set of outliers, nor are values just beyond it — unless it is the
  column's own values in another unit (kind \`unit\`: weights in pounds among kilograms, 145–200 beyond a column
  that ends at 112). Such a block (10 rows or more, its gap significant on the log scale, above a rest whose tail
  is not heavy by its own ranks: a heavy tail's top spreads like the column too) is flagged when, for one ratio
  between two units of a family that is no power of ten (pound and kilogram, inch and centimetre, foot and
  metre, mile and kilometre, gallon and litre, second and minute; at most 100), every value brought back by it
  lies within the column's 1st and 99th percentiles, and the values so brought back rank among the column's
  other values as random rows do: their mean rank within 3 standard errors of 1/2 and their ranks' variance not
  more than 3 standard errors below 1/12 (a second population brought back by a ratio lands on a narrow part of
  the column). Its values must also be as distinct as the column's (at least half its distinct values per row:
  islands geocoded to a few points are no copies of random rows), and its rows share nothing else (as below);
- a block of three rows or more whose rows lie in runs of neighbouring rows (each next to another of them in the
  file) and gather in few values of another column — fewer than half the distinct values as many rows picked at
  random would hold there — is an episode of the table's own, not a set of slips (a bus's delays at each stop of
  three detoured trips, where random rows would come from twenty trips): the column's tail is taken to end there;
- one value held by many rows near the end of a tail (among the outermost values the spacing test compares),
  twice as far from the median as the next value inward, where the column's next values seldom repeat (a
  value pasted into many rows, a placeholder), is flagged with the few values beyond it (other slips past it:
  ×100 and ×1000 of a gross) when so many repeats are improbable at the column's own rate of repeats (a
  geometric count; a tenth of the level for a value further in than the outermost), in up to 5% of the column
  (in more rows, a cap or a code); such heaps are peeled one after another, as blocks are (a value pasted into
  30 rows beneath another pasted into 26);
- a value of 3 rows or more that another column's value owns — 80% of its rows or more share that value (rows where
  that column is empty share none: 80 overtime hours in 5 stubs, 3 of them shifted rows whose note holds the payment
  method, are no level of that note), and half of that value's rows or more hold it — is a level of the table, not an error (a drug's strength of 10,000 mg
  where the other drugs' lie below 1,000): no block or heap flags it, the tail's population starts there, and only
  values far beyond it are flagged (a strength typed in micrograms); so is a block of 20 rows or more whose values
  another column's value owns together, each in fewer rows (Berkshire's share prices of 540,000, all in its ticker's
  rows, where the other tickers' lie below 20,000: an entity's level, not 168 errors), and so are a block's values
  (3 rows or more, from some value on) whose rows are every row of one value of another column holding a number, and
  no other rows (LPG's six prices around 110 among petrol's from 170: a kind of its own, however few);
- one value held by 10 rows or more (up to 5% of the column) among other far values — beyond the bound 10% of
  the rows lie beyond, twice as far from the median as that bound — where ×10–×1000 slips fill the tail so that
  neither test above sees it, when its repeats are improbable at the rate of the 10 values beyond the bound on
  either side of it (the same geometric count, at the level over the values tested), no value beyond it but
  another such heap is held by more than 3 rows (several values of many rows far out are a population: islands
  below the mainland's latitudes), it is no rounder than the values around it (a price point or a budget of
  150,000,000 repeats; 28.5 is less round than 28), where it lies that far on the log scale only, the rows beyond it
  are a tenth or more of those between it and the bound (else it sits on the bulk's edge: a floor or cap the column is clipped at, an azimuthal gap never written
  below 25 beside a few values shifted in below it), at most 3 values of the tail are such heaps (more are the
  column's levels: price points, codes), and its rows share nothing else: no other column has a value
  held by half of them and five times as often as in the column (Puerto Rico's zip codes, geocoded to one
  centroid, share their state; rows an error picked do not);
- values far beyond the bulk (twice as far from the median as the bound 10% of the rows lie beyond) that are an
  ordinary value with one to three zeros added (kind \`slip\`: 31700, 43200.0 or 1068000 among exact distances,
  each a distance of the column times 100 or 1,000), where ×10–×1000 slips fill the tail so that they leave no
  gap: for each number of zeros, when more far values have it than the bulk's own rate of values ending in that
  many zeros explains (a Poisson count at the level, over its values with room for the zeros; where they are too
  short, delays of minutes, a tenth of its rate of one zero per further zero) and their values without the zeros
  rank as copies of random rows do among the values such a slip copies — of the bulk's sign, not far out
  themselves, taken far out by it (their mean rank within 3 standard errors of 1/2: the largest values of a
  column of estimates, rounded to two digits, do not), and their rows share nothing else (totals of orders of ten
  items are prices times ten, and their quantity says so: most of the rows share another column's value, five times
  as often as the column's rows do; totals in kronor, crowns and zloty among totals in euros gather in three
  currencies where as many random rows would hold six: fewer than half the values of another column that random
  rows would hold, three at least). A column rounded by nature has a bulk as round as its far
  values; values written to significant digits have no zeros to add.

Errors spread over a range leave no gap between them (test scores on another scale: 1,700 to 1,950 among scores
up to 1,544), and as a block of many rows they look like a second population. Where the column's body is normal
(kind \`normal\`) — the values within the bound below, with the median and standard deviation σ taken from the
quartiles (σ = IQR / 1.349), have their 1st, 5th, 95th and 99th percentiles where a normal distribution's lie, each
within 4/√n of the normal's distance (3% to 8%: Student's t with 10 degrees of freedom is 14% off, with 20 about 7%)
— its tails are known: n normal values reach z standard deviations from the median with a chance under n·φ(z)/z, and
values beyond the z where that chance is a tenth of \`alpha\` (over two sides and two scales; 5.2 σ for 3,000 values,
6 σ for a million) are flagged. It is tried on the raw scale, then on the log scale for positive columns (where a
log-normal column's tails are normal ones); not for fewer than 200 values or 30 distinct ones, for values whose
resolution is coarser than a tenth of σ (integers of a narrow range), or where more than 1% of the values lie beyond
the bound on one side. Skewed, heavy-tailed, bounded and zero-inflated columns fail the body's test.

Placeholder numbers (what sentinel-value reports: -999 or 9999 outside the range of the column's other values,
-1 beside non-negative values) are left out of the column first: a stand-in for "unknown" is no measurement,
and 2% of -9999 would make the lost minus signs beside them look like a population of negative values.

Values of the other sign than every other value of the column (fewer than 1% of them), at least as far from 0
as the others' median, are flagged too (a lost or added minus sign); where more values have the other sign but at
most 1% lie within the others' bulk (their 95th percentile of magnitudes), those within it are (the ones beyond
are gross errors whatever their sign — longitudes shifted into a latitude column — left to the tails). They are
left out of the tails (the upper tail
of a zero-inflated column is its part above zero); a value just across 0 is not, nor
are several whose magnitudes rank far above or below the others' (their mean rank more than 5 standard
errors from the middle: places east of 180° among American longitudes are a population, not lost signs; values
beyond the others' 95th percentile, gross errors whatever their sign, are left out of that comparison).

A value can also be ordinary for its column and wrong for its row: a temperature written in °F (50) among
°C, where the station and the month say 10; a body mass typed for another species. Where a grouping of the
rows — one column of 2 to 256 values, or a pair of them — explains a numeric column (its numbers' typical
deviation from their group's median at most 0.65 times their typical deviation from the column's median, on a
sample of rows, the medians learned on one half of it and the deviations measured on the other, so that many small
groups cannot fit their own rows; or its numbers' mean deviation, the largest 2% left out, at most half the column's:
hotels in koruny and forints among hotels in euros, which the hotel explains in the rows where the column spreads most;
groupings are of labels — text, categories, payees, whole numbers such as months —,
not fractional numbers; a pair is not made of two columns one of which determines the other), each number is measured against its group's median in its group's spread (the deviation 3 in 4 of the
group's rows stay within, in a normal distribution's terms: a group whose values cluster in two places is
measured by both), and one beyond 4 times the deviation 95% of all rows stay within and beyond 8 spreads is
reported (kind \`group\`): about 8 spreads where groups spread normally (a chance of 1e-15), 12 with
exponential tails. A skewed column of positive numbers (from its median, its 90th percentile at least twice as
far as its 10th) is measured on the log scale, by ratios: a payment of 138,260 where a payee's payments lie
around 1,400 within a factor of 1.7 (a decimal point lost) is found, a payee's natural 7 times its usual is not;
there a value below its group is reported only where a gap parts it from the group's low end (at least a factor of 2,
and as wide as from there to the group's lower quartile) and it is ordinary for the column (above its 1st
percentile): a rate in euros among a Prague hotel's koruny, a creatinine a tenth of its test's — near
zero, ratios grow without saying much (a calm wind of 0.09 where a band's winds blow around 2.4). Left alone: groups under 20 rows, groups whose numbers mostly repeat (one number in over
half of their rows: a capital's latitude in most of its region's rows; rounded results, a lab test's written to one
decimal, repeat their values without any holding half), a column of bearings (its values fill one turn, 0–360, 5% of
them within 36° of either end: a wind's direction, where 4° is 19° from a site's 345°, see bearings.ts), a group with more far values than 2 or 5% of its
rows (a population of its own), whole numbers nearly all distinct (a municipality's number within its region's
is a code), a row whose group value a dependency learned from the table contradicts (a state typed for
another, which its zip's other rows do not say: the state is the error, reported by dependency-violation), and a
row of an entity apart from the others in most of its rows (a text column of repeated names: Puerto Rico's share
of households under $10,000, 28.9% where the states' lie around 7%, is as far from theirs in its other brackets —
an error strikes one cell, an entity apart is apart in most of its rows: 3 group spreads or more in over half of its
other rows, one at least — a pet of two visits, both far from the other pets of its name and breed), and a
number that moves with another number of its row: their ratio within the central 90% of the group's other rows'
ratios (10 at least; a week of overtime raises an employee's gross pay, its taxes and its net pay alike; a slip
raises one cell, and its ratio to every other number of the row leaves the group's).

A number can also be ordinary for its column and its group and wrong for its entity: a patient's weight in pounds
(158.1) where their three other orders say 71.7 kg. Where a text column names entities — its values repeat, 1.5 to 50
rows each on average, 20 of them in 3 rows or more — and a numeric measure (20 distinct values or more: a floor or a
rating are levels a next stay may change) is kept by each entity — the deviation from an entity's median that 90% of
those rows stay within at most a tenth of the column's interquartile range, on the log scale for positive numbers —,
a value 10 times that deviation from the median of its entity's other rows, and half the interquartile range at
least, is reported (kind \`entity\`) where those other rows (2 or more) agree among themselves, it is the entity's
only far value, and the row agrees with its entity on the columns the entity determines (a row with another
patient's birth date holds the wrong patient id: dependency-violation's).

The cleaning step (cap or drop beyond bounds learned from the column) does not reach such values: correct them
by hand.

A clean column gets a finding with probability about \`alpha\` (the p-values are corrected for the tails,
block sizes and scales tested). A value three times the column's largest other value is found in light- and
medium-tailed columns; in a very heavy-tailed column (Pareto with α near 1) such a value is not unusual and is
not reported. Identifier-like columns and row counters are skipped.

The evidence: the flagged side and kind (\`gap\`, \`heap\`, \`slip\`, \`unit\`, \`normal\` or \`sign\`), the column's extreme without the
flagged values (\`next\`; for a heap among other far values or a slip, the bound of the column's bulk), the gap score
(the gap over the typical spacing), for a heap the rows per value among the next values, for a slip the power of ten
(\`factor\`), for \`normal\` the least extreme flagged value's distance in standard deviations (\`deviations\`), the median
and σ on the scale tested (\`normalMedian\`, \`sigma\`) and the bound, for a unit mix-up the ratio and the two units (\`ratio\`, \`unit\`, \`columnUnit\`), the p-value, the scale, the median, and for counts the fitted mean. For \`group\`: the
grouping columns' values (\`group:<column>\`), the group's rows, median and spread (on the log scale, \`scale\`
\`log\`, the spread is a factor's logarithm), the value's deviation in spreads, the bound it exceeds and the largest
deviation of the rows not reported. For \`entity\`: the entity column and value, its other rows and their median, the
row's deviation from it and the typical deviation (on the log scale, \`scale\` \`log\`, of ratios).

**Fix**: correct the value if it is an error (a unit, a slipped decimal point, a lost sign); if it is real,
consider a log transform or a robust loss. For a unit mix-up the quick fix converts the value into the column's
unit (145.9 lb → 66.18).`,
  check({ data, profile, options, report }) {
    data.columns.forEach((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name)) return;
      const values = numericColumn(data, c);
      if (strictlyIncreasing(values)) return;
      // Placeholders (-999 for "unknown", sentinel-value reports them) are no measurements: the tails are the other values'.
      const placeholders = columnPlaceholders(data, c)?.values ?? [];
      const runs = placeholders.length > 0 ? withoutValues(sortedRuns(data, c), placeholders) : sortedRuns(data, c);
      const test = { alpha: options.alpha, maxOutliers: options.maxOutliers, window: options.window, explained: (held: readonly number[]) => sharedByRows(data, c, values, held), gathered: (held: readonly number[]) => concentratedRows(data, c, values, held), owned: (held: readonly number[]) => ownedByValue(data, c, values, held), alone: (held: readonly number[]) => aloneInValue(data, c, values, held), episode: (held: readonly number[]) => neighbouringRows(values, held) && concentratedRows(data, c, values, held) };
      const found = tailOutliers(runs, test);
      const byValue = new Map<number, TailOutliers>();
      for (const tail of found) for (const v of tail.values) if (!byValue.has(v)) byValue.set(v, tail);
      const flaggedRows = new Set<number>();
      const median = found.length > 0 ? sortedColumn(data, c).quantile(0.5) : NaN;
      for (let r = 0; r < values.length && found.length > 0; r++) {
        const tail = byValue.get(values[r]);
        if (!tail) continue;
        flaggedRows.add(r);
        const value = String(values[r]);
        const converted = inColumnUnit(values[r], tail);
        report({
          row: r,
          columnIndex: c,
          value,
          ...(converted !== undefined && tail.units ? { fixes: replaceCellFixes(data, r, c, { number: converted }, `Convert to ${tail.tail === 'upper' ? tail.units.larger : tail.units.smaller}: ${converted}`) } : {}),
          evidence: {
            side: tail.tail,
            kind: tail.kind,
            next: tail.next,
            ...(tail.kind === 'gap'
              ? { gapScore: Number(tail.score.toPrecision(4)), pValue: tail.pValue, logScale: tail.logScale }
              : tail.kind === 'heap'
                ? { rowsPerValue: Number(tail.score.toPrecision(4)), pValue: tail.pValue }
                : tail.kind === 'slip'
                  ? { factor: tail.score, pValue: tail.pValue }
                  : tail.kind === 'normal' && tail.normalFit
                    ? { deviations: Number(tail.score.toPrecision(4)), normalMedian: Number(tail.normalFit.median.toPrecision(6)), sigma: Number(tail.normalFit.sigma.toPrecision(4)), bound: Number(tail.normalFit.bound.toFixed(2)), pValue: tail.pValue, logScale: tail.logScale }
                  : tail.kind === 'unit' && tail.units
                    ? { ratio: Number(tail.units.ratio.toPrecision(6)), unit: tail.tail === 'upper' ? tail.units.smaller : tail.units.larger, columnUnit: tail.tail === 'upper' ? tail.units.larger : tail.units.smaller, converted: converted ?? '', pValue: tail.pValue }
                  : { medianMagnitude: tail.score }),
            median,
            ...(tail.countFit ? { countMean: tail.countFit.mean, ...(tail.countFit.size !== undefined ? { countSize: tail.countFit.size } : {}) } : {}),
          },
          message: outlierMessage(value, column.name, tail),
        });
      }
      // Values ordinary for the column but far from their group's (placeholders are no measurements here either).
      for (const r of placeholders.length > 0 ? rowsHolding(values, placeholders) : []) flaggedRows.add(r);
      for (const far of groupOutliers(data, c, values, { profile, skipRows: flaggedRows })) {
        const value = String(values[far.row]);
        const groupColumns = far.groupColumns.map((g) => data.columns[g].name);
        report({
          row: far.row,
          columnIndex: c,
          value,
          evidence: {
            side: far.deviations > 0 ? 'upper' : 'lower',
            kind: 'group',
            ...Object.fromEntries(groupColumns.map((name, i) => [`group:${name}`, far.groupValues[i]])),
            groupRows: far.groupRows,
            groupMedian: Number(far.median.toPrecision(6)),
            groupSpread: Number(far.spread.toPrecision(4)),
            ...(far.scale === 'log' ? { scale: 'log' } : {}),
            deviations: Number(far.deviations.toPrecision(4)),
            bound: Number(far.bound.toPrecision(4)),
            next: Number(far.next.toPrecision(4)),
          },
          message: groupMessage(value, column.name, far, groupColumns),
        });
        flaggedRows.add(far.row);
      }
      // Values ordinary for the column and their group, but far from their entity's other rows (a patient's weight).
      for (const far of entityOutliers(data, c, flaggedRows)) {
        const value = String(values[far.row]);
        const entityName = data.columns[far.entityColumn].name;
        report({
          row: far.row,
          columnIndex: c,
          value,
          evidence: {
            side: far.deviation > 0 ? 'upper' : 'lower',
            kind: 'entity',
            entityColumn: entityName,
            entity: far.entity,
            otherRows: far.others,
            entityMedian: Number(far.median.toPrecision(6)),
            ...(far.scale === 'log' ? { scale: 'log' } : {}),
            deviation: Number(far.deviation.toPrecision(4)),
            typicalDeviation: Number(far.typical.toPrecision(4)),
          },
          message: entityMessage(value, column.name, far, entityName),
          related: [{ row: far.related, columnIndex: c, message: `${entityName} "${far.entity}": ${shownNumber(Number(far.median.toPrecision(6)))}` }],
        });
      }
    });
  },
});

/** Rows holding one of `placeholders`. */
function rowsHolding(values: Float64Array, placeholders: readonly number[]): number[] {
  const set = new Set(placeholders);
  const rows: number[] = [];
  for (let r = 0; r < values.length; r++) if (set.has(values[r])) rows.push(r);
  return rows;
}

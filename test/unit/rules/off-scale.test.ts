/** off-scale: a value outside the scale numbered sibling columns share; counts and lone columns are no scale. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';
import { mulberry32 } from '../../../src/core/shared/random';

/** A questionnaire: items q1…q5 answered 1–5 around each respondent's leaning; `edit` sets cells (row → [item, answer]). */
function answers(seed: number, edit: Record<number, [number, string]> = {}): string {
  const random = mulberry32(seed);
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const leaning = 1 + Math.floor(random() * 5);
    const items = Array.from({ length: 5 }, () => String(Math.min(5, Math.max(1, leaning + Math.round((random() - 0.5) * 2)))));
    const [item, answer] = edit[i] ?? [-1, ''];
    if (item >= 0) items[item] = answer;
    return [`R${i}`, ...items];
  });
  return csv(['respondent', 'q1', 'q2', 'q3', 'q4', 'q5'], rows);
}

test('a 6, a 0 and a 55 among answers 1–5 of q1…q5 are off the scale the items share; clean answers are not', () => {
  for (const seed of [1, 2, 3]) assert.deepEqual(findingsOf(checkCsv(answers(seed)), 'off-scale'), [], `seed ${seed}`);
  const found = findingsOf(checkCsv(answers(1, { 10: [2, '6'], 500: [0, '0'], 900: [4, '55'] })), 'off-scale');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]).sort((x, y) => Number(x[0]) - Number(y[0])), [[10, 'q3', '6'], [500, 'q1', '0'], [900, 'q5', '55']]);
  const six = found.find((f) => f.row === 10);
  assert.equal(six?.message, '6 in column "q3" lies off the scale 1–5 that q1, q2, q3, q4 and q5 share (each of their levels lies from 1 to 5, and both ends are common answers).');
  assert.deepEqual(six?.evidence, { scale: '1–5', siblings: 'q1, q2, q3, q4, q5' });
});

test('small counts in numbered columns (visits per year) thin out step by step: no scale; an item alone has no siblings', () => {
  const random = mulberry32(9);
  const poisson = (mean: number) => {
    let [k, p] = [0, Math.exp(-mean)];
    let sum = p;
    const u = random();
    while (u > sum) sum += p *= mean / ++k;
    return k;
  };
  const visits = Array.from({ length: 4000 }, (_, i) => [`P${i}`, ...Array.from({ length: 4 }, () => poisson(2))]);
  assert.deepEqual(findingsOf(checkCsv(csv(['patient', 'visits_1', 'visits_2', 'visits_3', 'visits_4'], visits)), 'off-scale'), []);
  // Days absent per term: mostly up to 5 (each level common), and a long thin tail of illnesses (1.5% of the pupils, 6
  // to 40 days, each count rare): the values beyond 5 are too many beside the fives for 5 to end a scale.
  const absences = Array.from({ length: 4000 }, (_, i) => [`S${i}`, ...Array.from({ length: 4 }, () => (random() < 0.015 ? 6 + Math.floor(random() * 35) : Math.min(5, poisson(2))))]);
  assert.deepEqual(findingsOf(checkCsv(csv(['pupil', 'absent_1', 'absent_2', 'absent_3', 'absent_4'], absences)), 'off-scale'), []);
  const lone = answers(1, { 10: [2, '6'] }).split('\n').map((line) => line.split(',').slice(0, 2).concat(line.split(',')[3]).join(',')).join('\n');
  assert.deepEqual(findingsOf(checkCsv(lone.replace(/^respondent,q1,q3/, 'respondent,q1,rating')), 'off-scale'), [], 'two numbered columns are no siblings enough');
});

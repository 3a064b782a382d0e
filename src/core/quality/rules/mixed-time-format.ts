/** mixed-time-format: times of day written another way than most of their column ("7:10am" among "7:10 a.m."). */
import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, replaceCellFixes } from '../column-values';
import { isTwelveHour, timeColumn, writeTimeOfDay } from '../time-of-day';

/** Times a column needs before its notation says anything. */
const MIN_TIMES = 20;
/**
 * Where no notation holds a majority (a timetable merged from many websites, each writing its own), the column's
 * notation is one written in at least this share of its times and PLURALITY_RATIO times as often as any other.
 */
const PLURALITY_MIN_SHARE = 1 / 3;
const PLURALITY_RATIO = 1.5;

export const mixedTimeFormat = defineRule({
  id: 'mixed-time-format',
  title: 'Mixed time formats',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minShare: 0.5 },
  description: 'A time of day written another way than most of its column ("7:10am" or "Dec 2 7:10 a.m." among "7:10 a.m.").',
  docs: `Timetables merged from several sources write one time several ways: "7:10 a.m.", "7:10am", "07:10",
"Dec 2 7:10am", "7:10 a.m. Dec 2". A reader that parses one notation gives up on the others (or reads
"7:10a" as text), and grouping, sorting or joining on the column treats one departure as several.

In a text column whose values are nearly all (90%) times of day, at least ${MIN_TIMES} of them, and whose
times are mostly (\`minShare\`, more than half) written in one notation — the clock (12 or 24 hours), how
a.m./p.m. is spelled and spaced, whether seconds are written, whether a date comes before or after the time —
each time written in another notation is reported, with the column's notation and an example of it.
Zero-padded hours ("07:10" beside "7:10") count as one notation. Where many sources each wrote their own
notation and none holds a majority, the column's notation is the one written in at least a third of its times
and ${PLURALITY_RATIO} times as often as any other (42% "7:10 a.m." beside 21% "7:10am" and less of four
more); where two notations are about as common, nothing is reported.

The evidence: the value's notation, the column's notation and its share of the column's times, and the value
written the column's way.

**Fix**: write the time as the column does ("7:10am" → "7:10 a.m."). A time with a date is rewritten only where
the column's dates name one day (a day's timetable: the date says nothing; "Dec 2" and "12/02/2011" name the
same day); a notation with a date, or a time whose seconds the column's notation does not write, is left to you.`,
  check({ data, options, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      const times = timeColumn(data, c);
      if (!times || times.timeRows < MIN_TIMES) return;
      const distinct = distinctValues(data, c);
      // Rows per notation, and per notation the hour widths written below 10 o'clock (whether it pads them).
      const rows = new Map<string, number>();
      const padded = new Map<string, [number, number]>();
      times.readings.forEach((reading, id) => {
        if (!reading) return;
        rows.set(reading.notation, (rows.get(reading.notation) ?? 0) + distinct.counts[id]);
        const hours = Math.floor(reading.seconds / 3600);
        if ((isTwelveHour(reading.notation) ? hours % 12 || 12 : hours) >= 10) return;
        const seen = padded.get(reading.notation) ?? [0, 0];
        seen[reading.hourDigits === 2 ? 0 : 1] += distinct.counts[id];
        padded.set(reading.notation, seen);
      });
      if (rows.size < 2) return;
      const [[dominant, dominantRows], [, secondRows]] = [...rows].sort((a, b) => b[1] - a[1]);
      const majority = dominantRows > options.minShare * times.timeRows;
      if (!majority && (dominantRows < PLURALITY_MIN_SHARE * times.timeRows || dominantRows < PLURALITY_RATIO * secondRows)) return;
      const example = distinct.text(times.readings.findIndex((reading) => reading?.notation === dominant));
      const [pads, plain] = padded.get(dominant) ?? [0, 0];
      const hourDigits = pads > plain ? 2 : 1;
      const share = Math.floor((100 * dominantRows) / times.timeRows);
      // A date with the time says nothing where the column's dates name one day only.
      const dateSaysNothing = times.dates.size <= 1;
      const written = new Map<number, string | undefined>();
      for (let r = 0; r < distinct.ids.length; r++) {
        const id = distinct.ids[r];
        const reading = id < 0 ? undefined : times.readings[id];
        if (!reading || reading.notation === dominant) continue;
        const value = distinct.text(id);
        if (isAccepted(c, value)) continue;
        if (!written.has(id)) written.set(id, reading.date && !dateSaysNothing ? undefined : writeTimeOfDay(reading.seconds, dominant, hourDigits));
        const fixed = written.get(id);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { notation: reading.notation, columnNotation: dominant, columnShare: share / 100, example, ...(fixed === undefined ? {} : { fixed }) },
          message:
            `"${value}" in column "${column.name}" writes the time another way than ${share}% of the column's times (like "${example}"${majority ? '' : ', more than any other way'})` +
            (fixed === undefined ? '.' : `: "${fixed}"?`),
          ...(fixed === undefined ? {} : { fixes: replaceCellFixes(data, r, c, fixed, `Write as the column does: "${fixed}"`) }),
        });
      }
    });
  },
});

/** counter-reversal: a reading that goes back within its entity where the column never does (an odometer below the vehicle's last). */
import { defineRule } from '../rule';
import { counterReversals, MAX_BACK_SHARE } from '../entity-counters';
import { shownNumber } from '../../shared/shown-number';
import { numericColumn } from '../column-values';

export const counterReversal = defineRule({
  id: 'counter-reversal',
  title: 'Counter goes back',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: "A reading below its entity's reading before it (or above the one after it) in a column that never goes back within an entity's rows in time order: an odometer, a meter's register.",
  docs: `Some numbers only grow along an entity's rows in time: a vehicle's odometer, a meter's register, a patient's
age. A reading that goes back — an odometer of 588 between 200,809 and 201,842, a digit slip that reads 53,568
between 34,974 and 36,308, a 0 written for "not read" — is wrong, and each value alone may be ordinary for the
column, since other vehicles drive that far.

Learned from the table: a date or timestamp column (filled in 90% of the rows) orders each entity's rows; an
entity column is a text column whose values repeat (3 to 500 rows each on average, 5 values in 3 rows or more);
a numeric column (not an identifier) is a counter of that entity where its steps from one of the entity's rows to
the next go back in at most ${100 * MAX_BACK_SHARE}% of 50 steps or more (each wrong reading breaks two) and go
forward in half of them at least. The reading reported is the one out of line with both its neighbours, which keep the
order between them: below the one before, or above the one after (at an entity's first or last row, beyond both of
the two readings on its one side, which keep the order). A neighbour of the same time may be listed either way: it is
not held against the reading where, listed the other way round, the two would be in order. A counter that restarts (a meter replaced: its next readings go on from
low) is not reported, since its neighbours do not keep the order.

The evidence: the \`entity\` column and value, the readings \`before\` and \`after\` it, and the share of the counter's
steps that go back (\`backShare\`). Related places: the neighbouring readings.

**Fix**: take the reading from its source; if it is right, the earlier or later one is not.`,
  check({ data, report, isIgnored }) {
    for (const found of counterReversals(data)) {
      if (isIgnored(found.counter)) continue;
      const [column, entityColumn] = [data.columns[found.counter].name, data.columns[found.entityColumn].name];
      const value = shownNumber(Number(found.side === 'low' ? found.before?.value : found.after?.value));
      const own = String(numericColumn(data, found.counter)[found.row]);
      const neighbours = [found.before, found.after].filter((reading) => reading !== undefined);
      report({
        row: found.row,
        columnIndex: found.counter,
        value: own,
        evidence: {
          entityColumn,
          entity: found.entity,
          side: found.side,
          ...(found.before ? { before: found.before.value } : {}),
          ...(found.after ? { after: found.after.value } : {}),
          backShare: Number(found.backShare.toPrecision(3)),
        },
        message:
          `${own} in column "${column}" goes back within ${entityColumn} "${found.entity}": ${found.side === 'low' ? `its reading before it is ${value}` : `its reading after it is ${value}`}, ` +
          `and "${column}" goes back in ${(100 * found.backShare).toFixed(1)}% of an entity's steps in time (${found.steps} steps).`,
        related: neighbours.map((reading) => ({ row: reading.row, columnIndex: found.counter, message: `${entityColumn} "${found.entity}": ${shownNumber(reading.value)}` })),
      });
    }
  },
});

/**
 * Tendencies told from rules by the margins of the rows that break them (broken-order's orders between two columns,
 * comparison-labels' labels a comparison decides): a rule's breaks are slips off the values that keep it, few against
 * the many rows keeping it narrowly; a tendency's breaks go on where the rows keeping it stop, as many again.
 */

/** Breaking rows, at least, for the margins they break a rule by to tell a tendency from it. */
export const MIN_CONTINUED_BREAKS = 5;

/**
 * Breaking rows, as a share of the rows keeping the rule by at most the breaks' median margin, at or above which it is
 * a tendency: the rows' margins run on through its limit (a flight's actual departure after its scheduled arrival, 141
 * flights by a median 36 minutes where 150 keep it by at most 36; open claims paying past their reserve, 49 where 54
 * keep below it by as little).
 */
export const CONTINUED_BREAKS = 0.25;

/** Whether `breaks` breaking rows against `near` rows keeping the rule narrowly make it a tendency (see CONTINUED_BREAKS). */
export function breaksContinue(breaks: number, near: number): boolean {
  return breaks >= MIN_CONTINUED_BREAKS && breaks >= CONTINUED_BREAKS * near;
}

/**
 * The rule registry: every rule the engine runs, in reporting order. Adding a rule = one new file in this
 * folder + one line here; the engine never changes.
 */
import type { QualityRule } from '../rule';
import { emptyFile } from './empty-file';
import { raggedRow } from './ragged-row';
import { blankRow } from './blank-row';
import { blankHeader } from './blank-header';
import { duplicateHeader } from './duplicate-header';
import { strayQuote } from './stray-quote';
import { unterminatedQuote } from './unterminated-quote';
import { invalidEncoding } from './invalid-encoding';
import { mixedLineEndings } from './mixed-line-endings';
import { invalidJsonLine } from './invalid-json-line';
import { columnShift } from './column-shift';
import { missingValue } from './missing-value';
import { mostlyEmptyColumn } from './mostly-empty-column';
import { emptyColumn } from './empty-column';
import { disguisedMissing } from './disguised-missing';
import { typeMismatch } from './type-mismatch';
import { mixedDateFormat } from './mixed-date-format';
import { mixedTimeFormat } from './mixed-time-format';
import { mixedListSeparator } from './mixed-list-separator';
import { mixedLetterCase } from './mixed-letter-case';
import { numberFormat } from './number-format';
import { patternMismatch } from './pattern-mismatch';
import { whitespace } from './whitespace';
import { categoryVariant } from './category-variant';
import { spelledOutCode } from './spelled-out-code';
import { nameVariant } from './name-variant';
import { abbreviatedValue } from './abbreviated-value';
import { mergedNeighbour } from './merged-neighbour';
import { dependencyViolation } from './dependency-violation';
import { inapplicableValue } from './inapplicable-value';
import { comparisonMismatch } from './comparison-mismatch';
import { bandMismatch } from './band-mismatch';
import { conflictingRecords } from './conflicting-records';
import { containedValue } from './contained-value';
import { reversedRange } from './reversed-range';
import { brokenRelation } from './broken-relation';
import { brokenOrder } from './broken-order';
import { elapsedYearsMismatch } from './elapsed-years-mismatch';
import { datePartMismatch } from './date-part-mismatch';
import { ratioOutlier } from './ratio-outlier';
import { lookalikeCharacter } from './lookalike-character';
import { durationMismatch } from './duration-mismatch';
import { gapOutlier } from './gap-outlier';
import { offScale } from './off-scale';
import { checkDigit } from './check-digit';
import { outlier } from './outlier';
import { spike } from './spike';
import { contradictedFlag } from './contradicted-flag';
import { stuckValue } from './stuck-value';
import { counterReversal } from './counter-reversal';
import { absenceMismatch } from './absence-mismatch';
import { constantColumn } from './constant-column';
import { decimalPlaces } from './decimal-places';
import { impossibleValue } from './impossible-value';
import { zeroAsMissing } from './zero-as-missing';
import { sentinelValue } from './sentinel-value';
import { typo } from './typo';
import { missingAffix } from './missing-affix';
import { wordTypo } from './word-typo';
import { truncatedValue } from './truncated-value';
import { encodingDamage } from './encoding-damage';
import { duplicateRow } from './duplicate-row';
import { duplicateKey } from './duplicate-key';
import { nearDuplicateRow } from './near-duplicate-row';
import { futureDate } from './future-date';
import { implausibleDate } from './implausible-date';
import { outOfOrderTimestamp } from './out-of-order-timestamp';
import { classImbalance } from './class-imbalance';
import { highCorrelation } from './high-correlation';
import { extremeSkew } from './extreme-skew';
import { scaleDisparity } from './scale-disparity';
import { schemaViolation } from './schema-violation';
import { suspectLabel } from './suspect-label';

export const allRules: readonly QualityRule[] = [
  // structure
  emptyFile,
  raggedRow,
  blankRow,
  blankHeader,
  duplicateHeader,
  strayQuote,
  unterminatedQuote,
  invalidEncoding,
  mixedLineEndings,
  invalidJsonLine,
  columnShift,
  // completeness
  missingValue,
  mostlyEmptyColumn,
  emptyColumn,
  disguisedMissing,
  // consistency
  typeMismatch,
  mixedDateFormat,
  mixedTimeFormat,
  mixedListSeparator,
  mixedLetterCase,
  numberFormat,
  decimalPlaces,
  patternMismatch,
  missingAffix,
  whitespace,
  categoryVariant,
  spelledOutCode,
  nameVariant,
  abbreviatedValue,
  mergedNeighbour,
  dependencyViolation,
  inapplicableValue,
  absenceMismatch,
  comparisonMismatch,
  bandMismatch,
  conflictingRecords,
  containedValue,
  reversedRange,
  brokenRelation,
  contradictedFlag,
  brokenOrder,
  elapsedYearsMismatch,
  datePartMismatch,
  ratioOutlier,
  lookalikeCharacter,
  durationMismatch,
  // accuracy
  outlier,
  gapOutlier,
  offScale,
  spike,
  stuckValue,
  counterReversal,
  constantColumn,
  impossibleValue,
  zeroAsMissing,
  sentinelValue,
  suspectLabel,
  typo,
  wordTypo,
  checkDigit,
  truncatedValue,
  encodingDamage,
  // uniqueness
  duplicateRow,
  duplicateKey,
  nearDuplicateRow,
  // timeliness
  futureDate,
  implausibleDate,
  outOfOrderTimestamp,
  // schema (when a Frictionless Table Schema is found beside the file)
  schemaViolation,
  // ml-readiness
  classImbalance,
  highCorrelation,
  extremeSkew,
  scaleDisparity,
];

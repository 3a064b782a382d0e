/**
 * The injectors, one per error class, in the order the mixed run applies them: duplicates first (they insert
 * rows and keep the rows they copy unchanged), dependencies and time order while the columns are still clean.
 */
import type { ErrorClass, Injector } from '../inject';
import { duplicateInjector } from './duplicate';
import { fdInjector } from './fd';
import { orderInjector } from './order';
import { shiftInjector } from './shift';
import { formatInjector } from './format';
import { typoInjector } from './typo';
import { caseVariantInjector } from './case-variant';
import { encodingInjector } from './encoding';
import { outlierInjector } from './outlier';
import { missingInjector } from './missing';

export const INJECTORS: readonly Injector[] = [
  duplicateInjector,
  fdInjector,
  orderInjector,
  shiftInjector,
  formatInjector,
  typoInjector,
  caseVariantInjector,
  encodingInjector,
  outlierInjector,
  missingInjector,
];

export function injectorOf(cls: ErrorClass): Injector {
  const injector = INJECTORS.find((i) => i.cls === cls);
  if (!injector) throw new Error(`no injector for ${cls}`);
  return injector;
}

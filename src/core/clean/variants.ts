/**
 * Which spellings of a category are variants of another, from the value counts of one column: values that
 * differ only by case, accents or white space (the category-variant rule's key), a word written short ("St.
 * Louis" for "Saint Louis"), two parts in the other order ("Hitchcock, Alfred" for "Alfred Hitchcock") or a yes/no
 * answer written another way ("TRUE" among "Y" and "N"), as the rule
 * reads them, and — optionally — rare
 * values one or two typing errors away from a much more frequent one ("Londno" among many "London").
 * Each variant maps to its group's spelling as category-variant chooses it (spellings.ts).
 */
import { SPELLING_VARIANTS } from '../quality/rules/category-variant';
import { categoryKey } from '../quality/category-key';
import { unifiedSpellings, wayOfValues } from '../quality/spellings';
import { editDistance } from '../quality/edit-distance';

export interface VariantOptions {
  /** Also merge rare near-misses of frequent values (typos). */
  typos: boolean;
}

/** A rare value is a typo of a frequent one only if the frequent one is this many times as common… */
const TYPO_RATIO = 10;
/** …and seen at least this often. */
const TYPO_MIN_COUNT = 5;
/** Keys shorter than this are codes ("A1", "B2"), where one character is all the difference there is. */
const TYPO_MIN_LENGTH = 4;

interface Group {
  key: string;
  total: number;
  canonical: string;
  values: string[];
}

/** Variant → canonical spelling, for the values of one column with their counts. */
export function variantMapping(counts: ReadonlyMap<string, number>, options: VariantOptions): Map<string, string> {
  // Each group's spelling as the check's category-variant chooses it (spellings.ts): the column's way of writing letters, white space tidied.
  const entries = [...counts];
  const unified = unifiedSpellings(entries, ([value]) => value, ([, count]) => count, wayOfValues(entries, ([value]) => value, ([, count]) => count));
  const groups = new Map<string, Group>();
  for (const [value, count] of entries) {
    const key = categoryKey(value);
    if (key === '') continue;
    const group = groups.get(key);
    if (!group) groups.set(key, { key, total: count, canonical: unified.get(key)?.[0] ?? value, values: [value] });
    else {
      group.total += count;
      group.values.push(value);
    }
  }
  const target = new Map<Group, Group>();
  if (options.typos) {
    const ordered = [...groups.values()].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
    for (const rare of ordered) {
      if (rare.key.length < TYPO_MIN_LENGTH || !/\p{L}/u.test(rare.key)) continue;
      const limit = rare.key.length >= 9 ? 2 : 1;
      for (const frequent of ordered) {
        if (frequent.total < Math.max(TYPO_MIN_COUNT, TYPO_RATIO * rare.total)) break;
        if (frequent.key.length < TYPO_MIN_LENGTH) continue;
        // "Type 1" and "Type 2" differ by a digit: different things, not a typo.
        if (rare.key.replace(/[0-9]/g, '') === frequent.key.replace(/[0-9]/g, '')) continue;
        if (editDistance(rare.key, frequent.key, limit) <= limit) {
          target.set(rare, frequent);
          break;
        }
      }
    }
  }
  // A group written otherwise than its key tells (a word short, a hyphen, a legal form, parts exchanged, a yes/no) joins its usual spelling's group.
  const ordered = [...groups.values()];
  for (const variants of SPELLING_VARIANTS) {
    for (const [other, usual] of variants(ordered, (g) => g.canonical, (g) => g.total)) if (!target.has(other)) target.set(other, usual);
  }
  const mapping = new Map<string, string>();
  for (const group of groups.values()) {
    const canonical = (target.get(group) ?? group).canonical;
    for (const value of group.values) if (value !== canonical) mapping.set(value, canonical);
  }
  return mapping;
}

/** What makes two spellings one category: the key category-variant, typo, letter case and the cleaning steps compare. */

/** Columns with more distinct values than this (by default) are free text to category-variant, not categories. */
export const CATEGORY_MAX_DISTINCT = 1000;

/**
 * The spelling-insensitive key of a category: accents, case and white space removed, and punctuation beside
 * a letter ("PG-13" is "PG13", "U.S." is "US"), not between digits ("1.5" is not "15"); a code of digits
 * without its leading zeros ("6103" is "06103" that lost its zero, as spreadsheets drop it); one mark parting two
 * words as a path or a list does, whichever ("Home/Kitchen" is "Home > Kitchen", "Rock | Pop" is "Rock/Pop"). Narrower on purpose
 * than a cell's form (cell-forms.ts, which compares whole rows): symbols and the spaces between words stay,
 * so "C++" is not "C" and "New York" not "Newyork" when a category stands alone.
 */
export function categoryKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=\p{L}) ?[>/|\\»›] ?(?=\p{L})/gu, '>')
    .replace(/(?<=\p{L})[.\-_'’]+|[.\-_'’]+(?=\p{L})/gu, '')
    .replace(/^0+(?=\d+$)/, '');
}

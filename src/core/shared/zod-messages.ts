/**
 * zod's issues as plain English for people who wrote the document by hand: where (a path such as
 * `rules.outlier.severity` or `ignore[2].rule`) and what was expected there, with what was found:
 * `rules.outlier.severity: expected one of error, warning, information, hint; got "fatal"`.
 */
import { $ZodArray, $ZodObject, $ZodOptional, type $ZodIssue, type $ZodType } from 'zod/v4/core';
import { editDistance } from '../quality/edit-distance';

type Issue = $ZodIssue;

/** A path as it is written in JavaScript: `rules.outlier.options.alpha`, `ignore[0].file`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else {
      const name = String(key);
      text += /^[A-Za-z_$][\w$-]*$/.test(name) ? `${text ? '.' : ''}${name}` : `[${JSON.stringify(name)}]`;
    }
  }
  return text;
}

/** The value at `path` in `document`, or undefined when there is none. */
function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A found value, short: `"fatal"`, `12`, `a list`, `an object`. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    return `expected ${issue.origin === 'int' ? 'a whole number' : 'a number'} ${small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<'} ${limit}`;
  }
  const unit = issue.origin === 'string' ? 'character' : 'item';
  const count = `${limit} ${unit}${Number(limit) === 1 ? '' : 's'}`;
  return issue.exact ? `expected exactly ${count}` : `expected ${small ? 'at least' : 'at most'} ${count}`;
}

/** What the issue says was expected. */
function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `expected ${JSON.stringify(issue.values[0])}` : `expected one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
    case 'too_big':
      return bound(issue);
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern ? `expected text matching ${issue.pattern}` : `expected a valid ${issue.format}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    default:
      return issue.message;
  }
}

/** Where an issue is (`rules.outlier.severity`, empty at the top level) and what is wrong there. */
export interface IssueMessage {
  /** The keys leading to the place. */
  at: PropertyKey[];
  path: string;
  text: string;
}

/** The keys the object schema at `path` of `schema` allows (through optional and array layers), if it is one. */
function keysAt(schema: $ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current: $ZodType | undefined = schema;
  for (let i = 0; ; i++) {
    while (current instanceof $ZodOptional) current = current._zod.def.innerType;
    if (i === path.length) return current instanceof $ZodObject ? Object.keys(current._zod.def.shape) : undefined;
    if (current instanceof $ZodObject) current = current._zod.def.shape[String(path[i])];
    else if (current instanceof $ZodArray) current = current._zod.def.element;
    else return undefined;
  }
}

/** What an unknown key may have been meant as: the allowed key nearest in spelling, or the short list of allowed keys. */
function unknownKeyText(key: string, allowed: readonly string[] | undefined): string {
  if (!allowed?.length) return 'unknown key';
  const nearest = allowed.map((name) => ({ name, distance: editDistance(key.toLowerCase(), name.toLowerCase(), 3) })).sort((a, b) => a.distance - b.distance)[0];
  if (nearest.distance <= Math.min(2, Math.floor(key.length / 3))) return `unknown key; did you mean "${nearest.name}"?`;
  return allowed.length <= 8 ? `unknown key; expected one of ${allowed.join(', ')}` : 'unknown key';
}

/**
 * One message per issue; an unknown key is named in the path (`rules.outlier.severty`: unknown key), with
 * the allowed key it may have been meant as when `schema` (the one that found the issues) is given.
 */
export function issueMessages(issues: readonly Issue[], document: unknown, schema?: $ZodType): IssueMessage[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = schema && keysAt(schema, issue.path);
      return issue.keys.map((key) => ({ at: [...issue.path, key], path: issuePath([...issue.path, key]), text: unknownKeyText(key, allowed) }));
    }
    const found = valueAt(document, issue.path);
    const got = found === undefined ? (issue.code === 'invalid_type' ? '; it is missing' : '') : `; got ${describeValue(found)}`;
    return [{ at: [...issue.path], path: issuePath(issue.path), text: `${expectation(issue)}${got}` }];
  });
}

/** One line per issue: `path: what was expected; got what`. */
export function describeIssues(issues: readonly Issue[], document: unknown, schema?: $ZodType): string[] {
  return issueMessages(issues, document, schema).map(({ path, text }) => `${path || '(top level)'}: ${text}`);
}

/**
 * The `file` glob of an `ignore` or `accept` entry (the `datasetInspector.*` settings, the CLI's `--config`
 * file), matched with VS Code's glob semantics (as in `files.exclude`) by picomatch: a relative pattern is
 * matched against the file's path relative to its base folder (the workspace folder in the editor, the
 * current directory in the CLI: `data/*.csv` is `<base>/data/*.csv` only; `**\/*.csv` anywhere), an
 * absolute pattern against the absolute path (also used for files outside the base folder). `*` and `?`
 * stay within a path segment, `**` spans segments, `{a,b}` and `[0-9]` work, and names starting with a dot
 * match like others.
 */
import { isAbsolute, win32 } from 'node:path';
import picomatch from 'picomatch';

export interface FileLocation {
  /** The file's absolute path. */
  absolute: string;
  /** Its path relative to the base folder; undefined outside it. */
  relativeToFolder?: string;
}

const windows = process.platform === 'win32';

export function fileGlobMatches(glob: string, file: FileLocation): boolean {
  const absolutePattern = isAbsolute(glob) || win32.isAbsolute(glob);
  const target = absolutePattern || file.relativeToFolder === undefined ? file.absolute : file.relativeToFolder;
  return picomatch.isMatch(windows ? target.replace(/\\/g, '/') : target, glob, { dot: true, windows });
}

/** A settings list entry limited to the files matching `file` (a glob) when it has one. */
export type FileScoped<T> = T & { file?: string };

/** Whether an entry applies to the file at `location`: it has no `file` glob, or the glob matches. */
export function appliesTo(entry: { file?: string }, location: FileLocation): boolean {
  return !entry.file || fileGlobMatches(entry.file, location);
}

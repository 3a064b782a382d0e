/**
 * The `file` glob of a `datasetInspector.ignore` entry, matched with VS Code's glob semantics (as in
 * `files.exclude`) by picomatch: a relative pattern is matched against the file's path relative to its
 * workspace folder (`data/*.csv` is `<folder>/data/*.csv` only; `**\/*.csv` anywhere), an absolute pattern
 * against the absolute path (also used for files outside every folder). `*` and `?` stay within a path
 * segment, `**` spans segments, `{a,b}` and `[0-9]` work, and names starting with a dot match like others.
 * Pure (no `vscode` import) so it is unit-tested.
 */
import { isAbsolute, win32 } from 'node:path';
import picomatch from 'picomatch';

export interface FileLocation {
  /** The file's absolute path. */
  absolute: string;
  /** Its path relative to its workspace folder; undefined outside every folder. */
  relativeToFolder?: string;
}

const windows = process.platform === 'win32';

export function fileGlobMatches(glob: string, file: FileLocation): boolean {
  const absolutePattern = isAbsolute(glob) || win32.isAbsolute(glob);
  const target = absolutePattern || file.relativeToFolder === undefined ? file.absolute : file.relativeToFolder;
  return picomatch.isMatch(windows ? target.replace(/\\/g, '/') : target, glob, { dot: true, windows });
}

/**
 * Where the tests find the shared public corpora (never copied into the repository): the folder named by
 * DATASET_INSPECTOR_CORPUS, else `shared/corpus` beside the repository (as on the team's machines). A test
 * needing an absent corpus is skipped with a reason that says where it looked and how to point it elsewhere;
 * `npm test` lists and counts the skips.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const repository = path.resolve(__dirname, '..', '..');

export const CORPUS_ROOT = process.env.DATASET_INSPECTOR_CORPUS ? path.resolve(process.env.DATASET_INSPECTOR_CORPUS) : path.resolve(repository, '..', 'shared', 'corpus');

/** A corpus folder, and the reason to skip the tests that need it (false when it is there). */
export function corpus(name: string): { dir: string; skip: string | false } {
  const dir = path.join(CORPUS_ROOT, name);
  return { dir, skip: existsSync(dir) ? false : `corpus "${name}" not found at ${dir} (set DATASET_INSPECTOR_CORPUS to the folder holding it)` };
}

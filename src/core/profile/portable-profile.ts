/**
 * The exact profile of one column computed in another thread (a worker of the reader's pool) over the
 * column's shared memory: the profile, and the facts computed for it, which the calling thread adopts as if it
 * had computed them (the rules then read them from its cache).
 */
import type { ColumnInfo } from '../table/model';
import type { ColumnProfile } from './types';
import { ColumnFacts, type ComputedFacts } from './column-facts';
import { exactProfileFromFacts } from './columns';
import { chunkOf, type PortableChunk } from './facts/portable-chunk';

export interface ProfiledColumn {
  /** Null when the facts do not cover the column (the calling thread profiles it then). */
  profile: ColumnProfile | null;
  facts: ComputedFacts;
}

/** Profiles a column given as its portable chunks (in the thread that runs it). */
export function profilePortableColumn(info: ColumnInfo, portable: readonly PortableChunk[]): ProfiledColumn {
  const chunks = portable.map(chunkOf);
  // Not through the cache: these chunks are this call's own, and the facts go back to the caller.
  const facts = new ColumnFacts(chunks);
  const profile = chunks.length > 0 ? exactProfileFromFacts(info, chunks[0].type, facts) : null;
  return { profile, facts: facts.computed() };
}

/** The typed arrays of a profiled column's facts (to hand over those not in shared memory). */
export function factViews(facts: ComputedFacts): (ArrayBufferView | null | undefined)[] {
  const d = facts.utf8Distinct;
  return [facts.nullRows, facts.mask, facts.numbers, facts.scanned?.table, facts.sorted, facts.runs?.values, facts.runs?.counts, d?.ids, d?.counts, d?.firstRows, d?.doubtful];
}

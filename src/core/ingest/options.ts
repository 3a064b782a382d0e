/** What can be said about reading a data file, shared by every reader, the check worker's requests and the CLI. */
import type { TextEncodingName } from '../table/model';

/** The reading choices a user makes (settings, CLI flags): plain data, posted to workers as it is. */
export interface ReadSettings {
  delimiter?: string;
  quote?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  /** Cell texts read as missing besides the empty cell (default DEFAULTS.naTokens). */
  naTokens?: readonly string[];
  /** Files larger than this are refused by the in-memory readers (CSV checks and profiles then go batch by batch). */
  memoryBudgetBytes?: number;
  /** Threads reading a CSV (1: the calling thread only; 0 or unset: every available core). */
  threads?: number;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

/** Delimiters people may name instead of typing them (settings and CLI flags): `\t`, tab, comma, semicolon, pipe, space. */
const NAMED_DELIMITERS: Record<string, string> = { '\\t': '\t', tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' };

/** A delimiter as a person wrote it → the character (a name, or the text itself). */
export function delimiterOf(text: string): string {
  const name = text.toLowerCase();
  return Object.hasOwn(NAMED_DELIMITERS, name) ? NAMED_DELIMITERS[name] : text;
}

/** {@link ReadSettings} plus how one read reports progress and is cancelled. */
export interface IngestOptions extends ReadSettings {
  /** Bytes the CSV dialect is sniffed from (default 64 KiB). */
  sniffBytes?: number;
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
}

/**
 * The work on one chunk of a CSV (a run of whole records), the same in the reading thread and in a
 * worker: scan its records; take the type evidence of its rows in the read's sample; build its columns
 * with the types decided over all chunks. The chunk reader keeps its scan between requests. Rows are
 * numbered within the chunk and lines counted from its start; offsets are into the whole buffer.
 * Messages in and out are plain structured-clone data.
 */
import { scanRecords, type ScanResult } from './scan';
import { CellReader, NaMatcher, addCellEvidence } from './cells';
import { TypeEvidence, type TypeCounts } from './infer';
import { buildChunk, builtBuffers, type BuiltChunkColumn, type ColumnPlan, type Float64Target } from './build';

/** What every chunk of one read shares: the dialect decided on the first bytes. */
export interface ChunkSettings {
  delimiter: number;
  quote: number;
  width: number;
  headerStart: number;
  trailingDelimiter: boolean;
  validUtf8: boolean;
  naTokens: readonly string[];
  /** False when the bytes may end mid-record (a chunk of a streamed file). */
  final: boolean;
  /** Columns are built in shared memory (a parallel read: other threads read them without a copy). */
  shared: boolean;
}

export interface ScanRequest {
  start: number;
  stop: number;
  estimatedRows: number;
}

/** The type evidence of `columns` over the rows whose number in the whole read is a multiple of `step`. */
export interface EvidenceRequest {
  columns: readonly number[];
  /** Number in the whole read of the chunk's first row. */
  rowOffset: number;
  step: number;
  /** Upper bound of the values over all chunks (a column stops collecting evidence once it can only be text). */
  total: number;
  /**
   * Per column: its untyped values counted so far over all chunks, added to as they are counted (in shared
   * memory when the chunks are read in several threads: each chunk stops once they are too many).
   */
  untypedAcross: Int32Array;
}

/** A chunk's scan as the reading thread needs it (rows numbered within the chunk, lines counted from `start`). */
export type ChunkScan = Pick<ScanResult, 'rowCount' | 'rowStarts' | 'rowLines' | 'ragged' | 'blankRanges' | 'strays' | 'unterminatedAt' | 'endings' | 'firstEndingAt' | 'consumed'> & {
  start: number;
  /** Lines from `start` to `consumed`. */
  lines: number;
};

export interface BuildRequest {
  /** Per column: its plan, or null to leave it out. */
  plans: readonly (ColumnPlan | null)[];
  /** Report NA-token cells (once per column: not again when a column is rebuilt). */
  collectNa: boolean;
  /** Per column: the shared buffer its Float64 values go into (a parallel read), or null (absent: every column) for a buffer of the chunk's own. */
  targets?: readonly (Float64Target | null)[];
}

export type ChunkRequest =
  | { type: 'scan'; request: ScanRequest }
  | { type: 'build'; request: BuildRequest }
  | { type: 'evidence'; request: EvidenceRequest };

export type ChunkReply = { type: 'scan'; scan: ChunkScan } | { type: 'build'; columns: (BuiltChunkColumn | null)[] } | { type: 'evidence'; counts: TypeCounts[] };

/** The buffers of a reply (to hand them over to the receiving thread instead of copying them). */
export function replyBuffers(reply: ChunkReply): (ArrayBufferView | null | undefined)[] {
  if (reply.type === 'scan') return [reply.scan.rowStarts, reply.scan.rowLines];
  if (reply.type === 'build') return reply.columns.flatMap((c) => (c ? builtBuffers(c.built) : []));
  return [];
}

export class ChunkReader {
  private scan: ScanResult | undefined;
  private cells: CellReader | undefined;
  private readonly na: NaMatcher;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly settings: ChunkSettings,
  ) {
    this.na = new NaMatcher(new Set(settings.naTokens));
  }

  handle(message: ChunkRequest): ChunkReply {
    switch (message.type) {
      case 'scan':
        return { type: 'scan', scan: this.scanChunk(message.request) };
      case 'build':
        return { type: 'build', columns: this.build(message.request) };
      case 'evidence':
        return { type: 'evidence', counts: this.evidence(message.request) };
    }
  }

  private scanChunk(request: ScanRequest): ChunkScan {
    const { settings } = this;
    const scan = scanRecords(this.bytes, {
      delimiter: settings.delimiter,
      quote: settings.quote,
      width: settings.width,
      headerStart: settings.headerStart,
      trailingDelimiter: settings.trailingDelimiter,
      estimatedRows: request.estimatedRows,
      firstLine: 0,
      final: settings.final,
      start: request.start,
      stop: request.stop,
    });
    this.scan = scan;
    this.cells = new CellReader(this.bytes, scan, settings.width, settings.quote, settings.validUtf8, this.na);
    return {
      start: request.start,
      consumed: scan.consumed,
      lines: scan.linesConsumed,
      rowCount: scan.rowCount,
      // Copies of their exact length: the scan's arrays have spare capacity and stay here for the build.
      rowStarts: scan.rowStarts.slice(),
      rowLines: scan.rowLines.slice(),
      ragged: scan.ragged,
      blankRanges: scan.blankRanges,
      strays: scan.strays,
      unterminatedAt: scan.unterminatedAt,
      endings: scan.endings,
      firstEndingAt: scan.firstEndingAt,
    };
  }

  private scanned(): { scan: ScanResult; cells: CellReader } {
    if (!this.scan || !this.cells) throw new Error('internal: chunk read before it was scanned');
    return { scan: this.scan, cells: this.cells };
  }

  private build(request: BuildRequest): (BuiltChunkColumn | null)[] {
    const { scan, cells } = this.scanned();
    return buildChunk(cells, scan.rowCount, request.plans, request.collectNa, this.settings.shared, request.targets);
  }

  private evidence({ columns, rowOffset, step, total, untypedAcross }: EvidenceRequest): TypeCounts[] {
    const { scan, cells } = this.scanned();
    let rows: Int32Array | undefined;
    if (step > 1) {
      const first = (step - (rowOffset % step)) % step;
      rows = new Int32Array(Math.max(0, Math.ceil((scan.rowCount - first) / step)));
      for (let i = 0; i < rows.length; i++) rows[i] = first + i * step;
    }
    const evidence = columns.map(() => new TypeEvidence());
    addCellEvidence(cells, columns, scan.rowCount, rows, evidence, total, untypedAcross);
    return evidence.map((e) => e.counts);
  }
}

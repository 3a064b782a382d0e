/**
 * Asks the host for row blocks with at most `maxInFlight` requests outstanding. Blocks wanted beyond that
 * wait in a queue that each new `want` replaces, so a scroll-bar drag through a million rows asks for the
 * places it stops at, not for every place it passes. Every request is answered by the host (its rows, or
 * `windowFailed`), which frees its slot; answers to requests made before a `reset` (a new view, the file
 * read again) are dropped. Pure (no DOM): unit-tested.
 */
import type { BlockRequest } from './window-cache';

export class BlockFetcher {
  private nextId = 1;
  /** Requests sent since the last reset and not answered yet, by request id. */
  private readonly inFlight = new Map<number, BlockRequest>();
  /** Wanted, not sent yet, most wanted first. */
  private queue: BlockRequest[] = [];

  constructor(
    private readonly send: (requestId: number, block: BlockRequest) => void,
    readonly maxInFlight = 4,
  ) {}

  /** Requests sent and not answered yet (since the last reset). */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Takes the blocks still waiting out of the queue (the caller decides whether they are still wanted). */
  takeQueued(): BlockRequest[] {
    const queued = this.queue;
    this.queue = [];
    return queued;
  }

  /** Asks for `blocks`, most wanted first: as many as free slots allow now, the rest as answers come. */
  want(blocks: readonly BlockRequest[]): void {
    this.queue.push(...blocks);
    this.pump();
  }

  /**
   * The host answered request `requestId` (rows or a failure): its slot is free. Returns the block it asked
   * for, or undefined for an answer to a request from before the last reset (or one never made).
   */
  settle(requestId: number): BlockRequest | undefined {
    const block = this.inFlight.get(requestId);
    if (block === undefined) return undefined;
    this.inFlight.delete(requestId);
    this.pump();
    return block;
  }

  /** Everything asked for so far is stale: the queue is emptied and answers to earlier requests will be dropped. */
  reset(): void {
    this.inFlight.clear();
    this.queue = [];
  }

  private pump(): void {
    while (this.inFlight.size < this.maxInFlight) {
      const block = this.queue.shift();
      if (block === undefined) return;
      const requestId = this.nextId++;
      this.inFlight.set(requestId, block);
      this.send(requestId, block);
    }
  }
}

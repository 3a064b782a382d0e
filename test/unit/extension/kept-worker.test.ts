/**
 * The check worker kept between checks (src/extension/kept-worker.ts): a second check gets the first one's
 * worker; a cancelled or failed check's worker is stopped and never reused; an idle worker is stopped after
 * the idle time, or forgotten when it stops on its own; at most one waits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { KeptWorker, type KeptWorkerTimers } from '../../../src/extension/kept-worker';

class FakeWorker extends EventEmitter {
  terminated = false;
  constructor(readonly id: number) {
    super();
  }
  terminate(): Promise<number> {
    this.terminated = true;
    this.emit('exit', 1);
    return Promise.resolve(1);
  }
  /** Stops on its own (a crash). */
  crash(): void {
    this.emit('exit', 7);
  }
}

/** Timers run by hand: `elapse` runs those due. */
function manualTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  const timers: KeptWorkerTimers = {
    setTimeout: (run, ms) => {
      pending.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const elapse = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...pending]) {
      if (timer.at > now) continue;
      pending.delete(id);
      timer.run();
    }
  };
  return { timers, elapse, pending: () => pending.size };
}

function keeper(idleMs = 1000) {
  const spawned: FakeWorker[] = [];
  const clock = manualTimers();
  const kept = new KeptWorker(() => {
    const w = new FakeWorker(spawned.length);
    spawned.push(w);
    return w;
  }, idleMs, clock.timers);
  return { kept, spawned, clock };
}

test('a second check gets the worker of the first, while it is idle', () => {
  const { kept, spawned } = keeper();
  const first = kept.acquire();
  kept.release(first);
  assert.equal(kept.hasIdle, true);
  assert.equal(kept.acquire(), first, 'the same (warm) worker');
  assert.equal(spawned.length, 1);
  assert.equal(first.terminated, false);
  assert.equal(kept.hasIdle, false, 'a worker in use is not idle');
});

test('an idle worker is stopped after the idle time; the next check starts a new one', () => {
  const { kept, spawned, clock } = keeper(1000);
  const first = kept.acquire();
  kept.release(first);
  clock.elapse(999);
  assert.equal(first.terminated, false);
  clock.elapse(1);
  assert.equal(first.terminated, true);
  assert.equal(kept.hasIdle, false);
  const second = kept.acquire();
  assert.notEqual(second, first);
  assert.equal(spawned.length, 2);
});

test('a worker taken again is not stopped by the idle timer of its earlier wait', () => {
  const { kept, clock } = keeper(1000);
  const w = kept.acquire();
  kept.release(w);
  clock.elapse(600);
  assert.equal(kept.acquire(), w);
  clock.elapse(600);
  assert.equal(w.terminated, false, 'busy with the second check');
  assert.equal(clock.pending(), 0);
});

test('a cancelled or failed check has its worker stopped, never reused', () => {
  const { kept, spawned } = keeper();
  const first = kept.acquire();
  kept.discard(first);
  assert.equal(first.terminated, true);
  assert.equal(kept.hasIdle, false);
  assert.notEqual(kept.acquire(), first);
  assert.equal(spawned.length, 2);
});

test('an idle worker that stops on its own (a crash) is forgotten: the next check starts a new one', () => {
  const { kept, spawned, clock } = keeper();
  const first = kept.acquire();
  kept.release(first);
  first.crash();
  assert.equal(kept.hasIdle, false);
  assert.equal(clock.pending(), 0, 'its idle timer is cleared');
  const second = kept.acquire();
  assert.notEqual(second, first);
  assert.equal(spawned.length, 2);
});

test('at most one worker waits: two checks at once end with one kept, the other stopped', () => {
  const { kept } = keeper();
  const a = kept.acquire();
  const b = kept.acquire();
  assert.notEqual(a, b, 'concurrent checks each have a worker');
  kept.release(a);
  kept.release(b);
  assert.equal(b.terminated, true);
  assert.equal(a.terminated, false);
  assert.equal(kept.acquire(), a);
});

test('dispose stops the idle worker, and workers released afterwards', () => {
  const { kept } = keeper();
  const a = kept.acquire();
  const b = kept.acquire();
  kept.release(a);
  kept.dispose();
  assert.equal(a.terminated, true);
  kept.release(b);
  assert.equal(b.terminated, true);
  assert.equal(kept.hasIdle, false);
});

/** In-host test: checking a large file never stalls the extension host's event loop (the work runs in a worker). */
import * as assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { writeScratchFile } from './helpers';

function largeCsv(rows: number): string {
  const lines = ['id,amount,category,when,flag,note'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${i},${((i * 7919) % 100000) / 10},${['a', 'b', 'c', 'd'][i % 4]},2024-0${(i % 9) + 1}-1${i % 10},${i % 3 === 0},"note ${i}, with comma"`);
  }
  return lines.join('\n') + '\n';
}

describe('Responsiveness', function () {
  this.timeout(120_000);

  it('keeps the extension host event loop free while a large file is checked', async () => {
    const uri = writeScratchFile('large.csv', largeCsv(400_000));
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    const started = performance.now();
    histogram.enable();
    const result = await vscode.commands.executeCommand<{ rows: number }>('datasetInspector.checkDataQuality', uri);
    histogram.disable();
    const checkMs = performance.now() - started;
    assert.equal(result?.rows, 400_000);
    // The peer: the same host idle for as long (at most 5 s), on the same machine under the same load.
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await new Promise((r) => setTimeout(r, Math.min(checkMs, 5_000)));
    idle.disable();
    const ms = (h: typeof histogram, p: number) => h.percentile(p) / 1e6;
    const p99Ms = ms(histogram, 99);
    const idleP99Ms = ms(idle, 99);
    const maxMs = histogram.max / 1e6;
    console.log(`    event-loop delay during the check (${checkMs.toFixed(0)} ms): p99 ${p99Ms.toFixed(1)} ms, max ${maxMs.toFixed(1)} ms; idle p99 ${idleP99Ms.toFixed(1)} ms`);
    // The monitor's own resolution is 10 ms. Parsing 400k rows on the host thread would stall it for about a
    // second; the findings arriving from the worker may take a few tens of ms. Beyond what the idle host
    // shows on this machine, a stall over 50 ms at p99 or 250 ms at most means work ran on the host thread.
    assert.ok(p99Ms < idleP99Ms + 50, `p99 event-loop delay ${p99Ms.toFixed(1)} ms (idle: ${idleP99Ms.toFixed(1)} ms)`);
    assert.ok(maxMs < idle.max / 1e6 + 250, `max event-loop delay ${maxMs.toFixed(1)} ms (idle: ${(idle.max / 1e6).toFixed(1)} ms)`);
  });
});

/** The table webview's block requests: a bounded number in flight, stale places dropped, failures and reloads. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { BlockFetcher } from '../../../webview-ui/table/block-fetcher';
import { WindowCache, type BlockRequest } from '../../../webview-ui/table/window-cache';

const ROWS = 1_000_000;
const COLUMNS = 12;
const SCREEN_ROWS = 40;

interface Sent {
  requestId: number;
  block: BlockRequest;
}

/** What the grid does on each drawn frame: blocks still queued are asked for again only if the new place needs them. */
function showRowsAt(y0: number, fetcher: BlockFetcher, cache: WindowCache): void {
  for (const block of fetcher.takeQueued()) cache.forget(block.key);
  fetcher.want(cache.missing(y0, y0 + SCREEN_ROWS, 0, COLUMNS, ROWS, COLUMNS));
}

function setup(): { fetcher: BlockFetcher; cache: WindowCache; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetcher = new BlockFetcher((requestId, block) => sent.push({ requestId, block }));
  return { fetcher, cache: new WindowCache(), sent };
}

test('a 600-frame scroll-bar drag over 1M rows with a slow host sends 4 requests, then the rows where it stopped', () => {
  const { fetcher, cache, sent } = setup();
  const frames = 600;
  for (let i = 0; i <= frames; i++) showRowsAt(Math.floor(((ROWS - SCREEN_ROWS) * i) / frames), fetcher, cache);
  assert.equal(sent.length, 4);
  // The first answers free their slots: the blocks of the last place are asked for, not those passed on the way.
  for (const { requestId } of sent.slice(0, 4)) fetcher.settle(requestId);
  const after = sent.slice(4).map((s) => s.block.start);
  assert.ok(after.length > 0);
  assert.ok(after.every((start) => start + 128 > ROWS - SCREEN_ROWS), `asked for rows at ${after.join(', ')}`);
});

test('with a host answering one request every other frame, the rows where a drag stopped come within 5 answers of its end', () => {
  const { fetcher, cache, sent } = setup();
  const frames = 600;
  let answered = 0;
  let maxInFlight = 0;
  const answerOne = () => {
    const { requestId, block } = sent[answered++];
    if (fetcher.settle(requestId)) cache.put(block.key, { start: block.start, firstColumn: block.c0, rowNumbers: [], cells: [], marks: [] });
  };
  for (let i = 0; i <= frames; i++) {
    showRowsAt(Math.floor(((ROWS - SCREEN_ROWS) * i) / frames), fetcher, cache);
    maxInFlight = Math.max(maxInFlight, fetcher.inFlightCount);
    if (i % 2 === 1 && answered < sent.length) answerOne();
  }
  assert.ok(maxInFlight <= 4, `${maxInFlight} requests in flight`);
  // After the drag the host works through what it was asked, in order (a serial worker), and the grid asks again on each answer.
  const lastRow = ROWS - SCREEN_ROWS;
  let answersAfterDrag = 0;
  while (!cache.holds(lastRow, lastRow + SCREEN_ROWS, 0, COLUMNS) && answered < sent.length) {
    answerOne();
    answersAfterDrag++;
    showRowsAt(lastRow, fetcher, cache);
  }
  assert.ok(cache.holds(lastRow, lastRow + SCREEN_ROWS, 0, COLUMNS));
  assert.ok(answersAfterDrag <= 5, `${answersAfterDrag} answers after the drag before its last place's rows`);
  assert.ok(sent.length <= frames / 2 + 5, `${sent.length} requests`);
});

test('a failed request frees its slot; the block may be asked for again', () => {
  const { fetcher, cache, sent } = setup();
  fetcher.want([0, 1, 2, 3, 4].map((rb) => ({ key: `${rb}:0`, start: rb * 128, count: 128, c0: 0, c1: COLUMNS })));
  assert.equal(sent.length, 4);
  const failed = fetcher.settle(sent[0].requestId);
  assert.equal(failed?.key, '0:0');
  assert.equal(sent.length, 5);
  assert.equal(sent[4].block.key, '4:0');
  // The same answer twice does not free a second slot.
  assert.equal(fetcher.settle(sent[0].requestId), undefined);
  assert.equal(fetcher.inFlightCount, 4);
  cache.forget('0:0');
});

test('answers to requests from before a reset are dropped and do not hold slots', () => {
  const { fetcher, sent } = setup();
  const blocks = (from: number) => [0, 1, 2, 3, 4].map((i) => ({ key: `${from + i}:0`, start: (from + i) * 128, count: 128, c0: 0, c1: COLUMNS }));
  fetcher.want(blocks(0));
  const before = sent.map((s) => s.requestId);
  fetcher.reset();
  fetcher.want(blocks(100));
  assert.deepEqual(
    sent.slice(4).map((s) => s.block.key),
    ['100:0', '101:0', '102:0', '103:0'],
  );
  for (const requestId of before) assert.equal(fetcher.settle(requestId), undefined);
  assert.equal(fetcher.inFlightCount, 4);
  assert.equal(fetcher.settle(sent[4].requestId)?.key, '100:0');
  assert.equal(sent[sent.length - 1].block.key, '104:0');
});

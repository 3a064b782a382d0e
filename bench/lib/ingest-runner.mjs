// One measurement in a fresh process: `node ingest-runner.mjs <parser> <file> [engineBundle] [peersDir]`.
// Prints one JSON line {parser, ms, cpuMs, mainCpuMs, rows, columns, maxRssMB} (wall and CPU time of the
// read, module loading included; mainCpuMs: the main thread's part, on Linux). Each parser turns the file
// (CSV, or JSON Lines for the *-jsonl and json-parse ones) into typed columns (numbers as numbers), the way
// each is normally used for that. `dataset-inspector:N` reads with N threads (`:N:warm`: the second read
// in the process is measured); `dataset-inspector@REF` is the engine bundle of another revision (one thread).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import path from 'node:path';
import { Bool, Float64, Table, Utf8, makeData, makeVector } from 'apache-arrow';

const [parser, file, engineBundle, peersDir] = process.argv.slice(2);
const peer = createRequire(path.join(peersDir ?? '.', 'package.json'));

/**
 * The design this project did not take: JSON.parse per line into objects, values collected per key, then
 * typed Arrow columns (numbers → Float64, booleans → Bool, anything else → Utf8 via TextEncoder.encodeInto).
 * No positions, and no inference of strings (dates, numbers in strings): a lower bound of its cost.
 */
function jsonParseColumns(bytes) {
  const text = bytes.toString('utf8');
  const cols = new Map();
  let row = 0;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const obj = JSON.parse(text.slice(pos, nl));
    for (const k in obj) {
      let col = cols.get(k);
      if (!col) cols.set(k, (col = []));
      col[row] = obj[k];
    }
    row++;
    pos = nl + 1;
  }
  const vectors = {};
  const encoder = new TextEncoder();
  for (const [name, values] of cols) {
    values.length = row;
    const first = values.find((v) => v !== null && v !== undefined);
    const valid = new Uint8Array((row + 7) >> 3);
    let nullCount = 0;
    if (typeof first === 'number') {
      const data = new Float64Array(row);
      for (let i = 0; i < row; i++) {
        const v = values[i];
        if (typeof v === 'number') {
          data[i] = v;
          valid[i >> 3] |= 1 << (i & 7);
        } else nullCount++;
      }
      vectors[name] = makeVector(makeData({ type: new Float64(), length: row, nullCount, nullBitmap: valid, data }));
    } else if (typeof first === 'boolean') {
      const data = new Uint8Array((row + 7) >> 3);
      for (let i = 0; i < row; i++) {
        const v = values[i];
        if (typeof v === 'boolean') {
          if (v) data[i >> 3] |= 1 << (i & 7);
          valid[i >> 3] |= 1 << (i & 7);
        } else nullCount++;
      }
      vectors[name] = makeVector(makeData({ type: new Bool(), length: row, nullCount, nullBitmap: valid, data }));
    } else {
      let buf = new Uint8Array(1 << 20);
      let used = 0;
      const offsets = new Int32Array(row + 1);
      for (let i = 0; i < row; i++) {
        const v = values[i];
        if (v !== null && v !== undefined) {
          const s = typeof v === 'string' ? v : JSON.stringify(v);
          if (used + s.length * 3 > buf.length) {
            const grown = new Uint8Array(Math.max(buf.length * 2, used + s.length * 3));
            grown.set(buf.subarray(0, used));
            buf = grown;
          }
          used += encoder.encodeInto(s, buf.subarray(used)).written;
          valid[i >> 3] |= 1 << (i & 7);
        } else nullCount++;
        offsets[i + 1] = used;
      }
      vectors[name] = makeVector(makeData({ type: new Utf8(), length: row, nullCount, nullBitmap: valid, valueOffsets: offsets, data: buf.subarray(0, used) }));
    }
  }
  return new Table(vectors);
}

/** A DuckDB table (one thread) made from a table function such as read_csv(…): its rows and columns. */
async function duckdbTable(source) {
  const { DuckDBInstance } = peer('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE t AS SELECT * FROM ${source}`);
  const rows = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM t')).getRows()[0][0]);
  const columns = (await connection.runAndReadAll('DESCRIBE t')).getRows().length;
  return { rows, columns };
}

/** CPU time of this process's main thread in ms (Linux: /proc, in clock ticks of 10 ms), or NaN. */
function mainThreadCpuMs() {
  const file = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(file)) return NaN;
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function run() {
  let start = performance.now();
  let mainCpuStart = mainThreadCpuMs();
  let cpuStart = process.cpuUsage();
  let rows = 0;
  let columns = 0;
  const [name, threads, warm] = parser.split(':');
  switch (name.startsWith('dataset-inspector@') ? 'dataset-inspector' : name) {
    case 'dataset-inspector': {
      const { ingestFile } = peer(path.resolve(engineBundle));
      if (warm === 'warm') {
        // Only the second read is measured: its threads are started and their code compiled, as in the
        // editor's check worker, which keeps its reader threads between checks.
        await ingestFile(file, { threads: Number(threads) });
        [start, mainCpuStart, cpuStart] = [performance.now(), mainThreadCpuMs(), process.cpuUsage()];
      }
      const result = await ingestFile(file, { threads: Number(threads ?? 1) });
      rows = result.table.numRows;
      columns = result.table.numCols;
      // Positions are kept: resolving one cell's range must work without re-reading.
      result.source.cellRange(rows - 1, columns - 1);
      break;
    }
    case 'udsv': {
      const { inferSchema, initParser } = peer('udsv');
      const text = readFileSync(file, 'utf8');
      const p = initParser(inferSchema(text));
      const cols = p.typedCols(text);
      columns = cols.length;
      rows = cols[0].length;
      break;
    }
    case 'papaparse': {
      const Papa = peer('papaparse');
      const out = Papa.parse(readFileSync(file, 'utf8'), { header: true, dynamicTyping: true, skipEmptyLines: true });
      rows = out.data.length;
      columns = out.meta.fields.length;
      break;
    }
    case 'csv-parse': {
      const { parse } = peer('csv-parse/sync');
      const out = parse(readFileSync(file, 'utf8'), { columns: true, cast: true, skip_empty_lines: true });
      rows = out.length;
      columns = Object.keys(out[0]).length;
      break;
    }
    case 'd3-dsv': {
      const { csvParse, autoType } = peer('d3-dsv');
      const out = csvParse(readFileSync(file, 'utf8'), autoType);
      rows = out.length;
      columns = out.columns.length;
      break;
    }
    case 'polars': {
      const pl = peer('nodejs-polars');
      const df = pl.readCSV(file);
      rows = df.height;
      columns = df.width;
      break;
    }
    case 'duckdb':
      ({ rows, columns } = await duckdbTable(`read_csv('${file.replace(/'/g, "''")}')`));
      break;
    case 'json-parse': {
      const table = jsonParseColumns(readFileSync(file));
      rows = table.numRows;
      columns = table.numCols;
      break;
    }
    case 'gunzip': {
      let bytes = 0;
      await pipeline(createReadStream(file), createGunzip(), new Writable({ write(chunk, _e, done) { bytes += chunk.length; done(); } }));
      rows = bytes;
      break;
    }
    case 'polars-jsonl': {
      const pl = peer('nodejs-polars');
      // readJSON(path) fails in nodejs-polars 0.x ("method is not a function"); the lazy reader works.
      const df = pl.scanJson(file).collectSync();
      rows = df.height;
      columns = df.width;
      break;
    }
    case 'duckdb-jsonl':
      ({ rows, columns } = await duckdbTable(`read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited')`));
      break;
    default:
      throw new Error(`unknown parser ${parser}`);
  }
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ parser, ms, cpuMs: (user + system) / 1000, mainCpuMs: mainThreadCpuMs() - mainCpuStart, rows, columns, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

run().catch((error) => {
  console.log(JSON.stringify({ parser, error: String(error?.message ?? error) }));
  process.exit(1);
});

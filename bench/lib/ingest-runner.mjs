// One measurement in a fresh process: `node ingest-runner.mjs <parser> <file> [engineBundle] [peersDir]`.
// Prints one JSON line {parser, ms, rows, columns, maxRssMB}. Each parser turns the file into typed columns
// (numbers as numbers), the way each is normally used for that. `dataset-inspector:N` reads with N threads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [parser, file, engineBundle, peersDir] = process.argv.slice(2);
const peer = createRequire(path.join(peersDir ?? '.', 'package.json'));

async function run() {
  const start = performance.now();
  let rows = 0;
  let columns = 0;
  const [name, threads] = parser.split(':');
  switch (name) {
    case 'dataset-inspector': {
      const { ingestFile } = peer(path.resolve(engineBundle));
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
    case 'duckdb': {
      const { DuckDBInstance } = peer('@duckdb/node-api');
      const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
      const connection = await instance.connect();
      await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
      const reader = await connection.runAndReadAll('SELECT count(*) AS n FROM t');
      rows = Number(reader.getRows()[0][0]);
      const described = await connection.runAndReadAll('DESCRIBE t');
      columns = described.getRows().length;
      break;
    }
    default:
      throw new Error(`unknown parser ${parser}`);
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ parser, ms, rows, columns, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

run().catch((error) => {
  console.log(JSON.stringify({ parser, error: String(error?.message ?? error) }));
  process.exit(1);
});

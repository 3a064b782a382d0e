// A peer's whole conversion in a fresh process: `node convert-runner.mjs <peer> <in.csv> <out> <threads> <peersDir>`.
// polars: readCSV → writeIPC (Arrow IPC file), threads through POLARS_MAX_THREADS (set by the caller).
// duckdb: read_csv → COPY … (FORMAT parquet, COMPRESSION uncompressed): the DuckDB Node API has no Arrow IPC
// export and its arrow extension cannot be installed offline, so its columnar file is Parquet.
import { createRequire } from 'node:module';
import path from 'node:path';

const [peerName, input, output, threads, peersDir] = process.argv.slice(2);
const peer = createRequire(path.join(peersDir, 'package.json'));
const quoted = (p) => `'${p.replace(/'/g, "''")}'`;

if (peerName === 'polars') {
  const pl = peer('nodejs-polars');
  pl.readCSV(input).writeIPC(output);
} else if (peerName === 'duckdb') {
  const { DuckDBInstance } = peer('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads });
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT * FROM read_csv(${quoted(input)})) TO ${quoted(output)} (FORMAT parquet, COMPRESSION uncompressed)`);
} else throw new Error(`unknown peer ${peerName}`);

// One measurement in a fresh process: `node quality-runner.mjs <ingest|check> <file> <bundle>`, where the bundle
// exports ingestFile, profileTable and runQualityCheck. Prints one JSON line {mode, ms, rows, findings, maxRssMB}.
import { createRequire } from 'node:module';
import path from 'node:path';

const [mode, file, bundle] = process.argv.slice(2);
const { ingestFile, profileTable, runQualityCheck } = createRequire(import.meta.url)(path.resolve(bundle));
const start = performance.now();
const data = await ingestFile(file);
let findings = 0;
if (mode === 'check') findings = runQualityCheck(data, {}, profileTable(data)).findings.length;
const ms = performance.now() - start;
console.log(JSON.stringify({ mode, ms, rows: data.table.numRows, findings, maxRssMB: process.resourceUsage().maxRSS / 1024 }));

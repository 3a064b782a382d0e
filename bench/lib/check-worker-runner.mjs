// One measurement in a fresh process: `node check-worker-runner.mjs <kept|fresh> <file> <check-worker.js>` checks the file
// twice through the extension's check worker (dist/jobs/check-worker.js), as the editor does: `kept` sends the second
// check to the first one's worker (the extension keeps it between checks), `fresh` starts a new worker for it (as
// before). Prints one JSON line {mode, checks: [{ms, cpuMs, findings, timingsMs}]} (wall and CPU of the process, its
// threads included, from posting the request to the result).
import { Worker } from 'node:worker_threads';

const [mode, file, script] = process.argv.slice(2);
const request = { type: 'check', path: file, read: {}, quality: {} };
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function check(worker) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const c = cpuMs();
    const onMessage = (message) => {
      if (message.type === 'progress') return;
      worker.off('message', onMessage);
      if (message.type === 'error') reject(new Error(message.message));
      else resolve({ ms: performance.now() - t, cpuMs: cpuMs() - c, findings: message.result.findings.length, timingsMs: message.result.timingsMs });
    };
    worker.on('message', onMessage);
    worker.postMessage(request);
  });
}

const checks = [];
let worker = new Worker(script);
checks.push(await check(worker));
if (mode === 'fresh') {
  await worker.terminate();
  worker = new Worker(script);
} else await new Promise((resolve) => setTimeout(resolve, 200)); // the worker collects the first check's garbage while idle
checks.push(await check(worker));
await worker.terminate();
console.log(JSON.stringify({ mode, checks }));

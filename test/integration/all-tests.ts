/** Every in-host test module, imported explicitly (the bundle cannot glob at run time). Add new files here. */
import './activation.test';
import './check.test';
import './arrow-navigation.test';
import './jsonl-gzip.test';
import './training.test';
import './report.test';
import './code-actions.test';
import './result-memory.test';
import './responsiveness.test';
import './lifecycle.test';

import { createRequire } from 'node:module';
export { j as TrivyReportError, k as holdsEverything, l as isVerbatim, m as parseTrivyReport, n as readTrivyReport } from './chunk-CxTsKb1n.js';
import './chunk-BfsmuvnE.js';
import './chunk-4KaJgODh.js';
import 'node:child_process';
import 'node:fs/promises';
import 'node:os';
import 'node:path';
import 'node:crypto';
import 'node:stream';
import 'node:fs';
import 'node:buffer';
import 'node:timers/promises';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

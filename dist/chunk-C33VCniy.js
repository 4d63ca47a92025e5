import { createRequire } from 'node:module';
import { r as registryClient } from './chunk-BbWCcYan.js';
import './chunk-DQMBC7vP.js';
import './chunk-CI4MBn3S.js';
import './chunk-qTRrc5Kw.js';
import './chunk-B1Duhbwu.js';
import './chunk-BPn_haLw.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
import './chunk-ChA76sWw.js';
import './chunk-BdTuQfL7.js';
import 'node:os';
import 'node:path';
import 'node:crypto';
import 'node:stream';
import 'node:fs';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { registryClient };

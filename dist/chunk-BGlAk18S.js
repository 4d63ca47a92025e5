import { createRequire } from 'node:module';
import { r as registryClient } from './chunk-DW_RLQSI.js';
import './chunk-CNomX6Vp.js';
import './chunk-CFp1jono.js';
import './chunk-BjfgtcYX.js';
import './chunk-DPoUJtSh.js';
import './chunk-BPn_haLw.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
import './chunk-BAQxG8PF.js';
import './chunk-CBoHpM6r.js';
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

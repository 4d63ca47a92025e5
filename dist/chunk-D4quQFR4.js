import { createRequire } from 'node:module';
import { r as registryClient } from './chunk-BOLEl78f.js';
import './chunk-BTlPxBMR.js';
import './chunk-DkfqzQRM.js';
import './chunk-B5zv3G00.js';
import './chunk-C7lIWORE.js';
import './chunk-BPn_haLw.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
import './chunk-nBZYIXZt.js';
import './chunk-CeQogn0n.js';
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

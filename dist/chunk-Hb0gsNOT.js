import { createRequire } from 'node:module';
import { r as registryClient } from './chunk-DQpm8Zwe.js';
import './chunk-TnBOBXdn.js';
import './chunk-CAy494qr.js';
import './chunk-CA160HvW.js';
import './chunk-DKi6Xwpy.js';
import './chunk-BPn_haLw.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
import './chunk-CQtg_le0.js';
import './chunk-BLCg3m8O.js';
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

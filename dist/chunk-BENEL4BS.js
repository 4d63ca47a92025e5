import { createRequire } from 'node:module';
import { r as registryClient } from './chunk-D0zOQltS.js';
import './chunk-35L0akO4.js';
import './chunk-_RlEIHG8.js';
import './chunk-Fm-g6Ud2.js';
import './chunk-BMAPFu2U.js';
import './chunk-BPn_haLw.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
import './chunk-FV8DOmwr.js';
import './chunk-BcFyXl4O.js';
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

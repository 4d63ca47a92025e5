import { createRequire } from 'node:module';
import { r as registryClient } from './chunk-CWwIskcx.js';
import './chunk-HHapE--a.js';
import './chunk-C15yZPhl.js';
import './chunk-BJZ2XN9d.js';
import './chunk-BVWN7TtZ.js';
import './chunk-BPn_haLw.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
import './chunk-BbcanKWs.js';
import './chunk-EeO-B8gy.js';
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

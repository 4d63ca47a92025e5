import { createRequire } from 'node:module';
import { r as registryClient } from './chunk-DaO7WPoD.js';
import './chunk-CvRibndD.js';
import './chunk-DI5izs3c.js';
import './chunk-CqyUuTm3.js';
import './chunk-BPj-ZqeH.js';
import './chunk-BPn_haLw.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
import './chunk-bWY20X0p.js';
import './chunk-DhvGZFog.js';
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

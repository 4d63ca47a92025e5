import { createRequire } from 'node:module';
import { r as registryClient } from './chunk-BJQ6t28_.js';
import './chunk-UtCVjRA-.js';
import './chunk-DwzVDrkx.js';
import './chunk-CPcZcj8d.js';
import './chunk-BP8QuKOc.js';
import './chunk-BPn_haLw.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
import './chunk-_Dh_sDa0.js';
import './chunk-BBBkzyVG.js';
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

import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-p1DbVPjC.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-p1DbVPjC.js';
import './chunk-CPVhvj0S.js';
import './chunk-CxTsKb1n.js';
import './chunk-DeOTirqK.js';
import './chunk-WRQA7XgD.js';
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

export { createOctokitCommenter, createShipgateOctokit };

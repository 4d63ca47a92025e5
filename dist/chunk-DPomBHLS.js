import { createRequire } from 'node:module';
export { P as PUBLIC_GOOD, R as REKOR_VERSIONS, S as SBOM_FORMATS, u as SIGNATURE_FORMATS, v as SigningInputError, w as isPublicGoodFulcio, x as isPublicGoodRekor, y as privacyRefusal, z as readSigningSettings } from './chunk-CxTsKb1n.js';
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

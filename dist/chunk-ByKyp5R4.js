import { createRequire } from 'node:module';
import { T as TrivyDbError, c as createActionsCacheAdapter, p as parseDbRepositories, b as prepareTrivyDb, r as readDbMetadata } from './chunk-CxTsKb1n.js';
export { C as CACHE_DB_INPUT, d as DB_CACHE_KEY_PREFIX, e as DB_REPOSITORY_INPUT, g as DEFAULT_DB_REPOSITORIES, h as DEFAULT_JAVA_DB_REPOSITORIES, J as JAVA_DB_CACHE_KEY_PREFIX, i as dbCacheKey } from './chunk-CxTsKb1n.js';
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

export { TrivyDbError, createActionsCacheAdapter, parseDbRepositories, prepareTrivyDb, readDbMetadata };

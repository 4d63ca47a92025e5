import { createRequire } from 'node:module';
import { T as TrivyDbError, c as createActionsCacheAdapter, p as parseDbRepositories, a as prepareTrivyDb, r as readDbMetadata } from './chunk-DnK-Igsz.js';
export { C as CACHE_DB_INPUT, D as DB_CACHE_KEY_PREFIX, b as DB_REPOSITORY_INPUT, d as DEFAULT_DB_REPOSITORIES, e as DEFAULT_JAVA_DB_REPOSITORIES, J as JAVA_DB_CACHE_KEY_PREFIX, f as dbCacheKey } from './chunk-DnK-Igsz.js';
import './chunk-BAQxG8PF.js';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);

export { TrivyDbError, createActionsCacheAdapter, parseDbRepositories, prepareTrivyDb, readDbMetadata };

import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  CACHE_DB_INPUT,
  DB_CACHE_KEY_PREFIX,
  DB_REPOSITORY_INPUT,
  DEFAULT_DB_REPOSITORIES,
  DEFAULT_JAVA_DB_REPOSITORIES,
  JAVA_DB_CACHE_KEY_PREFIX,
  TrivyDbError,
  createActionsCacheAdapter,
  dbCacheKey,
  parseDbRepositories,
  prepareTrivyDb,
  readDbMetadata
} from "./chunk-IG7NQCZX.js";
import "./chunk-POUKRGL4.js";
import "./chunk-YWDDBBXO.js";
import "./chunk-SALW6YM5.js";
import "./chunk-RCMRYTCI.js";
export {
  CACHE_DB_INPUT,
  DB_CACHE_KEY_PREFIX,
  DB_REPOSITORY_INPUT,
  DEFAULT_DB_REPOSITORIES,
  DEFAULT_JAVA_DB_REPOSITORIES,
  JAVA_DB_CACHE_KEY_PREFIX,
  TrivyDbError,
  createActionsCacheAdapter,
  dbCacheKey,
  parseDbRepositories,
  prepareTrivyDb,
  readDbMetadata
};

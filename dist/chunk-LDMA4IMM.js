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
} from "./chunk-KTAMEFIW.js";
import "./chunk-NCQ57ZEO.js";
import "./chunk-DJPEWNDP.js";
import "./chunk-DQFIQEMO.js";
import "./chunk-HT3NVUZL.js";
import "./chunk-26MSMV7L.js";
import "./chunk-NHCIBC2M.js";
import "./chunk-G33XFFVP.js";
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

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
} from "./chunk-5YI572VV.js";
import "./chunk-NCQ57ZEO.js";
import "./chunk-DJPEWNDP.js";
import "./chunk-3U2WDWWS.js";
import "./chunk-P5RDSYZP.js";
import "./chunk-EQCGO5VS.js";
import "./chunk-QCBVGPW7.js";
import "./chunk-MLVHVQ2T.js";
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

import { createRequire } from 'node:module';
export { d as describeVexSource, c as parseIdentityRegexp, e as parseRequiredAuthors, f as parseVexSetting, g as parseVexSources } from './chunk-_Dh_sDa0.js';

createRequire(import.meta.url);

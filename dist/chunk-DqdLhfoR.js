import { createRequire } from 'node:module';
export { d as describeVexSource, c as parseIdentityRegexp, e as parseRequiredAuthors, f as parseVexSetting, g as parseVexSources } from './chunk-BAQxG8PF.js';

createRequire(import.meta.url);

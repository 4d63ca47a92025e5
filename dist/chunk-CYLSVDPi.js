import { createRequire } from 'node:module';
export { d as describeVexSource, c as parseIdentityRegexp, e as parseRequiredAuthors, f as parseVexSetting, g as parseVexSources } from './chunk-FV8DOmwr.js';

createRequire(import.meta.url);

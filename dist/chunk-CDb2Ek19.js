import { createRequire } from 'node:module';
export { d as describeVexSource, c as parseIdentityRegexp, e as parseRequiredAuthors, f as parseVexSetting, g as parseVexSources } from './chunk-bWY20X0p.js';

createRequire(import.meta.url);

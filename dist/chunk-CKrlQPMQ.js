import { createRequire } from 'node:module';
export { P as PUBLIC_GOOD, R as REKOR_VERSIONS, S as SBOM_FORMATS, a as SIGNATURE_FORMATS, b as SigningInputError, i as isPublicGoodFulcio, c as isPublicGoodRekor, p as privacyRefusal, r as readSigningSettings } from './chunk-BbmjugtC.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);

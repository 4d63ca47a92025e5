import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  PUBLIC_GOOD,
  REKOR_VERSIONS,
  SBOM_FORMATS,
  SIGNATURE_FORMATS,
  SigningInputError,
  isPublicGoodFulcio,
  isPublicGoodRekor,
  privacyRefusal,
  readSigningSettings
} from "./chunk-DMYOIIW2.js";
import "./chunk-RCMRYTCI.js";
export {
  PUBLIC_GOOD,
  REKOR_VERSIONS,
  SBOM_FORMATS,
  SIGNATURE_FORMATS,
  SigningInputError,
  isPublicGoodFulcio,
  isPublicGoodRekor,
  privacyRefusal,
  readSigningSettings
};

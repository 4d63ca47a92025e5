import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  PUBLIC_GOOD,
  SBOM_FORMATS,
  SIGNATURE_FORMATS,
  SigningInputError,
  isPublicGoodFulcio,
  isPublicGoodRekor,
  privacyRefusal,
  readSigningSettings
} from "./chunk-7EOQZU7W.js";
import "./chunk-RCMRYTCI.js";
export {
  PUBLIC_GOOD,
  SBOM_FORMATS,
  SIGNATURE_FORMATS,
  SigningInputError,
  isPublicGoodFulcio,
  isPublicGoodRekor,
  privacyRefusal,
  readSigningSettings
};

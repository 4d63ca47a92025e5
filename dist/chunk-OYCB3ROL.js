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
} from "./chunk-G4425Q27.js";
import "./chunk-K22WIUD6.js";
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

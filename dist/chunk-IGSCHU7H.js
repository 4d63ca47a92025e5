import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  require_dist as require_dist2
} from "./chunk-LOGCBGSA.js";
import {
  require_dist
} from "./chunk-J3ABBXKE.js";
import {
  __toESM
} from "./chunk-RCMRYTCI.js";

// src/sign/trust-root.ts
var import_protobuf_specs = __toESM(require_dist(), 1);
var import_tuf = __toESM(require_dist2(), 1);
import { readFile } from "node:fs/promises";
var TrustRootError = class extends Error {
  name = "TrustRootError";
};
async function loadTrustedRoot(options) {
  if (options.path) {
    let json;
    try {
      json = JSON.parse(await readFile(options.path, "utf8"));
    } catch (error) {
      throw new TrustRootError(
        `Cannot read the trusted root ${options.path}: ${error.message}. Point 'trusted-root' at the trusted_root.json of your Sigstore instance.`
      );
    }
    try {
      return import_protobuf_specs.TrustedRoot.fromJSON(json);
    } catch (error) {
      throw new TrustRootError(
        `${options.path} is not a Sigstore trusted root (trusted_root.json): ${error.message}`
      );
    }
  }
  try {
    return await (0, import_tuf.getTrustedRoot)(options.tufCachePath ? { cachePath: options.tufCachePath } : {});
  } catch (error) {
    throw new TrustRootError(
      `Cannot fetch the public Sigstore trust root over TUF (tuf-repo-cdn.sigstore.dev): ${error.message}`
    );
  }
}
function trustedRootFromJSON(json) {
  return import_protobuf_specs.TrustedRoot.fromJSON(json);
}
function caChains(root) {
  return root.certificateAuthorities.map(
    (ca) => (ca.certChain?.certificates ?? []).map((c) => c.rawBytes)
  );
}

export {
  TrustRootError,
  loadTrustedRoot,
  trustedRootFromJSON,
  caChains
};

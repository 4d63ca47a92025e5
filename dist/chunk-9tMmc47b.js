import { createRequire } from 'node:module';
import { h as tufClient, j as tufRepositoryName } from './chunk-4KaJgODh.js';
import { r as require_dist } from './chunk-BS_9fr8K.js';
import { ab as __toESM } from './chunk-BfsmuvnE.js';
import { readFile } from 'node:fs/promises';

createRequire(import.meta.url);

// src/sign/trust-root.ts
var import_protobuf_specs = __toESM(require_dist());
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
  let text;
  try {
    text = await (await tufClient(options)).getTarget("trusted_root.json");
  } catch (error) {
    throw new TrustRootError(
      `Cannot fetch the public Sigstore trust root over TUF (${tufRepositoryName(options)}): ${error.message}. Without network access to it (air-gapped runners, GHES without egress) set 'trusted-root' to a trusted_root.json file.`
    );
  }
  return import_protobuf_specs.TrustedRoot.fromJSON(JSON.parse(text));
}
function trustedRootFromJSON(json) {
  return import_protobuf_specs.TrustedRoot.fromJSON(json);
}
function caChains(root) {
  return root.certificateAuthorities.map(
    (ca) => (ca.certChain?.certificates ?? []).map((c) => c.rawBytes)
  );
}

export { TrustRootError as T, caChains as c, loadTrustedRoot as l, trustedRootFromJSON as t };

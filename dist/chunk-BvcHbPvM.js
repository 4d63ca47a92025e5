import { createRequire } from 'node:module';
import { s as sha256Hex, r as readVexDocument, a as authorMatch, b as authorRefusal } from './chunk-D5pTF7mH.js';
import { c as checkEnvelopeHash, f as findBundleReferrers, b as readBundleReferrer } from './chunk-CtVjW91D.js';
import { b as bundleVerifier, a as verifyBundle, c as cosignTag, D as DSSE_LAYER_MEDIA_TYPE, d as sha256, e as bundleFromCosignLayer } from './chunk-Chco1JLJ.js';
import './chunk-wVvfRtYZ.js';
import './chunk-Ck4F28M3.js';
import './chunk-BS_9fr8K.js';
import './chunk-D5sk-O7z.js';
import { J as parseReference, a0 as formatRepository } from './chunk-BfsmuvnE.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import 'node:crypto';
import 'node:fs';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);
var OPENVEX_PREDICATE_TYPES = /* @__PURE__ */ new Set([
  "https://openvex.dev/ns",
  "https://openvex.dev/ns/v0.2.0"
]);
var MAX_ATTESTATIONS = 100;
var parseJson = (bytes) => JSON.parse(Buffer.from(bytes).toString("utf8"));
function claimedPredicateType(bundle) {
  if (bundle.content.$case !== "dsseEnvelope") return void 0;
  try {
    return parseJson(bundle.content.dsseEnvelope.payload).predicateType;
  } catch {
    return void 0;
  }
}
async function candidates(store, repo, digest) {
  const where = formatRepository(repo);
  const out = [];
  const tag = cosignTag(digest, "att");
  const manifest = await store.getManifest(repo, tag);
  if (manifest) {
    const layers = parseJson(manifest.bytes).layers ?? [];
    for (const [i, descriptor] of layers.entries()) {
      if (descriptor.mediaType !== DSSE_LAYER_MEDIA_TYPE) continue;
      out.push({
        reference: `${where}:${tag}#${i}`,
        read: async () => {
          const layer = await store.getBlob(repo, descriptor.digest);
          if (sha256(layer) !== descriptor.digest)
            throw new Error("layer content does not match its digest");
          return { bundle: bundleFromCosignLayer(descriptor, layer), layer };
        }
      });
    }
  }
  const { referrers } = await findBundleReferrers(store, repo, digest);
  for (const descriptor of referrers) {
    out.push({
      reference: `${where}@${descriptor.digest}`,
      read: async () => ({ bundle: await readBundleReferrer(store, repo, descriptor) })
    });
  }
  return out;
}
function ociVexReader(opts) {
  let verifier;
  return async (image, dir) => {
    const records = [];
    const files = [];
    const warnings = [];
    const store = opts.store();
    const ref = parseReference(image);
    const repo = { registry: ref.registry, repository: ref.repository };
    const found = await store.headManifest(repo, ref.digest ?? ref.tag ?? "latest");
    if (!found) throw new Error(`vex: oci: ${image} does not exist in the registry.`);
    const digest = ref.digest ?? found.digest;
    verifier ??= bundleVerifier(await opts.trustedRoot());
    const all = await candidates(store, repo, digest);
    for (const c of all.slice(0, MAX_ATTESTATIONS)) {
      let bundle;
      let layer;
      try {
        ;
        ({ bundle, layer } = await c.read());
      } catch (error) {
        warnings.push(
          `${image}: attestation ${c.reference} ignored for VEX: ${error.message}.`
        );
        continue;
      }
      const claimed = claimedPredicateType(bundle);
      if (!claimed || !OPENVEX_PREDICATE_TYPES.has(claimed)) continue;
      let statement;
      let signer;
      try {
        const verified = verifyBundle(verifier, bundle, opts.policy, digest);
        if (layer) checkEnvelopeHash(bundle, layer);
        if (!verified.statement) throw new Error("no in-toto statement");
        statement = verified.statement;
        signer = verified.signer;
      } catch (error) {
        warnings.push(
          `${image}: OpenVEX attestation ${c.reference} ignored, its statements suppress nothing: ${error.message}.`
        );
        continue;
      }
      const bytes = Buffer.from(JSON.stringify(statement.predicate ?? null));
      const record = {
        source: "oci",
        kind: "oci",
        image,
        reference: c.reference,
        sha256: sha256Hex(bytes),
        format: "openvex",
        authors: [],
        statements: 0,
        applied: false,
        signer: { identity: signer.subject ?? "", issuer: signer.issuer ?? "" }
      };
      try {
        const doc = readVexDocument(bytes);
        if (doc.format !== "openvex") throw new Error(`its predicate is ${doc.format}, not OpenVEX`);
        record.authors = doc.authors;
        record.statements = doc.statements;
      } catch (error) {
        record.skipped = error.message.replace(/^is /, "the predicate is ");
        records.push(record);
        warnings.push(
          `${image}: OpenVEX attestation ${c.reference} is signed but not applied: ${record.skipped}`
        );
        continue;
      }
      const index = records.push(record) - 1;
      if (opts.requiredAuthors && !authorMatch(record.authors, opts.requiredAuthors)) {
        record.skipped = authorRefusal(record.authors, opts.requiredAuthors);
        warnings.push(
          `${image}: OpenVEX attestation ${c.reference} is not applied: ${record.skipped}.`
        );
        continue;
      }
      await mkdir(dir, { recursive: true });
      const path = join(dir, `vex-oci-${index + 1}.openvex.json`);
      await writeFile(path, bytes);
      record.applied = true;
      files.push({ path, record: index });
    }
    if (all.length > MAX_ATTESTATIONS) {
      warnings.push(
        `${image}: more than ${MAX_ATTESTATIONS} attestations; only the first ${MAX_ATTESTATIONS} were read for VEX.`
      );
    }
    return { records, files, warnings };
  };
}

export { OPENVEX_PREDICATE_TYPES, ociVexReader };

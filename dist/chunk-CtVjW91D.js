import { createRequire } from 'node:module';
import { b as bundleVerifier, c as cosignTag, d as sha256, e as bundleFromCosignLayer, a as verifyBundle, A as Annotation, l as leafCertificatePem, P as PredicateType, S as SIMPLESIGNING_MEDIA_TYPE, D as DSSE_LAYER_MEDIA_TYPE, O as OCI_MANIFEST, f as sameIdentity, i as identityFromPem } from './chunk-Chco1JLJ.js';
import { r as require_dist2 } from './chunk-wVvfRtYZ.js';
import { a as require_dist2$1, r as require_dist3, b as require_tsa } from './chunk-Ck4F28M3.js';
import { ab as __toESM, J as parseReference, a0 as formatRepository, ax as GATE_VERDICT_PREDICATE_TYPE, ay as verdictProblems } from './chunk-BfsmuvnE.js';

createRequire(import.meta.url);

// src/sign/referrers.ts
var import_bundle = __toESM(require_dist2());
var BUNDLE_ARTIFACT_PREFIX = "application/vnd.dev.sigstore.bundle";
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_EMPTY = "application/vnd.oci.empty.v1+json";
var EMPTY_BLOB = Buffer.from("{}");
var BundleAnnotation = {
  content: "dev.sigstore.bundle.content",
  predicateType: "dev.sigstore.bundle.predicateType",
  created: "org.opencontainers.image.created",
  /** Not written by cosign 3.1; Trivy's `--vex oci` and other in-toto readers look only at this. */
  intotoPredicateType: "in-toto.io/predicate-type"
};
function createdAnnotation(now) {
  return now.toISOString().replace(/\.\d+Z$/, "Z");
}
function referrerAnnotations(predicateType, now) {
  return {
    [BundleAnnotation.created]: createdAnnotation(now),
    [BundleAnnotation.content]: "dsse-envelope",
    [BundleAnnotation.predicateType]: predicateType,
    [BundleAnnotation.intotoPredicateType]: predicateType
  };
}
function referrersTag(digest) {
  return digest.replace(":", "-");
}
function bundleMediaType(bundle) {
  return bundle.mediaType;
}
function sameKind(entry, predicateType, keep) {
  return entry.digest !== keep && Boolean(entry.artifactType?.startsWith(BUNDLE_ARTIFACT_PREFIX)) && entry.annotations?.[BundleAnnotation.predicateType] === predicateType;
}
function referrerManifest(bundleBlob, mediaType, subject, predicateType, created) {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: mediaType,
    // cosign 3.1's WriteReferrer also puts the artifactType on the empty config.
    config: {
      mediaType: OCI_EMPTY,
      artifactType: mediaType,
      digest: sha256(EMPTY_BLOB),
      size: EMPTY_BLOB.length
    },
    layers: [{ mediaType, digest: sha256(bundleBlob), size: bundleBlob.length }],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: referrerAnnotations(predicateType, created)
  };
  return Buffer.from(JSON.stringify(manifest));
}
async function referrerSigner(store, repo, descriptor) {
  try {
    const fetched = await store.getManifest(repo, descriptor.digest);
    if (!fetched) return void 0;
    const manifest = JSON.parse(Buffer.from(fetched.bytes).toString("utf8"));
    const layer = manifest.layers?.[0];
    if (!layer) return void 0;
    const blob = await store.getBlob(repo, layer.digest);
    const bundle = (0, import_bundle.bundleFromJSON)(JSON.parse(Buffer.from(blob).toString("utf8")));
    return identityFromPem(leafCertificatePem(bundle));
  } catch {
    return void 0;
  }
}
async function attachBundleReferrer(store, repo, subject, bundle, predicateType, signer, now) {
  const mediaType = bundleMediaType(bundle);
  const blob = Buffer.from(JSON.stringify((0, import_bundle.bundleToJSON)(bundle)));
  await store.putBlob(repo, blob);
  await store.putBlob(repo, EMPTY_BLOB);
  const manifest = referrerManifest(blob, mediaType, subject, predicateType, now);
  const digest = sha256(manifest);
  const put = await store.putManifest(repo, digest, manifest, OCI_MANIFEST);
  if (put.ociSubject) {
    const listed = await store.referrers(repo, subject.digest);
    let replaced2 = 0;
    let notReplaced;
    for (const entry2 of listed === "unsupported" ? [] : listed) {
      if (!sameKind(entry2, predicateType, digest)) continue;
      if (!sameIdentity(await referrerSigner(store, repo, entry2), signer)) continue;
      try {
        if (!store.deleteManifest) throw new Error("this store cannot delete manifests");
        await store.deleteManifest(repo, entry2.digest);
        replaced2++;
      } catch (error) {
        notReplaced = `could not remove the earlier referrer ${entry2.digest}: ${error.message}`;
      }
    }
    return { digest, via: "referrers-api", replaced: replaced2, ...notReplaced ? { notReplaced } : {} };
  }
  const tag = referrersTag(subject.digest);
  const entry = {
    mediaType: OCI_MANIFEST,
    digest,
    size: manifest.length,
    artifactType: mediaType,
    annotations: referrerAnnotations(predicateType, now)
  };
  let replaced = 0;
  for (let attempt = 1; ; attempt++) {
    const entries = await readIndex(store, repo, tag);
    const kept = [];
    for (const e of entries) {
      if (e.digest === digest) continue;
      const candidate = sameKind(e, predicateType, digest);
      if (candidate && sameIdentity(await referrerSigner(store, repo, e), signer)) continue;
      kept.push(e);
    }
    replaced = Math.max(replaced, entries.filter((e) => e.digest !== digest).length - kept.length);
    const index = {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [...kept, entry]
    };
    await store.putManifest(repo, tag, Buffer.from(JSON.stringify(index)), OCI_INDEX);
    const after = await readIndex(store, repo, tag);
    if (after.some((e) => e.digest === digest)) break;
    if (attempt >= TAG_SCHEMA_ATTEMPTS) {
      throw new Error(
        `another writer kept replacing the referrers index ${repo.registry}/${repo.repository}:${tag} (${attempt} attempts); re-run, or use a registry with the referrers API`
      );
    }
    await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 80 * attempt)));
  }
  return { digest, via: "tag-schema", replaced };
}
var TAG_SCHEMA_ATTEMPTS = 6;
async function readIndex(store, repo, tag) {
  const existing = await store.getManifest(repo, tag);
  if (!existing) return [];
  const index = JSON.parse(Buffer.from(existing.bytes).toString("utf8"));
  if (!Array.isArray(index.manifests)) {
    throw new Error(
      `${repo.registry}/${repo.repository}:${tag} exists but is not an OCI index, so the referrers tag schema cannot be updated; remove that tag or use a registry with the referrers API.`
    );
  }
  return index.manifests;
}
async function findBundleReferrers(store, repo, digest) {
  const viaApi = await store.referrers(repo, digest);
  if (viaApi !== "unsupported") {
    return {
      referrers: viaApi.filter((d) => d.artifactType?.startsWith(BUNDLE_ARTIFACT_PREFIX)),
      via: "referrers-api"
    };
  }
  const index = await store.getManifest(repo, referrersTag(digest));
  if (!index) return { referrers: [], via: "tag-schema" };
  const doc = JSON.parse(Buffer.from(index.bytes).toString("utf8"));
  return {
    referrers: (doc.manifests ?? []).filter(
      (d) => d.artifactType?.startsWith(BUNDLE_ARTIFACT_PREFIX)
    ),
    via: "tag-schema"
  };
}

// src/sign/verify.ts
var import_bundle2 = __toESM(require_dist2());

// src/sign/layer-timestamp.ts
var import_core = __toESM(require_dist2$1());
var import_verify = __toESM(require_dist3());
var import_tsa = __toESM(require_tsa());
var LayerTimestampError = class extends Error {
  name = "LayerTimestampError";
};
function checkLayerTimestamp(annotation, layerBytes, leafCertificatePem2, timestampAuthorities) {
  const fail = (why) => {
    throw new LayerTimestampError(`the RFC 3161 timestamp annotation ${why}`);
  };
  let der;
  try {
    const parsed = JSON.parse(annotation);
    if (typeof parsed.SignedRFC3161Timestamp === "string")
      der = Buffer.from(parsed.SignedRFC3161Timestamp, "base64");
  } catch {
  }
  if (!der?.length) return fail('is not {"SignedRFC3161Timestamp": "<base64>"}');
  let timestamp;
  try {
    timestamp = import_core.RFC3161Timestamp.parse(der);
  } catch (error) {
    return fail(`is not an RFC 3161 timestamp (${error.message})`);
  }
  try {
    (0, import_tsa.verifyRFC3161Timestamp)(timestamp, Buffer.from(layerBytes), timestampAuthorities);
  } catch (error) {
    return fail(
      `does not verify over this layer against the trusted timestamp authorities (${error.message})`
    );
  }
  const time = timestamp.signingTime;
  if (!import_core.X509Certificate.parse(leafCertificatePem2).validForDate(time))
    return fail(`dates the signature at ${time.toISOString()}, outside the certificate's validity`);
  return time;
}
function timestampAuthoritiesOf(root) {
  return (0, import_verify.toTrustMaterial)(root).timestampAuthorities;
}

// src/sign/verify.ts
var VerifyError = class extends Error {
  name = "VerifyError";
};
var parseJson = (bytes) => JSON.parse(Buffer.from(bytes).toString("utf8"));
async function verifyImage(options, deps) {
  const ref = parseReference(options.image);
  const repo = { registry: ref.registry, repository: ref.repository };
  const where = formatRepository(repo);
  const found = await deps.store.headManifest(repo, ref.digest ?? ref.tag ?? "latest");
  if (!found) throw new VerifyError(`${options.image} does not exist in the registry.`);
  const digest = ref.digest ?? found.digest;
  const verifier = bundleVerifier(deps.trustedRoot);
  let tsas;
  const verified = [];
  const rejected = [];
  const verdicts = [];
  const noteVerdict = (reference, statement) => {
    if (statement?.predicateType !== GATE_VERDICT_PREDICATE_TYPE) return;
    verdicts.push({
      reference,
      problems: verdictProblems(statement, digest, options.requireVerdict?.maxDbAgeMs)
    });
  };
  for (const suffix of ["sig", "att"]) {
    const tag = cosignTag(digest, suffix);
    const manifest = await deps.store.getManifest(repo, tag);
    if (!manifest) continue;
    const layers = parseJson(manifest.bytes).layers ?? [];
    for (const [i, layer] of layers.entries()) {
      const reference = `${where}:${tag}#${i}`;
      const expected = suffix === "sig" ? SIMPLESIGNING_MEDIA_TYPE : DSSE_LAYER_MEDIA_TYPE;
      if (layer.mediaType !== expected) continue;
      try {
        const blob = await deps.store.getBlob(repo, layer.digest);
        if (sha256(blob) !== layer.digest)
          throw new Error("layer content does not match its digest");
        const bundle = bundleFromCosignLayer(layer, blob);
        const result = verifyBundle(
          verifier,
          bundle,
          options.policy,
          digest,
          suffix === "sig" ? blob : void 0
        );
        if (suffix === "att") {
          checkEnvelopeHash(bundle, blob);
          const stamp = layer.annotations?.[Annotation.timestamp];
          if (stamp !== void 0) {
            tsas ??= timestampAuthoritiesOf(deps.trustedRoot);
            checkLayerTimestamp(stamp, blob, leafCertificatePem(bundle), tsas);
          }
        }
        const item = {
          format: "cosign",
          kind: suffix === "sig" ? "signature" : "attestation",
          reference,
          signer: result.signer
        };
        if (result.statement) item.predicateType = result.statement.predicateType;
        if (result.logIndex) item.logIndex = result.logIndex;
        verified.push(item);
        noteVerdict(reference, result.statement);
      } catch (error) {
        rejected.push({ format: "cosign", reference, reason: error.message });
      }
    }
  }
  const { referrers, via } = await findBundleReferrers(deps.store, repo, digest);
  for (const descriptor of referrers) {
    const reference = `${where}@${descriptor.digest}`;
    try {
      const bundle = await readBundleReferrer(deps.store, repo, descriptor);
      const result = verifyBundle(verifier, bundle, options.policy, digest);
      const predicateType = result.statement?.predicateType;
      const item = {
        format: "bundle",
        kind: predicateType === PredicateType.cosignSign ? "signature" : "attestation",
        reference,
        signer: result.signer
      };
      if (predicateType) item.predicateType = predicateType;
      if (result.logIndex) item.logIndex = result.logIndex;
      verified.push(item);
      noteVerdict(reference, result.statement);
    } catch (error) {
      rejected.push({ format: "bundle", reference, reason: error.message });
    }
  }
  const missing = [];
  const signed = (format) => verified.some((v) => v.format === format && v.kind === "signature");
  const require2 = options.require ?? "any";
  if (require2 === "any" && !signed("cosign") && !signed("bundle")) {
    missing.push("no verified signature in either format");
  }
  if ((require2 === "cosign" || require2 === "both") && !signed("cosign")) {
    missing.push(`no verified cosign signature (${cosignTag(digest, "sig")})`);
  }
  if ((require2 === "bundle" || require2 === "both") && !signed("bundle")) {
    missing.push("no verified Sigstore bundle signature among the referrers");
  }
  for (const type of options.requireAttestations ?? []) {
    if (!verified.some((v) => v.kind === "attestation" && v.predicateType === type)) {
      missing.push(`no verified attestation of type ${type}`);
    }
  }
  if (options.requireVerdict && !verdicts.some((v) => v.problems.length === 0)) {
    missing.push(
      verdicts.length ? `no accepting gate verdict (${verdicts.map((v) => `${v.reference}: ${v.problems.join(", ")}`).join("; ")})` : `no verified gate verdict (${GATE_VERDICT_PREDICATE_TYPE})`
    );
  }
  return {
    image: options.image,
    digest,
    verified,
    rejected,
    missing,
    ok: missing.length === 0,
    referrersVia: via
  };
}
async function readBundleReferrer(store, repo, descriptor) {
  const fetched = await store.getManifest(repo, descriptor.digest);
  if (!fetched) throw new Error("the referrer manifest is gone");
  if (sha256(fetched.bytes) !== descriptor.digest)
    throw new Error("manifest content does not match its digest");
  const manifest = parseJson(fetched.bytes);
  const layer = manifest.layers?.[0];
  if (!layer) throw new Error("the referrer has no layer");
  const blob = await store.getBlob(repo, layer.digest);
  if (sha256(blob) !== layer.digest) throw new Error("bundle content does not match its digest");
  const bundle = (0, import_bundle2.bundleFromJSON)(parseJson(blob));
  const annotated = manifest.annotations?.[BundleAnnotation.predicateType];
  if (bundle.content.$case === "dsseEnvelope" && annotated) {
    const type = parseJson(
      bundle.content.dsseEnvelope.payload
    ).predicateType;
    if (type !== annotated)
      throw new Error(`annotated as ${annotated} but the statement is ${type}`);
  }
  return bundle;
}
function checkEnvelopeHash(bundle, blob) {
  const entry = bundle.verificationMaterial.tlogEntries[0];
  if (!entry) return;
  const body = JSON.parse(Buffer.from(entry.canonicalizedBody).toString("utf8"));
  if (body.kind !== "dsse") return;
  if (`sha256:${body.spec?.envelopeHash?.value}` !== sha256(blob)) {
    throw new Error("the Rekor entry was made for a different envelope than this layer");
  }
}
function renderVerifyResult(result) {
  const lines = [`${result.image} -> ${result.digest}`];
  for (const v of result.verified) {
    const what = v.kind === "signature" ? "signature" : `attestation ${v.predicateType}`;
    lines.push(
      `  verified  ${v.format.padEnd(6)} ${what}  signer ${v.signer.subject} (issuer ${v.signer.issuer})${v.logIndex ? ` rekor #${v.logIndex}` : ""}  ${v.reference}`
    );
  }
  for (const r of result.rejected) {
    lines.push(`  REJECTED  ${r.format.padEnd(6)} ${r.reference}: ${r.reason}`);
  }
  lines.push(
    result.ok ? `Verified: ${result.verified.filter((v) => v.kind === "signature").length} signature(s), ${result.verified.filter((v) => v.kind === "attestation").length} attestation(s).` : `NOT verified: ${result.missing.join("; ")}.`
  );
  return lines.join("\n");
}
function verifyExitCode(outcome) {
  if (outcome instanceof Error) return 2;
  return outcome.ok ? 0 : 1;
}

export { verifyExitCode as a, readBundleReferrer as b, checkEnvelopeHash as c, attachBundleReferrer as d, findBundleReferrers as f, renderVerifyResult as r, verifyImage as v };

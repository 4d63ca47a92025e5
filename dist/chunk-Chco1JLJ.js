import { createRequire } from 'node:module';
import { r as require_dist2$1 } from './chunk-wVvfRtYZ.js';
import { a as require_dist2, r as require_dist3 } from './chunk-Ck4F28M3.js';
import { ab as __toESM } from './chunk-BfsmuvnE.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

createRequire(import.meta.url);

// src/sign/bundle-verify.ts
var import_core3 = __toESM(require_dist2());
var import_verify = __toESM(require_dist3());

// src/sign/certificate.ts
var import_core = __toESM(require_dist2());
var OID_FULCIO_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
var OID_FULCIO_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
function certificateIdentity(certificate) {
  const v2 = certificate.extension(OID_FULCIO_ISSUER_V2);
  const issuer = v2 ? v2.valueObj.subs?.[0]?.value.toString("ascii") : certificate.extension(OID_FULCIO_ISSUER_V1)?.value.toString("ascii");
  const identity = {};
  if (certificate.subjectAltName) identity.subject = certificate.subjectAltName;
  if (issuer) identity.issuer = issuer;
  return identity;
}
function identityFromPem(certificatePem) {
  try {
    return certificateIdentity(import_core.X509Certificate.parse(certificatePem));
  } catch {
    return void 0;
  }
}
function sameIdentity(a, b) {
  return !!a?.subject && a.subject === b?.subject && a.issuer === b?.issuer;
}
var toPem = (der) => `${import_core.pem.fromDER(Buffer.from(der))}
`;
function chainPemFor(leafPem, chains) {
  const leaf = import_core.X509Certificate.parse(leafPem);
  for (const chain of chains) {
    const first = chain[0];
    if (!first) continue;
    const issuer = import_core.X509Certificate.parse(Buffer.from(first));
    if (!issuer.subject.equals(leaf.issuer)) continue;
    if (!leaf.verify(issuer)) continue;
    return chain.map((der) => toPem(der)).join("");
  }
  return "";
}

// src/sign/cosign-format.ts
var import_bundle = __toESM(require_dist2$1());
var import_core2 = __toESM(require_dist2());
var SIMPLESIGNING_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
var DSSE_LAYER_MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
var Annotation = {
  signature: "dev.cosignproject.cosign/signature",
  certificate: "dev.sigstore.cosign/certificate",
  chain: "dev.sigstore.cosign/chain",
  bundle: "dev.sigstore.cosign/bundle",
  timestamp: "dev.sigstore.cosign/rfc3161timestamp",
  predicateType: "predicateType"
};
function cosignTag(digest, suffix) {
  return `${digest.replace(":", "-")}.${suffix}`;
}
var sha256 = (data) => `sha256:${createHash("sha256").update(data).digest("hex")}`;
function leafCertificate(bundle) {
  const content = bundle.verificationMaterial.content;
  switch (content.$case) {
    case "x509CertificateChain": {
      const first = content.x509CertificateChain.certificates[0];
      if (!first) throw new Error("bundle has an empty certificate chain");
      return first.rawBytes;
    }
    case "certificate":
      return content.certificate.rawBytes;
    default:
      throw new Error("bundle is not signed with a certificate (keyless signing expected)");
  }
}
function leafCertificatePem(bundle) {
  return toPem(leafCertificate(bundle));
}
function commonAnnotations(bundle, chainPem) {
  const entry = bundle.verificationMaterial.tlogEntries[0];
  if (!entry?.inclusionPromise) {
    throw new Error("the bundle has no Rekor v1 inclusion promise (SignedEntryTimestamp)");
  }
  const annotations = {
    [Annotation.certificate]: leafCertificatePem(bundle),
    [Annotation.chain]: chainPem,
    [Annotation.bundle]: JSON.stringify({
      SignedEntryTimestamp: Buffer.from(entry.inclusionPromise.signedEntryTimestamp).toString(
        "base64"
      ),
      Payload: {
        body: Buffer.from(entry.canonicalizedBody).toString("base64"),
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: Buffer.from(entry.logId?.keyId ?? []).toString("hex")
      }
    })
  };
  const timestamp = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps[0];
  if (timestamp) {
    annotations[Annotation.timestamp] = JSON.stringify({
      SignedRFC3161Timestamp: Buffer.from(timestamp.signedTimestamp).toString("base64")
    });
  }
  return annotations;
}
function signatureLayer(bundle, payload, chainPem) {
  return {
    blob: payload,
    descriptor: {
      mediaType: SIMPLESIGNING_MEDIA_TYPE,
      size: payload.length,
      digest: sha256(payload),
      annotations: {
        [Annotation.signature]: Buffer.from(bundle.content.messageSignature.signature).toString(
          "base64"
        ),
        ...commonAnnotations(bundle, chainPem)
      }
    }
  };
}
function attestationLayer(bundle, predicateType, chainPem, layerTimestamp) {
  const blob = attestationLayerBytes(bundle);
  const common = commonAnnotations(bundle, chainPem);
  if (layerTimestamp) {
    common[Annotation.timestamp] = JSON.stringify({
      SignedRFC3161Timestamp: Buffer.from(layerTimestamp).toString("base64")
    });
  } else {
    delete common[Annotation.timestamp];
  }
  return {
    blob,
    descriptor: {
      mediaType: DSSE_LAYER_MEDIA_TYPE,
      size: blob.length,
      digest: sha256(blob),
      annotations: {
        [Annotation.predicateType]: predicateType,
        [Annotation.signature]: "",
        ...common
      }
    }
  };
}
function attestationLayerBytes(bundle) {
  return Buffer.from(JSON.stringify((0, import_bundle.envelopeToJSON)(bundle.content.dsseEnvelope)));
}
function cosignImage(layers) {
  const config = Buffer.from(
    JSON.stringify({
      architecture: "",
      created: "0001-01-01T00:00:00Z",
      history: layers.map(() => ({ created: "0001-01-01T00:00:00Z" })),
      os: "",
      rootfs: { type: "layers", diff_ids: layers.map((l) => l.digest) },
      config: {}
    })
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, size: config.length, digest: sha256(config) },
      layers
    })
  );
  return { manifest, config };
}
var CosignLayerError = class extends Error {
  name = "CosignLayerError";
};
function bundleFromCosignLayer(layer, blob) {
  const a = layer.annotations ?? {};
  const certificate = a[Annotation.certificate];
  const rekor = a[Annotation.bundle];
  if (!certificate)
    throw new CosignLayerError("no certificate annotation (not a keyless signature)");
  if (!rekor) throw new CosignLayerError("no Rekor bundle annotation (not in a transparency log)");
  let set;
  try {
    set = JSON.parse(rekor);
  } catch {
    throw new CosignLayerError("the Rekor bundle annotation is not JSON");
  }
  const body = JSON.parse(Buffer.from(set.Payload.body, "base64").toString("utf8"));
  let der;
  try {
    der = import_core2.pem.toDER(certificate);
  } catch {
    throw new CosignLayerError("the certificate annotation is not PEM");
  }
  const verificationMaterial = {
    x509CertificateChain: { certificates: [{ rawBytes: der.toString("base64") }] },
    tlogEntries: [
      {
        logIndex: String(set.Payload.logIndex),
        logId: { keyId: Buffer.from(set.Payload.logID, "hex").toString("base64") },
        kindVersion: { kind: body.kind, version: body.apiVersion },
        integratedTime: String(set.Payload.integratedTime),
        inclusionPromise: { signedEntryTimestamp: set.SignedEntryTimestamp },
        canonicalizedBody: set.Payload.body
      }
    ],
    timestampVerificationData: { rfc3161Timestamps: [] }
  };
  const ts = a[Annotation.timestamp];
  if (ts && layer.mediaType !== DSSE_LAYER_MEDIA_TYPE) {
    const parsed = JSON.parse(ts);
    verificationMaterial.timestampVerificationData = {
      rfc3161Timestamps: [{ signedTimestamp: parsed.SignedRFC3161Timestamp }]
    };
  }
  const json = {
    mediaType: "application/vnd.dev.sigstore.bundle+json;version=0.1",
    verificationMaterial
  };
  if (layer.mediaType === DSSE_LAYER_MEDIA_TYPE) {
    json.dsseEnvelope = JSON.parse(Buffer.from(blob).toString("utf8"));
  } else {
    json.messageSignature = {
      messageDigest: {
        algorithm: "SHA2_256",
        digest: createHash("sha256").update(blob).digest("base64")
      },
      signature: a[Annotation.signature] ?? ""
    };
  }
  return (0, import_bundle.bundleFromJSON)(json);
}
var PredicateType = {
  /** What `cosign sign` v3 signs in the new bundle format. */
  cosignSign: "https://sigstore.dev/cosign/sign/v1",
  cyclonedx: "https://cyclonedx.org/bom",
  spdx: "https://spdx.dev/Document",
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1"
};
var IN_TOTO_STATEMENT_V1 = "https://in-toto.io/Statement/v1";
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
function dockerReference(repo) {
  const registry = repo.registry === "docker.io" ? "index.docker.io" : repo.registry;
  return `${registry}/${repo.repository}`;
}
function simpleSigningPayload(repo, digest) {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { "docker-reference": dockerReference(repo) },
        image: { "docker-manifest-digest": digest },
        type: "cosign container image signature"
      },
      optional: null
    })
  );
}
function statement(repo, digest, predicateType, predicate) {
  const [algorithm, hex] = digest.split(":");
  const body = {
    _type: IN_TOTO_STATEMENT_V1,
    // cosign 3.1 signs an image signature with a nameless subject (sign.go signDigestBundle);
    // attestations (`cosign attest`) name the repository.
    subject: [
      predicateType === PredicateType.cosignSign ? { digest: { [algorithm]: hex } } : { name: dockerReference(repo), digest: { [algorithm]: hex } }
    ],
    predicateType,
    predicate
  };
  return Buffer.from(JSON.stringify(body));
}
function sbomPredicateType(format) {
  return format === "cyclonedx" ? PredicateType.cyclonedx : PredicateType.spdx;
}
var PayloadError = class extends Error {
  name = "PayloadError";
};
async function readJson(path, what) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new PayloadError(`Cannot read the ${what} at ${path}: ${error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError(`The ${what} at ${path} is not JSON; it cannot be attested.`);
  }
}
async function sbomPredicate(path, format) {
  const doc = await readJson(path, `${format} SBOM`);
  const looksRight = format === "cyclonedx" ? doc?.bomFormat === "CycloneDX" : typeof doc?.spdxVersion === "string";
  if (!looksRight) {
    throw new PayloadError(
      `The SBOM at ${path} is not ${format === "cyclonedx" ? "a CycloneDX" : "an SPDX JSON"} document, but 'sbom-format' says ${format}.`
    );
  }
  return doc;
}
async function vulnPredicate(source, now) {
  const report = await readJson(source.trivyJsonPath, "Trivy JSON report");
  if (!report || typeof report !== "object" || !("SchemaVersion" in report)) {
    throw new PayloadError(`${source.trivyJsonPath} is not a Trivy JSON report (no SchemaVersion).`);
  }
  const trivy = report.Trivy;
  const version = source.trivyVersion ?? trivy?.Version ?? "";
  const when = source.scannedAt ?? (typeof report.CreatedAt === "string" ? report.CreatedAt : now.toISOString());
  return {
    invocation: { parameters: null, uri: "", event_id: "", "builder.id": "" },
    scanner: {
      uri: version ? `pkg:github/aquasecurity/trivy@${version}` : "pkg:github/aquasecurity/trivy",
      version,
      db: { uri: "", version: "" },
      result: report
    },
    metadata: { scanStartedOn: when, scanFinishedOn: when }
  };
}

// src/sign/bundle-verify.ts
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
function sanPattern(identity) {
  return "exact" in identity ? new RegExp(`^${escapeRegExp(identity.exact)}$`) : new RegExp(`^(?:${identity.regexp})$`);
}
function verificationPolicy(policy) {
  return {
    subjectAlternativeName: sanPattern(policy.identity),
    extensions: { issuer: policy.issuer }
  };
}
function bundleVerifier(root) {
  return new import_verify.Verifier((0, import_verify.toTrustMaterial)(root), {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    // Rekor's integrated time counts as a timestamp; a TSA timestamp is extra, not required.
    timestampThreshold: 1
  });
}
var ClaimError = class extends Error {
  name = "ClaimError";
};
function describe(error) {
  const e = error;
  return e.code ? `${e.code}: ${e.message}` : String(e.message ?? error);
}
var BundleRejected = class extends Error {
  name = "BundleRejected";
};
function verifyBundle(verifier, bundle, policy, digest, payload) {
  try {
    verifier.verify(
      (0, import_verify.toSignedEntity)(bundle, payload ? Buffer.from(payload) : void 0),
      policy ? verificationPolicy(policy) : void 0
    );
  } catch (error) {
    throw new BundleRejected(describe(error));
  }
  const signer = certificateIdentity(import_core3.X509Certificate.parse(leafCertificatePem(bundle)));
  const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
  const result = { signer };
  if (logIndex !== void 0) result.logIndex = String(logIndex);
  if (bundle.content.$case === "dsseEnvelope") {
    const envelope = bundle.content.dsseEnvelope;
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
      throw new BundleRejected(
        `DSSE payload type is ${envelope.payloadType}, not an in-toto statement`
      );
    }
    let statement2;
    try {
      statement2 = JSON.parse(Buffer.from(envelope.payload).toString("utf8"));
    } catch {
      throw new BundleRejected("the DSSE payload is not JSON");
    }
    const [algorithm, hex] = digest.split(":");
    if (!statement2.subject?.some((s) => s.digest?.[algorithm] === hex)) {
      throw new BundleRejected(`the statement is about another artifact, not ${digest}`);
    }
    result.statement = statement2;
    return result;
  }
  if (!payload) throw new BundleRejected("message signature without its payload");
  let simple;
  try {
    simple = JSON.parse(Buffer.from(payload).toString("utf8"));
  } catch {
    throw new BundleRejected("the signed payload is not JSON");
  }
  if (simple.critical?.type !== "cosign container image signature") {
    throw new BundleRejected("the signed payload is not a cosign container image signature");
  }
  if (simple.critical.image?.["docker-manifest-digest"] !== digest) {
    throw new BundleRejected(
      `the signature is for ${simple.critical.image?.["docker-manifest-digest"] ?? "no digest"}, not ${digest}`
    );
  }
  return result;
}

export { Annotation as A, BundleRejected as B, ClaimError as C, DSSE_LAYER_MEDIA_TYPE as D, IN_TOTO_PAYLOAD_TYPE as I, OCI_MANIFEST as O, PredicateType as P, SIMPLESIGNING_MEDIA_TYPE as S, verifyBundle as a, bundleVerifier as b, cosignTag as c, sha256 as d, bundleFromCosignLayer as e, sameIdentity as f, sbomPredicateType as g, sbomPredicate as h, identityFromPem as i, statement as j, vulnPredicate as k, leafCertificatePem as l, dockerReference as m, simpleSigningPayload as n, attestationLayerBytes as o, chainPemFor as p, signatureLayer as q, attestationLayer as r, sanPattern as s, cosignImage as t, verificationPolicy as v };

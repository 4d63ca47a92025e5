import { createRequire } from 'node:module';
import { c as runPipeline, d as durationMs, V as VERSION } from './chunk-RbIsl7gu.js';
import { B as BlobCache } from './chunk-BjfgtcYX.js';
import { f as factsFromScan } from './chunk-xZXJGy1w.js';
import { v as valuesOf } from './chunk-Blk29HQN.js';
import { f as baseImagePolicyOf, e as scopeHas } from './chunk-D_xoMOi_.js';
import { C as singlePlatform, j as judgeBaseImage, I as InputError, w as parseReference, E as describeOrigin } from './chunk-BAQxG8PF.js';

createRequire(import.meta.url);

// src/stages/base-image.ts
function baseImageStage(policy, opts) {
  let client;
  const cache = opts.blobCache ?? new BlobCache();
  const reads = /* @__PURE__ */ new Map();
  const read = (image) => {
    let facts = reads.get(image);
    if (!facts) {
      client ??= Promise.resolve(opts.client()).then((c) => c.withBlobCache(cache));
      facts = Promise.all([import('./chunk-CPIlRcOd.js'), client]).then(
        ([{ inspectImage }, c]) => inspectImage(image, {
          platform: opts.platform,
          client: c,
          logger: opts.logger,
          dockerfile: opts.dockerfile,
          ...opts.timeoutMs === void 0 ? {} : { timeoutMs: opts.timeoutMs }
        })
      );
      facts.catch(() => void 0);
      reads.set(image, facts);
    }
    return facts;
  };
  return {
    mode: policy.mode,
    prefetch(image) {
      if (!opts.offline) void read(image);
    },
    async check(scan) {
      if (opts.offline) return judgeBaseImage(factsFromScan(scan), policy);
      const pinned = scan.digest && !scan.image.includes("@") ? `${scan.image.replace(/:[^/:]+$/, "")}@${scan.digest}` : scan.image;
      const facts = await (reads.has(scan.image) ? read(scan.image) : read(pinned));
      assertSameImage(scan, facts);
      facts.packages ??= scan.packages.os;
      return judgeBaseImage(facts, policy);
    }
  };
}
function assertSameImage(scan, facts) {
  if (!scan.digest || !facts.digest) return;
  if (scan.digest === facts.digest || scan.digest === facts.indexDigest) return;
  throw new Error(
    `${scan.image} changed while it was scanned: Trivy analysed ${scan.digest}, the base-image check read ${facts.digest}. Scan an image pinned by digest (${scan.image.replace(/[:@][^/]*$/, "")}@sha256:\u2026), or re-run once the tag stops moving.`
  );
}

// src/modes/scan.ts
async function vexFor(settings, env) {
  const s = valuesOf(settings);
  if (!s.vex.length) return void 0;
  if (s.trivyReport) {
    return {
      records: [],
      warnings: [
        "`vex` is not applied to a given Trivy report (`trivy-report`): Trivy applies VEX while it scans. The report's own suppressions are shown as they are."
      ],
      filesFor: async () => []
    };
  }
  const [{ VexSourceError }, { parseVexSources }, { vexStage }] = await Promise.all([
    import('./chunk-BFINHojP.js'),
    import('./chunk-DqdLhfoR.js'),
    import('./chunk-DTuUNf6n.js')
  ]);
  try {
    const sources = parseVexSources(s.vex.join("\n"), settings.vex.origin);
    const oci = sources.some((v) => v.kind === "oci") ? await ociReader(settings, env) : void 0;
    return await vexStage(sources, {
      workspace: env.vex?.workspace ?? process.cwd(),
      outputDir: env.outputDir,
      requiredAuthors: s.vexRequiredAuthor,
      base: env.vex?.base,
      oci
    });
  } catch (error) {
    if (error instanceof VexSourceError) throw new InputError(settings.vex.origin, error.message);
    throw error;
  }
}
async function ociReader(settings, env) {
  const s = valuesOf(settings);
  const need = (what) => new InputError(
    settings.vex.origin,
    `\`oci\` keeps only VEX attestations signed by the expected identity: set ${what} (as for mode: verify).`
  );
  if (s.vexCertificateIdentity && s.vexCertificateIdentityRegexp)
    throw new InputError(
      settings.vexCertificateIdentity.origin,
      "give either `certificate-identity` or `certificate-identity-regexp`, not both."
    );
  const identity = s.vexCertificateIdentity ? { exact: s.vexCertificateIdentity } : s.vexCertificateIdentityRegexp ? { regexp: s.vexCertificateIdentityRegexp } : void 0;
  if (!identity) throw need("`certificate-identity` (or `certificate-identity-regexp`)");
  if (!s.vexCertificateOidcIssuer) throw need("`certificate-oidc-issuer`");
  const [{ ociVexReader }, { registryStore }, { loadTrustedRoot }] = await Promise.all([
    import('./chunk-DYbeMaBF.js'),
    import('./chunk-BGhQ7t1M.js'),
    import('./chunk-DiuGvxkU.js')
  ]);
  const path = s.vexTrustedRoot;
  const client = await env.registryClient();
  return ociVexReader({
    store: () => registryStore(client),
    trustedRoot: () => loadTrustedRoot(path ? { path } : {}),
    policy: { identity, issuer: s.vexCertificateOidcIssuer },
    requiredAuthors: s.vexRequiredAuthor
  });
}
async function runScan(settings, env) {
  const s = valuesOf(settings);
  const basePolicy = baseImagePolicyOf(s);
  const offline = s.images.length === 0;
  const blobCache = new BlobCache();
  let client;
  const registryClient = () => {
    client ??= Promise.resolve(env.registryClient());
    return client;
  };
  const attribute = scopeHas(s.failOnScope, "app") || basePolicy !== void 0 && !offline;
  return runPipeline(
    {
      images: s.images,
      reportFile: s.trivyReport,
      failOn: s.failOn,
      ignoreUnfixed: s.ignoreUnfixed,
      ignoreFile: s.ignoreFile,
      ignoreRules: env.exceptions,
      expiringDays: env.expiringDays,
      scanners: s.scanners,
      timeout: s.timeout,
      platform: s.platform,
      sarifPath: env.sarifPath,
      sarif: { ...env.sarif, ...s.dockerfile ? { dockerfile: s.dockerfile } : {} },
      outputDir: env.outputDir,
      concurrency: s.maxParallel,
      compareTo: s.compareTo,
      gateScope: s.failOnScope,
      sbomFormat: env.sbomFormat,
      deferReportFile: env.deferReportFile,
      // The VEX attestations are read with the scan's one client (its tokens, its manifests).
      vex: await vexFor(settings, { ...env, registryClient })
    },
    {
      logger: env.logger,
      trivy: env.trivy,
      now: () => /* @__PURE__ */ new Date(),
      version: VERSION,
      platforms: async (image, named) => (await registryClient()).platforms(
        parseReference(image),
        named,
        describeOrigin(settings.platform.origin)
      ),
      baseImage: basePolicy ? baseImageStage(basePolicy, {
        client: registryClient,
        platform: singlePlatform(s.platform),
        dockerfile: s.dockerfile,
        logger: env.logger,
        offline,
        // The whole read of an image, retries included, stops at the user's timeout.
        timeoutMs: durationMs(s.timeout),
        blobCache
      }) : void 0,
      layers: attribute ? lazyLayerStage({
        client: registryClient,
        blobCache,
        platform: singlePlatform(s.platform),
        dockerfile: s.dockerfile,
        logger: env.logger,
        offline,
        timeoutMs: durationMs(s.timeout)
      }) : void 0
    }
  );
}
function lazyLayerStage(opts) {
  let stage;
  return {
    async attribute(scan, report) {
      stage ??= import('./chunk-C6EORcIq.js').then(({ layerStage }) => layerStage(opts));
      return (await stage).attribute(scan, report);
    }
  };
}

export { runScan as r };

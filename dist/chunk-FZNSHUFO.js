import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  durationMs,
  layerStage,
  runPipeline
} from "./chunk-KG36GYHN.js";
import {
  VERSION
} from "./chunk-YY5JDE6J.js";
import {
  valuesOf
} from "./chunk-VUIYFUQ7.js";
import {
  baseImagePolicyOf,
  scopeHas
} from "./chunk-T7OX32DG.js";
import {
  BlobCache
} from "./chunk-KWF4MZC3.js";
import {
  factsFromScan,
  inspectImage
} from "./chunk-HSYFXM33.js";
import {
  judgeBaseImage
} from "./chunk-2XX7PETK.js";

// src/stages/base-image.ts
function baseImageStage(policy, opts) {
  let client;
  const cache = opts.blobCache ?? new BlobCache();
  const reads = /* @__PURE__ */ new Map();
  const read = (image) => {
    let facts = reads.get(image);
    if (!facts) {
      client ??= opts.client().withBlobCache(cache);
      facts = inspectImage(image, {
        platform: opts.platform,
        client,
        logger: opts.logger,
        dockerfile: opts.dockerfile,
        ...opts.timeoutMs === void 0 ? {} : { timeoutMs: opts.timeoutMs }
      });
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
async function runScan(settings, env) {
  const s = valuesOf(settings);
  const basePolicy = baseImagePolicyOf(s);
  const offline = s.images.length === 0;
  const blobCache = new BlobCache();
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
      deferReportFile: env.deferReportFile
    },
    {
      logger: env.logger,
      trivy: env.trivy,
      now: () => /* @__PURE__ */ new Date(),
      version: VERSION,
      baseImage: basePolicy ? baseImageStage(basePolicy, {
        client: env.registryClient,
        platform: s.platform,
        dockerfile: s.dockerfile,
        logger: env.logger,
        offline,
        // The whole read of an image, retries included, stops at the user's timeout.
        timeoutMs: durationMs(s.timeout),
        blobCache
      }) : void 0,
      layers: attribute ? layerStage({
        client: env.registryClient,
        blobCache,
        platform: s.platform,
        dockerfile: s.dockerfile,
        logger: env.logger,
        offline,
        timeoutMs: durationMs(s.timeout)
      }) : void 0
    }
  );
}

export {
  runScan
};

import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  durationMs,
  runPipeline
} from "./chunk-OEVW6VH5.js";
import {
  VERSION
} from "./chunk-YY5JDE6J.js";
import {
  valuesOf
} from "./chunk-JVFXKTNP.js";
import {
  baseImagePolicyOf
} from "./chunk-L27DUWPI.js";
import {
  BlobCache
} from "./chunk-WWQLOKJ4.js";
import {
  factsFromScan,
  inspectImage
} from "./chunk-PYGEGSSJ.js";
import {
  judgeBaseImage
} from "./chunk-R65IZGEY.js";

// src/github/comment-key.ts
function repositoryOf(image) {
  const withoutDigest = image.trim().replace(/@.*$/, "");
  return withoutDigest.replace(/:[^/:]*$/, "");
}
function repositories(images) {
  return [...new Set(images.map(repositoryOf).filter(Boolean))].sort();
}
function commentKeys(input) {
  const images = input.images.length ? input.images : [input.fallback];
  const suffix = input.platform ? ` platform=${input.platform}` : "";
  const repos = repositories(images);
  const job = input.explicit || `${repos.join(",")}${suffix}`;
  const sameRepos = (oldKey) => {
    const old = repositories(oldKey.split(","));
    return old.length === repos.length && old.every((r, i) => r === repos[i]);
  };
  const jobAdopts = (oldKey) => !input.explicit && oldKey !== job && sameRepos(oldKey);
  const shared = new Set(input.images.map(repositoryOf).filter((r, i, all) => all.indexOf(r) !== i));
  return {
    job,
    adopts: jobAdopts,
    image(image) {
      const repo = repositoryOf(image);
      const own = shared.has(repo) ? image : `${repo}${suffix}`;
      const key = input.explicit ? `${input.explicit}:${own}` : own;
      const prefix = input.explicit ? `${input.explicit}:` : "";
      return {
        key,
        adopts: (oldKey) => oldKey !== key && !shared.has(repo) && oldKey.startsWith(prefix) && !oldKey.slice(prefix.length).includes(",") && repositoryOf(oldKey.slice(prefix.length)) === repo
      };
    }
  };
}

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
        offline: s.images.length === 0,
        // The whole read of an image, retries included, stops at the user's timeout.
        timeoutMs: durationMs(s.timeout)
      }) : void 0
    }
  );
}

export {
  commentKeys,
  runScan
};

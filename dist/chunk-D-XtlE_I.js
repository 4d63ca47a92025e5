import { createRequire } from 'node:module';
import { N as attributeFindings, O as prefixMismatch, Q as baseLayersFromHistory, a as analyzeDockerfile } from './chunk-CxTsKb1n.js';
import { B as BlobCache, R as RegistryError, l as readBounded } from './chunk-4KaJgODh.js';
import { p as parsePlatform } from './chunk-DtikF6FY.js';
import { r as redactedMessage, av as formatReference, J as parseReference, aw as escapeField } from './chunk-BfsmuvnE.js';
import { readFile } from 'node:fs/promises';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import 'node:path';
import 'node:buffer';
import 'node:timers/promises';
import 'node:child_process';
import 'node:stream';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);
var DIFF_ID = /^sha256:[a-f0-9]{64}$/;
var MAX_CONFIG_BYTES = 8 * 1024 * 1024;
function layerStage(opts) {
  const cache = opts.blobCache ?? new BlobCache();
  let client;
  const registry = () => {
    client ??= Promise.resolve(opts.client()).then((c) => c.withBlobCache(cache));
    return client;
  };
  const bases = /* @__PURE__ */ new Map();
  let dockerfileBase;
  const read = (ref, platform) => registry().then(
    withDeadline(opts.timeoutMs, formatReference(ref), (c) => readImage(c, ref, platform))
  );
  const readBase = (claim, platform) => {
    const ref = parseReference(claim.name);
    if (claim.digest) {
      ref.digest = claim.digest;
      delete ref.tag;
    }
    const key = `${formatReference(ref)}|${platform.os}/${platform.architecture}/${platform.variant ?? ""}`;
    let pending = bases.get(key);
    if (!pending) {
      pending = read(ref, platform);
      pending.catch(() => void 0);
      bases.set(key, pending);
    }
    return pending;
  };
  return {
    async attribute(scan, report) {
      const refused = [];
      const fromReport = (report.Metadata?.DiffIDs ?? []).filter((d) => DIFF_ID.test(d));
      let image;
      if (!opts.offline) {
        try {
          image = await read(pinned(scan), platformOf(reportConfig(report), opts.platform));
        } catch (error) {
          opts.logger.info(
            `layers: ${scan.image} could not be read from its registry (${redactedMessage(error)}); its annotations and config are not used`
          );
        }
      }
      const unknown = (why) => {
        const { findings: findings2, counts: counts2 } = attributeFindings(scan.findings, imageLayers, void 0);
        return {
          findings: findings2,
          layers: { base: null, unknown: why, imageLayers: imageLayers?.length, ...counts2 },
          refused
        };
      };
      let imageLayers = fromReport.length ? fromReport : image?.diffIds;
      if (image && fromReport.length && !sameList(image.diffIds, fromReport)) {
        imageLayers = fromReport;
        return unknown(
          `the image read from the registry (${image.digest}) has other layers than the one Trivy scanned (a tag that moved while it was scanned?), so its annotations cannot be used. Scan an image pinned by digest.`
        );
      }
      if (!imageLayers?.length) {
        return unknown(
          "the Trivy report lists no layers (Metadata.DiffIDs) and the image could not be read"
        );
      }
      const layers = imageLayers;
      const platform = platformOf(image?.config ?? reportConfig(report), opts.platform);
      const claims = [];
      if (opts.dockerfile) {
        dockerfileBase ??= finalBase(opts.dockerfile);
        const { name, error } = await dockerfileBase;
        if (name) claims.push({ how: "dockerfile", name });
        if (error) refused.push({ how: "dockerfile", message: `${scan.image}: ${error}` });
      }
      for (const [how, map] of [
        ["annotation", image?.annotations],
        ["annotation", image?.indexAnnotations],
        ["label", (image?.config ?? reportConfig(report))?.config?.Labels ?? void 0]
      ]) {
        const claim = claimOf(how, map);
        if (claim) claims.push(claim);
      }
      for (const claim of claims) {
        const source = describeClaim(claim);
        if (claim.name.toLowerCase() === "scratch" && !claim.digest) {
          const { findings: findings3, counts: counts3 } = attributeFindings(scan.findings, layers, 0);
          return {
            findings: findings3,
            layers: {
              base: { ref: "scratch", how: claim.how, layers: 0 },
              imageLayers: layers.length,
              ...counts3
            },
            refused
          };
        }
        let base;
        try {
          base = await readBase(claim, platform);
        } catch (error) {
          refused.push({
            how: claim.how,
            message: `${scan.image}: ${source} could not be read (${redactedMessage(error)}), so no finding is attributed to it.`
          });
          continue;
        }
        const mismatch = prefixMismatch(base.diffIds, layers);
        if (mismatch) {
          refused.push({
            how: claim.how,
            message: `${scan.image}: ${source} is refused: ${mismatch}. Its layers are not the image's first layers, so the image was not built on it as it is now (a moved tag, or a false claim); no finding is attributed to it.`
          });
          continue;
        }
        const { findings: findings2, counts: counts2 } = attributeFindings(scan.findings, layers, base.diffIds.length);
        return {
          findings: findings2,
          layers: {
            base: {
              ref: claim.digest ? `${claim.name.replace(/@.*$/, "")}@${claim.digest}` : claim.name,
              digest: base.digest,
              how: claim.how,
              layers: base.diffIds.length
            },
            imageLayers: layers.length,
            ...counts2
          },
          refused
        };
      }
      if (claims.length > 0) {
        return unknown(
          `no named base image could be confirmed from its layers (${claims.map(describeClaim).join("; ")})`
        );
      }
      const history = baseLayersFromHistory(
        (image?.config ?? reportConfig(report))?.history,
        layers.length
      );
      if ("unknown" in history) return unknown(`no base image is named, and ${history.unknown}`);
      const { findings, counts } = attributeFindings(scan.findings, layers, history.layers);
      return {
        findings,
        layers: {
          base: { how: "history", layers: history.layers },
          imageLayers: layers.length,
          ...counts
        },
        refused
      };
    }
  };
}
function describeClaim(c) {
  const where = c.how === "dockerfile" ? "the Dockerfile's last FROM" : c.how === "annotation" ? "the base-image annotation" : "the base-image label";
  return `${where} (${escapeField(c.name)}${c.digest ? `@${c.digest}` : ""})`;
}
var DIGEST = /^sha256:[a-f0-9]{64}$/;
function claimOf(how, map) {
  const name = map?.["org.opencontainers.image.base.name"]?.trim();
  if (!name) return void 0;
  const digest = map?.["org.opencontainers.image.base.digest"]?.trim();
  return digest && DIGEST.test(digest) ? { how, name, digest } : { how, name };
}
async function finalBase(path) {
  try {
    const base = analyzeDockerfile(await readFile(path, "utf8"), path).finalBase;
    return base && !base.includes("$") ? { name: base } : {};
  } catch (error) {
    return {
      error: `the dockerfile ${path} names no base image for the layer attribution (${redactedMessage(error)}).`
    };
  }
}
function pinned(scan) {
  const ref = parseReference(scan.image);
  if (scan.digest && !ref.digest) {
    ref.digest = scan.digest;
    delete ref.tag;
  }
  return ref;
}
function reportConfig(report) {
  return report.Metadata?.ImageConfig;
}
function platformOf(config, fallback) {
  if (config?.os && config.architecture) {
    const p = { os: config.os, architecture: config.architecture };
    if (config.variant) p.variant = config.variant;
    return p;
  }
  return parsePlatform(fallback ?? "linux/amd64");
}
function sameList(a, b) {
  return a.length === b.length && a.every((d, i) => b[i] === d);
}
async function readImage(client, ref, platform) {
  const resolved = await client.resolve(ref, platform);
  const desc = resolved.manifest.config;
  if (!(desc.size <= MAX_CONFIG_BYTES)) {
    throw new RegistryError(
      "too-large",
      `${formatReference(ref)}: the image config is declared as ${desc.size} bytes; an image config is far smaller, so the manifest is malformed or hostile.`
    );
  }
  const bytes = await readBounded(
    () => client.getBlob(ref, desc.digest, { size: desc.size }),
    `download the config ${desc.digest} of ${formatReference(ref)}`,
    MAX_CONFIG_BYTES
  );
  let config;
  try {
    config = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new RegistryError(
      "invalid-response",
      `${formatReference(ref)}: the image config ${desc.digest} is not valid JSON.`
    );
  }
  const diffIds = config?.rootfs?.diff_ids;
  if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === "string" && DIFF_ID.test(d))) {
    throw new RegistryError(
      "invalid-response",
      `${formatReference(ref)}: the image config has no valid rootfs.diff_ids (sha256 digests).`
    );
  }
  if (diffIds.length !== resolved.manifest.layers.length) {
    throw new RegistryError(
      "invalid-response",
      `${formatReference(ref)}: the config lists ${diffIds.length} layers and the manifest ${resolved.manifest.layers.length}.`
    );
  }
  return {
    digest: resolved.digest,
    annotations: resolved.manifest.annotations ?? {},
    indexAnnotations: resolved.index ? await indexAnnotations(client, ref, resolved.index.digest) : {},
    config,
    diffIds
  };
}
async function indexAnnotations(client, ref, digest) {
  const index = await client.getManifest(ref, digest);
  return index.manifest.annotations ?? {};
}
function withDeadline(ms, what, work) {
  if (ms === void 0) return work;
  return async (client) => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(
        new RegistryError(
          "timeout",
          `${what} was not read within the ${ms / 1e3} s timeout set for this scan.`
        )
      ),
      ms
    );
    try {
      return await work(client.withSignal(controller.signal));
    } finally {
      clearTimeout(timer);
    }
  };
}

export { layerStage };

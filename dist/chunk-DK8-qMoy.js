import { createRequire } from 'node:module';
import { u as uploadSbom } from './chunk-URZ6JJMd.js';
import { V as VERSION } from './chunk-RbIsl7gu.js';
import { t as tufClient, a as tufRepositoryName } from './chunk-jp4-4vzx.js';
import { n as redact, J as redactDeep } from './chunk-BAQxG8PF.js';
import { d as dbFromTrivyReport, g as gateVerdictPredicate } from './chunk-D1w318ai.js';
import { readFile } from 'node:fs/promises';
import 'node:crypto';
import 'node:path';
import './chunk-D4eP6Dzq.js';
import './chunk-BUPm29C1.js';
import './chunk-D_xoMOi_.js';
import './chunk-B2iF1XkY.js';
import './chunk-BQKXnzK6.js';
import './chunk-C0BEpVSl.js';
import 'node:buffer';
import 'node:fs';
import './chunk-DPoUJtSh.js';
import './chunk-BPn_haLw.js';
import 'node:child_process';
import 'node:os';
import './chunk-Bi5T-QyA.js';
import './chunk-Ca65EcXZ.js';
import './chunk-DnK-Igsz.js';
import 'node:timers/promises';

createRequire(import.meta.url);

// src/sign/signing-config.ts
var SIGNING_CONFIG_TARGET = "signing_config.v0.2.json";
var REKOR_V2_SIGNING_CONFIG_TARGET = "signing_config_rekor_v2.v0.2.json";
var SigningConfigError = class extends Error {
  name = "SigningConfigError";
};
function pick(services, version, now) {
  const t = now.getTime();
  return (services ?? []).filter((s) => s.majorApiVersion === version).filter((s) => {
    const start = Date.parse(s.validFor?.start ?? "");
    const end = Date.parse(s.validFor?.end ?? "");
    return (Number.isNaN(start) || start <= t) && (Number.isNaN(end) || t < end);
  }).sort((a, b) => Date.parse(b.validFor?.start ?? "") - Date.parse(a.validFor?.start ?? ""))[0];
}
function endpointsFromSigningConfig(config, now, rekorVersion = 1) {
  if (!config.mediaType?.startsWith("application/vnd.dev.sigstore.signingconfig.")) {
    throw new SigningConfigError(
      `the signing config has media type ${JSON.stringify(config.mediaType)}, not application/vnd.dev.sigstore.signingconfig.v0.2+json`
    );
  }
  const fulcio = pick(config.caUrls, 1, now);
  const rekor = pick(config.rekorTlogUrls, rekorVersion, now);
  if (!fulcio) throw new SigningConfigError("the signing config lists no valid Fulcio (v1)");
  if (!rekor)
    throw new SigningConfigError(`the signing config lists no valid Rekor v${rekorVersion} log`);
  const tsa = pick(config.tsaUrls, 1, now);
  if (rekorVersion === 2 && !tsa) {
    throw new SigningConfigError(
      "the signing config lists a Rekor v2 log but no valid timestamp authority, which Rekor v2 signatures need"
    );
  }
  const endpoints = {
    fulcioURL: fulcio.url.replace(/\/+$/, ""),
    rekorURL: rekor.url.replace(/\/+$/, "")
  };
  if (tsa) endpoints.tsaURL = tsa.url;
  return endpoints;
}
async function publicGoodEndpoints(options = {}) {
  const rekorVersion = options.rekorVersion ?? 1;
  const now = options.now ?? /* @__PURE__ */ new Date();
  let tuf;
  let text;
  try {
    tuf = await tufClient(options);
    text = await tuf.getTarget(SIGNING_CONFIG_TARGET);
  } catch (error) {
    throw new SigningConfigError(
      `Cannot fetch the public Sigstore signing config (${SIGNING_CONFIG_TARGET}) over TUF (${tufRepositoryName(options)}): ${error.message}. Check the runner's network access; without it (air-gapped runners, GHES without egress) set 'fulcio-url', 'rekor-url' and 'tsa-url' to reachable Sigstore services and 'trusted-root' to their trusted_root.json.`
    );
  }
  try {
    const config = JSON.parse(text);
    if (rekorVersion === 2 && !pick(config.rekorTlogUrls, 2, now)) {
      let optIn;
      try {
        optIn = await tuf.getTarget(REKOR_V2_SIGNING_CONFIG_TARGET);
      } catch (error) {
        throw new SigningConfigError(
          `${SIGNING_CONFIG_TARGET} lists no Rekor v2 log and ${REKOR_V2_SIGNING_CONFIG_TARGET} could not be read (${error.message}); set 'rekor-url' to a Rekor v2 log and 'tsa-url', or use 'rekor-version: 1'`
        );
      }
      return endpointsFromSigningConfig(JSON.parse(optIn), now, 2);
    }
    return endpointsFromSigningConfig(config, now, rekorVersion);
  } catch (error) {
    throw new SigningConfigError(
      `The public Sigstore signing config is unusable: ${error.message}.`
    );
  }
}

// src/stages/sign.ts
async function signStage(report, settings, deps, opts = {}) {
  const failed = [];
  let githubAttestations;
  const sboms = report.images.map((i) => ({ image: i.image, path: i.artifacts.cyclonedx ?? i.artifacts.spdx })).filter((s) => Boolean(s.path));
  if (deps.uploader && settings.sbomFormat !== "none") {
    for (const s of sboms)
      await uploadSbom(deps.uploader, s.path, s.image, settings.sbomFormat, deps.logger);
  }
  if (!settings.sign && settings.skipped) {
    deps.logger.warning(settings.skipped);
    report.warnings.push(settings.skipped);
  }
  const step = settings.sign ? await import('./chunk-CTUpqnJt.js') : void 0;
  if (settings.sign && step) {
    const { SigningError, signingSession } = step;
    let trustedRoot;
    try {
      trustedRoot = await deps.trustedRoot();
    } catch (error) {
      const message = redact(
        `The Sigstore trust root could not be loaded (${error.message}); signatures are pushed without the pre-push check.`
      );
      deps.logger.warning(message);
      report.warnings.push(message);
    }
    let session;
    const warn = (message) => {
      const clean = redact(message);
      deps.logger.warning(clean);
      report.warnings.push(clean);
    };
    githubAttestations = settings.githubAttestations ? await githubAttestationsFor(deps, warn) : void 0;
    for (const image of report.images) {
      try {
        session ??= signingSession(settings, {
          store: deps.store(),
          identity: deps.identity(),
          logger: deps.logger,
          trustedRoot,
          signingConfig: () => publicGoodEndpoints({ rekorVersion: settings.rekorVersion }),
          ...githubAttestations ? { onVerified: githubAttestations.publish.bind(githubAttestations) } : {}
        });
        image.signing = await session.sign({
          image: image.image,
          digest: image.digest,
          sbomPath: settings.attestSbom ? image.artifacts.cyclonedx ?? image.artifacts.spdx : void 0,
          vuln: settings.attestVulnerabilities ? {
            trivyJsonPath: image.artifacts.trivyJson,
            trivyVersion: image.trivyVersion,
            scannedAt: image.scannedAt
          } : void 0,
          verdict: settings.attestVerdict ? await verdictFor(report, image, deps) : void 0
        });
        if (image.signing) image.digest ??= image.signing.digest;
        if (opts.signPlatforms) {
          const repo = image.image.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
          for (const p of image.platforms ?? []) {
            try {
              p.signing = await session.sign({
                image: `${repo}@${p.digest}`,
                digest: p.digest,
                vuln: settings.attestVulnerabilities ? {
                  trivyJsonPath: p.trivyJson,
                  trivyVersion: image.trivyVersion,
                  scannedAt: image.scannedAt
                } : void 0
              });
            } catch (error) {
              if (error instanceof SigningError && error.partial)
                p.signing = redactDeep(error.partial);
              const message = redact(
                `Signing ${image.image} for ${p.platform} (${p.digest}) failed: ${error.message}`
              );
              failed.push({ image: image.image, message });
              report.warnings.push(message);
            }
          }
        }
      } catch (error) {
        if (error instanceof SigningError && error.partial)
          image.signing = redactDeep(error.partial);
        const message = redact(`Signing ${image.image} failed: ${error.message}`);
        failed.push({ image: image.image, message });
        report.warnings.push(message);
      }
    }
  }
  const signed = step ? step.signingOutputs(report.images.flatMap((i) => i.signing ? [i.signing] : [])) : { digest: "", signature: "", attestations: "[]", "signature-verified": "" };
  return {
    failed,
    outputs: {
      ...signed,
      sbom: sboms[0]?.path ?? "",
      "github-attestations": JSON.stringify(githubAttestations?.posted ?? [])
    }
  };
}
async function githubAttestationsFor(deps, warn) {
  const { GitHubAttestations, attestationsApiUnavailable, octokitAttestationsApi } = await import('./chunk-DSsALWu3.js');
  const target = deps.github ?? { token: "" };
  const unavailable = attestationsApiUnavailable(target);
  const api = unavailable ? void 0 : await octokitAttestationsApi(target, deps.logger);
  return new GitHubAttestations(api, target, deps.logger, warn, unavailable);
}
function gatePolicyOf(report) {
  const rules = /* @__PURE__ */ new Map();
  const add = (r) => {
    rules.set(`${r.source}\0${r.id}`, {
      id: r.id,
      source: r.source,
      ...r.expiresAt ? { expiresAt: r.expiresAt } : {}
    });
  };
  for (const image of report.images)
    for (const f of image.findings) if (f.ignored?.by === "ignore-file") add(f.ignored.rule);
  for (const r of report.unusedRules) add(r);
  return {
    failOn: report.failOn,
    scope: report.gateScope,
    ignoreUnfixed: report.ignoreUnfixed,
    ignores: [...rules.values()].sort(
      (a, b) => `${a.source} ${a.id}` < `${b.source} ${b.id}` ? -1 : 1
    ),
    ...report.vulnerabilityDb ? { maxDbAgeHours: report.vulnerabilityDb.maxAgeHours } : {}
  };
}
async function verdictFor(report, image, deps) {
  let db;
  try {
    db = dbFromTrivyReport(JSON.parse(await readFile(image.artifacts.trivyJson, "utf8")));
  } catch {
    db = void 0;
  }
  db ??= await deps.vulnerabilityDb?.().catch(() => void 0) ?? {};
  const policy = gatePolicyOf(report);
  const time = (deps.now ?? (() => /* @__PURE__ */ new Date()))();
  return (signed) => gateVerdictPredicate({
    repository: signed.repository,
    digest: signed.digest,
    passed: report.verdict === "pass" && image.blocking === 0,
    policy,
    policyUri: signed.policyUri,
    shipgateVersion: VERSION,
    trivyVersion: image.trivyVersion,
    db: db ?? {},
    ...report.vulnerabilityDb ? {
      measuredDb: {
        updatedAt: report.vulnerabilityDb.updatedAt,
        ageHours: report.vulnerabilityDb.ageHours
      }
    } : {},
    counts: image.counts,
    ignored: Object.values(image.ignored).reduce((a, b) => a + b, 0),
    suppressedByVex: image.suppressed.length,
    timeVerified: time
  });
}

export { gatePolicyOf, signStage };

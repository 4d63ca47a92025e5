import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';

createRequire(import.meta.url);

// src/canonical-json.ts
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

createRequire(import.meta.url);
var GATE_VERDICT_PREDICATE_TYPE = "https://shipgate.dev/attestation/gate/v1";
var SHIPGATE_VERIFIER_ID = "https://shipgate.dev/verifier";
function policyDigest(policy) {
  return createHash("sha256").update(canonicalJson(policy)).digest("hex");
}
function rfc3339(date) {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}
function normalizedTime(value) {
  if (!value) return void 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? void 0 : rfc3339(new Date(ms));
}
function gateVerdictPredicate(input) {
  const trivy = input.trivyVersion?.replace(/^v/, "") ?? "";
  const db = {};
  const lastUpdate = normalizedTime(input.db.updatedAt);
  const nextUpdate = normalizedTime(input.db.nextUpdate);
  if (lastUpdate) db.lastUpdate = lastUpdate;
  if (nextUpdate) db.nextUpdate = nextUpdate;
  if (lastUpdate && input.measuredDb && normalizedTime(input.measuredDb.updatedAt) === lastUpdate)
    db.ageHours = input.measuredDb.ageHours;
  return {
    verifier: {
      id: SHIPGATE_VERIFIER_ID,
      version: { shipgate: input.shipgateVersion, ...trivy ? { trivy } : {} }
    },
    timeVerified: rfc3339(input.timeVerified),
    resourceUri: `${input.repository}@${input.digest}`,
    policy: { uri: input.policyUri, digest: { sha256: policyDigest(input.policy) } },
    verificationResult: input.passed ? "PASSED" : "FAILED",
    scanner: {
      // Release versions are tags `vX.Y.Z`; a dev build has no tag to point at.
      uri: /^\d/.test(trivy) ? `pkg:github/aquasecurity/trivy@v${trivy}` : "pkg:github/aquasecurity/trivy",
      version: trivy,
      db
    },
    findings: {
      critical: input.counts.CRITICAL,
      high: input.counts.HIGH,
      medium: input.counts.MEDIUM,
      low: input.counts.LOW,
      unknown: input.counts.UNKNOWN,
      ignored: input.ignored,
      suppressedByVex: input.suppressedByVex
    },
    thresholds: input.policy
  };
}
function dbFromTrivyReport(report) {
  const db = report?.Trivy?.Server?.VulnerabilityDB;
  if (!db || typeof db.UpdatedAt !== "string") return void 0;
  return {
    updatedAt: db.UpdatedAt,
    ...typeof db.NextUpdate === "string" ? { nextUpdate: db.NextUpdate } : {}
  };
}
var DurationError = class extends Error {
  name = "DurationError";
};
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(raw, label) {
  const text = raw.trim();
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)([smhd])/g)];
  if (!text || parts.map((p) => p[0]).join("") !== text) {
    throw new DurationError(
      `${label}: ${JSON.stringify(raw)} is not a duration; use a number with s, m, h or d, e.g. 24h or 1h30m.`
    );
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2]] ?? 0), 0);
  if (ms <= 0) throw new DurationError(`${label}: the duration must be greater than zero.`);
  return ms;
}
function verdictProblems(statement, digest, maxDbAgeMs) {
  if (statement.predicateType !== GATE_VERDICT_PREDICATE_TYPE) return ["not a gate verdict"];
  const p = statement.predicate;
  const problems = [];
  if (p?.verificationResult !== "PASSED") {
    problems.push(`the verdict is ${p?.verificationResult ?? "missing"}, not PASSED`);
  }
  if (typeof p?.resourceUri !== "string" || !p.resourceUri.endsWith(`@${digest}`)) {
    problems.push(`the verdict is for ${p?.resourceUri ?? "no resource"}, not ${digest}`);
  }
  if (maxDbAgeMs !== void 0) {
    const verified = Date.parse(p?.timeVerified ?? "");
    const built = Date.parse(p?.scanner?.db?.lastUpdate ?? "");
    if (Number.isNaN(verified) || Number.isNaN(built)) {
      problems.push("the verdict does not say when the vulnerability DB was built");
    } else if (verified - built > maxDbAgeMs) {
      const hours = ((verified - built) / 36e5).toFixed(1);
      problems.push(
        `the vulnerability DB was ${hours} h old when the gate ran, more than the ${(maxDbAgeMs / 36e5).toFixed(1)} h allowed`
      );
    }
  }
  return problems;
}

export { GATE_VERDICT_PREDICATE_TYPE as G, canonicalJson as c, dbFromTrivyReport as d, gateVerdictPredicate as g, parseDuration as p, verdictProblems as v };

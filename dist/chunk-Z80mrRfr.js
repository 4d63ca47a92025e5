import { createRequire } from 'node:module';
import { w as workspacePath } from './chunk-D5sk-O7z.js';
import { a1 as string2, a2 as _regex, ap as refine, aq as strictObject, ar as optional, ak as union, a6 as int, as as _positive, a5 as array, at as _minLength, au as _gte, av as _lte, aw as clone, ax as globalRegistry, ay as _enum, az as url, aA as boolean2, am as literal } from './chunk-CxTsKb1n.js';
import { r as require_dist } from './chunk-D4yWkZKx.js';
import { ab as __toESM, a4 as parseSize, ap as PolicyFileError, aC as PolicyLockError, aD as parsePolicyLocation, I as InputError, aE as canonicalJson, aF as baseAllowed, aG as describeLocation, aH as FORBIDDABLE } from './chunk-BfsmuvnE.js';
import { C as ContentsError } from './chunk-u98pk4Ts.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep, isAbsolute } from 'node:path';

createRequire(import.meta.url);

// src/policy-file/dates.ts
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isCalendarDate(value) {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1970 || mo < 1 || mo > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
function startOfDay(date) {
  return Date.parse(`${date}T00:00:00Z`);
}
var DAY_MS = 864e5;
function daysUntil(date, now) {
  return Math.floor((startOfDay(date) - now.getTime()) / DAY_MS);
}

// src/policy-file/schema.ts
var FAIL_ON_WORDS = ["critical", "high", "medium", "low", "unknown", "none"];
var POLICY_KEY_NAMES = [
  "fail-on",
  "fail-on-scope",
  "ignore-unfixed",
  "ignore-file",
  "warn-expiry-days",
  "exceptions",
  "vex",
  "vex-required-author",
  "base-image-policy",
  "allowed-base-images",
  "forbid",
  "max-image-size",
  "certificate-identity",
  "certificate-identity-regexp",
  "certificate-oidc-issuer",
  "comment",
  "comment-mode",
  "comment-per",
  "rescan-fail",
  "rescan"
];
function keysLockedBy(key) {
  return key === "exceptions" ? ["exceptions", "ignore-file"] : [key];
}
function meta(schema, data) {
  const copy = clone(schema);
  globalRegistry.add(copy, data);
  return copy;
}
var nonBlank = (what) => string2().check(refine((s) => s.trim() !== "", { message: `${what} must not be empty` }));
var calendarDate = meta(
  string2({ error: "write the date as YYYY-MM-DD" }).check(
    _regex(/^\d{4}-\d{2}-\d{2}$/, { message: "write the date as YYYY-MM-DD (e.g. 2026-12-31)" }),
    refine(isCalendarDate, {
      message: "is not a real calendar date; write it as YYYY-MM-DD (e.g. 2026-12-31)"
    })
  ),
  {
    format: "date",
    description: "YYYY-MM-DD; from 00:00 UTC that day the exception no longer suppresses anything."
  }
);
var exceptionSchema = meta(
  strictObject({
    id: meta(
      string2().check(
        _regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
          message: "must be a CVE/GHSA ID or a rule ID such as DS002, without spaces"
        })
      ),
      { description: "Vulnerability (CVE-\u2026, GHSA-\u2026), secret rule or misconfiguration check ID." }
    ),
    package: meta(optional(nonBlank("package")), {
      description: "Only findings in this package (name as Trivy reports it)."
    }),
    image: meta(optional(nonBlank("image")), {
      description: "Only in images matching this glob (`*` within a path segment, `**` across)."
    }),
    path: meta(optional(nonBlank("path")), {
      description: "Only findings whose target or package path matches this glob."
    }),
    reason: meta(nonBlank("reason"), {
      description: "Why this finding is accepted: shown in the report, the summary and the comment."
    }),
    expires: calendarDate
  }),
  { description: "One accepted finding. A reason and an expiry are required." }
);
var maxSize = meta(
  union([string2(), int().check(_positive())]).check(
    refine(
      (v) => {
        try {
          return parseSize(String(v)) > 0;
        } catch {
          return false;
        }
      },
      { message: "is not a size; write it like 200MB, 1.5GiB or a number of bytes" }
    )
  ),
  { description: "Largest allowed compressed image size, e.g. 200MB or 1.5GiB." }
);
function compiles(re) {
  try {
    new RegExp(re);
    return true;
  } catch {
    return false;
  }
}
var FIELDS = {
  "fail-on": meta(_enum(FAIL_ON_WORDS), {
    description: "Lowest severity that fails the gate (default high)."
  }),
  "fail-on-scope": meta(_enum(["all", "new", "app", "new,app"]), {
    description: "all (default): every finding counts; new: only findings missing from compare-to; app: only findings from the image's own layers, not its base image; new,app: both."
  }),
  "ignore-unfixed": meta(boolean2(), {
    description: "Findings without a fixed version do not count (default false)."
  }),
  "ignore-file": meta(nonBlank("ignore-file"), {
    description: "Trivy ignore file (.trivyignore or .trivyignore.yaml) in the repository."
  }),
  "warn-expiry-days": meta(int().check(_gte(0), _lte(365)), {
    description: "Exceptions expiring within this many days are listed (default 14)."
  }),
  exceptions: meta(array(exceptionSchema), {
    description: "Accepted findings, each with a reason and an expiry."
  }),
  vex: meta(array(nonBlank("vex")), {
    description: "VEX documents (paths in the repository, https URLs, or `oci` for the image's signed attestations) whose not_affected and fixed statements suppress findings; suppressed findings are listed, never counted."
  }),
  "vex-required-author": meta(
    union([nonBlank("vex-required-author"), array(nonBlank("vex-required-author"))]),
    {
      description: "Only VEX documents whose author (OpenVEX author, CycloneDX metadata authors/manufacturer, CSAF publisher) is exactly this (or one of these) are applied."
    }
  ),
  "base-image-policy": meta(_enum(["off", "warn", "enforce"]), {
    description: "Minimal-base-image check: off, warn (default) or enforce."
  }),
  "allowed-base-images": meta(array(nonBlank("allowed-base-images")), {
    description: "Globs of allowed base images; empty or absent allows any base."
  }),
  forbid: meta(array(_enum(FORBIDDABLE)), {
    description: "Base-image properties that are violations."
  }),
  "max-image-size": maxSize,
  "certificate-identity": meta(nonBlank("certificate-identity"), {
    description: "verify: exact signer identity (workflow URL@ref)."
  }),
  "certificate-identity-regexp": meta(
    nonBlank("certificate-identity-regexp").check(
      refine(compiles, { message: "is not a valid regular expression" })
    ),
    { description: "verify: anchored regular expression for the signer identity." }
  ),
  "certificate-oidc-issuer": meta(url({ protocol: /^https$/ }), {
    description: "verify: OIDC issuer of the signer."
  }),
  comment: meta(_enum(["auto", "always", "never"]), {
    description: "Pull-request comment (default auto)."
  }),
  "comment-mode": meta(_enum(["update", "recreate"]), { description: "default update" }),
  "comment-per": meta(_enum(["job", "image"]), { description: "default job" }),
  "rescan-fail": meta(_enum(["never", "new", "any"]), {
    description: "mode: rescan: any (default) fails while any watched image fails the policy; new only for findings new since the last rescan; never."
  }),
  rescan: meta(
    strictObject({
      images: meta(array(nonBlank("rescan.images")).check(_minLength(1)), {
        description: "Images to watch, by tag or digest (used when `image` is not given)."
      })
    }),
    { description: "mode: rescan: what to watch after it ships." }
  )
};
var header = {
  version: meta(literal(1), { description: "Format version; always 1." }),
  extends: meta(nonBlank("extends"), {
    description: "A central policy this file builds on: owner/repo/path@<40-hex commit SHA> (or a path in the same repository)."
  })
};
var policyValuesSchema = strictObject({
  version: header.version,
  extends: optional(header.extends),
  ...Object.fromEntries(
    Object.entries(FIELDS).map(([k, f]) => [k, optional(f)])
  )
}).check(
  refine((v) => !(v["certificate-identity"] && v["certificate-identity-regexp"]), {
    message: "give either certificate-identity or certificate-identity-regexp, not both",
    path: ["certificate-identity-regexp"]
  })
);
function lockable(field) {
  return union([
    field,
    meta(
      strictObject({
        value: field,
        locked: meta(optional(boolean2()), {
          description: "Files that extend this one, and action inputs or CLI flags, cannot loosen this key."
        })
      }),
      { description: "The value, locked: files extending this one may only tighten it." }
    )
  ]);
}
meta(
  strictObject({
    version: header.version,
    extends: optional(header.extends),
    ...Object.fromEntries(
      Object.entries(FIELDS).map(([k, f]) => [k, optional(lockable(f))])
    )
  }),
  {
    title: "Shipgate policy",
    description: "Everything a Shipgate gate decision depends on. See docs/policy-file.md in the Shipgate repository."
  }
);

// src/policy-file/canonical.ts
var SETS = ["exceptions", "vex", "allowed-base-images", "forbid"];
function effectivePolicyDocument(values, locked) {
  const normal = { ...values };
  for (const key of SETS) {
    const list = normal[key];
    if (list) normal[key] = [...new Set(list.map(canonicalJson))].sort().map((j) => JSON.parse(j));
  }
  const size = values["max-image-size"];
  if (size !== void 0) normal["max-image-size"] = parseSize(String(size));
  const ordered2 = Object.fromEntries(
    POLICY_KEY_NAMES.filter((k) => normal[k] !== void 0).map((k) => [k, normal[k]])
  );
  return { version: 1, ...ordered2, locked: [...locked].sort() };
}
function canonicalPolicy(values, locked) {
  return canonicalJson(effectivePolicyDocument(values, locked));
}
function policySha256(values, locked) {
  return createHash("sha256").update(canonicalPolicy(values, locked)).digest("hex");
}

// src/policy-file/exceptions.ts
function isExceptionExpired(e, now) {
  return startOfDay(e.expires) < now.getTime();
}
function exceptionStatus(entries, now, warnExpiryDays) {
  const expired = entries.filter((e) => isExceptionExpired(e, now));
  const active = entries.filter((e) => !isExceptionExpired(e, now));
  const expiring = active.map((e) => ({ ...e, daysLeft: daysUntil(e.expires, now) })).filter((e) => e.daysLeft < warnExpiryDays);
  return { active, expiring, expired };
}
function toIgnoreRules(entries) {
  return entries.map((e) => ({
    id: e.id,
    source: e.source,
    expiresAt: e.expires,
    statement: e.reason,
    ...e.path !== void 0 ? { paths: [e.path] } : {},
    ...e.package !== void 0 ? { packages: [e.package] } : {},
    ...e.image !== void 0 ? { images: [e.image] } : {},
    kinds: ["vulnerability", "secret", "misconfiguration"]
  }));
}

// src/policy-file/compare.ts
var POLICY_DEFAULTS = {
  "fail-on": "high",
  "fail-on-scope": "all",
  "ignore-unfixed": false,
  "warn-expiry-days": 14,
  exceptions: [],
  vex: [],
  "base-image-policy": "warn",
  "allowed-base-images": [],
  forbid: [],
  comment: "auto",
  "comment-mode": "update",
  "comment-per": "job",
  "rescan-fail": "any"
};
function effectiveValue(values, key) {
  return values[key] ?? POLICY_DEFAULTS[key];
}
var ORDERS = {
  "fail-on": ["none", "critical", "high", "medium", "low", "unknown"],
  "ignore-unfixed": [true, false],
  "base-image-policy": ["off", "warn", "enforce"],
  "rescan-fail": ["never", "new", "any"]
};
function show(value) {
  if (value === void 0) return "unset";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  return String(value);
}
function ordered(key, from, to) {
  const order = ORDERS[key];
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  return a === b ? "same" : b > a ? "tightens" : "loosens";
}
function compareScopes(from, to) {
  const filters = (s) => new Set(s.split(",").filter((w) => w === "new" || w === "app"));
  const a = filters(from);
  const b = filters(to);
  const subset = (x, y) => [...x].every((w) => y.has(w));
  if (subset(a, b) && subset(b, a)) return "same";
  if (subset(b, a)) return "tightens";
  if (subset(a, b)) return "loosens";
  return "changes";
}
function sameException(a, b) {
  return a.id.toUpperCase() === b.id.toUpperCase() && a.package === b.package && a.image === b.image && a.path === b.path;
}
function exceptionCovered(inner, outer) {
  if (inner.id.toUpperCase() !== outer.id.toUpperCase()) return false;
  for (const f of ["package", "image", "path"])
    if (outer[f] !== void 0 && inner[f] !== outer[f]) return false;
  return inner.expires <= outer.expires;
}
function describeException(e) {
  const scope = [e.package, e.image, e.path].filter(Boolean).join(" ");
  return `${e.id}${scope ? ` in ${scope}` : ""} until ${e.expires}`;
}
function compareExceptions(from, to) {
  const added = to.filter((e) => !from.some((f) => sameException(f, e)));
  const removed = from.filter((f) => !to.some((e) => sameException(f, e)));
  const extended = to.filter((e) => from.some((f) => sameException(f, e) && e.expires > f.expires));
  const shortened = to.filter((e) => from.some((f) => sameException(f, e) && e.expires < f.expires));
  const parts = [];
  if (added.length)
    parts.push(
      `+${added.length} exception${added.length > 1 ? "s" : ""} (${added.map(describeException).join("; ")})`
    );
  if (extended.length) parts.push(`later expiry for ${extended.map(describeException).join("; ")}`);
  if (removed.length)
    parts.push(
      `-${removed.length} exception${removed.length > 1 ? "s" : ""} (${removed.map((e) => e.id).join(", ")})`
    );
  if (shortened.length)
    parts.push(`earlier expiry for ${shortened.map(describeException).join("; ")}`);
  const loosens = to.some((e) => !from.some((f) => exceptionCovered(e, f)));
  const direction = loosens ? "loosens" : parts.length ? "tightens" : "same";
  return { key: "exceptions", direction, detail: parts.join(", ") || "exceptions unchanged" };
}
function hasWildcard(glob) {
  return /[*?[]/.test(glob);
}
function compareAllowed(from, to) {
  const same = from.length === to.length && from.every((g) => to.includes(g));
  if (same) return "same";
  if (from.length === 0) return "tightens";
  if (to.length === 0) return "loosens";
  const narrower = to.every((g) => from.includes(g) || !hasWildcard(g) && baseAllowed(g, from));
  return narrower ? "tightens" : "loosens";
}
function compareSets(from, to, moreIsStricter) {
  const added = to.filter((x) => !from.includes(x));
  const removed = from.filter((x) => !to.includes(x));
  if (!added.length && !removed.length) return "same";
  const grows = added.length > 0;
  const shrinks = removed.length > 0;
  if (moreIsStricter) return shrinks ? "loosens" : "tightens";
  return grows ? "loosens" : "tightens";
}
function bytes(v) {
  return v === void 0 ? void 0 : parseSize(String(v));
}
function compareKey(key, fromValues, toValues) {
  const from = effectiveValue(fromValues, key);
  const to = effectiveValue(toValues, key);
  const detail = `${key} ${show(from)}\u2192${show(to)}`;
  switch (key) {
    case "fail-on-scope":
      return { key, direction: compareScopes(String(from), String(to)), detail };
    case "fail-on":
    case "ignore-unfixed":
    case "base-image-policy":
    case "rescan-fail":
      return { key, direction: ordered(key, from, to), detail };
    case "warn-expiry-days": {
      const a = from;
      const b = to;
      return { key, direction: a === b ? "same" : b > a ? "tightens" : "loosens", detail };
    }
    case "exceptions":
      return compareExceptions(from, to);
    case "vex":
      return { key, direction: compareSets(from, to, false), detail };
    case "vex-required-author": {
      const list = (v) => v === void 0 ? void 0 : [v].flat().map(String).sort();
      const a = list(from);
      const b = list(to);
      const direction = JSON.stringify(a) === JSON.stringify(b) ? "same" : a === void 0 ? "tightens" : b === void 0 ? "loosens" : "changes";
      return { key, direction, detail };
    }
    case "forbid":
      return { key, direction: compareSets(from, to, true), detail };
    case "allowed-base-images":
      return { key, direction: compareAllowed(from, to), detail };
    case "max-image-size": {
      const a = bytes(from);
      const b = bytes(to);
      const direction = a === b ? "same" : b === void 0 ? "loosens" : a === void 0 || b < a ? "tightens" : "loosens";
      return { key, direction, detail };
    }
    case "rescan": {
      const images = (v) => v?.images ?? [];
      return { key, direction: compareSets(images(from), images(to), true), detail };
    }
    default:
      return { key, direction: from === to ? "same" : "changes", detail };
  }
}

// src/policy-file/layer.ts
function rawOf(value) {
  return Array.isArray(value) ? value.map(String).join("\n") : String(value);
}
var RESCAN_IMAGES_KEY = "rescan.images";
var OWN = /* @__PURE__ */ new Set(["exceptions", "warn-expiry-days", "rescan"]);
function policyLayer(policy) {
  const values = {};
  for (const key of POLICY_KEY_NAMES) {
    if (OWN.has(key)) continue;
    const value = policy.values[key];
    const locked = policy.locks.has(key);
    if (value === void 0 && !locked) continue;
    const origin = policy.origins.get(key) ?? policy.locks.get(key);
    values[key] = {
      // A lock on a key no file sets locks Shipgate's default.
      raw: rawOf(value ?? POLICY_DEFAULTS[key] ?? ""),
      file: origin?.file ?? policy.source.file,
      line: origin?.line,
      locked
    };
  }
  const rescan = policy.values.rescan;
  if (rescan?.images?.length || policy.locks.has("rescan")) {
    const origin = policy.origins.get("rescan") ?? policy.locks.get("rescan");
    values[RESCAN_IMAGES_KEY] = {
      raw: (rescan?.images ?? []).join("\n"),
      file: origin?.file ?? policy.source.file,
      line: origin?.line,
      locked: policy.locks.has("rescan")
    };
  }
  const rules = toIgnoreRules([...policy.exceptions.active, ...policy.exceptions.expired]);
  return {
    file: policy.source.file,
    values,
    sha256: policy.sha256,
    ignoreRules: rules
  };
}

// src/policy-file/merge.ts
var HINTS = {
  "fail-on": "a stricter threshold (lower severity), e.g. medium instead of high",
  "fail-on-scope": "`all` (every finding counts), or fewer of `new` and `app`",
  "ignore-unfixed": "`false`",
  "ignore-file": "no ignore file of its own: exceptions are locked",
  "warn-expiry-days": "more days",
  exceptions: "fewer exceptions, narrower ones, or earlier expiry dates",
  vex: "fewer VEX sources",
  "vex-required-author": "the same required author",
  "base-image-policy": "a stricter mode (warn \u2192 enforce)",
  "allowed-base-images": "a subset of the allowed globs, or plain image names they allow",
  forbid: "more forbidden properties",
  "max-image-size": "a smaller size",
  "rescan-fail": "a stricter mode (never \u2192 new \u2192 any)",
  rescan: "more watched images (every locked one still listed)"
};
function where(place) {
  return `${place.file}${place.line ? `:${place.line}` : ""}`;
}
function lockMessage(key, direction, detail, lock, who) {
  const verb = direction === "loosens" ? "loosens" : "changes";
  const may = HINTS[key] ? `${who} may only tighten it: ${HINTS[key]}.` : `${who} must keep the locked value.`;
  return `${verb} the locked key \`${key}\` (${detail}), which ${where(lock)} locks. ${may} Remove it here, or ask the owners of ${lock.file} to change the central policy.`;
}
function lineOfKey(layer, key) {
  return layer.lines.get(key);
}
function mergePolicies(layers) {
  const values = {};
  const origins = /* @__PURE__ */ new Map();
  const locks = /* @__PURE__ */ new Map();
  for (const layer of layers) {
    for (const key of POLICY_KEY_NAMES) {
      const next = layer.values[key];
      if (next === void 0) continue;
      const lock = locks.get(key);
      if (lock) {
        const change = compareKey(key, values, { [key]: next });
        if (change.direction === "loosens" || change.direction === "changes") {
          throw new PolicyLockError(
            layer.file,
            key,
            lineOfKey(layer, key),
            lockMessage(key, change.direction, change.detail, lock, "A file that extends it")
          );
        }
      }
      values[key] = next;
      origins.set(key, { file: layer.file, line: lineOfKey(layer, key) });
    }
    for (const entry of layer.locked) {
      const place = { file: layer.file, line: layer.lines.get(entry) };
      for (const key of keysLockedBy(entry)) if (!locks.has(key)) locks.set(key, place);
    }
  }
  return { values, origins, locks };
}

// src/policy-file/parse.ts
var import_yaml = __toESM(require_dist());
var MAX_POLICY_BYTES = 256 * 1024;
function lineOf(doc, counter, path) {
  let node = doc.contents;
  let line;
  const at = (n) => {
    const offset = n?.range?.[0];
    if (offset !== void 0) line = counter.linePos(offset).line;
  };
  at(node);
  for (const segment of path) {
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((p) => (0, import_yaml.isPair)(p) && (0, import_yaml.isScalar)(p.key) && p.key.value === segment);
      if (!pair) break;
      at(pair.key);
      node = pair.value;
    } else if ((0, import_yaml.isSeq)(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!item) break;
      at(item);
      node = item;
    } else break;
  }
  return line;
}
function describeIssue(issue) {
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `\`${k}\``).join(", ")}; check the spelling against schema/shipgate.schema.json.`;
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}.` : `is not one of ${issue.values.map(String).join(", ")}.`;
    case "invalid_type":
      if (!issue.message.startsWith("Invalid input")) return `${issue.message}.`;
      return `must be ${issue.expected === "int" ? "a whole number" : `a ${issue.expected}`}, not ${describeValue(issue.input)}.`;
    default:
      return `${issue.message.replace(/\.$/, "")}.`;
  }
}
function describeValue(value) {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}
function parsePolicy(text, file) {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
    throw new PolicyFileError(
      file,
      void 0,
      void 0,
      `is larger than ${MAX_POLICY_BYTES / 1024} KiB; a policy file is a few hundred lines.`
    );
  }
  const counter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, {
    lineCounter: counter,
    version: "1.2",
    schema: "core",
    uniqueKeys: true,
    prettyErrors: false
  });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = counter.linePos(yamlError.pos[0]).line;
    const detail = /unique/i.test(yamlError.message) ? "a key appears twice in the same mapping; which one applies would depend on the reader. Keep one." : /multiple documents/i.test(yamlError.message) ? "holds several YAML documents (`---`); a policy file is one." : `is not valid YAML: ${yamlError.message.split("\n")[0]}`;
    throw new PolicyFileError(file, void 0, line, detail);
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new PolicyFileError(
      file,
      void 0,
      void 0,
      `cannot be read: ${error.message}. Write the values out instead of using aliases.`
    );
  }
  if (data === null || data === void 0) {
    throw new PolicyFileError(file, void 0, void 0, "is empty; start it with `version: 1`.");
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new PolicyFileError(
      file,
      void 0,
      1,
      "must be a mapping that starts with `version: 1`."
    );
  }
  const source = data;
  const plain = { ...source };
  const wrapped = /* @__PURE__ */ new Set();
  const locked = [];
  const fail = (key, path, detail) => {
    throw new PolicyFileError(file, key, lineOf(doc, counter, path), detail);
  };
  for (const [key, value] of Object.entries(source)) {
    if (value === null) fail(key, [key], "has no value; give one or remove the key.");
    if (!POLICY_KEY_NAMES.includes(key)) continue;
    if (!value || typeof value !== "object" || Array.isArray(value)) continue;
    const entry = value;
    if (key === "rescan" && !("value" in entry)) continue;
    const extra = Object.keys(entry).find((k) => k !== "value" && k !== "locked");
    if (!("value" in entry) || extra !== void 0)
      fail(
        key,
        extra ? [key, extra] : [key],
        "is a mapping; give a value, a list, or { value: \u2026, locked: true } to lock it."
      );
    if (entry.value === null) fail(key, [key, "value"], "has no value; give one or remove the key.");
    if ("locked" in entry && typeof entry.locked !== "boolean")
      fail(key, [key, "locked"], "`locked` is true or false.");
    wrapped.add(key);
    if (entry.locked === true) locked.push(key);
    plain[key] = entry.value;
  }
  const yamlPath = (path) => typeof path[0] === "string" && wrapped.has(path[0]) ? [path[0], "value", ...path.slice(1)] : path;
  const result = policyValuesSchema.safeParse(plain, { reportInput: true });
  if (!result.success) {
    const issues = [...result.error.issues].sort(
      (a, b) => a.path[0] === "version" ? -1 : b.path[0] === "version" ? 1 : 0
    );
    const issue = issues[0];
    let path = issue.path.filter((p) => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys" && issue.keys.length === 1)
      path = [...path, issue.keys[0]];
    const key = path.length ? path.join(".") : void 0;
    let detail;
    if (path[0] === "version") detail = "write `version: 1` (the only version so far).";
    else if (issue.code === "unrecognized_keys" && path.length === 1)
      detail = `is not a policy key. The file may set ${POLICY_KEY_NAMES.join(", ")} (and version, extends).`;
    else if (issue.input === void 0 && issue.code !== "unrecognized_keys" && issue.code !== "custom")
      detail = "is required.";
    else detail = describeIssue(issue);
    throw new PolicyFileError(file, key, lineOf(doc, counter, yamlPath(path)), detail);
  }
  const values = result.data;
  const lines = /* @__PURE__ */ new Map();
  const record = (key, path) => {
    const line = lineOf(doc, counter, yamlPath(path));
    if (line !== void 0) lines.set(key, line);
  };
  for (const top of Object.keys(values)) {
    lines.set(top, lineOf(doc, counter, [top]) ?? 1);
    const value = values[top];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) record(`${top}.${i}`, [top, i]);
    }
  }
  for (const [i, e] of (values.exceptions ?? []).entries())
    for (const k of Object.keys(e)) record(`exceptions.${i}.${k}`, ["exceptions", i, k]);
  const { version: _v, extends: ext, ...settings } = values;
  return { file, values: settings, extends: ext, locked, lines };
}

// src/policy-file/diff.ts
function policyDiff(base, head) {
  const changes = POLICY_KEY_NAMES.map((key) => compareKey(key, base ?? {}, head ?? {})).filter(
    (c) => c.direction !== "same"
  );
  const loosens = changes.filter((c) => c.direction === "loosens");
  const tightens = changes.filter((c) => c.direction === "tightens");
  const other = changes.filter((c) => c.direction === "changes");
  const parts = [];
  if (loosens.length) parts.push(`this PR loosens: ${loosens.map((c) => c.detail).join(", ")}`);
  if (tightens.length)
    parts.push(
      `${parts.length ? "tightens" : "this PR tightens"}: ${tightens.map((c) => c.detail).join(", ")}`
    );
  if (other.length)
    parts.push(
      `${parts.length ? "changes" : "this PR changes"}: ${other.map((c) => c.detail).join(", ")}`
    );
  return { changes, loosens, tightens, other, summary: parts.join("; ") };
}

// src/policy-file/load.ts
var MAX_EXTENDS_DEPTH = 4;
function readerFor(opts, useBase, warnings) {
  const need = (why) => {
    if (!opts.contents)
      throw new InputError(
        opts.label,
        `${why} is read through the GitHub API, but there is no token: set github-token (it needs contents: read).`
      );
    return opts.contents;
  };
  return async (loc, relativeTo) => {
    if (loc.kind === "repo") {
      if (!loc.pinned)
        warnings.push(
          `The policy ${describeLocation(loc)} is read at a tag or branch (policy-allow-mutable: true): it can change without a change here.`
        );
      const text = await need(describeLocation(loc)).readFile(
        loc.owner,
        loc.repo,
        loc.path,
        loc.ref
      );
      return { text, source: { file: describeLocation(loc), location: loc } };
    }
    const parent = relativeTo?.location;
    if (parent?.kind === "repo") {
      const inner = { ...parent, path: loc.path };
      const text = await need(describeLocation(inner)).readFile(
        parent.owner,
        parent.repo,
        loc.path,
        parent.ref
      );
      return { text, source: { file: describeLocation(inner), location: inner } };
    }
    const commit = relativeTo?.commit ?? (useBase ? opts.pullRequest?.baseSha : void 0);
    if (commit && opts.pullRequest) {
      const { owner, repo } = opts.pullRequest;
      const inRepo = relative(opts.workspace, resolve(opts.workspace, loc.path)).split(sep).join("/");
      if (inRepo === "" || inRepo.startsWith("..") || isAbsolute(inRepo))
        throw new InputError(
          opts.label,
          `"${loc.path}" is outside the repository, so its version on the base branch cannot be read. On pull requests give a path inside the repository (e.g. .github/shipgate.yml) or owner/repo/path@<commit SHA>.`
        );
      const text = await need(
        `On pull requests the policy of the base branch (${inRepo})`
      ).readFile(owner, repo, inRepo, commit);
      const location = { kind: "file", path: inRepo };
      return { text, source: { file: `${inRepo}@${commit.slice(0, 12)}`, location, commit } };
    }
    return {
      text: await readLocal(opts.workspace, loc.path),
      source: { file: loc.path, location: loc }
    };
  };
}
async function readLocal(workspace, path) {
  const where2 = await workspacePath(workspace, path);
  switch (where2.kind) {
    case "missing":
      return void 0;
    case "unreadable":
      throw where2.error;
    case "escapes":
      throw new PolicyFileError(
        path,
        void 0,
        void 0,
        "is a symbolic link to a file outside the repository; a policy file must live in the repository."
      );
    case "file":
      return readFile(where2.real, "utf8");
  }
}
async function resolveChain(top, read, allowMutable) {
  const layers = [];
  const chain = [];
  const seen = /* @__PURE__ */ new Set();
  let current = top;
  while (current) {
    const { text, source } = current;
    if (seen.has(source.file))
      throw new PolicyFileError(
        source.file,
        "extends",
        void 0,
        `extends itself through ${[...seen].join(" \u2192 ")}; remove the loop.`
      );
    seen.add(source.file);
    if (layers.length > MAX_EXTENDS_DEPTH)
      throw new PolicyFileError(
        source.file,
        "extends",
        void 0,
        `the extends chain is deeper than ${MAX_EXTENDS_DEPTH} files; extend the central file directly.`
      );
    const parsed = parsePolicy(text, source.file);
    layers.unshift(parsed);
    chain.unshift(source);
    current = void 0;
    if (parsed.extends) {
      const line = parsed.lines.get("extends");
      let loc;
      try {
        loc = parsePolicyLocation(parsed.extends, "extends", allowMutable, true);
      } catch (error) {
        throw new PolicyFileError(
          source.file,
          "extends",
          line,
          error.message.replace(/^Input `extends`: /, "")
        );
      }
      const next = await read(loc, source);
      if (next.text === void 0)
        throw new PolicyFileError(
          source.file,
          "extends",
          line,
          `${next.source.file} does not exist (or the token cannot read it).`
        );
      current = { text: next.text, source: next.source };
    }
  }
  return { merged: mergePolicies(layers), layers, chain };
}
function exceptionEntries(resolved) {
  const origin = resolved.merged.origins.get("exceptions");
  const layer = resolved.layers.find((l) => l.file === origin?.file);
  return (resolved.merged.values.exceptions ?? []).map((e, i) => {
    const line = layer?.lines.get(`exceptions.${i}`);
    return { ...e, source: `${origin?.file}${line ? `:${line}` : ""}` };
  });
}
function keysForInput(input) {
  return POLICY_KEY_NAMES.filter((k) => keysLockedBy(k).includes(input));
}
function build(resolved, now) {
  const { merged } = resolved;
  const locked = [...merged.locks.keys()];
  const warnExpiryDays = effectiveValue(merged.values, "warn-expiry-days");
  const overrideRefusal = (input, value) => {
    for (const key of keysForInput(input)) {
      const lock = merged.locks.get(key);
      if (!lock) continue;
      if (value === void 0)
        return `\`${key}\` is locked by ${lock.file}${lock.line ? `:${lock.line}` : ""}; the input cannot change it.`;
      const change = compareKey(key, merged.values, { [key]: value });
      if (change.direction === "loosens" || change.direction === "changes")
        return lockMessage(key, change.direction, change.detail, lock, "An input");
    }
    return void 0;
  };
  return {
    values: merged.values,
    document: effectivePolicyDocument(merged.values, locked),
    sha256: policySha256(merged.values, locked),
    source: resolved.chain[resolved.chain.length - 1],
    chain: resolved.chain,
    origins: merged.origins,
    locks: merged.locks,
    exceptions: exceptionStatus(exceptionEntries(resolved), now, warnExpiryDays),
    warnExpiryDays,
    mayOverride: (input, value) => overrideRefusal(input, value) === void 0,
    overrideRefusal
  };
}
async function loadPolicy(options) {
  const warnings = [];
  const explicit = options.policy.trim() !== "";
  const loc = parsePolicyLocation(options.policy, options.label, options.allowMutable);
  const noBase = options.pullRequest instanceof Error ? options.pullRequest : void 0;
  if (noBase && loc.kind === "file") {
    const inCheckout = await readLocal(options.workspace, loc.path).catch(() => "unreadable");
    if (explicit || inCheckout !== void 0) throw noBase;
  }
  const opts = {
    ...options,
    pullRequest: noBase ? void 0 : options.pullRequest
  };
  const read = readerFor(opts, true, warnings);
  const top = await read(loc, void 0);
  if (top.text === void 0 && top.source.commit && opts.pullRequest && opts.contents) {
    const { owner, repo, baseSha } = opts.pullRequest;
    if (!await opts.contents.canRead(owner, repo, baseSha))
      throw new ContentsError(
        404,
        `cannot read ${owner}/${repo} at the base commit ${baseSha.slice(0, 12)} to find its policy (${loc.path}). Give github-token contents: read (permissions: contents: read).`
      );
  }
  if (top.text === void 0 && explicit)
    throw new InputError(
      opts.label,
      loc.kind === "repo" ? `${top.source.file} does not exist (or the token cannot read it).` : `"${loc.path}" does not exist${opts.pullRequest ? " on the base branch" : ""}. Give the path of a policy file (e.g. .github/shipgate.yml) or remove it.`
    );
  const base = top.text === void 0 ? void 0 : await resolveChain({ text: top.text, source: top.source }, read, opts.allowMutable);
  const policy = base && build(base, opts.now);
  let change;
  if (opts.pullRequest && loc.kind === "file") {
    change = await headChange(opts, loc, base, warnings);
  }
  return { policy, change, warnings };
}
async function headChange(opts, loc, base, warnings) {
  const readHead = readerFor({ ...opts, pullRequest: void 0 }, false, []);
  const head = await readHead(loc, void 0);
  if (head.text === void 0 && !base) return void 0;
  let headValues;
  let headError;
  if (head.text !== void 0) {
    try {
      headValues = (await resolveChain({ text: head.text, source: head.source }, readHead, opts.allowMutable)).merged.values;
    } catch (error) {
      headError = error.message;
      warnings.push(`This pull request's policy would not load after merge: ${headError}`);
    }
  }
  const diff = policyDiff(base?.merged.values, headValues);
  if (!diff.changes.length && !headError) return void 0;
  return { headFile: loc.path, diff, headError };
}

export { policySha256 as a, policyLayer as b, exceptionStatus as e, loadPolicy as l, mergePolicies as m, parsePolicy as p };

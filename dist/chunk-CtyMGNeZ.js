import { createRequire } from 'node:module';
import { S as SEVERITIES, a6 as parseSeverity } from './chunk-BbcanKWs.js';
import { c as config, n as normalizeParams, $ as $constructor, a as $ZodObject, i as installLazyProp, b as clone, s as safeParseAsync, d as safeParse, p as parseAsync, e as parse, o as own, f as $ZodType, g as en_default, _ as _unknown, h as shallowClone, j as _string, k as $ZodUnknown, l as $ZodOptional, m as $ZodDefault, q as _number, r as $ZodLiteral, t as $ZodString, u as $ZodPipe, v as $ZodNumber, w as _boolean, x as $ZodArray, y as $ZodTransform, z as $ZodRecord, A as $ZodBoolean, B as $ZodNullable, N as NEVER } from './chunk-qH5B7mi5.js';
import { setFlagsFromString } from 'node:v8';
import { isAscii } from 'node:buffer';
import { openSync, fstatSync, readSync, closeSync } from 'node:fs';

createRequire(import.meta.url);

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean(params) {
  return _boolean(ZodMiniBoolean, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function looseObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ unknown(),
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
var ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
  $ZodTransform.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniNullable = /* @__PURE__ */ $constructor("ZodMiniNullable", (inst, def) => {
  $ZodNullable.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
  return new ZodMiniNullable({
    type: "nullable",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function nullish(innerType) {
  return /* @__PURE__ */ optional(/* @__PURE__ */ nullable(innerType));
}
var ZodMiniDefault = /* @__PURE__ */ $constructor("ZodMiniDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _default(innerType, defaultValue) {
  return new ZodMiniDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
    }
  });
}
var ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}
var LARGE_INPUT = 16 * 1024 * 1024;
var kept = false;
function beforeParsing(characters) {
  if (kept || characters < LARGE_INPUT) return;
  kept = true;
  setFlagsFromString("--semi-space-growth-factor=1");
}
var CHUNK = 4096;
var BACKSLASH = 92;
var decoder = new TextDecoder("utf-8", { ignoreBOM: true });
function escaped(text) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    out += `\\u${text.charCodeAt(i).toString(16).padStart(4, "0")}`;
  }
  return out;
}
function nonAsciiRuns(bytes) {
  const runs = [];
  let next = 0;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(at + CHUNK, bytes.length);
    if (end <= next || isAscii(bytes.subarray(Math.max(at, next), end))) continue;
    for (let i = Math.max(at, next); i < end; i++) {
      if (bytes[i] < 128) continue;
      let slashes = 0;
      while (i - slashes - 1 >= 0 && bytes[i - slashes - 1] === BACKSLASH) slashes++;
      if (slashes % 2 === 1) return void 0;
      let j = i + 1;
      while (j < bytes.length && bytes[j] >= 128) j++;
      runs.push([i, j]);
      next = j;
      i = j - 1;
    }
  }
  return runs;
}
function asciiJsonText(bytes, length = bytes.length) {
  const data = bytes.subarray(0, length);
  if (isAscii(data)) return data.toString("latin1");
  const runs = nonAsciiRuns(data);
  if (!runs) return void 0;
  const escapes = runs.map(([start, end]) => escaped(decoder.decode(data.subarray(start, end))));
  let grown = length;
  for (const [k, [start, end]] of runs.entries())
    grown += escapes[k].length - (end - start);
  if (grown <= bytes.length) {
    let shift = grown - length;
    let stretchEnd = length;
    for (let k = runs.length - 1; k >= 0; k--) {
      const [start, end] = runs[k];
      const written = escapes[k];
      bytes.copyWithin(end + shift, end, stretchEnd);
      shift -= written.length - (end - start);
      bytes.write(written, start + shift, "latin1");
      stretchEnd = start;
    }
    return bytes.toString("latin1", 0, grown);
  }
  const out = Buffer.allocUnsafe(grown);
  let from = 0;
  let to = 0;
  for (const [k, [start, end]] of runs.entries()) {
    to += data.copy(out, to, from, start);
    to += out.write(escapes[k], to, "latin1");
    from = end;
  }
  data.copy(out, to, from);
  return out.toString("latin1");
}
var slackFor = (size) => 64 * 1024 + Math.ceil(size / 256);
function readJsonText(path) {
  const fd = openSync(path, "r");
  let bytes;
  let length = 0;
  try {
    const size = fstatSync(fd).size;
    bytes = Buffer.allocUnsafe(size + slackFor(size));
    for (; ; ) {
      if (length === bytes.length) {
        const larger = Buffer.allocUnsafe(bytes.length * 2);
        bytes.copy(larger, 0, 0, length);
        bytes = larger;
      }
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
  } finally {
    closeSync(fd);
  }
  return asciiJsonText(bytes, length) ?? bytes.toString("utf8", 0, length);
}

// scanners/trivy/fast-entries.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var optStr = (v) => v === void 0 || typeof v === "string";
var optNum = (v) => v === void 0 || typeof v === "number";
function severity(v) {
  if (v === void 0) return "UNKNOWN";
  return typeof v === "string" ? parseSeverity(v) : void 0;
}
function vulnerabilityOk(v) {
  if (typeof v.VulnerabilityID !== "string" || typeof v.PkgName !== "string") return false;
  if (!optStr(v.PkgID) || !optStr(v.PkgPath) || !optStr(v.InstalledVersion) || !optStr(v.FixedVersion) || !optStr(v.Status) || !optStr(v.SeveritySource) || !optStr(v.PrimaryURL) || !optStr(v.Fingerprint) || !optStr(v.Title) || !optStr(v.Description))
    return false;
  const id = v.PkgIdentifier;
  if (id !== void 0 && !(isObject(id) && optStr(id.PURL) && optStr(id.UID))) return false;
  const layer = v.Layer;
  if (layer !== void 0 && !(isObject(layer) && optStr(layer.Digest) && optStr(layer.DiffID)))
    return false;
  const cvss = v.CVSS;
  if (cvss !== void 0) {
    if (!isObject(cvss)) return false;
    for (const c of Object.values(cvss)) {
      if (!(isObject(c) && optNum(c.V2Score) && optNum(c.V3Score) && optNum(c.V40Score)))
        return false;
    }
  }
  const refs = v.References;
  if (refs !== void 0 && !(Array.isArray(refs) && refs.every((r) => typeof r === "string")))
    return false;
  return true;
}
function secretOk(s) {
  return typeof s.RuleID === "string" && optStr(s.Category) && optStr(s.Title) && optNum(s.StartLine) && optNum(s.EndLine) && optStr(s.Match);
}
function misconfigurationOk(m) {
  const cause = m.CauseMetadata;
  return optStr(m.Type) && optStr(m.ID) && optStr(m.AVDID) && optStr(m.Title) && optStr(m.Message) && optStr(m.Resolution) && optStr(m.PrimaryURL) && optStr(m.Status) && (cause === void 0 || isObject(cause) && optNum(cause.StartLine) && optNum(cause.EndLine));
}
var CHECKS = {
  Vulnerabilities: vulnerabilityOk,
  Secrets: secretOk,
  Misconfigurations: misconfigurationOk
};
var FINDING_LIST_NAMES = Object.keys(CHECKS);
function acceptInPlace(list, entries) {
  const ok = CHECKS[list];
  for (const entry of entries) {
    if (!isObject(entry) || !ok(entry) || severity(entry.Severity) === void 0) return false;
  }
  for (const entry of entries) {
    entry.Severity = severity(entry.Severity);
    if (list === "Vulnerabilities" && entry.InstalledVersion === void 0)
      entry.InstalledVersion = "";
  }
  return true;
}

// scanners/trivy/schema.ts
config(en_default());
var str = string();
var optStr2 = optional(string());
var optNum2 = optional(number());
var arr = (item) => optional(array(item));
var Severity = pipe(
  _default(string(), "UNKNOWN"),
  transform((value, ctx) => {
    const severity2 = parseSeverity(value);
    if (severity2) return severity2;
    ctx.issues.push({
      code: "custom",
      input: value,
      message: `severity ${JSON.stringify(value)} is not one of Trivy's (${[...SEVERITIES].reverse().join(", ").replace(/, (?=[^,]*$)/, " or ")})`
    });
    return NEVER;
  })
);
var Layer = looseObject({ Digest: optStr2, DiffID: optStr2 });
var Cvss = looseObject({
  V2Score: optNum2,
  V3Score: optNum2,
  V40Score: optNum2
});
var TrivyVulnerability = looseObject({
  VulnerabilityID: str,
  PkgID: optStr2,
  PkgName: str,
  PkgPath: optStr2,
  PkgIdentifier: optional(looseObject({ PURL: optStr2, UID: optStr2 })),
  InstalledVersion: _default(string(), ""),
  FixedVersion: optStr2,
  Status: optStr2,
  Layer: optional(Layer),
  SeveritySource: optStr2,
  PrimaryURL: optStr2,
  Fingerprint: optStr2,
  Title: optStr2,
  Description: optStr2,
  Severity,
  CVSS: optional(record(string(), Cvss)),
  References: arr(string())
});
var TrivySecret = looseObject({
  RuleID: str,
  Category: optStr2,
  Severity,
  Title: optStr2,
  StartLine: optNum2,
  EndLine: optNum2,
  Match: optStr2
});
var TrivyMisconfiguration = looseObject({
  Type: optStr2,
  // New format `DS-0002` (v0.69+); older reports carry `DS002` plus `AVDID`.
  ID: optStr2,
  AVDID: optStr2,
  Title: optStr2,
  Message: optStr2,
  Resolution: optStr2,
  Severity,
  PrimaryURL: optStr2,
  Status: optStr2,
  CauseMetadata: optional(looseObject({ StartLine: optNum2, EndLine: optNum2 }))
});
var TrivyPackage = looseObject({ ID: optStr2, Name: optStr2, Version: optStr2 });
var ModifiedFinding = looseObject({
  Type: optStr2,
  Status: optStr2,
  Statement: optStr2,
  Source: optStr2,
  Finding: optional(unknown())
});
var TrivyResult = looseObject({
  // Always written by Trivy, but may be "" (custom/WASM results).
  Target: _default(string(), ""),
  Class: optStr2,
  Type: optStr2,
  Packages: arr(TrivyPackage),
  Vulnerabilities: arr(TrivyVulnerability),
  Misconfigurations: arr(TrivyMisconfiguration),
  Secrets: arr(TrivySecret),
  Licenses: arr(looseObject({ Name: optStr2, Severity: optStr2 })),
  ExperimentalModifiedFindings: arr(ModifiedFinding)
});
var ImageConfig = looseObject({
  history: arr(looseObject({ created_by: optStr2, empty_layer: optional(boolean()) })),
  config: optional(
    looseObject({
      User: optStr2,
      Labels: nullish(record(string(), string()))
    })
  )
});
var TrivyReport = looseObject({
  SchemaVersion: literal(2),
  Trivy: optional(looseObject({ Version: optStr2 })),
  CreatedAt: optStr2,
  // Checked before the schema (parse.ts) so the error can say what was expected.
  ArtifactName: str,
  ArtifactType: optStr2,
  Metadata: optional(
    looseObject({
      Size: optNum2,
      OS: optional(
        looseObject({
          Family: str,
          Name: _default(string(), ""),
          EOSL: optional(boolean())
        })
      ),
      ImageID: optStr2,
      DiffIDs: arr(string()),
      RepoTags: arr(string()),
      RepoDigests: arr(string()),
      ImageConfig: optional(ImageConfig)
    })
  ),
  Results: arr(TrivyResult)
});

// scanners/trivy/parse.ts
var TrivyReportError = class extends Error {
  constructor(source, message) {
    super(`Trivy report ${source}: ${message}`);
    this.source = source;
    this.name = "TrivyReportError";
  }
  source;
};
function otherFormat(root) {
  if (typeof root !== "object" || root === null) return void 0;
  const r = root;
  if (typeof r.$schema === "string" && r.$schema.includes("sarif")) return "SARIF";
  if (r.bomFormat === "CycloneDX") return "CycloneDX SBOM";
  if (typeof r.spdxVersion === "string") return "SPDX SBOM";
  if ("manifests" in r && "detector" in r) return "GitHub dependency snapshot";
  return void 0;
}
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var FINDING_LISTS = {
  Vulnerabilities: TrivyVulnerability,
  Secrets: TrivySecret,
  Misconfigurations: TrivyMisconfiguration
};
function findingName(root, path) {
  const [results, r, list, i] = path;
  if (results !== "Results" || !(typeof list === "string" && list in FINDING_LISTS))
    return void 0;
  const entry = root.Results?.[r]?.[list];
  const f = Array.isArray(entry) ? entry[i] : void 0;
  if (!isObject2(f)) return void 0;
  const id = [f.VulnerabilityID, f.RuleID, f.ID, f.AVDID].find((v) => typeof v === "string");
  const pkg = typeof f.PkgName === "string" ? ` in ${f.PkgName}` : "";
  return id ? `${id}${pkg}` : void 0;
}
function describeIssues(error, root) {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "(root)";
    const name = findingName(root, issue.path);
    return `${where}${name ? ` (${name})` : ""}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return shown.join("; ") + more;
}
var lowerCaseMaps = /* @__PURE__ */ new WeakMap();
function miscasedKey(obj, known, where) {
  let maps = lowerCaseMaps.get(known);
  if (!maps) {
    maps = { exact: new Set(known), byLower: new Map(known.map((k) => [k.toLowerCase(), k])) };
    lowerCaseMaps.set(known, maps);
  }
  const { exact, byLower } = maps;
  for (const key in obj) {
    if (exact.has(key)) continue;
    const expected = byLower.get(key.toLowerCase());
    if (expected && expected !== key) {
      return `${where}"${key}" is not a Trivy field; Trivy writes "${expected}". Shipgate reads only Trivy's own spelling, so it cannot tell what this report holds.`;
    }
  }
  return void 0;
}
var REPORT_KEYS = Object.keys(TrivyReport.shape);
var RESULT_KEYS = Object.keys(TrivyResult.shape);
var ENTRY_KEYS = Object.fromEntries(
  Object.entries(FINDING_LISTS).map(([list, schema]) => [list, Object.keys(schema.shape)])
);
function checkSpelling(root) {
  const problem = miscasedKey(root, REPORT_KEYS, "");
  if (problem) return problem;
  const results = Array.isArray(root.Results) ? root.Results : [];
  for (const [r, result] of results.entries()) {
    if (!isObject2(result)) continue;
    const inResult = miscasedKey(result, RESULT_KEYS, `Results.${r}: `);
    if (inResult) return inResult;
    for (const list of FINDING_LIST_NAMES) {
      const entries = Array.isArray(result[list]) ? result[list] : [];
      for (const [i, entry] of entries.entries()) {
        if (!isObject2(entry)) continue;
        const where = `Results.${r}.${list}.${i}: `;
        const inEntry = miscasedKey(entry, ENTRY_KEYS[list], where);
        if (inEntry) return inEntry;
      }
    }
  }
  return void 0;
}
var CANONICAL_SEVERITY = new Set(SEVERITIES);
var verbatim = /* @__PURE__ */ new WeakSet();
function readsAsWritten(root) {
  const os = isObject2(root.Metadata) ? root.Metadata.OS : void 0;
  if (isObject2(os) && os.Name === void 0) return false;
  const results = Array.isArray(root.Results) ? root.Results : [];
  for (const result of results) {
    if (!isObject2(result) || result.Target === void 0) return false;
    for (const list of ["Vulnerabilities", "Secrets", "Misconfigurations"]) {
      const entries = result[list];
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (!CANONICAL_SEVERITY.has(entry?.Severity)) return false;
        if (list === "Vulnerabilities" && entry.InstalledVersion === void 0) return false;
      }
    }
  }
  return true;
}
function isVerbatim(report) {
  return verbatim.has(report);
}
function parseTrivyReport(text, source) {
  if (text.trim() === "") {
    throw new TrivyReportError(source, "is empty. Trivy printed nothing: check its log above.");
  }
  let root;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const head = text.trim().slice(0, 80).replace(/\s+/g, " ");
    throw new TrivyReportError(
      source,
      `is not JSON (${error.message}); it starts with "${head}". Produce it with \`trivy image --format json\`.`
    );
  }
  if (Array.isArray(root)) {
    throw new TrivyReportError(
      source,
      "is a bare array (SchemaVersion 1, Trivy older than 0.19), not a Trivy report: Shipgate reads the object Trivy 0.19 and later writes, with SchemaVersion 2 and ArtifactName. Re-run `trivy image --format json` with a current Trivy."
    );
  }
  const other = otherFormat(root);
  if (other) {
    throw new TrivyReportError(
      source,
      `is a ${other}, not a Trivy JSON report. Pass the report of \`trivy image --format json\` instead; Shipgate derives SARIF and SBOMs from it.`
    );
  }
  if (!isObject2(root)) {
    throw new TrivyReportError(
      source,
      "is not a Trivy JSON report: expected an object with SchemaVersion 2 and ArtifactName, from `trivy image --format json`."
    );
  }
  const spelling = checkSpelling(root);
  if (spelling) throw new TrivyReportError(source, spelling);
  if (!("SchemaVersion" in root)) {
    throw new TrivyReportError(
      source,
      "has no SchemaVersion: expected SchemaVersion 2 and ArtifactName, as `trivy image --format json` (Trivy 0.19 and later) writes them."
    );
  }
  if (root.SchemaVersion !== 2) {
    throw new TrivyReportError(
      source,
      `has SchemaVersion ${JSON.stringify(root.SchemaVersion)}; Shipgate reads SchemaVersion 2 (Trivy 0.19 and later).`
    );
  }
  if (typeof root.ArtifactName !== "string" || root.ArtifactName.trim() === "") {
    throw new TrivyReportError(
      source,
      "has no ArtifactName: every report of `trivy image --format json` names the image it describes. Pass the report Trivy wrote, unedited."
    );
  }
  const asWritten = readsAsWritten(root);
  const detached = detachAcceptedLists(root);
  const parsed = TrivyReport.safeParse(root, { jitless: true });
  if (!parsed.success) {
    throw new TrivyReportError(
      source,
      `does not look like Trivy's JSON report: ${describeIssues(parsed.error, root)}.`
    );
  }
  for (const { result, list, entries } of detached) {
    const out = parsed.data.Results?.[result];
    if (out) out[list] = entries;
  }
  const modified = checkModifiedFindings(parsed.data);
  if (modified) throw new TrivyReportError(source, modified);
  if (asWritten) verbatim.add(parsed.data);
  return parsed.data;
}
function detachAcceptedLists(root) {
  const detached = [];
  if (!Array.isArray(root.Results)) return detached;
  for (const [r, result] of root.Results.entries()) {
    if (!isObject2(result)) continue;
    for (const list of FINDING_LIST_NAMES) {
      const entries = result[list];
      if (!Array.isArray(entries) || entries.length === 0) continue;
      if (!acceptInPlace(list, entries)) continue;
      result[list] = [];
      detached.push({ result: r, list, entries });
    }
  }
  return detached;
}
var MODIFIED_TYPES = {
  vulnerability: TrivyVulnerability,
  secret: TrivySecret,
  misconfiguration: TrivyMisconfiguration,
  license: looseObject({ Name: string() })
};
function checkModifiedFindings(report) {
  for (const [r, result] of (report.Results ?? []).entries()) {
    for (const [i, m] of (result.ExperimentalModifiedFindings ?? []).entries()) {
      const where = `Results.${r}.ExperimentalModifiedFindings.${i}`;
      const refuse = (what) => `${where} ${what}; Shipgate cannot tell which finding it set aside, so it refuses the report rather than count nothing. Pass the report Trivy wrote, unedited.`;
      const schema = MODIFIED_TYPES[m.Type];
      if (!schema || !Object.hasOwn(MODIFIED_TYPES, m.Type ?? "")) {
        return refuse(
          `has Type ${JSON.stringify(m.Type ?? null)}, not one of ${Object.keys(MODIFIED_TYPES).join(", ")}`
        );
      }
      if (typeof m.Status !== "string" || m.Status.trim() === "") return refuse("has no Status");
      const finding = schema.safeParse(m.Finding);
      if (!finding.success) {
        const issue = finding.error.issues[0];
        return refuse(
          `holds a ${m.Type} Finding Shipgate cannot read (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "not an object"})`
        );
      }
      m.Finding = finding.data;
    }
  }
  return void 0;
}
async function readTrivyReport(path) {
  let text;
  try {
    text = readJsonText(path);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? error})`;
    throw new TrivyReportError(path, `${why}. Check the \`trivy-report\` path.`);
  }
  beforeParsing(text.length);
  return parseTrivyReport(text, path);
}

export { TrivyReportError as T, readJsonText as a, isVerbatim as i, parseTrivyReport as p, readTrivyReport as r };

import { createRequire } from 'node:module';
import { S as SEVERITIES, a5 as parseSeverity } from './chunk-BAQxG8PF.js';
import { d as config, e as looseObject, f as optional, r as record, g as _default, h as boolean2, l as literal, s as string2, p as pipe, b as array, n as number2, j as nullish2, k as joinValues, m as stringifyPrimitive, q as parsedType, v as transform, w as unknown, N as NEVER } from './chunk-C0BEpVSl.js';
import { isAscii } from 'node:buffer';
import { openSync, fstatSync, readSync, closeSync } from 'node:fs';

createRequire(import.meta.url);

// node_modules/zod/v4/locales/en.js
var error = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input) {
    if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
      return String(input);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue) => {
    switch (issue.code) {
      case "invalid_type": {
        const expected = getTypeName(issue.expected);
        const receivedType = parsedType(issue.input);
        const received = getTypeName(receivedType, issue.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        if (issue.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
      case "too_big": {
        const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
        const sizing = getSizing(issue.origin);
        if (sizing)
          return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
        return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
        const sizing = getSizing(issue.origin);
        if (sizing) {
          return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue.origin}`;
      case "invalid_union":
        if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
          const opts = issue.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// src/heap.ts
var LARGE_INPUT = 16 * 1024 * 1024;
var pending = false;
function noteParsed(characters) {
  if (characters >= LARGE_INPUT) pending = true;
}
var v8Control = {
  usedBytes: () => process.getBuiltinModule("node:v8").getHeapStatistics().used_heap_size,
  setFlags: (flags) => process.getBuiltinModule("node:v8").setFlagsFromString(flags),
  collect: () => fullCollection()
};
var raised = false;
function beforeLargeParse(characters, logger, heap = v8Control) {
  if (raised || characters < LARGE_INPUT) return;
  raised = true;
  let set = false;
  try {
    const used = heap.usedBytes();
    if (used * 2 > characters) return;
    const percent = Math.ceil(5 * characters * 100 / Math.max(used, 1));
    heap.setFlags(`--heap-growing-percent=${percent}`);
    set = true;
    heap.collect();
  } catch (error2) {
  } finally {
    if (set) {
      try {
        heap.setFlags("--heap-growing-percent=0");
      } catch {
      }
    }
  }
}
function fullCollection() {
  process.getBuiltinModule("node:v8").setFlagsFromString("--expose-gc");
  const gc = process.getBuiltinModule("node:vm").runInNewContext("gc");
  gc({ type: "major", execution: "sync" });
}
function collectParsedReports(logger, heap = v8Control) {
  if (!pending) return;
  pending = false;
  try {
    heap.collect();
  } catch (error2) {
    logger?.debug(`heap: no collection after the parse (${error2.message})`);
  }
}
var CHUNK = 4096;
var BLOCK = 128;
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
      if (i % BLOCK === 0 && i + BLOCK <= end && isAscii(bytes.subarray(i, i + BLOCK))) {
        i += BLOCK - 1;
        continue;
      }
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
function readJsonText(path, cut2) {
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
  if (cut2) length = cut2(bytes, length);
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
    for (const source in cvss) {
      if (!Object.hasOwn(cvss, source)) continue;
      const c = cvss[source];
      if (!(isObject(c) && optNum(c.V2Score) && optNum(c.V3Score) && optNum(c.V40Score)))
        return false;
    }
  }
  const refs = v.References;
  if (refs !== void 0) {
    if (!Array.isArray(refs)) return false;
    for (let i = 0; i < refs.length; i++) if (typeof refs[i] !== "string") return false;
  }
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
var str = string2();
var optStr2 = optional(string2());
var optNum2 = optional(number2());
var arr = (item) => optional(array(item));
var Severity = pipe(
  _default(string2(), "UNKNOWN"),
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
  InstalledVersion: _default(string2(), ""),
  FixedVersion: optStr2,
  Status: optStr2,
  Layer: optional(Layer),
  SeveritySource: optStr2,
  PrimaryURL: optStr2,
  Fingerprint: optStr2,
  Title: optStr2,
  Description: optStr2,
  Severity,
  CVSS: optional(record(string2(), Cvss)),
  References: arr(string2())
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
  Target: _default(string2(), ""),
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
  history: arr(looseObject({ created_by: optStr2, empty_layer: optional(boolean2()) })),
  config: optional(
    looseObject({
      User: optStr2,
      Labels: nullish2(record(string2(), string2()))
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
          Name: _default(string2(), ""),
          EOSL: optional(boolean2())
        })
      ),
      ImageID: optStr2,
      DiffIDs: arr(string2()),
      RepoTags: arr(string2()),
      RepoDigests: arr(string2()),
      ImageConfig: optional(ImageConfig)
    })
  ),
  Results: arr(TrivyResult)
});

// scanners/trivy/unread-fields.ts
var DESCRIPTION = Buffer.from('Description"');
var REFERENCES = Buffer.from('References"');
var RESULTS = Buffer.from('"Results"');
var QUOTE = 34;
var BACKSLASH2 = 92;
var COLON = 58;
var COMMA = 44;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var QUOTES = 572662306;
var BACKSLASHES = 1549556828;
var ONES = 16843009;
var HIGHS = 2155905152;
var isSpace = (b) => b === 32 || b === 10 || b === 13 || b === 9;
function skipSpace(t, at) {
  while (at < t.end && isSpace(t.bytes[at])) at++;
  return at;
}
function pastString(t, at) {
  let from = at + 1;
  for (; ; ) {
    const close = t.bytes.indexOf(QUOTE, from);
    if (close < 0 || close >= t.end) return -1;
    let slashes = 0;
    while (t.bytes[close - 1 - slashes] === BACKSLASH2) slashes++;
    if (slashes % 2 === 0) return close + 1;
    from = close + 1;
  }
}
var holds = (word, bytes4) => {
  const x = word ^ bytes4;
  return (x - ONES & ~x & HIGHS) !== 0;
};
function pastStrings(t, at) {
  const { bytes, words, end } = t;
  const lastWord = (end >> 2) - 1;
  let i = skipSpace(t, at + 1);
  if (bytes[i] === CLOSE_BRACKET) return i + 1;
  for (; ; ) {
    if (bytes[i] !== QUOTE) return -1;
    i++;
    for (; ; ) {
      if (words && (i & 3) === 0) {
        let k = i >> 2;
        while (k < lastWord) {
          const w = words[k];
          if (holds(w, QUOTES) || holds(w, BACKSLASHES)) break;
          k++;
        }
        i = k << 2;
      }
      if (i >= end) return -1;
      const b = bytes[i];
      if (b === QUOTE) break;
      i += b === BACKSLASH2 ? 2 : 1;
    }
    i = skipSpace(t, i + 1);
    if (bytes[i] === CLOSE_BRACKET) return i + 1;
    if (bytes[i] !== COMMA) return -1;
    i = skipSpace(t, i + 1);
  }
}
function memberAt(t, key, keyLength, list) {
  const { bytes } = t;
  let before = key - 1;
  while (before >= 0 && isSpace(bytes[before])) before--;
  const opener = bytes[before];
  if (opener !== OPEN_BRACE && opener !== COMMA) return void 0;
  let i = skipSpace(t, key + keyLength);
  if (bytes[i] !== COLON) return void 0;
  i = skipSpace(t, i + 1);
  const valueEnd = list ? bytes[i] === OPEN_BRACKET ? pastStrings(t, i) : -1 : bytes[i] === QUOTE ? pastString(t, i) : -1;
  if (valueEnd < 0) return void 0;
  const after = skipSpace(t, valueEnd);
  const closer = bytes[after];
  if (closer !== COMMA && closer !== CLOSE_BRACE) return void 0;
  return {
    key,
    comma: opener === COMMA ? before : -1,
    valueEnd,
    pastComma: closer === COMMA ? after + 1 : -1
  };
}
function membersOf(t, key, from) {
  const list = key === REFERENCES;
  const found = [];
  for (let at = t.bytes.indexOf(key, from); at >= 0 && at < t.end; ) {
    const member = t.bytes[at - 1] === QUOTE ? memberAt(t, at - 1, key.length + 1, list) : void 0;
    if (member) found.push(member);
    at = t.bytes.indexOf(key, member ? member.valueEnd : at + key.length);
  }
  return found;
}
function cutUnreadFields(bytes, length) {
  const results = bytes.indexOf(RESULTS);
  if (results < 0 || results >= length) return length;
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : void 0;
  const t = { bytes, words, end: length };
  const descriptions = membersOf(t, DESCRIPTION, results);
  const references = membersOf(t, REFERENCES, results);
  if (!descriptions.length && !references.length) return length;
  let to = -1;
  let from = 0;
  let cutEnd = 0;
  let d = 0;
  let r = 0;
  for (; ; ) {
    const a = descriptions[d];
    const b = references[r];
    const m = a && (!b || a.key < b.key) ? a : b;
    if (!m) break;
    if (m === a) d++;
    else r++;
    if (m.key < cutEnd) continue;
    const cutFromComma = m.comma >= cutEnd;
    const start = cutFromComma ? m.comma : m.key;
    const end = cutFromComma || m.pastComma < 0 ? m.valueEnd : m.pastComma;
    if (to < 0) to = start;
    else {
      bytes.copyWithin(to, from, start);
      to += start - from;
    }
    from = end;
    cutEnd = end;
  }
  bytes.copyWithin(to, from, length);
  return to + length - from;
}

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
function describeIssues(error2, root) {
  const shown = error2.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "(root)";
    const name = findingName(root, issue.path);
    return `${where}${name ? ` (${name})` : ""}: ${issue.message}`;
  });
  const more = error2.issues.length > 3 ? ` (and ${error2.issues.length - 3} more)` : "";
  return shown.join("; ") + more;
}
var lowerCaseMaps = /* @__PURE__ */ new WeakMap();
function miscasedKey(obj, known) {
  let maps = lowerCaseMaps.get(known);
  if (!maps) {
    maps = { exact: new Set(known), byLower: new Map(known.map((k) => [k.toLowerCase(), k])) };
    lowerCaseMaps.set(known, maps);
  }
  const { exact, byLower } = maps;
  for (const key in obj) {
    if (exact.has(key)) continue;
    const expected = byLower.get(key.toLowerCase());
    if (expected && expected !== key) return { key, expected };
  }
  return void 0;
}
var REPORT_KEYS = Object.keys(TrivyReport.shape);
var RESULT_KEYS = Object.keys(TrivyResult.shape);
var ENTRY_KEYS = Object.fromEntries(
  Object.entries(FINDING_LISTS).map(([list, schema]) => [list, Object.keys(schema.shape)])
);
function checkSpelling(root) {
  const miscased = (where, found) => `${where}"${found.key}" is not a Trivy field; Trivy writes "${found.expected}". Shipgate reads only Trivy's own spelling, so it cannot tell what this report holds.`;
  const problem = miscasedKey(root, REPORT_KEYS);
  if (problem) return miscased("", problem);
  const results = Array.isArray(root.Results) ? root.Results : [];
  for (const [r, result] of results.entries()) {
    if (!isObject2(result)) continue;
    const inResult = miscasedKey(result, RESULT_KEYS);
    if (inResult) return miscased(`Results.${r}: `, inResult);
    for (const list of FINDING_LIST_NAMES) {
      const entries = Array.isArray(result[list]) ? result[list] : [];
      const keys = ENTRY_KEYS[list];
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (!isObject2(entry)) continue;
        const inEntry = miscasedKey(entry, keys);
        if (inEntry) return miscased(`Results.${r}.${list}.${i}: `, inEntry);
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
function parseTrivyReport(text, source, written = text.length) {
  if (text.trim() === "") {
    throw new TrivyReportError(source, "is empty. Trivy printed nothing: check its log above.");
  }
  noteParsed(written);
  beforeLargeParse(written);
  let root;
  try {
    root = JSON.parse(text);
  } catch (error2) {
    const head = text.trim().slice(0, 80).replace(/\s+/g, " ");
    throw new TrivyReportError(
      source,
      `is not JSON (${error2.message}); it starts with "${head}". Produce it with \`trivy image --format json\`.`
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
  license: looseObject({ Name: string2() })
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
var cut = /* @__PURE__ */ new WeakSet();
function holdsEverything(report) {
  return !cut.has(report);
}
async function readTrivyReport(path, options = {}) {
  let text;
  let written = 0;
  try {
    text = readJsonText(
      path,
      options.all ? void 0 : (bytes, length) => {
        written = length;
        return cutUnreadFields(bytes, length);
      }
    );
  } catch (error2) {
    const code = error2.code;
    const why = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? error2})`;
    throw new TrivyReportError(path, `${why}. Check the \`trivy-report\` path.`);
  }
  const report = parseTrivyReport(text, path, Math.max(written, text.length));
  if (!options.all) cut.add(report);
  return report;
}

export { TrivyReportError as T, readJsonText as a, collectParsedReports as c, holdsEverything as h, isVerbatim as i, parseTrivyReport as p, readTrivyReport as r };

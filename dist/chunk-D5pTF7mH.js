import { createRequire } from 'node:module';
import { w as workspacePath } from './chunk-D5sk-O7z.js';
import { a5 as describeVexSource } from './chunk-BfsmuvnE.js';
import { createHash } from 'node:crypto';
import { mkdir, writeFile, open } from 'node:fs/promises';
import { join, basename, relative, resolve, isAbsolute } from 'node:path';

createRequire(import.meta.url);

// src/vex/document.ts
var VexDocumentError = class extends Error {
  name = "VexDocumentError";
};
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var str = (v) => typeof v === "string" && v.trim() !== "" ? v : void 0;
function readVexDocument(bytes) {
  let root;
  try {
    root = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new VexDocumentError(
      `is not JSON (${error.message}); give an OpenVEX, CycloneDX VEX or CSAF VEX document.`
    );
  }
  if (!isObject(root)) {
    throw new VexDocumentError("is not a JSON object; give an OpenVEX, CycloneDX or CSAF document.");
  }
  if (root.bomFormat === "CycloneDX") return cyclonedx(root);
  if (typeof root["@context"] === "string" && root["@context"] !== "") return openvex(root);
  if (isObject(root.document) && root.vulnerabilities !== void 0) return csaf(root);
  throw new VexDocumentError(
    "is neither OpenVEX (no @context), CycloneDX (no bomFormat) nor CSAF (no document and vulnerabilities)."
  );
}
function openvex(root) {
  const context = root["@context"];
  if (!/^https:\/\/openvex\.dev\/ns(\/|$)/.test(context)) {
    throw new VexDocumentError(
      `has @context ${JSON.stringify(context.slice(0, 80))}, not an OpenVEX namespace (https://openvex.dev/ns/v0.2.0).`
    );
  }
  if (!Array.isArray(root.statements)) {
    throw new VexDocumentError("is OpenVEX without a statements list.");
  }
  const author = str(root.author);
  return {
    format: "openvex",
    authors: author ? [author] : [],
    statements: root.statements.length,
    notes: []
  };
}
function csaf(root) {
  const doc = root.document;
  const publisher = isObject(doc.publisher) ? str(doc.publisher.name) : void 0;
  if (!Array.isArray(root.vulnerabilities)) {
    throw new VexDocumentError("is CSAF whose vulnerabilities is not a list.");
  }
  return {
    format: "csaf",
    authors: publisher ? [publisher] : [],
    statements: root.vulnerabilities.length,
    notes: []
  };
}
function names(list) {
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => isObject(c) && str(c.name) ? [c.name] : []);
}
function cyclonedxAuthors(root) {
  const meta = isObject(root.metadata) ? root.metadata : {};
  const out = names(meta.authors);
  for (const key of ["manufacturer", "manufacture"]) {
    const org = meta[key];
    if (isObject(org) && str(org.name)) out.push(org.name);
  }
  return [...new Set(out)];
}
var JUSTIFICATIONS = {
  code_not_present: "vulnerable_code_not_present",
  code_not_reachable: "vulnerable_code_not_in_execute_path",
  requires_configuration: "vulnerable_code_cannot_be_controlled_by_adversary",
  requires_dependency: "component_not_present",
  requires_environment: "vulnerable_code_cannot_be_controlled_by_adversary",
  protected_by_compiler: "inline_mitigations_already_exist",
  protected_at_runtime: "inline_mitigations_already_exist",
  protected_at_perimeter: "inline_mitigations_already_exist",
  protected_by_mitigating_control: "inline_mitigations_already_exist"
};
var SUPPRESSING = {
  not_affected: "not_affected",
  false_positive: "not_affected",
  resolved: "fixed",
  resolved_with_pedigree: "fixed"
};
function purlOf(ref, components) {
  if (ref.startsWith("pkg:")) return ref;
  const link = /^urn:cdx:[^#]+#(.+)$/.exec(ref);
  if (link?.[1]) {
    const inner = decodeURIComponent(link[1]);
    if (inner.startsWith("pkg:")) return inner;
    return components.get(inner);
  }
  return components.get(ref);
}
function componentPurls(root) {
  const out = /* @__PURE__ */ new Map();
  const walk = (list) => {
    if (!Array.isArray(list)) return;
    for (const c of list) {
      if (!isObject(c)) continue;
      const ref = str(c["bom-ref"]);
      const purl = str(c.purl);
      if (ref && purl) out.set(ref, purl);
      walk(c.components);
    }
  };
  walk(root.components);
  return out;
}
function cyclonedx(root) {
  const vulnerabilities = root.vulnerabilities;
  if (!Array.isArray(vulnerabilities)) {
    throw new VexDocumentError(
      "is a CycloneDX document without vulnerabilities: an SBOM, not a VEX document."
    );
  }
  const authors = cyclonedxAuthors(root);
  const components = componentPurls(root);
  const notes = [];
  const statements = [];
  for (const v of vulnerabilities) {
    if (!isObject(v)) continue;
    const id = str(v.id);
    const analysis = isObject(v.analysis) ? v.analysis : {};
    const status = SUPPRESSING[String(analysis.state)];
    if (!id || !status) continue;
    const products = (Array.isArray(v.affects) ? v.affects : []).map(
      (a) => isObject(a) && typeof a.ref === "string" ? purlOf(a.ref, components) : void 0
    ).filter((p) => p !== void 0);
    if (!products.length) {
      notes.push(`${id}: its affects[] names no package URL, so it cannot match an image's package`);
      continue;
    }
    const statement = {
      vulnerability: { name: id },
      products: products.map((p) => ({ "@id": p })),
      status
    };
    const justification = JUSTIFICATIONS[String(analysis.justification)];
    const detail = str(analysis.detail);
    if (status === "not_affected") {
      if (justification) statement.justification = justification;
      statement.impact_statement = detail ?? `CycloneDX analysis: ${String(analysis.justification ?? "none given")}`;
    }
    statements.push(statement);
  }
  const forTrivy = JSON.stringify({
    "@context": "https://openvex.dev/ns/v0.2.0",
    "@id": "https://shipgate.invalid/vex/from-cyclonedx",
    author: authors[0] ?? "unknown",
    timestamp: str(isObject(root.metadata) ? root.metadata.timestamp : void 0) ?? "1970-01-01T00:00:00Z",
    version: 1,
    statements
  });
  return { format: "cyclonedx", authors, statements: vulnerabilities.length, forTrivy, notes };
}

// src/vex/fetch.ts
var MAX_VEX_BYTES = 8 * 1024 * 1024;
var MAX_REDIRECTS = 5;
var TIMEOUT_MS = 3e4;
var VexFetchError = class extends Error {
  name = "VexFetchError";
};
function shownUrl(url) {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return String(url).slice(0, 100);
  }
}
async function fetchVexDocument(url, opts = {}) {
  const maxBytes = opts.maxBytes ?? MAX_VEX_BYTES;
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const doFetch = opts.fetch ?? fetch;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS);
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    if (current.protocol !== "https:") {
      throw new VexFetchError(
        hop === 0 ? `${shownUrl(current)} is not https.` : `${shownUrl(url)} redirects to ${shownUrl(current)}, which is not https: refused (a VEX document read over plain HTTP could have been rewritten on the way).`
      );
    }
    let res;
    try {
      res = await doFetch(current, {
        redirect: "manual",
        signal,
        headers: { accept: "application/json", "user-agent": "shipgate" }
      });
    } catch (error) {
      const cause = error.cause;
      throw new VexFetchError(
        `could not fetch ${shownUrl(current)}: ${cause?.code ?? cause?.message ?? error.message}.`
      );
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await res.body?.cancel().catch(() => {
      });
      const location = res.headers.get("location");
      if (!location)
        throw new VexFetchError(`${shownUrl(current)} answered ${res.status} without a Location.`);
      if (hop >= maxRedirects) {
        throw new VexFetchError(`${shownUrl(url)} redirects more than ${maxRedirects} times.`);
      }
      current = new URL(location, current);
      continue;
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => {
      });
      throw new VexFetchError(
        `${shownUrl(current)} answered ${res.status}; expected 200 and the document.`
      );
    }
    const declared = Number(res.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => {
      });
      throw new VexFetchError(tooLarge(url, maxBytes));
    }
    return { bytes: await readBounded(res, maxBytes, url), finalUrl: current.href };
  }
}
function tooLarge(url, max) {
  return `${shownUrl(url)} is larger than ${max / 1024 / 1024} MiB; a VEX document is far smaller. Check the URL.`;
}
async function readBounded(res, max, url) {
  if (!res.body) return new Uint8Array();
  const chunks = [];
  let total = 0;
  const reader = res.body.getReader();
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {
      });
      throw new VexFetchError(tooLarge(url, max));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// src/vex/prepare.ts
var VexSourceError = class extends Error {
  name = "VexSourceError";
};
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
async function readInWorkspace(workspace, path) {
  const where = await workspacePath(workspace, path);
  if (where.kind === "missing") {
    throw new VexSourceError(
      "does not exist; give the path of the VEX document relative to the repository root."
    );
  }
  if (where.kind === "unreadable") throw new VexSourceError(`cannot be read (${where.error.code}).`);
  if (where.kind === "escapes") {
    throw new VexSourceError(
      "is a symbolic link to a file outside the repository; a VEX document must live in it."
    );
  }
  const real = where.real;
  const handle = await open(real, "r");
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new VexSourceError("is not a file.");
    if (stat.size > MAX_VEX_BYTES) {
      throw new VexSourceError(
        `is larger than ${MAX_VEX_BYTES / 1024 / 1024} MiB; a VEX document is far smaller.`
      );
    }
    const buffer = Buffer.alloc(stat.size);
    await handle.read(buffer, 0, stat.size, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}
function authorMatch(authors, required) {
  if (!required) return authors[0];
  return authors.find((a) => required.includes(a));
}
function authorRefusal(authors, required) {
  const named = authors.length ? `its author ${authors.map((a) => JSON.stringify(a.slice(0, 100))).join(", ")} is not` : "it names no author, and none is";
  return `${named} one of vex-required-author (${required.map((a) => JSON.stringify(a)).join(", ")})`;
}
async function prepareVex(sources, opts) {
  const out = { sources: [], files: [], warnings: [] };
  const dir = join(opts.outputDir, "vex");
  for (const source of sources) {
    if (source.kind === "oci") continue;
    const name = describeVexSource(source);
    const shown = source.kind === "url" ? shownUrl(source.url) : name;
    let bytes;
    try {
      bytes = source.kind === "file" ? await readInWorkspace(opts.workspace, source.path) : (await fetchVexDocument(source.url, opts.fetch)).bytes;
    } catch (error) {
      const message = error.message;
      throw new VexSourceError(
        `VEX source ${shown} ${source.kind === "file" ? message : `could not be read: ${message}`}`
      );
    }
    let doc;
    try {
      doc = readVexDocument(bytes);
    } catch (error) {
      if (!(error instanceof VexDocumentError)) throw error;
      throw new VexSourceError(`VEX source ${shown} ${error.message}`);
    }
    const record = {
      source: source.kind === "url" ? shown : name,
      kind: source.kind,
      sha256: sha256Hex(bytes),
      format: doc.format,
      authors: doc.authors,
      statements: doc.statements,
      applied: false
    };
    if (source.kind === "file" && opts.base) {
      record.change = await compareWithBase(opts.base, opts.workspace, source.path, bytes);
    }
    for (const note of doc.notes) out.warnings.push(`VEX source ${shown}: ${note}.`);
    const index = out.sources.push(record) - 1;
    if (opts.requiredAuthors && !authorMatch(doc.authors, opts.requiredAuthors)) {
      record.skipped = authorRefusal(doc.authors, opts.requiredAuthors);
      out.warnings.push(
        `VEX source ${shown} is not applied: ${record.skipped}. The findings it marks count.`
      );
      continue;
    }
    await mkdir(dir, { recursive: true });
    const file = join(
      dir,
      `${index + 1}-${safeName(name)}.${doc.forTrivy ? "openvex" : doc.format}.json`
    );
    await writeFile(file, doc.forTrivy ?? bytes);
    if (doc.forTrivy) record.appliedAs = { sha256: sha256Hex(doc.forTrivy), format: "openvex" };
    record.applied = true;
    out.files.push({ path: file, source: index });
  }
  return out;
}
function safeName(name) {
  return basename(name.replace(/[?#].*$/, "")).replace(/\.json$/i, "").replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60) || "vex";
}
function repoPath(workspace, path) {
  const rel = relative(workspace, resolve(workspace, path)).split("\\").join("/");
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return void 0;
  return rel;
}
async function compareWithBase(base, workspace, path, bytes) {
  const inRepo = repoPath(workspace, path);
  if (!inRepo) return void 0;
  let before;
  try {
    before = await base(inRepo);
  } catch {
    return "unknown";
  }
  if (before === void 0) return "new";
  return sha256Hex(before) === sha256Hex(bytes) ? "unchanged" : "changed";
}

export { VexSourceError as V, authorMatch as a, authorRefusal as b, prepareVex as p, readVexDocument as r, sha256Hex as s };

import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  InputError
} from "./chunk-SALW6YM5.js";

// src/vex/sources.ts
function describeVexSource(source) {
  return source.kind === "file" ? source.path : source.kind === "url" ? source.url : "oci";
}
function parseVexSources(raw, label) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const line of raw.split(/\r?\n/)) {
    const value = line.trim();
    if (!value || value.startsWith("#")) continue;
    const source = parseOne(value, label);
    const key = describeVexSource(source);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(source);
  }
  return out;
}
function parseOne(value, label) {
  if (value === "oci") return { kind: "oci" };
  if (value === "repo" || value === "repository" || value === "sbom-ref") {
    throw new InputError(
      label,
      `"${value}" is a Trivy VEX source Shipgate does not pass on: its statements are neither signed nor pinned, so nothing shows who made them. Give the documents as paths or https URLs, or \`oci\` for signed attestations.`
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url;
    try {
      url = new URL(value);
    } catch {
      throw new InputError(label, `"${value}" is not a valid URL.`);
    }
    if (url.protocol !== "https:") {
      throw new InputError(
        label,
        `"${value}" is not an https URL: a VEX document suppresses findings, so it is fetched only over https. Use https, or commit the document and give its path.`
      );
    }
    if (url.username || url.password) {
      throw new InputError(
        label,
        `"${url.protocol}//${url.host}${url.pathname}" carries credentials in the URL; they would be written to the report. Host the document where it can be read without them, or commit it.`
      );
    }
    return { kind: "url", url: url.href };
  }
  if (value.includes("\0")) throw new InputError(label, "a path must not contain a NUL byte.");
  return { kind: "file", path: value };
}
function parseVexSetting(raw, label) {
  return parseVexSources(raw, label).map(describeVexSource);
}
function parseRequiredAuthors(raw, label) {
  const authors = raw.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  for (const a of authors) {
    if (a.length > 256) throw new InputError(label, "an author name is at most 256 characters.");
  }
  if (!authors.length) return void 0;
  return [...new Set(authors)];
}
function parseIdentityRegexp(raw, label) {
  try {
    new RegExp(raw);
  } catch (error) {
    throw new InputError(label, `not a valid regular expression: ${error.message}`);
  }
  return raw;
}

export {
  describeVexSource,
  parseVexSources,
  parseVexSetting,
  parseRequiredAuthors,
  parseIdentityRegexp
};

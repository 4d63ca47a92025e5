import { createRequire } from 'node:module';

createRequire(import.meta.url);

// scanners/base-image/dockerfile.ts
function instructions(text) {
  const escapeChar = /^#\s*escape\s*=\s*`/im.test(text.split("\n").slice(0, 5).join("\n")) ? "`" : "\\";
  const out = [];
  let buffer = "";
  let start = 0;
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trimEnd();
    if (buffer === "" && /^\s*#/.test(line)) continue;
    if (buffer !== "" && /^\s*#/.test(line)) continue;
    if (buffer === "") start = i + 1;
    if (line.endsWith(escapeChar)) {
      buffer += `${line.slice(0, -1)} `;
      continue;
    }
    buffer += line;
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(buffer);
    if (m?.[1]) out.push({ keyword: m[1].toUpperCase(), args: (m[2] ?? "").trim(), line: start });
    buffer = "";
  }
  return out;
}
function substitute(value, vars) {
  return value.replace(
    /\$\{(\w+)(?::?([-+])([^}]*))?\}|\$(\w+)/g,
    (_all, braced, op, word, bare) => {
      const name = braced ?? bare;
      const v = vars[name];
      if (op === "-") return v ? v : word ?? "";
      if (op === "+") return v ? word ?? "" : "";
      return v ?? "";
    }
  );
}
function parseArg(args, vars) {
  for (const part of args.split(/\s+/)) {
    const eq = part.indexOf("=");
    if (eq === -1) {
      if (!(part in vars)) vars[part] = "";
    } else {
      vars[part.slice(0, eq)] = substitute(part.slice(eq + 1).replace(/^(["'])(.*)\1$/, "$2"), vars);
    }
  }
}
function analyzeDockerfile(text, path) {
  const globals = {};
  const stages = [];
  for (const ins of instructions(text)) {
    if (ins.keyword === "ARG" && stages.length === 0) parseArg(ins.args, globals);
    if (ins.keyword === "FROM") {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith("--"));
      const image = substitute(words[0] ?? "", globals);
      const as = words.findIndex((w) => w.toUpperCase() === "AS");
      const stage2 = { image, line: ins.line };
      if (as !== -1 && words[as + 1]) stage2.name = words[as + 1].toLowerCase();
      stages.push(stage2);
    }
    const current = stages[stages.length - 1];
    if (ins.keyword === "USER" && current) {
      current.user = ins.args.trim();
      current.userLine = ins.line;
    }
  }
  const facts = { stages: stages.length, findings: [] };
  if (path) facts.path = path;
  const final = stages[stages.length - 1];
  if (!final) {
    throw new Error(
      `${path ?? "Dockerfile"} has no FROM instruction; check the dockerfile input points at a Dockerfile.`
    );
  }
  let stage = final;
  let user = final.user;
  const seen = /* @__PURE__ */ new Set();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    const image = stage.image.toLowerCase();
    const parent = stages.slice(0, stages.indexOf(stage)).reverse().find((s) => s.name === image);
    if (!parent) break;
    user ??= parent.user;
    stage = parent;
  }
  const base = stage?.image ?? final.image;
  facts.finalBase = base;
  facts.finalBaseLine = stage?.line ?? final.line;
  if (user !== void 0) facts.user = user;
  const where = facts.finalBaseLine;
  if (base.toLowerCase() !== "scratch") {
    if (base === "" || base.includes("$")) {
      facts.findings.push({
        rule: "unpinned-from",
        line: where,
        message: `FROM ${base || "(empty)"} depends on a build argument without a default; pin it to name@sha256:\u2026 so builds are reproducible.`
      });
    } else if (!base.includes("@")) {
      facts.findings.push({
        rule: "unpinned-from",
        line: where,
        message: `FROM ${base} is not pinned by digest; use ${base}@sha256:\u2026 (and let Dependabot/Renovate update it) so the base cannot change under you.`
      });
      const lastSlash = base.lastIndexOf("/");
      const colon = base.lastIndexOf(":");
      const tag = colon > lastSlash ? base.slice(colon + 1) : void 0;
      if (tag === void 0 || tag === "latest") {
        facts.findings.push({
          rule: "latest-tag",
          line: where,
          message: `FROM ${base} uses ${tag ? "the latest tag" : "no tag (latest)"}; name a version tag so the base is explicit.`
        });
      }
    }
  }
  if (user === void 0) {
    facts.findings.push({
      rule: "no-user",
      line: final.line,
      message: "The final stage sets no USER, so the container runs as the base image's user (root unless the base sets one); add e.g. USER 65532:65532."
    });
  } else if (/^(root|0)(:.*)?$/.test(user)) {
    facts.findings.push({
      rule: "root-user",
      line: final.userLine ?? final.line,
      message: `The final stage runs as USER ${user}; switch to a non-root user.`
    });
  }
  return facts;
}

export { analyzeDockerfile as a };

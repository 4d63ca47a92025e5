import { createRequire } from 'node:module';

createRequire(import.meta.url);

// scanners/base-image/limits.ts
var DEFAULT_LIMITS = {
  maxLayers: 256,
  maxPaxHeader: 256 * 1024,
  maxLongName: 8 * 1024,
  maxPath: 4096,
  maxFiles: 8e5,
  maxPathBytes: 96 * 1024 * 1024
};
var ImageLimitError = class extends Error {
  name = "ImageLimitError";
};

// scanners/base-image/filesystem.ts
var MAX_HOPS = 40;
function normalizePath(path) {
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
function parentOf(path) {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i);
}
var LayeredFilesystem = class {
  nodes = /* @__PURE__ */ new Map();
  /** Symlinks to directories make lookups walk component by component; skip that when there are none. */
  symlinkCount = 0;
  /** Bytes of all paths held: with the node count, what bounds this map's memory. */
  pathBytes = 0;
  limits;
  constructor(limits = DEFAULT_LIMITS) {
    this.limits = limits;
  }
  get size() {
    return this.nodes.size;
  }
  /** Where a path written by a layer really lands: parent directories resolved through symlinks. */
  placement(rawPath) {
    const path = normalizePath(rawPath);
    const parent = parentOf(path);
    if (parent === "" || this.symlinkCount === 0) return path;
    const resolvedParent = this.resolve(parent);
    const base = path.slice(parent.length + 1);
    return resolvedParent === "" ? base : `${resolvedParent}/${base}`;
  }
  set(path, node) {
    const old = this.nodes.get(path);
    if (old?.type === "symlink") this.symlinkCount--;
    if (old?.type === "dir" && node.type !== "dir") this.removeBelow(path, Number.POSITIVE_INFINITY);
    if (old?.type === "dir" && node.type === "dir") return;
    if (!this.nodes.has(path)) {
      if (this.nodes.size >= this.limits.maxFiles) {
        throw new ImageLimitError(
          `the image holds more than ${this.limits.maxFiles} files at once, more than any real image; it is malformed or hostile.`
        );
      }
      this.pathBytes += path.length;
      if (this.pathBytes > this.limits.maxPathBytes) {
        throw new ImageLimitError(
          `the image's paths add up to more than ${this.limits.maxPathBytes} bytes, more than any real image; it is malformed or hostile.`
        );
      }
    }
    this.nodes.set(path, node);
    if (node.type === "symlink") this.symlinkCount++;
  }
  /** `.wh.name`: the path and everything under it, from lower layers, is gone. */
  whiteout(path, layer) {
    const old = this.nodes.get(path);
    if (old && old.layer < layer) {
      if (old.type === "symlink") this.symlinkCount--;
      this.nodes.delete(path);
      this.pathBytes -= path.length;
    }
    this.removeBelow(path, layer);
  }
  /** `.wh..wh..opq`: the directory stays, what lower layers had in it goes. */
  opaque(dir, layer) {
    this.removeBelow(dir, layer);
  }
  removeBelow(dir, layer) {
    const prefix = dir === "" ? "" : `${dir}/`;
    for (const [key, node] of this.nodes) {
      if (key.startsWith(prefix) && node.layer < layer) {
        if (node.type === "symlink") this.symlinkCount--;
        this.nodes.delete(key);
        this.pathBytes -= key.length;
      }
    }
  }
  /** Raw entry at a path (no final-symlink following). */
  lstat(path) {
    return this.nodes.get(this.placement(path));
  }
  /** Follows every symlink; undefined for missing paths, dangling links and loops. */
  stat(path) {
    const real = this.resolve(normalizePath(path));
    return real === void 0 ? void 0 : this.nodes.get(real);
  }
  /** The content of a file we kept, following symlinks. */
  read(path) {
    const node = this.stat(path);
    return node?.type === "file" ? node.content : void 0;
  }
  /** Names directly inside a directory (after resolving it). */
  list(dir) {
    const real = this.resolve(normalizePath(dir));
    if (real === void 0) return [];
    const prefix = real === "" ? "" : `${real}/`;
    const out = [];
    for (const key of this.nodes.keys()) {
      if (key.startsWith(prefix) && !key.slice(prefix.length).includes("/") && key.length > prefix.length) {
        out.push(key.slice(prefix.length));
      }
    }
    return out.sort();
  }
  /** Path with all symlinks resolved (like realpath in a chroot; existence not checked), undefined on loops. */
  resolve(path, hops = 0) {
    if (hops > MAX_HOPS) return void 0;
    if (path === "") return "";
    if (this.symlinkCount === 0) return path;
    const parts = path.split("/");
    let current = "";
    for (let i = 0; i < parts.length; i++) {
      const next = current === "" ? parts[i] : `${current}/${parts[i]}`;
      const node = this.nodes.get(next);
      if (node?.type === "symlink") {
        const target = node.target.startsWith("/") ? normalizePath(node.target) : normalizePath(`${current}/${node.target}`);
        const rest = parts.slice(i + 1).join("/");
        return this.resolve(rest ? normalizePath(`${target}/${rest}`) : target, hops + 1);
      }
      current = next;
    }
    return current;
  }
};

// scanners/base-image/facts.ts
var SHELLS = [
  "sh",
  "bash",
  "dash",
  "ash",
  "rbash",
  "zsh",
  "ksh",
  "mksh",
  "fish",
  "tcsh",
  "csh"
];
var DEFAULT_PATH = ["usr/local/sbin", "usr/local/bin", "usr/sbin", "usr/bin", "sbin", "bin"];
var BIN_DIRS = DEFAULT_PATH;
var SHELL_LIKE = /* @__PURE__ */ new Set([...SHELLS, "busybox"]);
function execContext(config) {
  const c = config?.config;
  const pathVar = (c?.Env ?? []).filter((e) => typeof e === "string").find((e) => e.startsWith("PATH="));
  const out = {
    path: pathVar ? pathVar.slice(5).split(":").filter((d) => d.startsWith("/")) : []
  };
  const argv = c?.Entrypoint?.length ? c.Entrypoint : c?.Cmd;
  const program = argv?.[0];
  if (typeof program === "string" && program !== "") out.program = program;
  if (c?.WorkingDir) out.workingDir = c.WorkingDir;
  return out;
}
function findShells(fs, exec = { path: [] }) {
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (path) => {
    const p = normalizePath(path);
    const slash = p.lastIndexOf("/");
    const dir = slash === -1 ? "" : p.slice(0, slash);
    const key = `${fs.resolve(dir) ?? dir}/${p.slice(slash + 1)}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(`/${p}`);
  };
  const dirs = [.../* @__PURE__ */ new Set([...exec.path.map(normalizePath), ...DEFAULT_PATH])];
  for (const dir of dirs) {
    for (const name of SHELL_LIKE) {
      if (fs.stat(`${dir}/${name}`)?.type === "file") add(`${dir}/${name}`);
    }
  }
  for (const line of (fs.read("etc/shells")?.toString("utf8") ?? "").split("\n")) {
    const path = line.trim();
    if (path.startsWith("/") && fs.stat(path)?.type === "file") add(path);
  }
  const program = exec.program;
  if (program) {
    const candidates = program.includes("/") ? [program.startsWith("/") ? program : `${exec.workingDir ?? "/"}/${program}`] : dirs.map((d) => `${d}/${program}`);
    const target = candidates.find((p) => fs.stat(p)?.type === "file");
    if (target && isShellFile(fs, target)) add(target);
  }
  return found;
}
function isShellFile(fs, path) {
  const base = (p) => (p ?? "").split("/").pop() ?? "";
  const real = fs.resolve(normalizePath(path));
  const node = fs.stat(path);
  return [path, real, node?.type === "file" ? node.linkOf : void 0].some(
    (p) => SHELL_LIKE.has(base(p))
  );
}
var PACKAGE_MANAGERS = [
  ["apt", "apt-get"],
  ["dpkg", "dpkg"],
  ["apk", "apk"],
  ["dnf", "dnf"],
  ["microdnf", "microdnf"],
  ["yum", "yum"],
  ["zypper", "zypper"],
  ["rpm", "rpm"]
];
function isWantedFile(path) {
  switch (path) {
    case "etc/os-release":
    case "usr/lib/os-release":
    case "etc/passwd":
    case "etc/group":
    case "etc/shells":
    case "etc/alpine-release":
    case "etc/debian_version":
    case "var/lib/dpkg/status":
    case "lib/apk/db/installed":
    case "usr/lib/apk/db/installed":
      return true;
  }
  return path.startsWith("var/lib/dpkg/status.d/") && !path.endsWith(".md5sums");
}
function parseOsRelease(text) {
  const values = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (!m?.[1]) continue;
    values[m[1]] = (m[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  }
  const out = {};
  if (values.ID) out.id = values.ID.toLowerCase();
  if (values.VERSION_ID) out.versionId = values.VERSION_ID;
  if (values.PRETTY_NAME) out.prettyName = values.PRETTY_NAME;
  if (values.NAME) out.name = values.NAME;
  if (values.VERSION_CODENAME) out.versionCodename = values.VERSION_CODENAME;
  return out;
}
function countDpkgInstalled(text) {
  let n = 0;
  for (const stanza of text.split(/\n[ \t]*\n/)) {
    if (!/^Package:/m.test(stanza)) continue;
    const status = /^Status:\s*(.*)$/m.exec(stanza)?.[1];
    if (status === void 0 || /\sinstalled\s*$/.test(status)) n++;
  }
  return n;
}
function countApkInstalled(text) {
  return text.split("\n").filter((l) => l.startsWith("P:")).length;
}
function filesystemFacts(fs, exec) {
  const text = (p) => fs.read(p)?.toString("utf8");
  const osText = text("etc/os-release") ?? text("usr/lib/os-release");
  const osRelease = osText ? parseOsRelease(osText) : void 0;
  let os = osRelease?.prettyName ?? (osRelease?.name ? `${osRelease.name} ${osRelease.versionId ?? ""}`.trim() : void 0);
  if (!os && text("etc/alpine-release")) os = `Alpine Linux v${text("etc/alpine-release")?.trim()}`;
  if (!os && text("etc/debian_version")) os = `Debian ${text("etc/debian_version")?.trim()}`;
  let packages;
  let packageDb;
  const status = text("var/lib/dpkg/status");
  const statusD = fs.list("var/lib/dpkg/status.d").filter((n) => !n.endsWith(".md5sums"));
  if (status !== void 0 || statusD.length > 0) {
    packages = status ? countDpkgInstalled(status) : 0;
    for (const name of statusD) {
      const stanza = text(`var/lib/dpkg/status.d/${name}`);
      if (stanza) packages += countDpkgInstalled(stanza);
    }
    packageDb = "dpkg";
  }
  const apk = text("lib/apk/db/installed") ?? text("usr/lib/apk/db/installed");
  if (apk !== void 0) {
    packages = (packages ?? 0) + countApkInstalled(apk);
    packageDb = packageDb ?? "apk";
  }
  const present = (name) => BIN_DIRS.some((dir) => {
    const node = fs.stat(`${dir}/${name}`);
    return node?.type === "file";
  });
  const shells = findShells(fs, exec);
  const pm = PACKAGE_MANAGERS.find(([, bin]) => present(bin));
  const out = {
    shells,
    packageManager: pm ? pm[0] : false,
    hasBusybox: present("busybox"),
    hasRpmDb: fs.stat("var/lib/rpm")?.type === "dir" || fs.stat("usr/lib/sysimage/rpm")?.type === "dir",
    entries: fs.size
  };
  if (os) out.os = os;
  if (osRelease) out.osRelease = osRelease;
  if (packages !== void 0) out.packages = packages;
  if (packageDb) out.packageDb = packageDb;
  const passwd = text("etc/passwd");
  if (passwd !== void 0) out.passwd = passwd;
  return out;
}
function effectiveUser(user, passwd) {
  const spec = (user ?? "").trim();
  if (spec === "") return { known: true, uid: 0, name: "root" };
  const name = spec.split(":")[0] ?? "";
  if (/^\d+$/.test(name)) return { known: true, uid: Number(name) };
  if (passwd === void 0) {
    if (name === "root") return { known: true, uid: 0, name };
    return {
      known: false,
      reason: `user "${name}" cannot be resolved: the image has no /etc/passwd`
    };
  }
  for (const line of passwd.split("\n")) {
    const fields = line.split(":");
    if (fields[0] === name && fields[2] !== void 0 && /^\d+$/.test(fields[2])) {
      return { known: true, uid: Number(fields[2]), name };
    }
  }
  return {
    known: false,
    reason: `user "${name}" is not in the image's /etc/passwd (the container would not start)`
  };
}
var MINIMAL_NAME = [
  [/(^|\/)scratch(:|$)/, "scratch"],
  [/distroless/, "distroless"],
  [/(cgr\.dev\/|chainguard|wolfi)/, "chainguard"],
  [/(^|\/)alpine(:|@|$)/, "alpine"],
  [/ubi\d*[-/]?micro|ubi-micro/, "ubi-micro"],
  [/ubi\d*[-/]?minimal|ubi-minimal/, "ubi-minimal"],
  [/(^|\/)busybox(:|@|$)/, "busybox"],
  [/-slim(\b|$)|:slim|slim-/, "slim"],
  [/(^|\/)debian(:|@|$)/, "debian"],
  [/(^|\/)ubuntu(:|@|$)/, "ubuntu"],
  [/ubi\d*(:|@|\/|$)/, "ubi"]
];
var MINIMAL_FAMILIES = [
  "distroless",
  "chainguard",
  "alpine",
  "slim",
  "ubi-micro",
  "ubi-minimal",
  "busybox",
  "scratch"
];
function classifyBaseName(name) {
  const lower = name.toLowerCase();
  const family = MINIMAL_NAME.find(([re]) => re.test(lower))?.[1] ?? "other";
  return { family, minimal: MINIMAL_FAMILIES.includes(family) };
}
function inferBase(f) {
  const id = f.osRelease?.id;
  const version = f.osRelease?.versionId;
  const major = version?.split(".")[0];
  const inferred = (name, family) => {
    const b = { how: "inferred", family, minimal: MINIMAL_FAMILIES.includes(family) };
    if (name) b.name = name;
    return b;
  };
  if (id === "wolfi" || id === "chainguard")
    return inferred("cgr.dev/chainguard/wolfi-base", "chainguard");
  if (/distroless/i.test(f.osRelease?.prettyName ?? "") || f.packageDb === "dpkg" && f.shells.length === 0 && !f.packageManager) {
    return inferred(
      `gcr.io/distroless/${(f.packages ?? 0) <= 6 ? "static" : "base"}-debian${major ?? "12"}`,
      "distroless"
    );
  }
  if (id === "alpine")
    return inferred(`alpine:${version?.split(".").slice(0, 2).join(".") ?? "latest"}`, "alpine");
  if (id === "rhel" || id === "ubi") {
    if (!f.packageManager)
      return inferred(`registry.access.redhat.com/ubi${major}/ubi-micro`, "ubi-micro");
    if (f.packageManager === "microdnf")
      return inferred(`registry.access.redhat.com/ubi${major}/ubi-minimal`, "ubi-minimal");
    return inferred(`registry.access.redhat.com/ubi${major}/ubi`, "ubi");
  }
  if (id === "debian")
    return inferred(`debian:${f.osRelease?.versionCodename ?? major ?? "unknown"}`, "debian");
  if (id === "ubuntu") return inferred(`ubuntu:${version ?? "unknown"}`, "ubuntu");
  if (!f.osRelease && f.hasBusybox) return inferred("busybox", "busybox");
  if (!f.osRelease && f.shells.length === 0 && !f.packageManager && f.packages === void 0) {
    return inferred("scratch", "scratch");
  }
  return inferred(id ? `${id}${version ? `:${version}` : ""}` : void 0, "other");
}
function declaredBase(annotations, config) {
  const from = (map, how) => {
    const name = map?.["org.opencontainers.image.base.name"]?.trim();
    if (!name) return void 0;
    const b = { name, how, ...classifyBaseName(name) };
    const digest = map?.["org.opencontainers.image.base.digest"]?.trim();
    if (digest) b.digest = digest;
    return b;
  };
  return from(annotations, "annotation") ?? from(config?.config?.Labels, "label");
}

// scanners/base-image/offline.ts
function factsFromScan(scan) {
  const meta = scan.metadata;
  const unknown = ["shell", "packageManager", "compressedSize"];
  const facts = {
    source: "trivy-report",
    image: scan.image,
    shell: null,
    shells: [],
    packageManager: null,
    runsAsRoot: null,
    labels: meta.labels ?? {},
    unknown
  };
  if (scan.digest) facts.digest = scan.digest;
  if (meta.os) {
    facts.os = `${meta.os.family} ${meta.os.name}`.trim();
    facts.osRelease = { id: meta.os.family.toLowerCase(), versionId: meta.os.name };
  } else unknown.push("os");
  if (scan.packages.os !== void 0) {
    facts.packages = scan.packages.os;
    facts.packageDb = "trivy";
  } else unknown.push("packages");
  if (meta.layers !== void 0) facts.layers = meta.layers;
  else unknown.push("layers");
  if (meta.user !== void 0) facts.user = meta.user;
  const who = effectiveUser(meta.user, void 0);
  if (who.known) {
    facts.uid = who.uid;
    facts.runsAsRoot = who.uid === 0;
  } else unknown.push("effectiveUser");
  facts.base = declaredBase(void 0, { config: { Labels: meta.labels } }) ?? inferOffline(facts);
  if (!facts.base.name) unknown.push("base");
  return facts;
}
function inferOffline(f) {
  const id = f.osRelease?.id;
  const version = f.osRelease?.versionId ?? "";
  const major = version.split(".")[0];
  const named = (name) => ({ name, how: "inferred", ...classifyBaseName(name) });
  if (id === "wolfi" || id === "chainguard") return named("cgr.dev/chainguard/wolfi-base");
  if (id === "alpine") return named(`alpine:${version.split(".").slice(0, 2).join(".")}`);
  if (id === "debian" && f.packages !== void 0 && f.packages <= 12)
    return named(`gcr.io/distroless/base-debian${major}`);
  if (id === "debian") return named(`debian:${major}`);
  if (id === "ubuntu") return named(`ubuntu:${version}`);
  if (id === "redhat" || id === "rhel") return named(`registry.access.redhat.com/ubi${major}/ubi`);
  return { how: "inferred", minimal: false, family: "other" };
}

export { DEFAULT_LIMITS as D, ImageLimitError as I, LayeredFilesystem as L, filesystemFacts as a, effectiveUser as b, classifyBaseName as c, declaredBase as d, execContext as e, factsFromScan as f, inferBase as g, isWantedFile as i, normalizePath as n };

import { createRequire } from 'node:module';
import { r as require_tar_stream } from './chunk-DnBPRrWI.js';
import { a as analyzeDockerfile, D as DEFAULT_LIMITS, I as ImageLimitError, U as filesystemFacts, V as execContext, W as effectiveUser, X as declaredBase, Y as LayeredFilesystem, Z as isWantedFile, _ as classifyBaseName, $ as inferBase, a0 as normalizePath } from './chunk-CxTsKb1n.js';
import { s as silentLogger } from './chunk-BHNJ4lnQ.js';
import { p as parsePlatform, f as formatPlatform } from './chunk-DtikF6FY.js';
import { R as RegistryError } from './chunk-4KaJgODh.js';
import { ab as __toESM, J as parseReference, av as formatReference, az as recommend, n as formatBytes } from './chunk-BfsmuvnE.js';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { Transform } from 'node:stream';

createRequire(import.meta.url);

// scanners/base-image/layers.ts
var import_tar_stream = __toESM(require_tar_stream());
var BLOCK = 512;
function tarGuard(limits) {
  let header = Buffer.alloc(0);
  let skip = 0;
  let pax;
  let paxSize;
  let globalPaxSize;
  const onHeader = (block) => {
    if (checksumBase(block) === 8 * 32) return;
    const type = String.fromCharCode(block[156] ?? 0);
    let size = parseSize(block);
    if (type === "x" || type === "g") {
      if (size > limits.maxPaxHeader) {
        throw new ImageLimitError(
          `a PAX header of ${size} bytes, over the ${limits.maxPaxHeader} bytes any real image needs; the layer is malformed or hostile.`
        );
      }
      pax = { global: type === "g", size, chunks: [], got: 0 };
      skip = padded(size);
      return;
    }
    if (type === "L" || type === "K") {
      if (size > limits.maxLongName) {
        throw new ImageLimitError(
          `a GNU long ${type === "L" ? "name" : "link"} header of ${size} bytes, over the ${limits.maxLongName} bytes a path can need; the layer is malformed or hostile.`
        );
      }
      skip = padded(size);
      return;
    }
    const override = paxSize ?? globalPaxSize;
    paxSize = void 0;
    if (override !== void 0) size = override;
    skip = type === "5" ? 0 : padded(size);
  };
  const endPax = () => {
    if (!pax) return;
    const size = paxSizeRecord(Buffer.concat(pax.chunks));
    if (pax.global) globalPaxSize = size;
    else paxSize = size ?? globalPaxSize;
    pax = void 0;
  };
  return new Transform({
    transform(chunk, _enc, done) {
      try {
        let at = 0;
        while (at < chunk.length) {
          if (skip > 0) {
            const n = Math.min(skip, chunk.length - at);
            if (pax && pax.got < pax.size) {
              const take = Math.min(n, pax.size - pax.got);
              pax.chunks.push(chunk.subarray(at, at + take));
              pax.got += take;
            }
            skip -= n;
            at += n;
            if (skip === 0) endPax();
            continue;
          }
          const need = BLOCK - header.length;
          const part = chunk.subarray(at, at + need);
          header = header.length === 0 ? Buffer.from(part) : Buffer.concat([header, part]);
          at += part.length;
          if (header.length === BLOCK) {
            const block = header;
            header = Buffer.alloc(0);
            onHeader(block);
            if (skip === 0) endPax();
          }
        }
        done(null, chunk);
      } catch (error) {
        done(error);
      }
    }
  });
}
var padded = (n) => Math.ceil(n / BLOCK) * BLOCK;
function checksumBase(block) {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum;
}
function parseSize(block) {
  const field = block.subarray(124, 136);
  if (field[0] & 128) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i];
    return field[0] === 255 ? -1 : n;
  }
  const text = field.toString("latin1").replace(/\0.*$/s, "").trim();
  return text === "" ? 0 : Number.parseInt(text, 8) || 0;
}
function paxSizeRecord(buf) {
  const m = /(?:^|\n)\d+ size=(\d+)\n/.exec(buf.toString("latin1"));
  return m?.[1] === void 0 ? void 0 : Number(m[1]);
}

// scanners/base-image/layers.ts
var MAX_KEPT_FILE = 64 * 1024 * 1024;
function compressionOf(mediaType) {
  if (/(\+|\.)gzip$/.test(mediaType) || mediaType.endsWith(".tar.gzip")) return "gzip";
  if (mediaType.endsWith("+zstd")) return "zstd";
  if (mediaType === "application/vnd.oci.image.layer.v1.tar" || mediaType === "application/vnd.oci.image.layer.nondistributable.v1.tar" || mediaType === "application/vnd.docker.image.rootfs.diff.tar") {
    return "none";
  }
  throw new Error(
    `Layer media type ${mediaType} is not a container filesystem layer (gzip, zstd or plain tar); this image cannot be analysed.`
  );
}
async function applyLayer(fs, tar, layerIndex, wanted, opts = {}) {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const ex = (0, import_tar_stream.extract)();
  const guard = tarGuard(limits);
  const done = new Promise((resolve, reject) => {
    ex.on("entry", (header, entryStream, next) => {
      const stream = entryStream;
      try {
        opts.signal?.throwIfAborted();
        checkPaths(header, limits);
        const keep = applyEntry(fs, header, layerIndex, wanted);
        if (!keep) {
          stream.on("end", () => next());
          stream.resume();
          return;
        }
        const chunks = [];
        let size = 0;
        stream.on("data", (c) => {
          size += c.length;
          if (size > MAX_KEPT_FILE) {
            stream.destroy(
              new Error(
                `${header.name} in layer ${layerIndex + 1} is over ${MAX_KEPT_FILE} bytes; refusing to read it.`
              )
            );
            return;
          }
          chunks.push(c);
        });
        stream.on("error", (e) => next(e));
        stream.on("end", () => {
          keep(Buffer.concat(chunks));
          next();
        });
      } catch (error) {
        stream.resume();
        next(error);
      }
    });
    ex.on("finish", () => resolve());
    ex.on("error", reject);
  });
  await Promise.all([pipeline(tar, guard, ex), done]);
}
function checkPaths(header, limits) {
  for (const [what, value] of [
    ["path", header.name],
    ["link target", header.linkname]
  ]) {
    const bytes = value ? Buffer.byteLength(value) : 0;
    if (bytes > limits.maxPath) {
      throw new ImageLimitError(
        `an entry has a ${what === "path" ? "path" : "link target"} of ${bytes} bytes, longer than ${limits.maxPath} (PATH_MAX); the layer is malformed or hostile.`
      );
    }
  }
}
function applyEntry(fs, header, layer, wanted) {
  const raw = normalizePath(header.name);
  if (raw === "") return void 0;
  const slash = raw.lastIndexOf("/");
  const base = raw.slice(slash + 1);
  if (base.startsWith(".wh.")) {
    const dir = fs.placement(slash === -1 ? "" : raw.slice(0, slash));
    if (base === ".wh..wh..opq") fs.opaque(dir, layer);
    else fs.whiteout(dir === "" ? base.slice(4) : `${dir}/${base.slice(4)}`, layer);
    return void 0;
  }
  const path = fs.placement(raw);
  switch (header.type) {
    case "directory":
      fs.set(path, { type: "dir", layer });
      return void 0;
    case "symlink":
      fs.set(path, { type: "symlink", layer, target: header.linkname ?? "" });
      return void 0;
    case "link": {
      const targetPath = fs.placement(normalizePath(header.linkname ?? ""));
      const target = fs.lstat(targetPath);
      if (target?.type === "file") {
        const linkOf = target.linkOf ?? targetPath;
        const node = target.content ? { type: "file", layer, size: target.size, content: target.content, linkOf } : { type: "file", layer, size: target.size, linkOf };
        fs.set(path, node);
      } else {
        fs.set(path, { type: "file", layer, size: 0 });
      }
      return void 0;
    }
    case "file":
    case "contiguous-file":
    case null:
    case void 0: {
      const size = header.size ?? 0;
      if (!wanted(path)) {
        fs.set(path, { type: "file", layer, size });
        return void 0;
      }
      return (content) => fs.set(path, { type: "file", layer, size, content });
    }
    default:
      fs.set(path, { type: "file", layer, size: 0 });
      return void 0;
  }
}
function decompressor(kind) {
  if (kind === "gzip") return createGunzip({ chunkSize: 256 * 1024 });
  if (kind === "zstd") return createZstdDecompress({ chunkSize: 256 * 1024 });
  return void 0;
}
async function readLayers(layers, source, wanted, logger, opts = {}) {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  if (layers.length > limits.maxLayers) {
    throw new ImageLimitError(
      `The image has ${layers.length} layers, more than the ${limits.maxLayers} Shipgate reads (a Docker engine runs at most 127); it is malformed or hostile, so it cannot pass.`
    );
  }
  const fs = new LayeredFilesystem(limits);
  for (const [i, layer] of layers.entries()) {
    opts.signal?.throwIfAborted();
    const kind = compressionOf(layer.mediaType);
    logger?.debug(
      `base-image: layer ${i + 1}/${layers.length} ${layer.digest} (${kind}, ${layer.size} bytes)`
    );
    const blob = await source.open(layer);
    const inflate = decompressor(kind);
    const tar = inflate ? blob.pipe(inflate) : blob;
    if (inflate) blob.on("error", (e) => inflate.destroy(e));
    try {
      await applyLayer(fs, tar, i, wanted, { ...opts, limits });
    } catch (error) {
      blob.destroy();
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (error instanceof RegistryError) throw error;
      if (error instanceof ImageLimitError) {
        throw new ImageLimitError(
          `Layer ${i + 1} of ${layers.length} (${layer.digest}): ${error.message} It cannot be analysed, so it cannot pass.`,
          { cause: error }
        );
      }
      throw new Error(
        `Layer ${i + 1} of ${layers.length} (${layer.digest}) could not be read as a ${kind === "none" ? "" : `${kind} `}tar: ${error.message}. The image is unreadable, so it cannot pass.`,
        { cause: error }
      );
    }
  }
  return fs;
}

// scanners/base-image/index.ts
var MAX_CONFIG_BYTES = 8 * 1024 * 1024;
async function inspectImage(ref, opts) {
  const image = parseReference(ref);
  if (opts.timeoutMs === void 0) return inspectWith(image, opts, opts.client);
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(deadlineError(formatReference(image), opts.timeoutMs)),
    opts.timeoutMs
  );
  try {
    return await inspectWith(
      image,
      opts,
      opts.client.withSignal(controller.signal),
      controller.signal
    );
  } finally {
    clearTimeout(timer);
  }
}
function deadlineError(image, ms) {
  const s = Number((ms / 1e3).toFixed(3));
  return new RegistryError(
    "timeout",
    `${image} was not read within the ${s} s timeout set for this scan (manifest, config and layers together); the registry is too slow or stalls. Raise the timeout, or check the registry.`
  );
}
async function inspectWith(image, opts, client, signal) {
  const logger = opts.logger ?? silentLogger;
  const platform = parsePlatform(opts.platform ?? "linux/amd64");
  const dockerfile = opts.dockerfile ? analyzeDockerfile(await readDockerfile(opts.dockerfile), opts.dockerfile) : void 0;
  const resolved = await client.resolve(image, platform);
  const manifest = resolved.manifest;
  const limits = opts.limits ?? DEFAULT_LIMITS;
  if (manifest.layers.length > limits.maxLayers) {
    throw new ImageLimitError(
      `${formatReference(image)} has ${manifest.layers.length} layers, more than the ${limits.maxLayers} Shipgate reads (a Docker engine runs at most 127); the manifest is malformed or hostile, so the image cannot pass.`
    );
  }
  const configBytes = await client.getBlobBytes(image, manifest.config.digest, {
    maxBytes: MAX_CONFIG_BYTES
  });
  let config;
  try {
    config = JSON.parse(configBytes.toString("utf8"));
  } catch {
    throw new RegistryError(
      "invalid-response",
      `${formatReference(image)}: the image config ${manifest.config.digest} is not valid JSON.`
    );
  }
  logger.info(
    `base-image: reading ${manifest.layers.length} layer(s) of ${formatReference(image)} (${formatBytes(manifest.layers.reduce((n, l) => n + l.size, 0))})`
  );
  const fs = await readLayers(
    manifest.layers,
    { open: (layer) => client.getBlob(image, layer.digest, { size: layer.size }) },
    isWantedFile,
    logger,
    { limits, ...signal ? { signal } : {} }
  );
  const found = filesystemFacts(fs, execContext(config));
  const unknown = [];
  const user = config.config?.User ?? "";
  const who = effectiveUser(user, found.passwd);
  const facts = {
    source: "registry",
    image: formatReference(image),
    digest: resolved.digest,
    platform: formatPlatform(resolved.index?.platform ?? platform),
    shell: found.shells.length > 0,
    shells: found.shells,
    packageManager: found.packageManager,
    user,
    runsAsRoot: who.known ? who.uid === 0 : null,
    compressedSize: manifest.layers.reduce((n, l) => n + l.size, 0),
    layers: manifest.layers.length,
    labels: config.config?.Labels ?? {},
    unknown
  };
  if (resolved.index) facts.indexDigest = resolved.index.digest;
  if (manifest.layers[0]) facts.baseLayerSize = manifest.layers[0].size;
  if (who.known) facts.uid = who.uid;
  else {
    unknown.push("effectiveUser");
    logger.warning(`base-image: ${formatReference(image)}: ${who.reason}`);
  }
  if (found.os) facts.os = found.os;
  else unknown.push("os");
  if (found.osRelease) facts.osRelease = found.osRelease;
  if (found.packages !== void 0) {
    facts.packages = found.packages;
    if (found.packageDb) facts.packageDb = found.packageDb;
  } else if (found.hasRpmDb) {
    unknown.push("packages");
    logger.info("base-image: the rpm database is not read; the Trivy report has the package count");
  }
  if (dockerfile) facts.dockerfile = dockerfile;
  facts.base = pickBase(declaredBase(manifest.annotations, config), dockerfile?.finalBase, found);
  facts.unknown = unknown;
  return facts;
}
function pickBase(declared, dockerfileBase, found) {
  if (declared) return declared;
  if (dockerfileBase && !dockerfileBase.includes("$")) {
    return { name: dockerfileBase, how: "dockerfile", ...classifyBaseName(dockerfileBase) };
  }
  return inferBase(found);
}
async function readDockerfile(path) {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new Error(
      `dockerfile: cannot read ${path} (${error.code ?? error.message}); check the path is relative to the workspace.`
    );
  }
}
function inspectJson(f) {
  const out = {
    image: f.image,
    os: f.os ?? null,
    packages: f.packages ?? null,
    shell: f.shell,
    shells: f.shells,
    packageManager: f.packageManager,
    user: f.user ?? null,
    runsAsRoot: f.runsAsRoot,
    compressedSize: f.compressedSize ?? null,
    layers: f.layers ?? null,
    base: f.base ? {
      name: f.base.name ?? null,
      how: f.base.how,
      minimal: f.base.minimal,
      ...f.base.digest ? { digest: f.base.digest } : {}
    } : null,
    recommendation: recommend(f) ?? null,
    unknown: f.unknown
  };
  if (f.digest) out.digest = f.digest;
  if (f.platform) out.platform = f.platform;
  if (f.dockerfile)
    out.dockerfile = {
      findings: f.dockerfile.findings,
      ...f.dockerfile.path ? { path: f.dockerfile.path } : {}
    };
  return out;
}
function inspectTable(j) {
  const yes = (v) => v === null ? "unknown" : v ? "yes" : "no";
  const rows = [
    ["Image", j.image],
    ["Digest", j.digest ?? "unknown"],
    ["Platform", j.platform ?? "unknown"],
    [
      "Base",
      j.base ? `${j.base.name ?? "unknown"} (${j.base.how}${j.base.minimal ? ", minimal" : ""})` : "unknown"
    ],
    ["OS", j.os ?? "unknown"],
    ["Packages", j.packages === null ? "unknown" : String(j.packages)],
    ["Shell", j.shell ? `yes (${j.shells.join(", ")})` : yes(j.shell)],
    ["Package manager", j.packageManager === null ? "unknown" : j.packageManager || "no"],
    ["User", j.user === null ? "unknown" : j.user || "(not set: root)"],
    ["Runs as root", yes(j.runsAsRoot)],
    ["Compressed size", j.compressedSize === null ? "unknown" : formatBytes(j.compressedSize)],
    ["Layers", j.layers === null ? "unknown" : String(j.layers)]
  ];
  for (const f of j.dockerfile?.findings ?? []) rows.push([`Dockerfile:${f.line}`, f.message]);
  if (j.recommendation) rows.push(["Recommendation", j.recommendation]);
  if (j.unknown.length > 0) rows.push(["Not known", j.unknown.join("; ")]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n")}
`;
}

export { inspectJson as a, inspectTable as b, inspectImage as i };

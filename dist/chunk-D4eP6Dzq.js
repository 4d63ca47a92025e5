import { createRequire } from 'node:module';

createRequire(import.meta.url);

// src/vex/comparison.ts
function notFixedByVex(comparison, suppressed) {
  const keys = new Set(suppressed.flatMap((s) => s.key ? [s.key] : []));
  if (!keys.size) return comparison;
  return { ...comparison, fixed: comparison.fixed.filter((f) => !keys.has(f.key)) };
}

createRequire(import.meta.url);

// src/layers/attribute.ts
function prefixMismatch(base, image) {
  if (base.length === 0) return void 0;
  if (base.length > image.length) {
    return `it has ${base.length} layers and the image only ${image.length}`;
  }
  const at = base.findIndex((d, i) => image[i] !== d);
  if (at === -1) return void 0;
  return `its layer ${at + 1} (${base[at]}) is not the image's layer ${at + 1} (${image[at] ?? "none"})`;
}
var CLOSING = /^(\/bin\/sh -c #\(nop\)\s+)?(CMD|ENTRYPOINT)\b/;
function baseLayersFromHistory(history, layerCount) {
  if (!history?.length) return { unknown: "the image config has no history" };
  const layerEntries = history.filter((h) => !h.empty_layer).length;
  if (layerEntries !== layerCount) {
    return {
      unknown: `the config history lists ${layerEntries} layer-creating steps for ${layerCount} layers, so it cannot say which layers are whose`
    };
  }
  let tail = history.length;
  while (tail > 0 && CLOSING.test(history[tail - 1]?.created_by?.trim() ?? "")) tail--;
  const closings = [];
  for (let i = 0; i < tail; i++) {
    if (CLOSING.test(history[i]?.created_by?.trim() ?? "")) closings.push(i);
  }
  if (closings.length === 0) {
    return {
      unknown: "the config history has no CMD or ENTRYPOINT step before the image\u2019s own steps, so where its base ends is not recorded"
    };
  }
  const boundary = closings[closings.length - 1];
  const before = history.slice(0, boundary + 1).filter((h) => !h.empty_layer).length;
  const after = layerCount - before;
  if (before === 0 || after === 0) {
    return { unknown: "the config history puts every layer on one side of its last CMD/ENTRYPOINT" };
  }
  if (!history[boundary]?.empty_layer) {
    return { unknown: "the config history has a CMD/ENTRYPOINT step that created a layer" };
  }
  return { layers: before };
}
function attributeFindings(findings, imageLayers, baseLayers) {
  const counts = { fromBase: 0, fromApp: 0, unattributed: 0 };
  const positions = /* @__PURE__ */ new Map();
  for (const [i, d] of (imageLayers ?? []).entries()) {
    const at = positions.get(d);
    if (at) at.push(i);
    else positions.set(d, [i]);
  }
  for (const f of findings) {
    const diffId = f.layer?.diffId ?? null;
    const layer = { diffId, fromBase: judge(diffId, positions, baseLayers) };
    if (layer.fromBase === true) counts.fromBase++;
    else if (layer.fromBase === false) counts.fromApp++;
    else counts.unattributed++;
    f.layer = layer;
  }
  return { findings, counts };
}
function judge(diffId, positions, baseLayers) {
  if (diffId === null || baseLayers === void 0) return null;
  const at = positions.get(diffId);
  if (!at) return null;
  const inBase = at.some((i) => i < baseLayers);
  const inApp = at.some((i) => i >= baseLayers);
  if (inBase && inApp) return null;
  return inBase;
}

export { attributeFindings as a, baseLayersFromHistory as b, notFixedByVex as n, prefixMismatch as p };

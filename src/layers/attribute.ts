/**
 * Which findings came with the base image and which the image's own layers added: pure. A
 * finding is the base's only when its layer's diff_id is one of the image's first N layers and
 * those N are exactly the base image's layers (read from the registry, or, weakest, counted from
 * the config history). Anything less certain is `fromBase: null` and counts as the app's.
 */
import type { Finding, FindingLayer, LayerAttribution } from '../model.js'

/** Why `base` is not the base of `image`, or undefined when its layers are the image's first ones. */
export function prefixMismatch(
  base: readonly string[],
  image: readonly string[],
): string | undefined {
  if (base.length === 0) return undefined
  if (base.length > image.length) {
    return `it has ${base.length} layers and the image only ${image.length}`
  }
  const at = base.findIndex((d, i) => image[i] !== d)
  if (at === -1) return undefined
  return `its layer ${at + 1} (${base[at]}) is not the image's layer ${at + 1} (${image[at] ?? 'none'})`
}

/** Created-by lines that end an image: what a base's Dockerfile typically closes with. */
const CLOSING = /^(\/bin\/sh -c #\(nop\)\s+)?(CMD|ENTRYPOINT)\b/

export interface HistoryEntry {
  created_by?: string
  empty_layer?: boolean
  comment?: string
}

/**
 * The number of the image's layers that belong to its base, from the config history, or why
 * history cannot tell. The base's history is copied into the image's, so the base ends at the
 * last `CMD`/`ENTRYPOINT` entry (not counting the image's own closing ones) that more layers
 * follow. Used only when that reading is consistent: history agrees with the layer count, and
 * the entry exists, created no layer, and has layers on both sides. Nothing outside the image
 * confirms it (a CMD the image's own Dockerfile sets before its last RUN reads as the end of the
 * base), so it is the last source and reported as `history`.
 */
export function baseLayersFromHistory(
  history: readonly HistoryEntry[] | undefined,
  layerCount: number,
): { layers: number } | { unknown: string } {
  if (!history?.length) return { unknown: 'the image config has no history' }
  const layerEntries = history.filter((h) => !h.empty_layer).length
  if (layerEntries !== layerCount) {
    return {
      unknown: `the config history lists ${layerEntries} layer-creating steps for ${layerCount} layers, so it cannot say which layers are whose`,
    }
  }
  // Entries that close an image, by position; the image's own trailing block is not a boundary.
  let tail = history.length
  while (tail > 0 && CLOSING.test(history[tail - 1]?.created_by?.trim() ?? '')) tail--
  const closings: number[] = []
  for (let i = 0; i < tail; i++) {
    if (CLOSING.test(history[i]?.created_by?.trim() ?? '')) closings.push(i)
  }
  if (closings.length === 0) {
    return {
      unknown:
        'the config history has no CMD or ENTRYPOINT step before the image’s own steps, so where its base ends is not recorded',
    }
  }
  const boundary = closings[closings.length - 1] as number
  const before = history.slice(0, boundary + 1).filter((h) => !h.empty_layer).length
  const after = layerCount - before
  if (before === 0 || after === 0) {
    return { unknown: 'the config history puts every layer on one side of its last CMD/ENTRYPOINT' }
  }
  // A closing step that itself created a layer is not a Dockerfile CMD: history was rewritten.
  if (!history[boundary]?.empty_layer) {
    return { unknown: 'the config history has a CMD/ENTRYPOINT step that created a layer' }
  }
  return { layers: before }
}

/**
 * Sets each finding's layer, judged against the image's layers and the base's share of them
 * (`baseLayers` of `imageLayers` are the base's; `undefined` when the base is unknown).
 */
export function attributeFindings(
  findings: Finding[],
  imageLayers: readonly string[] | undefined,
  baseLayers: number | undefined,
): {
  findings: Finding[]
  counts: Pick<LayerAttribution, 'fromBase' | 'fromApp' | 'unattributed'>
} {
  const counts = { fromBase: 0, fromApp: 0, unattributed: 0 }
  const positions = new Map<string, number[]>()
  for (const [i, d] of (imageLayers ?? []).entries()) {
    const at = positions.get(d)
    if (at) at.push(i)
    else positions.set(d, [i])
  }
  // Labelled in place: a report of 100,000 findings is not copied to add one field to each.
  for (const f of findings) {
    const diffId = f.layer?.diffId ?? null
    const layer: FindingLayer = { diffId, fromBase: judge(diffId, positions, baseLayers) }
    if (layer.fromBase === true) counts.fromBase++
    else if (layer.fromBase === false) counts.fromApp++
    else counts.unattributed++
    f.layer = layer
  }
  return { findings, counts }
}

function judge(
  diffId: string | null,
  positions: Map<string, number[]>,
  baseLayers: number | undefined,
): boolean | null {
  if (diffId === null || baseLayers === undefined) return null
  const at = positions.get(diffId)
  // A layer the scanned image does not have: the report and the image disagree.
  if (!at) return null
  const inBase = at.some((i) => i < baseLayers)
  const inApp = at.some((i) => i >= baseLayers)
  // The same layer content in both parts (an empty layer twice): Trivy's DiffID cannot say which.
  if (inBase && inApp) return null
  return inBase
}

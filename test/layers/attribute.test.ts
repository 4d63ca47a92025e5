/**
 * The pure half of issue 11 §4: which layers are the base's (prefix of diff_ids, or the config
 * history), and how each finding is labelled. The history case uses the real history of the
 * Juice Shop image (node:12-alpine underneath) from test/fixtures.
 */
import { describe, expect, it } from 'vitest'
import {
  attributeFindings,
  baseLayersFromHistory,
  type HistoryEntry,
  prefixMismatch,
} from '../../src/layers/attribute.js'
import type { Finding } from '../../src/model.js'
import { juiceShopHistory } from '../support/registry/layered.js'

const d = (n: number) => `sha256:${String(n).padStart(64, '0')}`

function finding(id: string, diffId: string | null): Finding {
  return {
    kind: 'secret',
    id,
    severity: 'HIGH',
    target: 't',
    key: id,
    layer: { diffId, fromBase: null },
  }
}

describe('prefixMismatch: a base is accepted only when its layers are the image’s first layers', () => {
  it('accepts an exact prefix, and scratch (no layers)', () => {
    expect(prefixMismatch([d(1), d(2)], [d(1), d(2), d(3)])).toBeUndefined()
    expect(prefixMismatch([], [d(1)])).toBeUndefined()
  })
  it('refuses the same layers elsewhere than at the start, a longer base, and a different layer', () => {
    expect(prefixMismatch([d(2)], [d(1), d(2)])).toMatch(
      /its layer 1 .* is not the image's layer 1/,
    )
    expect(prefixMismatch([d(1), d(2), d(3)], [d(1), d(2)])).toMatch(
      /3 layers and the image only 2/,
    )
    expect(prefixMismatch([d(1), d(9)], [d(1), d(2), d(3)])).toMatch(/its layer 2/)
  })
})

describe('baseLayersFromHistory', () => {
  it('real history (node:12-alpine + Juice Shop): the last CMD before the image’s own steps ends the base', () => {
    expect(baseLayersFromHistory(juiceShopHistory() as HistoryEntry[], 8)).toEqual({ layers: 4 })
  })
  it('unknown when the history does not match the layers', () => {
    expect(baseLayersFromHistory(juiceShopHistory() as HistoryEntry[], 7)).toMatchObject({
      unknown: expect.stringMatching(/8 layer-creating steps for 7 layers/),
    })
  })
  it('unknown without history, or without a CMD/ENTRYPOINT before the image’s own closing ones', () => {
    expect(baseLayersFromHistory(undefined, 2)).toHaveProperty('unknown')
    const own: HistoryEntry[] = [
      { created_by: 'ADD rootfs.tar /' },
      { created_by: 'RUN make' },
      { created_by: 'CMD ["/app"]', empty_layer: true },
    ]
    expect(baseLayersFromHistory(own, 2)).toMatchObject({
      unknown: expect.stringMatching(/no CMD or ENTRYPOINT/),
    })
  })
  it('unknown when every layer is on one side, or the CMD step created a layer', () => {
    const allBase: HistoryEntry[] = [
      { created_by: 'ADD rootfs.tar /' },
      { created_by: 'CMD ["sh"]', empty_layer: true },
      { created_by: 'ENV A=1', empty_layer: true },
      { created_by: 'CMD ["/app"]', empty_layer: true },
    ]
    expect(baseLayersFromHistory(allBase, 1)).toHaveProperty('unknown')
    const rewritten: HistoryEntry[] = [
      { created_by: 'ADD rootfs.tar /' },
      { created_by: '/bin/sh -c #(nop)  CMD ["sh"]' },
      { created_by: 'RUN make' },
    ]
    expect(baseLayersFromHistory(rewritten, 3)).toMatchObject({
      unknown: expect.stringMatching(/created a layer/),
    })
  })
})

describe('attributeFindings', () => {
  const image = [d(1), d(2), d(3)]
  it('labels base, app, no layer, and a layer the image does not have', () => {
    const { findings, counts } = attributeFindings(
      [finding('base', d(1)), finding('app', d(3)), finding('none', null), finding('alien', d(7))],
      image,
      2,
    )
    expect(findings.map((f) => [f.id, f.layer])).toEqual([
      ['base', { diffId: d(1), fromBase: true }],
      ['app', { diffId: d(3), fromBase: false }],
      ['none', { diffId: null, fromBase: null }],
      ['alien', { diffId: d(7), fromBase: null }],
    ])
    expect(counts).toEqual({ fromBase: 1, fromApp: 1, unattributed: 2 })
  })
  it('the same layer content in base and app (an empty layer twice) is not the base’s', () => {
    const { findings } = attributeFindings([finding('twice', d(1))], [d(1), d(2), d(1)], 2)
    expect(findings[0]?.layer).toEqual({ diffId: d(1), fromBase: null })
  })
  it('an unknown base attributes nothing to the base', () => {
    const { counts } = attributeFindings([finding('x', d(1))], image, undefined)
    expect(counts).toEqual({ fromBase: 0, fromApp: 0, unattributed: 1 })
  })
})

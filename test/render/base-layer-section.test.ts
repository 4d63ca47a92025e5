/**
 * The base-image section of the comment and summary (issue 11 §4), on its own: what it says for
 * each way the base was known, that it stays quiet when nothing was attributed, and that its
 * table is bounded like the other finding lists.
 */
import { describe, expect, it } from 'vitest'
import type { Finding, ImageReport, LayerAttribution } from '../../src/model.js'
import { emptyCounts } from '../../src/model.js'
import { baseLayerSection } from '../../src/render/base-layer-section.js'

function vuln(id: string, fromBase: boolean | null): Finding {
  return {
    kind: 'vulnerability',
    id,
    severity: 'HIGH',
    target: 'img',
    key: id,
    pkgName: 'openssl',
    pkgId: 'openssl@1',
    pkgClass: 'os-pkgs',
    installedVersion: '1',
    fixedVersion: '2',
    fixable: true,
    layer: { diffId: null, fromBase },
  }
}

function image(layerAttribution: LayerAttribution | undefined, findings: Finding[]): ImageReport {
  return {
    image: 'img',
    counts: emptyCounts(),
    fixable: emptyCounts(),
    ignored: emptyCounts(),
    gated: emptyCounts(),
    blocking: 0,
    findings: findings.map((finding) => ({ finding })),
    packages: {},
    suppressed: [],
    artifacts: { trivyJson: 'x' },
    ...(layerAttribution ? { layerAttribution } : {}),
  }
}

const counts = { fromBase: 2, fromApp: 1, unattributed: 0 }

describe('baseLayerSection', () => {
  it('history: says the base was inferred and that nothing outside the image confirms it', () => {
    const r = image({ base: { how: 'history', layers: 4 }, imageLayers: 8, ...counts }, [
      vuln('CVE-1', true),
      vuln('CVE-2', true),
      vuln('CVE-3', false),
    ])
    const md = baseLayerSection(r, 'app', 50)
    expect(md).toMatch(
      /^<details><summary>From the base image \(unnamed\): 2 \(2 high\), not gated/,
    )
    expect(md).toContain(
      "inferred from the image's config history (the first 4 layers of 8; nothing outside the image confirms it)",
    )
    expect(md).not.toContain('CVE-3')
    expect(md).not.toContain('Fixed by moving')
  })

  it('bounded: past the row limit the rest is counted, never dropped silently', () => {
    const many = Array.from({ length: 7 }, (_, i) => vuln(`CVE-${i}`, true))
    const md = baseLayerSection(
      image(
        { base: { ref: 'debian:12', how: 'dockerfile', layers: 1 }, imageLayers: 2, ...counts },
        many,
      ),
      'all',
      3,
    )
    expect(md.match(/^\| 🟧 High \|/gm)).toHaveLength(3)
    expect(md).toContain('_…and 4 more in the JSON report._')
    expect(md).not.toContain('not gated')
  })

  it('unknown base: nothing unless app gates on it, then it says every finding counts', () => {
    const unknown = { base: null, unknown: 'no source named it', ...counts }
    expect(baseLayerSection(image(unknown, []), 'all', 10)).toBe('')
    expect(baseLayerSection(image(undefined, []), 'app', 10)).toBe('')
    expect(baseLayerSection(image(unknown, []), 'new,app', 10)).toBe(
      "**Base image layers**: unknown (no source named it), so every finding counts as the image's own for `fail-on-scope: app`.",
    )
  })
})

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPolicy } from '../../src/policy-file/index.js'
import { policyLayer } from '../../src/policy-file/layer.js'
import { actionSource, resolveSettings } from '../../src/settings/index.js'

async function load(files: Record<string, string>) {
  const ws = mkdtempSync(join(tmpdir(), 'policy-layer-'))
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(ws, p, '..'), { recursive: true })
    writeFileSync(join(ws, p), text)
  }
  const { policy } = await loadPolicy({
    policy: '',
    label: 'policy',
    allowMutable: false,
    workspace: ws,
    now: new Date('2026-06-10T00:00:00Z'),
  })
  if (!policy) throw new Error('no policy')
  return policyLayer(policy)
}

describe('policyLayer: what the settings resolver takes', () => {
  it('raw text per key for the input parsers, with the file and line of the value and its lock', async () => {
    const layer = await load({
      '.github/shipgate.yml': 'version: 1\nextends: org/base.yml\nforbid: [shell, root-user]\n',
      'org/base.yml':
        'version: 1\nfail-on: { value: medium, locked: true }\nignore-unfixed: true\n',
    })
    expect(layer.file).toBe('.github/shipgate.yml')
    expect(layer.values).toEqual({
      'fail-on': { raw: 'medium', file: 'org/base.yml', line: 2, locked: true },
      'ignore-unfixed': { raw: 'true', file: 'org/base.yml', line: 3, locked: false },
      forbid: { raw: 'shell\nroot-user', file: '.github/shipgate.yml', line: 3, locked: false },
    })
    expect(layer.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('exceptions become ignore rules with their reason and scope (expired ones too: the evaluator lists them)', async () => {
    const layer = await load({
      '.github/shipgate.yml':
        'version: 1\nexceptions:\n  - id: CVE-1\n    reason: r1\n    expires: 2027-01-01\n  - id: CVE-2\n    package: openssl\n    reason: r2\n    expires: 2027-01-01\n  - id: CVE-3\n    reason: old\n    expires: 2026-01-01\n',
    })
    expect(layer.ignoreRules.map((r) => [r.id, r.source, r.statement, r.packages])).toEqual([
      ['CVE-1', '.github/shipgate.yml:3', 'r1', undefined],
      ['CVE-2', '.github/shipgate.yml:6', 'r2', ['openssl']],
      ['CVE-3', '.github/shipgate.yml:10', 'old', undefined],
    ])
  })
})

describe('the layer through resolveSettings', () => {
  it('verify mode takes the signer identity from the policy, named by file:line', async () => {
    const layer = await load({
      '.github/shipgate.yml':
        'version: 1\ncertificate-identity: https://github.com/acme/api/.github/workflows/release.yml@refs/heads/main\ncertificate-oidc-issuer: { value: "https://token.actions.githubusercontent.com", locked: true }\n',
    })
    const values: Record<string, string> = {
      mode: 'verify',
      image: 'ghcr.io/acme/api:1',
      'certificate-oidc-issuer': 'https://evil.example',
    }
    const s = resolveSettings(
      actionSource((n) => values[n] ?? ''),
      layer,
    )
    if (s.mode !== 'verify') throw new Error('not verify')
    expect(s.verify.certificateIdentity.origin).toEqual({
      kind: 'policy',
      file: '.github/shipgate.yml',
      key: 'certificate-identity',
      line: 2,
    })
    expect(s.verify.certificateOidcIssuer.value).toBe('https://token.actions.githubusercontent.com')
    expect(s.notes.join('\n')).toContain('locks `certificate-oidc-issuer`')
  })
})

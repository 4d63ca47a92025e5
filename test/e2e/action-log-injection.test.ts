/** Issue 9 item 8 through dist/index.js: a forged report's text never becomes a workflow command. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { runAction } from '../support/e2e/runner.js'
import { standIn } from '../support/trivy-stand-in/index.js'

function forgedReport(): string {
  const inject = (what: string) =>
    `${what}\n::add-mask::hidden\n::stop-commands::pwned\n::error::forged ${what}`
  const file = join(mkdtempSync(join(tmpdir(), 'forged-')), 'trivy.json')
  writeFileSync(
    file,
    JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: inject('ghcr.io/acme/app:1'),
      ArtifactType: 'container_image',
      Metadata: { OS: { Family: 'alpine', Name: '3.19' } },
      Results: [
        {
          Target: inject('target'),
          Class: 'os-pkgs',
          Type: 'alpine',
          Vulnerabilities: [
            {
              VulnerabilityID: inject('CVE-2024-0001'),
              PkgName: inject('openssl'),
              InstalledVersion: '3.1.0',
              FixedVersion: '3.1.1',
              Severity: 'CRITICAL',
            },
          ],
        },
      ],
    }),
  )
  return file
}

it('no line the action prints obeys the forged text, pass or fail', async () => {
  for (const failOn of ['none', 'critical']) {
    const r = await runAction(
      {
        'trivy-report': forgedReport(),
        'fail-on': failOn,
        'base-image-policy': 'warn',
        forbid: 'shell',
      },
      { ...standIn({}).env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(failOn === 'none' ? 0 : 1)
    const commands = r.stdout
      .split(/\r\n|\r|\n/)
      .map((l) => l.trimStart())
      .filter((l) => l.startsWith('::'))
    expect(commands.filter((l) => /^::(add-mask|stop-commands)::/.test(l))).toEqual([])
    expect(commands.filter((l) => /^::error::forged/.test(l))).toEqual([])
    expect(r.stderr.split(/\r\n|\r|\n/).filter((l) => l.trimStart().startsWith('::'))).toEqual([])
  }
})

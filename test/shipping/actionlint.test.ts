/** The workflows pass actionlint (a real build of it, not a stand-in), which rejects a broken one. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { actionlint } from './actionlint.js'

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..')
let bin: string

beforeAll(async () => {
  bin = await actionlint()
}, 600_000)

describe('actionlint', () => {
  it('finds nothing wrong in .github/workflows', async () => {
    const result = await execa(
      bin,
      ['-no-color', '.github/workflows/ci.yml', '.github/workflows/release.yml'],
      { cwd: ROOT, reject: false },
    )
    expect(result.stdout).toBe('')
    expect(result.exitCode).toBe(0)
  })

  it('rejects a workflow that splices untrusted input into a script and misnames a job', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shipgate-actionlint-'))
    const file = path.join(dir, 'bad.yml')
    await writeFile(
      file,
      [
        'on: pull_request',
        'permissions: {contents: read}',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-24.04',
        '    needs: missing-job',
        '    steps:',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, on purpose
        '      - run: echo "${{ github.event.pull_request.title }}"',
        '',
      ].join('\n'),
    )
    const result = await execa(bin, ['-no-color', file], { reject: false })
    await rm(dir, { recursive: true, force: true })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('missing-job')
    expect(result.stdout).toContain('github.event.pull_request.title')
  })
})

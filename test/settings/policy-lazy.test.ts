/**
 * The policy loader is skipped only when it would find nothing (issue 13): a skipped policy
 * would be a gate the organisation set that silently stops applying. Each case is checked
 * against the loader itself.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ContentsReader } from '../../src/policy-file/contents.js'
import { PolicyEventError } from '../../src/policy-file/event.js'
import { policyFileOf } from '../../src/settings/policy-file.js'
import { certainlyNoPolicy, policyFileLazily } from '../../src/settings/policy-lazy.js'
import { actionSource } from '../../src/settings/resolve.js'

const POLICY = 'version: 1\nfail-on: critical\n'
const inputs = (values: Record<string, string> = {}) => actionSource((name) => values[name] ?? '')
const now = new Date()
const PR = { owner: 'acme', repo: 'api', baseSha: 'a'.repeat(40) }
/** A contents API with the base commit's policy, and a record of every read. */
function contents(text: string | undefined) {
  const reads: string[] = []
  const reader: ContentsReader = {
    readFile: async (owner, repo, path, ref) => {
      reads.push(`${owner}/${repo}/${path}@${ref}`)
      return text
    },
    canRead: async () => true,
  }
  return { reader, reads }
}

function workspace(setup: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-lazy-'))
  setup(dir)
  return dir
}
const withPolicy = (dir: string) => {
  mkdirSync(join(dir, '.github'))
  writeFileSync(join(dir, '.github', 'shipgate.yml'), POLICY)
}

describe('certainlyNoPolicy: true only when the loader finds nothing', () => {
  it('an empty checkout, no pull request: skipped, and the loader agrees', async () => {
    const ws = workspace()
    expect(await certainlyNoPolicy(inputs(), { workspace: ws })).toBe(true)
    expect(await policyFileOf(inputs(), { workspace: ws, now })).toBeUndefined()
  })

  it('a checkout with .github/shipgate.yml is never skipped', async () => {
    const ws = workspace(withPolicy)
    expect(await certainlyNoPolicy(inputs(), { workspace: ws })).toBe(false)
    const policy = await policyFileLazily(inputs(), { workspace: ws, now })
    expect(policy?.values['fail-on']?.raw).toBe('critical')
  })

  it('a dangling symlink or a directory at the default path goes to the loader', async () => {
    const dangling = workspace((d) => {
      mkdirSync(join(d, '.github'))
      symlinkSync(join(d, 'nowhere.yml'), join(d, '.github', 'shipgate.yml'))
    })
    expect(await certainlyNoPolicy(inputs(), { workspace: dangling })).toBe(false)
    const directory = workspace((d) =>
      mkdirSync(join(d, '.github', 'shipgate.yml'), { recursive: true }),
    )
    expect(await certainlyNoPolicy(inputs(), { workspace: directory })).toBe(false)
    const notADir = workspace((d) => writeFileSync(join(d, '.github'), 'a file'))
    expect(await certainlyNoPolicy(inputs(), { workspace: notADir })).toBe(false)
  })

  it('a `policy` input is never skipped, even a missing one (the loader says it does not exist)', async () => {
    const ws = workspace()
    const source = inputs({ policy: 'policies/gate.yml' })
    expect(await certainlyNoPolicy(source, { workspace: ws })).toBe(false)
    await expect(policyFileLazily(source, { workspace: ws, now })).rejects.toThrow(/does not exist/)
  })

  it('on a pull request the base commit’s policy is read even when the checkout has none', async () => {
    const ws = workspace()
    const api = contents(POLICY)
    expect(await certainlyNoPolicy(inputs(), { workspace: ws, pullRequest: PR })).toBe(false)
    const policy = await policyFileLazily(inputs(), {
      workspace: ws,
      pullRequest: PR,
      contents: async () => api.reader,
      now,
    })
    expect(api.reads).toEqual([`acme/api/.github/shipgate.yml@${'a'.repeat(40)}`])
    expect(policy?.values['fail-on']?.raw).toBe('critical')
  })

  it('a pull request event without a base: skipped only without a checkout policy, else the loader refuses', async () => {
    const noBase = new PolicyEventError('no base commit')
    expect(await certainlyNoPolicy(inputs(), { workspace: workspace(), pullRequest: noBase })).toBe(
      true,
    )
    const ws = workspace(withPolicy)
    expect(await certainlyNoPolicy(inputs(), { workspace: ws, pullRequest: noBase })).toBe(false)
    await expect(
      policyFileLazily(inputs(), { workspace: ws, pullRequest: noBase, now }),
    ).rejects.toThrow(/no base commit/)
  })

  it('a bad policy-allow-mutable is refused as the loader refuses it', async () => {
    const source = inputs({ 'policy-allow-mutable': 'maybe' })
    const ws = workspace()
    const loader = await policyFileOf(source, { workspace: ws, now }).catch((e: Error) => e)
    const lazy = await policyFileLazily(source, { workspace: ws, now }).catch((e: Error) => e)
    expect(loader).toBeInstanceOf(Error)
    expect((lazy as Error).message).toBe((loader as Error).message)
  })
})

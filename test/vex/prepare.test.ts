/** Preparing the run's VEX documents: what is read, compared with the base commit, and refused. */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepareVex, VexSourceError } from '../../src/vex/prepare.js'

const OPENVEX = readFileSync(
  new URL('../fixtures/vex/alpine-310.openvex.json', import.meta.url),
  'utf8',
)

function workspace(files: Record<string, string>) {
  const ws = mkdtempSync(join(tmpdir(), 'vex-ws-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(ws, path, '..'), { recursive: true })
    writeFileSync(join(ws, path), text)
  }
  return ws
}

const out = () => mkdtempSync(join(tmpdir(), 'vex-out-'))

describe('prepareVex', () => {
  it('a base commit that cannot be read marks the document unknown, never unchanged', async () => {
    const ws = workspace({ '.vex/a.json': OPENVEX })
    const prepared = await prepareVex([{ kind: 'file', path: '.vex/a.json' }], {
      workspace: ws,
      outputDir: out(),
      base: async () => {
        throw new Error('403')
      },
    })
    expect(prepared.sources[0]?.change).toBe('unknown')
  })

  it('new, changed and unchanged against the base commit; the path is asked relative to the repository', async () => {
    const ws = workspace({ 'n.json': OPENVEX, 'c.json': OPENVEX, 'u.json': OPENVEX })
    const asked: string[] = []
    const prepared = await prepareVex(
      ['n.json', 'c.json', './u.json'].map((path) => ({ kind: 'file', path }) as const),
      {
        workspace: ws,
        outputDir: out(),
        base: async (path) => {
          asked.push(path)
          return path === 'c.json' ? `${OPENVEX} ` : path === 'u.json' ? OPENVEX : undefined
        },
      },
    )
    expect(prepared.sources.map((s) => s.change)).toEqual(['new', 'changed', 'unchanged'])
    expect(asked).toEqual(['n.json', 'c.json', 'u.json'])
  })

  it('a symlink out of the checkout is refused (a pull request cannot make Shipgate read /etc)', async () => {
    const ws = workspace({})
    mkdirSync(join(ws, '.vex'))
    symlinkSync('/etc/hostname', join(ws, '.vex/a.json'))
    await expect(
      prepareVex([{ kind: 'file', path: '.vex/a.json' }], { workspace: ws, outputDir: out() }),
    ).rejects.toThrow(VexSourceError)
    await expect(
      prepareVex([{ kind: 'file', path: '.vex/a.json' }], { workspace: ws, outputDir: out() }),
    ).rejects.toThrow(/symbolic link to a file outside the repository/)
  })
})

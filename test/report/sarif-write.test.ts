/** Writing SARIF where the checkout (a pull request) cannot redirect it. */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  openSarifTarget,
  parseSarifPath,
  replaceWith,
  type SarifTarget,
  sarifTarget,
} from '../../src/report/sarif-write.js'

let base: string
let workspace: string
let outside: string
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'sarif-write-'))
  workspace = join(base, 'workspace')
  outside = join(base, 'home')
  mkdirSync(workspace)
  mkdirSync(outside)
})

const one = [{ name: 'a.sarif', text: '{"version":"2.1.0","runs":[]}\n' }]

/** Each file where the target places it, through `replaceWith`, as src/derive/run.ts writes SARIF. */
async function writeSarifFiles(
  target: SarifTarget,
  files: readonly { name: string; text: string }[],
  raw: string,
  roots?: readonly string[],
): Promise<string[]> {
  const sink = await openSarifTarget(target, raw, roots)
  const paths: string[] = []
  for (const file of files) {
    const path = sink.place(file.name)
    await replaceWith(path, (handle) => handle.writeFile(file.text))
    paths.push(path)
  }
  return paths
}

describe('sarifTarget', () => {
  it('one file for one image; a directory for a trailing / or several images', () => {
    expect(sarifTarget('out/x.sarif', 1).kind).toBe('file')
    expect(sarifTarget('out/', 1).kind).toBe('directory')
    expect(sarifTarget('out/x.sarif', 2).kind).toBe('directory')
  })
})

describe('writeSarifFiles', () => {
  it('replaces a symlink planted at the path instead of writing through it', async () => {
    const victim = join(outside, '.bashrc')
    writeFileSync(victim, 'keep me')
    const path = join(workspace, 'results.sarif')
    symlinkSync(victim, path)
    const written = await writeSarifFiles(sarifTarget(path, 1), one, path, [workspace])
    expect(written).toEqual([path])
    expect(readFileSync(victim, 'utf8')).toBe('keep me')
    expect(lstatSync(path).isSymbolicLink()).toBe(false)
    expect(readFileSync(path, 'utf8')).toBe(one[0]?.text)
  })

  it('the same without roots (the CLI): never through a link', async () => {
    const victim = join(outside, 'victim')
    writeFileSync(victim, 'keep me')
    const path = join(workspace, 'x.sarif')
    symlinkSync(victim, path)
    await writeSarifFiles(sarifTarget(path, 1), one, path)
    expect(readFileSync(victim, 'utf8')).toBe('keep me')
  })

  it('refuses a directory on the way that links outside the roots, and writes nothing there', async () => {
    symlinkSync(outside, join(workspace, 'reports'))
    const raw = `${join(workspace, 'reports', 'sub')}/`
    await expect(writeSarifFiles(sarifTarget(raw, 1), one, raw, [workspace])).rejects.toThrow(
      /sarif path .* resolves to .*home.*outside .*workspace/,
    )
    expect(readdirSync(outside)).toEqual([])
  })

  it('refuses a path outside the roots (`../`)', async () => {
    const raw = join(workspace, '..', 'home', 'x.sarif')
    await expect(writeSarifFiles(sarifTarget(raw, 1), one, raw, [workspace])).rejects.toThrow(
      /outside/,
    )
    expect(readdirSync(outside)).toEqual([])
  })

  it('allows a link that stays inside the roots, and a second root (the runner temp)', async () => {
    mkdirSync(join(workspace, 'real'))
    symlinkSync(join(workspace, 'real'), join(workspace, 'alias'))
    const raw = `${join(workspace, 'alias')}/`
    const [path] = await writeSarifFiles(sarifTarget(raw, 1), one, raw, [workspace])
    expect(path).toBe(join(workspace, 'alias', 'a.sarif'))
    expect(readdirSync(join(workspace, 'real'))).toEqual(['a.sarif'])
    const temp = join(outside, 'x.sarif')
    await writeSarifFiles(sarifTarget(temp, 1), one, temp, [workspace, outside])
    expect(readdirSync(outside)).toEqual(['x.sarif'])
  })

  it('a file where the directory should be: an error that says what to do', async () => {
    const raw = join(workspace, 'results.sarif')
    writeFileSync(raw, 'old single file')
    const two = [...one, { name: 'b.sarif', text: '{}' }]
    await expect(writeSarifFiles(sarifTarget(raw, 2), two, raw, [workspace])).rejects.toThrow(
      /a file is in the way: give another sarif path/,
    )
  })

  it('a directory where the file should be: an error that says to end the path with /', async () => {
    const raw = join(workspace, 'results.sarif')
    mkdirSync(raw)
    await expect(writeSarifFiles(sarifTarget(raw, 1), one, raw, [workspace])).rejects.toThrow(
      /is a directory; end the sarif path with \//,
    )
  })
})

describe('parseSarifPath', () => {
  it('one path, trimmed; empty is none', () => {
    expect(parseSarifPath(' results.sarif ', 'sarif')).toBe('results.sarif')
    expect(parseSarifPath('', 'sarif')).toBeUndefined()
  })

  it('refuses a newline or control character, naming the input or flag', () => {
    expect(() => parseSarifPath('a.sarif\nb.sarif', 'sarif')).toThrow(
      /^Input `sarif`: "a\.sarif\\nb\.sarif" holds a newline or control character; give one path/,
    )
    expect(() => parseSarifPath('x\u001b[31m.sarif', '--sarif')).toThrow(/^Flag `--sarif`:/)
  })
})

describe('replaceWith', () => {
  it('a writer that fails half-way leaves neither the file nor a temporary one behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarif-replace-'))
    const path = join(dir, 'results.sarif')
    await expect(
      replaceWith(path, async (file) => {
        await file.writeFile('{"version":"2.1.0","runs":[')
        throw new Error('trivy convert wrote something else')
      }),
    ).rejects.toThrow(/something else/)
    expect(readdirSync(dir)).toEqual([])
    await replaceWith(path, (file) => file.writeFile('{}\n'))
    expect(readdirSync(dir)).toEqual(['results.sarif'])
  })
})

import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  emitJsonPausing,
  jsonPieces,
  writeJsonFile,
  writeJsonFilePausing,
} from '../../src/report/write.js'

const long = Array.from({ length: 1000 }, (_, i) => ({
  id: `CVE-${i}`,
  title: i % 2 ? undefined : `a "quoted" \u2028 title ${i}`,
  score: i % 3 ? i / 7 : undefined,
  nested: { list: [1, undefined, 'x'], when: new Date(i * 1000) },
}))
const report = {
  schema: 'shipgate.report/v1',
  gone: undefined,
  fn: () => 1,
  images: [
    { image: 'a', findings: long, empty: [], none: null },
    { image: 'b', findings: [] },
  ],
  short: [undefined, () => 1, 'kept', { deep: [[undefined]] }],
  warnings: ['w\n1'],
}

describe('writeJsonFile: the report written once, in pieces', () => {
  it('writes exactly what JSON.stringify writes, with a newline', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'write-')), 'r.json')
    await writeJsonFile(path, report)
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(report)}\n`)
  })

  it('cuts long arrays between elements, so no piece holds the whole list', () => {
    const pieces = [...jsonPieces(report)]
    expect(pieces.join('')).toBe(JSON.stringify(report))
    const largest = Math.max(...pieces.map((p) => p.length))
    expect(largest).toBeLessThan(JSON.stringify(long[0]).length * 2)
  })

  it('writes a subtree with no long array in one piece, and still cuts one nested deep down', () => {
    const small = { runs: [{ results: long.slice(0, 200), tool: { name: 't' } }] }
    expect(jsonPieces(small)).toEqual([JSON.stringify(small)])
    const deep = { a: { b: [{ c: { d: long } }], e: 'x' } }
    const pieces = jsonPieces(deep)
    expect(pieces.join('')).toBe(JSON.stringify(deep))
    expect(pieces.length).toBeGreaterThan(1000)
  })

  it('the pausing writer writes the same bytes, and lets other work run while it writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-'))
    const values = [
      report,
      { images: [{ findings: long }, { findings: long.slice(0, 300) }], toJSON: undefined },
      { a: { b: [{ c: { d: long } }] } },
      [long, long],
      'text',
      null,
    ]
    for (const [i, value] of values.entries()) {
      const plain = join(dir, `plain-${i}.json`)
      const pausing = join(dir, `pausing-${i}.json`)
      await writeJsonFile(plain, value)
      await writeJsonFilePausing(pausing, value)
      expect(readFileSync(pausing, 'utf8'), `value ${i}`).toBe(readFileSync(plain, 'utf8'))
    }
  })

  it('writes a document of many batches in order', async () => {
    // ~12 MB: twelve 1 MB batches, non-ASCII characters across their edges.
    const big = {
      findings: Array.from({ length: 60_000 }, (_, i) => ({
        id: `CVE-${i}`,
        title: `${'é'.repeat(i % 7)} ${'x'.repeat(150 + (i % 50))}`,
      })),
    }
    const dir = mkdtempSync(join(tmpdir(), 'write-'))
    const expected = `${JSON.stringify(big)}\n`
    expect(Buffer.byteLength(expected)).toBeGreaterThan(10 << 20)
    await writeJsonFile(join(dir, 'plain.json'), big)
    await writeJsonFilePausing(join(dir, 'pausing.json'), big)
    expect(readFileSync(join(dir, 'plain.json'), 'utf8')).toBe(expected)
    expect(readFileSync(join(dir, 'pausing.json'), 'utf8')).toBe(expected)
  })

  it('writes pieces larger than a batch, and characters of 2, 3 and 4 bytes at any place', async () => {
    // Elements of a long array are pieces: one of 2 MB (larger than the 1 MB batch), others
    // that nearly fill what is left of one, emoji (surrogate pairs) and a lone surrogate, which
    // UTF-8 writes as U+FFFD, as JSON.stringify's text does when written.
    const big = {
      findings: Array.from({ length: 400 }, (_, i) => ({
        id: i,
        text:
          i === 7
            ? '😀'.repeat(1 << 19)
            : i % 50 === 3
              ? 'x'.repeat((1 << 20) - 40 - i)
              : `${'é€😀'.repeat(i % 5)}\ud800${'y'.repeat(i)}`,
      })),
    }
    // And a piece whose characters fit what is left of a batch but whose bytes do not.
    const edge = ['x'.repeat((1 << 20) - 60), 'é'.repeat(40), ...Array(300).fill('z')]
    const dir = mkdtempSync(join(tmpdir(), 'write-'))
    await writeJsonFile(join(dir, 'edge.json'), edge)
    expect(readFileSync(join(dir, 'edge.json'), 'utf8')).toBe(`${JSON.stringify(edge)}\n`)
    const expected = Buffer.from(`${JSON.stringify(big)}\n`, 'utf8')
    await writeJsonFile(join(dir, 'plain.json'), big)
    await writeJsonFilePausing(join(dir, 'pausing.json'), big)
    expect(readFileSync(join(dir, 'plain.json')).equals(expected)).toBe(true)
    expect(readFileSync(join(dir, 'pausing.json')).equals(expected)).toBe(true)
  })

  it('a write that fails (a full disk) fails the report, for both writers', async () => {
    // /dev/full refuses every write with ENOSPC, as a full runner disk would.
    const big = { findings: Array.from({ length: 20_000 }, (_, i) => ({ id: `CVE-${i}` })) }
    await expect(writeJsonFile('/dev/full', big)).rejects.toThrow(/ENOSPC/)
    await expect(writeJsonFilePausing('/dev/full', big)).rejects.toThrow(/ENOSPC/)
    await expect(writeJsonFile('/dev/full', { small: true })).rejects.toThrow(/ENOSPC/)
  })

  it('pauses every 256 elements of a long array, at any depth, the same pieces between', () => {
    const count = (value: unknown) => {
      const pieces: string[] = []
      const steps = emitJsonPausing(value, (p) => pieces.push(p))
      let pauses = 0
      while (!steps.next().done) pauses++
      return { pauses, pieces }
    }
    // images[0].findings: 1,000 elements, a pause after 256, 512 and 768.
    expect(count(report)).toEqual({ pauses: 3, pieces: jsonPieces(report) })
    const deep = { a: { b: { c: { d: { e: long } } } } }
    expect(count(deep)).toEqual({ pauses: 3, pieces: jsonPieces(deep) })
    // Nothing long: one piece, no pause.
    expect(count({ a: long.slice(0, 255) }).pauses).toBe(0)
  })
})

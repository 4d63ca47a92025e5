/** Categories and file names: stable, safe from hostile names, never shared by two subjects. */
import { describe, expect, it } from 'vitest'
import { sanitizeSegments, sarifNames } from '../../src/report/sarif-category.js'

const SAFE_CATEGORY = /^shipgate\/[A-Za-z0-9._:-]+(\/[A-Za-z0-9._:-]+)*\/$/
const SAFE_FILE = /^[A-Za-z0-9_][A-Za-z0-9._-]*\.sarif$/

describe('sarifNames', () => {
  it('names an image by its repository, so a new tag or digest keeps the category', () => {
    const [a] = sarifNames([{ image: `ghcr.io/acme/api:sha-1a2b3c@sha256:${'a'.repeat(64)}` }])
    const [b] = sarifNames([{ image: 'ghcr.io/acme/api:sha-4d5e6f' }])
    expect(a).toEqual({ category: 'shipgate/ghcr.io/acme/api/', file: 'ghcr.io_acme_api.sarif' })
    expect(b).toEqual(a)
  })

  it('adds the platform, so matrix legs over platforms stay apart', () => {
    const names = sarifNames([
      { image: 'localhost:5000/app', platform: 'linux/amd64' },
      { image: 'localhost:5000/app', platform: 'linux/arm64/v8' },
    ])
    expect(names.map((n) => n.category)).toEqual([
      'shipgate/localhost:5000/app/linux/amd64/',
      'shipgate/localhost:5000/app/linux/arm64/v8/',
    ])
    expect(new Set(names.map((n) => n.file)).size).toBe(2)
  })

  it('keeps the tag when two images of one job share a repository', () => {
    const names = sarifNames([{ image: 'acme/app:1-alpine' }, { image: 'acme/app:1-debian' }])
    expect(names.map((n) => n.category)).toEqual([
      'shipgate/acme/app:1-alpine/',
      'shipgate/acme/app:1-debian/',
    ])
    expect(names.map((n) => n.file)).toEqual(['acme_app_1-alpine.sarif', 'acme_app_1-debian.sarif'])
  })

  it('tells apart the same repository and tag at two digests, and an image listed twice', () => {
    const d = (c: string) => `acme/app:1@sha256:${c.repeat(64)}`
    const names = sarifNames([{ image: d('a') }, { image: d('b') }, { image: d('b') }])
    expect(new Set(names.map((n) => n.category)).size).toBe(3)
    expect(new Set(names.map((n) => n.file)).size).toBe(3)
    for (const n of names) expect(n.category).toMatch(/^shipgate\/acme\/app:1-/)
  })

  it('hostile names (Markdown, control characters, `..`, spaces) reach neither category nor file unsanitised', () => {
    const hostile = [
      '../../etc/passwd',
      '**[x](https://evil.example)**\u0007\n::set-output name=x::y',
      'a/./b/../../c',
      '.hidden',
      '',
      '/',
      `${'x'.repeat(500)}/${'y'.repeat(500)}`,
      'evil\u202Egnp.exe',
    ]
    const names = sarifNames(hostile.map((image) => ({ image })))
    for (const n of names) {
      expect(n.category).toMatch(SAFE_CATEGORY)
      expect(n.category.split('/')).not.toContain('..')
      expect(n.category).not.toContain('::')
      expect(n.category.length).toBeLessThan(260)
      expect(n.file).toMatch(SAFE_FILE)
      expect(n.file.length).toBeLessThan(140)
    }
    expect(new Set(names.map((n) => n.category)).size).toBe(hostile.length)
    expect(new Set(names.map((n) => n.file)).size).toBe(hostile.length)
  })

  it('two names that sanitise alike still get distinct categories and files, the same on every run', () => {
    const subjects = [{ image: 'acme/my app' }, { image: 'acme/my_app' }, { image: 'acme/my*app' }]
    const first = sarifNames(subjects)
    expect(new Set(first.map((n) => n.category)).size).toBe(3)
    expect(new Set(first.map((n) => n.file)).size).toBe(3)
    expect(sarifNames(subjects)).toEqual(first)
    // The lossless one keeps its plain name; the others carry a hash of what they were.
    expect(first[1]?.category).toBe('shipgate/acme/my_app/')
    expect(first[0]?.category).toMatch(/^shipgate\/acme\/my_app-[0-9a-f]{8}\/$/)
  })

  it('file names that meet only after flattening `/` and `:` or ignoring case stay apart', () => {
    const names = sarifNames([{ image: 'acme/a_b' }, { image: 'acme/a/b' }, { image: 'ACME/A_B' }])
    expect(new Set(names.map((n) => n.category)).size).toBe(3)
    expect(new Set(names.map((n) => n.file.toLowerCase())).size).toBe(3)
  })
})

describe('sanitizeSegments', () => {
  it('drops `.` and `..` and empty segments and replaces anything else outside [A-Za-z0-9._:-]', () => {
    expect(sanitizeSegments('a/../b/./c//d e')).toBe('a/b/c/d_e')
    expect(sanitizeSegments('../..')).toBe('image')
  })
})

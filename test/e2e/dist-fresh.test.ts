import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { expect, it } from 'vitest'
import { VERSION } from '../../src/version.js'
import { NODE24_BIN } from '../support/trivy-stand-in/index.js'

const ROOT = new URL('../../', import.meta.url).pathname

it('dist/ is the bundle of the current sources (run `npm run bundle` and commit dist/)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'dist-'))
  await execa(join(NODE24_BIN, 'node'), ['scripts/bundle.mjs', '--outdir', out], { cwd: ROOT })
  // Every file: the launchers (index.js, cli.js) and the bundles they load.
  const files = readdirSync(out).sort()
  expect(readdirSync(join(ROOT, 'dist')).sort()).toEqual(files)
  for (const file of files) {
    const fresh = readFileSync(join(out, file), 'utf8')
    const committed = readFileSync(join(ROOT, 'dist', file), 'utf8')
    expect(
      committed === fresh,
      `dist/${file} is stale: run \`npm run bundle\` and commit dist/`,
    ).toBe(true)
  }
})

it('the version in the report is the package version', () => {
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version).toBe(VERSION)
})

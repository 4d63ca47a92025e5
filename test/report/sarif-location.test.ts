/** Where SARIF points vulnerabilities when the Dockerfile is known, and when it cannot be used. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { dockerfileLocation } from '../../src/report/sarif-location.js'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sarif-loc-'))
})

describe('dockerfileLocation', () => {
  it('the final FROM, followed through stage aliases, as a path relative to the repository', async () => {
    mkdirSync(join(root, 'build'))
    writeFileSync(
      join(root, 'build', 'Dockerfile'),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile build argument
      'ARG BASE=debian:buster\nFROM ${BASE} AS base\nRUN apt-get update\nFROM golang AS build\nRUN go build\nFROM base\nCOPY --from=build /a /a\n',
    )
    expect(await dockerfileLocation('build/Dockerfile', root)).toEqual({
      path: 'build/Dockerfile',
      line: 2,
    })
    expect(await dockerfileLocation(join(root, 'build', 'Dockerfile'), root)).toEqual({
      path: 'build/Dockerfile',
      line: 2,
    })
  })

  it('a Dockerfile outside the repository, missing, or without FROM: a warning, and the image as location', async () => {
    const outside = await dockerfileLocation('../elsewhere/Dockerfile', root)
    expect(outside).toEqual({
      warning: expect.stringMatching(/outside the repository.*points at the image/),
    })
    expect(await dockerfileLocation('nope/Dockerfile', root)).toEqual({
      warning: expect.stringMatching(/Could not read the dockerfile "nope\/Dockerfile" \(ENOENT\)/),
    })
    writeFileSync(join(root, 'Dockerfile'), '# nothing here\nRUN true\n')
    expect(await dockerfileLocation('Dockerfile', root)).toEqual({
      warning: expect.stringMatching(/no FROM instruction.*points at the image/),
    })
  })

  it('a link in the checkout to a file elsewhere yields at most a line number, never its content', async () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'sarif-secret-')), 'token')
    writeFileSync(secret, 'ghp_secretsecretsecret\n')
    symlinkSync(secret, join(root, 'Dockerfile'))
    const found = await dockerfileLocation('Dockerfile', root)
    expect(JSON.stringify(found)).not.toContain('ghp_')
  })
})

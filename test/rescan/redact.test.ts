import { describe, expect, it } from 'vitest'
import { clearSecrets, registerSecret } from '../../src/redact.js'
import { redact } from '../../src/rescan/redact.js'

describe('redact', () => {
  it('removes given secrets, GitHub token formats, auth headers and URL credentials', () => {
    const text = [
      'registry said: password hunter2-registry-pass rejected',
      'token ghp_abcdefghijklmnopqrstuvwxyz0123456789 and github_pat_11ABCDEFG0123456789_abcdefghijklmnop',
      'Authorization: Bearer abc.def.ghi-jkl_mno',
      'GET https://user:s3cr3t@registry.example/v2/',
    ].join('\n')
    const out = redact(text, ['hunter2-registry-pass'])
    for (const secret of [
      'hunter2-registry-pass',
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnop',
      'abc.def.ghi-jkl_mno',
      's3cr3t',
    ])
      expect(out).not.toContain(secret)
    expect(out).toContain('registry said: password *** rejected')
    expect(out).toContain('https://***@registry.example/v2/')
  })

  it('leaves ordinary text alone (a short secret would blank out words)', () => {
    expect(redact('the tag was not found', ['the'])).toBe('the tag was not found')
  })

  it('also applies the project redaction: JWTs and secrets registered elsewhere, in their encodings', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2lnbmF0dXJl'
    registerSecret('registered-elsewhere-9')
    try {
      const out = redact(`oidc ${jwt} and ${encodeURIComponent('registered-elsewhere-9')}`)
      expect(out).not.toContain(jwt)
      expect(out).not.toContain('registered-elsewhere-9')
    } finally {
      clearSecrets()
    }
  })
})

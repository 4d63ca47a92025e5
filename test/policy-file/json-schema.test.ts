import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { policyJsonSchema } from '../../src/policy-file/schema.js'

const FILE = new URL('../../schema/shipgate.schema.json', import.meta.url)
const generated = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`

describe('schema/shipgate.schema.json', () => {
  it('is the JSON Schema generated from the zod definition (UPDATE_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, generated)
    expect(readFileSync(FILE, 'utf8')).toBe(generated)
  })

  it('requires version, a reason and an expiry, and rejects unknown keys (what editors check)', () => {
    const schema = JSON.parse(generated)
    expect(schema.required).toContain('version')
    expect(schema.additionalProperties).toBe(false)
    const [plain, wrapped] = schema.properties.exceptions.anyOf
    expect(wrapped.properties.value).toEqual(plain)
    expect(wrapped.additionalProperties).toBe(false)
    const exception = plain.items
    expect(exception.required).toEqual(expect.arrayContaining(['id', 'reason', 'expires']))
    expect(exception.additionalProperties).toBe(false)
  })
})

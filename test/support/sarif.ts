/**
 * Every SARIF file a test writes is validated against the OASIS SARIF 2.1.0 JSON schema,
 * vendored in test/fixtures/sarif (see its PROVENANCE.md): "valid SARIF" is measured, never
 * assumed from a few fields.
 */
import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import { expect } from 'vitest'

const SCHEMA_PATH = new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url)

// RFC 3339 date-time, as draft-07 defines the format.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/

let compiled: ValidateFunction | undefined

function validator(): ValidateFunction {
  if (compiled) return compiled
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>
  if (schema.$schema !== 'http://json-schema.org/draft-04/schema#') {
    throw new Error(
      `sarif-schema-2.1.0.json declares ${String(schema.$schema)}; revisit this helper.`,
    )
  }
  // Draft-04 keywords whose meaning changed by draft-07: none may be present (PROVENANCE.md).
  if (/"exclusiveM(in|ax)imum"\s*:\s*(true|false)/.test(readFileSync(SCHEMA_PATH, 'utf8'))) {
    throw new Error(
      'the SARIF schema uses draft-04 boolean exclusiveMinimum/Maximum; use a draft-04 validator.',
    )
  }
  const { $schema: _draft04, id, ...rest } = schema
  const ajv = new Ajv({ allErrors: true, strict: false })
  ajv.addFormat('uri', (v: string) => URL.canParse(v))
  ajv.addFormat('uri-reference', (v: string) => URL.canParse(v, 'file:///base/') && !/\s/.test(v))
  ajv.addFormat('date-time', (v: string) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)))
  const validate = ajv.compile({ $id: String(id), ...rest })
  compiled = validate
  return validate
}

/** The schema's verdict on a parsed SARIF document: the errors, empty when valid. */
export function sarifSchemaErrors(doc: unknown): string[] {
  const validate = validator()
  if (validate(doc)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
}

/** Asserts the file at `path` is SARIF 2.1.0 by the schema; returns it parsed. */
export function expectValidSarif(path: string): SarifDoc {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as SarifDoc
  expect(sarifSchemaErrors(doc), `${path} is not valid SARIF 2.1.0`).toEqual([])
  return doc
}

// biome-ignore lint/suspicious/noExplicitAny: tests read SARIF freely; the schema vouched for it
export type SarifDoc = any

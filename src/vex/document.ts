/**
 * Reading one VEX document: which format it is (the way Trivy v0.74 tells them apart,
 * pkg/vex/document.go), who it says wrote it, and, for CycloneDX, the OpenVEX statements Trivy
 * can apply to an image (Trivy takes CycloneDX VEX for CycloneDX SBOM scans only and fails an
 * image scan given one).
 *
 * Everything in a document is attacker-controlled when it comes from a pull request: nothing
 * here is trusted beyond its shape, and every string is escaped where it is rendered.
 */

export type VexFormat = 'openvex' | 'cyclonedx' | 'csaf'

export interface VexDocument {
  format: VexFormat
  /** The authors the document names (OpenVEX `author`, CycloneDX metadata, CSAF publisher). */
  authors: string[]
  /** Statements (OpenVEX), analysed vulnerabilities (CycloneDX) or vulnerabilities (CSAF). */
  statements: number
  /**
   * What Trivy is given. `undefined`: the bytes as read. For CycloneDX, an OpenVEX document with
   * the same claims (see `cyclonedxToOpenVex`).
   */
  forTrivy?: string
  /** What could not be carried over (CycloneDX statements naming no package). */
  notes: string[]
}

export class VexDocumentError extends Error {
  override name = 'VexDocumentError'
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined

/** Parses `bytes` as a VEX document; throws VexDocumentError saying what it is instead. */
export function readVexDocument(bytes: Uint8Array): VexDocument {
  let root: unknown
  try {
    root = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch (error) {
    throw new VexDocumentError(
      `is not JSON (${(error as Error).message}); give an OpenVEX, CycloneDX VEX or CSAF VEX document.`,
    )
  }
  if (!isObject(root)) {
    throw new VexDocumentError('is not a JSON object; give an OpenVEX, CycloneDX or CSAF document.')
  }
  // Trivy's order: CycloneDX first, then OpenVEX (a non-empty @context), then CSAF.
  if (root.bomFormat === 'CycloneDX') return cyclonedx(root)
  if (typeof root['@context'] === 'string' && root['@context'] !== '') return openvex(root)
  if (isObject(root.document) && root.vulnerabilities !== undefined) return csaf(root)
  throw new VexDocumentError(
    'is neither OpenVEX (no @context), CycloneDX (no bomFormat) nor CSAF (no document and vulnerabilities).',
  )
}

function openvex(root: Json): VexDocument {
  const context = root['@context'] as string
  if (!/^https:\/\/openvex\.dev\/ns(\/|$)/.test(context)) {
    throw new VexDocumentError(
      `has @context ${JSON.stringify(context.slice(0, 80))}, not an OpenVEX namespace (https://openvex.dev/ns/v0.2.0).`,
    )
  }
  if (!Array.isArray(root.statements)) {
    throw new VexDocumentError('is OpenVEX without a statements list.')
  }
  const author = str(root.author)
  return {
    format: 'openvex',
    authors: author ? [author] : [],
    statements: root.statements.length,
    notes: [],
  }
}

function csaf(root: Json): VexDocument {
  const doc = root.document as Json
  const publisher = isObject(doc.publisher) ? str(doc.publisher.name) : undefined
  if (!Array.isArray(root.vulnerabilities)) {
    throw new VexDocumentError('is CSAF whose vulnerabilities is not a list.')
  }
  return {
    format: 'csaf',
    authors: publisher ? [publisher] : [],
    statements: root.vulnerabilities.length,
    notes: [],
  }
}

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((c) => (isObject(c) && str(c.name) ? [c.name as string] : []))
}

/** CycloneDX `metadata.authors`, `metadata.manufacturer` (1.6) and `metadata.manufacture` (1.5). */
function cyclonedxAuthors(root: Json): string[] {
  const meta = isObject(root.metadata) ? root.metadata : {}
  const out = names(meta.authors)
  for (const key of ['manufacturer', 'manufacture']) {
    const org = meta[key]
    if (isObject(org) && str(org.name)) out.push(org.name as string)
  }
  return [...new Set(out)]
}

/** CycloneDX 1.5/1.6 `analysis.justification` → the nearest OpenVEX v0.2.0 justification. */
const JUSTIFICATIONS: Record<string, string> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_dependency: 'component_not_present',
  requires_environment: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
}

/** CycloneDX analysis states that suppress, as Trivy maps them (pkg/vex/cyclonedx.go cdxStatus). */
const SUPPRESSING: Record<string, 'not_affected' | 'fixed'> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
}

/** The package URL an `affects[].ref` names: a purl, a BOM-Link to one, or a component's bom-ref. */
function purlOf(ref: string, components: Map<string, string>): string | undefined {
  if (ref.startsWith('pkg:')) return ref
  const link = /^urn:cdx:[^#]+#(.+)$/.exec(ref)
  if (link?.[1]) {
    const inner = decodeURIComponent(link[1])
    if (inner.startsWith('pkg:')) return inner
    return components.get(inner)
  }
  return components.get(ref)
}

function componentPurls(root: Json): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return
    for (const c of list) {
      if (!isObject(c)) continue
      const ref = str(c['bom-ref'])
      const purl = str(c.purl)
      if (ref && purl) out.set(ref, purl)
      walk(c.components)
    }
  }
  walk(root.components)
  return out
}

function cyclonedx(root: Json): VexDocument {
  const vulnerabilities = root.vulnerabilities
  if (!Array.isArray(vulnerabilities)) {
    throw new VexDocumentError(
      'is a CycloneDX document without vulnerabilities: an SBOM, not a VEX document.',
    )
  }
  const authors = cyclonedxAuthors(root)
  const components = componentPurls(root)
  const notes: string[] = []
  const statements: Json[] = []
  for (const v of vulnerabilities) {
    if (!isObject(v)) continue
    const id = str(v.id)
    const analysis = isObject(v.analysis) ? v.analysis : {}
    const status = SUPPRESSING[String(analysis.state)]
    if (!id || !status) continue
    const products = (Array.isArray(v.affects) ? v.affects : [])
      .map((a) =>
        isObject(a) && typeof a.ref === 'string' ? purlOf(a.ref, components) : undefined,
      )
      .filter((p): p is string => p !== undefined)
    if (!products.length) {
      notes.push(`${id}: its affects[] names no package URL, so it cannot match an image's package`)
      continue
    }
    const statement: Json = {
      vulnerability: { name: id },
      products: products.map((p) => ({ '@id': p })),
      status,
    }
    const justification = JUSTIFICATIONS[String(analysis.justification)]
    const detail = str(analysis.detail)
    if (status === 'not_affected') {
      if (justification) statement.justification = justification
      // OpenVEX: not_affected needs a justification or an impact statement.
      statement.impact_statement =
        detail ?? `CycloneDX analysis: ${String(analysis.justification ?? 'none given')}`
    }
    statements.push(statement)
  }
  const forTrivy = JSON.stringify({
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://shipgate.invalid/vex/from-cyclonedx',
    author: authors[0] ?? 'unknown',
    timestamp:
      str(isObject(root.metadata) ? root.metadata.timestamp : undefined) ?? '1970-01-01T00:00:00Z',
    version: 1,
    statements,
  })
  return { format: 'cyclonedx', authors, statements: vulnerabilities.length, forTrivy, notes }
}

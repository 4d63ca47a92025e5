import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { TrivyReport } from './schema.js'

/** A report that cannot be used: the build must not pass on it. */
export class TrivyReportError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`Trivy report ${source}: ${message}`)
    this.name = 'TrivyReportError'
  }
}

/** Recognise the other formats people pass by mistake, so the error can say what to do. */
function otherFormat(root: unknown): string | undefined {
  if (typeof root !== 'object' || root === null) return undefined
  const r = root as Record<string, unknown>
  if (typeof r.$schema === 'string' && r.$schema.includes('sarif')) return 'SARIF'
  if (r.bomFormat === 'CycloneDX') return 'CycloneDX SBOM'
  if (typeof r.spdxVersion === 'string') return 'SPDX SBOM'
  if ('manifests' in r && 'detector' in r) return 'GitHub dependency snapshot'
  return undefined
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(root)'
    return `${where}: ${issue.message}`
  })
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return shown.join('; ') + more
}

/**
 * Parse and validate Trivy's JSON output. `source` names the file (or "trivy stdout")
 * in every error, because a user with three images needs to know which one broke.
 */
export function parseTrivyReport(text: string, source: string): TrivyReport {
  if (text.trim() === '') {
    throw new TrivyReportError(source, 'is empty. Trivy printed nothing: check its log above.')
  }
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (error) {
    const head = text.trim().slice(0, 80).replace(/\s+/g, ' ')
    throw new TrivyReportError(
      source,
      `is not JSON (${(error as Error).message}); it starts with "${head}". Produce it with \`trivy image --format json\`.`,
    )
  }
  // SchemaVersion 1 (Trivy < 0.19) was a bare array of Results with no metadata.
  if (Array.isArray(root)) root = { SchemaVersion: 2, Results: root }
  const other = otherFormat(root)
  if (other) {
    throw new TrivyReportError(
      source,
      `is a ${other}, not a Trivy JSON report. Pass the report of \`trivy image --format json\` instead; Shipgate derives SARIF and SBOMs from it.`,
    )
  }
  if (typeof root === 'object' && root !== null && 'SchemaVersion' in root) {
    const version = (root as { SchemaVersion: unknown }).SchemaVersion
    if (version !== 2) {
      throw new TrivyReportError(
        source,
        `has SchemaVersion ${JSON.stringify(version)}; Shipgate reads SchemaVersion 2 (Trivy 0.19 and later).`,
      )
    }
  }
  const parsed = TrivyReport.safeParse(root)
  if (!parsed.success) {
    throw new TrivyReportError(
      source,
      `does not look like Trivy's JSON report: ${describeIssues(parsed.error)}.`,
    )
  }
  return parsed.data
}

export async function readTrivyReport(path: string): Promise<TrivyReport> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? error})`
    throw new TrivyReportError(path, `${why}. Check the \`trivy-report\` path.`)
  }
  return parseTrivyReport(text, path)
}

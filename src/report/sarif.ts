/**
 * Merge the SARIF documents Trivy wrote per image into one file with one run, because
 * code scanning rejects several runs of the same tool and category in one upload.
 */

interface SarifRule {
  id: string
  [key: string]: unknown
}
interface SarifResult {
  ruleId?: string
  ruleIndex?: number
  [key: string]: unknown
}
interface SarifRun {
  tool: { driver: { rules?: SarifRule[]; [key: string]: unknown } }
  results?: SarifResult[]
  [key: string]: unknown
}
export interface SarifLog {
  version: string
  $schema?: string
  runs: SarifRun[]
}

export function isSarifLog(value: unknown): value is SarifLog {
  const v = value as SarifLog
  return (
    typeof v === 'object' && v !== null && typeof v.version === 'string' && Array.isArray(v.runs)
  )
}

export function mergeSarif(logs: SarifLog[]): SarifLog {
  const first = logs[0]
  if (!first) throw new Error('mergeSarif needs at least one SARIF document')
  const runs = logs.flatMap((l) => l.runs)
  const base = runs[0]
  if (!base) return { ...first, runs: [] }
  const rules: SarifRule[] = []
  const index = new Map<string, number>()
  const results: SarifResult[] = []
  for (const run of runs) {
    const own = run.tool.driver.rules ?? []
    for (const result of run.results ?? []) {
      const rule =
        result.ruleId ?? (result.ruleIndex !== undefined ? own[result.ruleIndex]?.id : undefined)
      if (rule === undefined) {
        results.push(result)
        continue
      }
      if (!index.has(rule)) {
        index.set(rule, rules.length)
        rules.push(own.find((r) => r.id === rule) ?? { id: rule })
      }
      results.push({ ...result, ruleId: rule, ruleIndex: index.get(rule) })
    }
  }
  const images = runs
    .map((r) => (r.properties as { imageName?: string } | undefined)?.imageName)
    .filter(Boolean)
  const merged: SarifRun = {
    ...base,
    tool: { ...base.tool, driver: { ...base.tool.driver, rules } },
    results,
  }
  if (runs.length > 1) merged.properties = { ...(base.properties as object), imageNames: images }
  return { ...first, runs: [merged] }
}

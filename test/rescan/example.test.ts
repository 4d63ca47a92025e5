/**
 * examples/rescan.yml is what users copy: read-only at the top, the job widened to exactly
 * issues: write and packages: read (plus contents: read for the policy file), every `uses:`
 * pinned by full SHA with its version, and only inputs action.yml really has.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { permissionProblems, pinProblem, usesRefs } from '../shipping/pins.js'

const ROOT = new URL('../../', import.meta.url).pathname
const FILE = 'examples/rescan.yml'

describe(FILE, () => {
  it('runs mode: rescan on a schedule with exactly the permissions it needs', async () => {
    const text = await readFile(`${ROOT}${FILE}`, 'utf8')
    expect(permissionProblems(FILE, text)).toEqual([])
    const doc = parse(text) as {
      on: { schedule?: { cron: string }[] }
      jobs: Record<
        string,
        {
          permissions: Record<string, string>
          steps: { uses?: string; with?: Record<string, string> }[]
        }
      >
    }
    expect(doc.on.schedule?.[0]?.cron).toBeTruthy()
    const job = Object.values(doc.jobs)[0]
    expect(job?.permissions).toEqual({ contents: 'read', issues: 'write', packages: 'read' })
    const step = job?.steps.find((s) => s.uses?.includes('/shipgate@'))
    expect(step?.with?.mode).toBe('rescan')
    const action = parse(await readFile(`${ROOT}action.yml`, 'utf8')) as {
      inputs: Record<string, unknown>
    }
    expect(Object.keys(step?.with ?? {}).filter((k) => !(k in action.inputs))).toEqual([])
  })

  it('pins every uses: by full commit SHA with its version', async () => {
    const refs = usesRefs(FILE, await readFile(`${ROOT}${FILE}`, 'utf8'))
    expect(refs.length).toBe(2)
    expect(refs.flatMap((r) => (pinProblem(r) ? [`${r.uses}: ${pinProblem(r)}`] : []))).toEqual([])
  })
})

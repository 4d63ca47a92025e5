/**
 * examples/rescan.yml is what users copy: read-only at the top, the job widened to exactly
 * issues: write and packages: read (plus contents: read for the policy file), every `uses:`
 * pinned by full SHA with its version, and only inputs action.yml really has.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { actionlint } from '../shipping/actionlint.js'
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

  it('passes actionlint (with a SHA in place of the release placeholder)', async () => {
    const bin = await actionlint()
    const dir = await mkdtemp(join(tmpdir(), 'rescan-example-'))
    try {
      const file = join(dir, 'rescan.yml')
      const text = await readFile(`${ROOT}${FILE}`, 'utf8')
      await writeFile(
        file,
        text.replace(
          '<owner>/shipgate@<release-commit-sha>',
          `octo-org/shipgate@${'a'.repeat(40)}`,
        ),
      )
      const result = await execa(bin, ['-no-color', file], { reject: false })
      expect(result.stdout).toBe('')
      expect(result.exitCode).toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 600_000)
})

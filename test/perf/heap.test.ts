/**
 * src/heap.ts: after a large report, one full collection really runs (what it frees is
 * measured by `npm run bench`, as peak RSS); after a small one, none is asked for; and a
 * collection that cannot run never fails the run.
 */
import { setImmediate } from 'node:timers/promises'
import { expect, it } from 'vitest'
import { collectParsedReports, noteParsed } from '../../src/heap.js'
import { recordingLogger } from '../../src/logger.js'

const LARGE = 16 * 1024 * 1024

it('collects what a large parse left behind', async () => {
  let garbage: object | undefined = { text: 'x'.repeat(1024) }
  const ref = new WeakRef(garbage)
  garbage = undefined
  // A WeakRef's target lives to the end of the job that made it.
  await setImmediate()
  noteParsed(LARGE)
  collectParsedReports()
  expect(ref.deref()).toBeUndefined()
})

it('asks for no collection after a small report, nor twice after one large one', () => {
  let calls = 0
  const count = () => {
    calls++
  }
  noteParsed(LARGE - 1)
  collectParsedReports(undefined, count)
  expect(calls).toBe(0)
  noteParsed(LARGE)
  collectParsedReports(undefined, count)
  collectParsedReports(undefined, count)
  expect(calls).toBe(1)
})

it('goes on when no collection can run, and says so in the debug log', () => {
  const logger = recordingLogger()
  noteParsed(LARGE)
  expect(() =>
    collectParsedReports(logger, () => {
      throw new Error('gc is not defined')
    }),
  ).not.toThrow()
  expect(logger.lines).toContainEqual({
    level: 'debug',
    message: 'heap: no collection after the parse (gc is not defined)',
  })
})

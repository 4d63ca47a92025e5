/**
 * Issue 9 item 4: shells are found wherever the image would run them from: every directory of
 * the config's PATH and the entrypoint's target, not only /bin and /usr/bin. The images are
 * built in a real registry by the harness (distroless `:debug` layout).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectImage, judgeBaseImage } from '../../scanners/base-image/index.js'
import { RegistryClient } from '../../src/registry/client.js'
import { pushDebugImages } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'

let reg: RunningRegistry
let images: Awaited<ReturnType<typeof pushDebugImages>>
const client = new RegistryClient({ insecure: true, retries: 0 })

beforeAll(async () => {
  reg = await startRegistry('none')
  images = await pushDebugImages(reg.host)
})
afterAll(async () => {
  await reg?.stop()
})

const policy = { mode: 'enforce' as const, allowedBaseImages: [], forbid: ['shell' as const] }

describe('forbid: shell finds shells outside the usual bin directories', () => {
  it('distroless :debug: /busybox/sh on PATH and as the entrypoint fails, with the path named', async () => {
    const facts = await inspectImage(images.debug.ref, { client })
    expect(facts.shell).toBe(true)
    expect(facts.shells).toContain('/busybox/sh')
    expect(facts.shells).toContain('/busybox/busybox')
    const report = judgeBaseImage(facts, policy)
    expect(report.violations.map((v) => v.rule)).toEqual(['forbid:shell'])
    expect(report.violations[0]?.message).toContain('/busybox/sh')
  })

  it('an entrypoint outside PATH that leads (symlink, then hard link) to busybox is a shell', async () => {
    const facts = await inspectImage(images.hidden.ref, { client })
    expect(facts.shell).toBe(true)
    expect(facts.shells).toEqual(['/opt/tools/run'])
    const report = judgeBaseImage(facts, policy)
    expect(report.violations[0]?.message).toContain('/opt/tools/run')
  })
})

import { createHash } from 'node:crypto'
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import tarStream from 'tar-stream'
import type { CacheAdapter } from '../../scanners/trivy/db.js'

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A release-shaped archive: `trivy` (executable) plus README.md and LICENSE at the root. */
export async function trivyTarGz(
  script: string | undefined,
  extra: Record<string, string> = {},
): Promise<Buffer> {
  const pack = tarStream.pack()
  const chunks: Buffer[] = []
  pack.on('data', (chunk) => {
    chunks.push(chunk as Buffer)
  })
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', resolve)
    pack.on('error', reject)
  })
  if (script !== undefined) pack.entry({ name: 'trivy', mode: 0o755 }, script)
  pack.entry({ name: 'README.md', mode: 0o644 }, '# Trivy\n')
  pack.entry({ name: 'LICENSE', mode: 0o644 }, 'Apache-2.0\n')
  for (const [name, body] of Object.entries(extra)) pack.entry({ name, mode: 0o644 }, body)
  pack.finalize()
  await done
  return gzipSync(Buffer.concat(chunks))
}

/** A shell script standing in for trivy: answers `--version`, echoes anything else. */
export function fakeTrivyScript(version: string): string {
  return [
    '#!/bin/sh',
    'if [ "$1" = "--version" ]; then',
    `  echo "Version: ${version}"`,
    '  exit 0',
    'fi',
    'echo "fake trivy $*"',
    '',
  ].join('\n')
}

export interface AssetServer {
  baseUrl: string
  requests: string[]
  close(): Promise<void>
}

/** Serves `files` (URL path → bytes) on 127.0.0.1 like GitHub's release download endpoint. */
export async function startAssetServer(files: Record<string, Buffer>): Promise<AssetServer> {
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/'
    requests.push(url)
    const body = files[url]
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')
      return
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': body.length,
    })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/download`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `shipgate-${prefix}-`))
}

export async function writeExecutable(dir: string, name: string, body: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, name)
  await writeFile(file, body, { mode: 0o755 })
  return file
}

/** Points @actions/tool-cache at fresh temp dirs; returns a cleanup. */
export async function useRunnerDirs(): Promise<{
  toolCache: string
  temp: string
  restore(): Promise<void>
}> {
  const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP }
  const root = await tempDir('runner')
  const toolCache = path.join(root, 'tool-cache')
  const temp = path.join(root, 'temp')
  await mkdir(toolCache, { recursive: true })
  await mkdir(temp, { recursive: true })
  process.env.RUNNER_TOOL_CACHE = toolCache
  process.env.RUNNER_TEMP = temp
  return {
    toolCache,
    temp,
    async restore() {
      restoreEnv('RUNNER_TOOL_CACHE', saved.cache)
      restoreEnv('RUNNER_TEMP', saved.temp)
      await rm(root, { recursive: true, force: true })
    },
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

/**
 * A directory-backed cache with @actions/cache's matching rules: the primary key exactly,
 * then each restore key as a prefix, newest entry first.
 */
export class DirectoryCache implements CacheAdapter {
  readonly saved: string[] = []
  readonly restoreCalls: { primaryKey: string; restoreKeys: string[] }[] = []
  private order: string[] = []
  constructor(private readonly root: string) {}

  async put(key: string, files: Record<string, string>): Promise<void> {
    const dir = path.join(this.root, key)
    await mkdir(dir, { recursive: true })
    for (const [name, body] of Object.entries(files)) await writeFile(path.join(dir, name), body)
    this.order.push(key)
  }

  async restoreCache(paths: string[], primaryKey: string, restoreKeys: string[]) {
    this.restoreCalls.push({ primaryKey, restoreKeys })
    const keys = await readdir(this.root).catch(() => [] as string[])
    const newestFirst = [...this.order].reverse().filter((k) => keys.includes(k))
    const hit =
      newestFirst.find((k) => k === primaryKey) ??
      restoreKeys.map((prefix) => newestFirst.find((k) => k.startsWith(prefix))).find(Boolean)
    if (!hit) return undefined
    const target = paths[0]
    if (!target) return undefined
    await mkdir(target, { recursive: true })
    await cp(path.join(this.root, hit), target, { recursive: true })
    return hit
  }

  async saveCache(paths: string[], key: string): Promise<void> {
    const source = paths[0]
    if (!source) throw new Error('no path to save')
    await cp(source, path.join(this.root, key), { recursive: true })
    this.order.push(key)
    this.saved.push(key)
  }
}

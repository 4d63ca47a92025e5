/**
 * The image's merged filesystem as layers apply in order (OCI layer spec): entries added,
 * whiteouts (`.wh.name`) and opaque directories (`.wh..wh..opq`) removing what lower layers
 * had, symlinks and hard links kept so paths resolve like in a running container. Only the
 * content of files we asked for is kept; everything else is a path and a type.
 */

import { DEFAULT_LIMITS, ImageLimitError, type ReadLimits } from './limits.js'

export type Node =
  /** `linkOf`: for a hard link, the path of the file it shares content with (a renamed busybox). */
  | { type: 'file'; layer: number; size: number; content?: Buffer; linkOf?: string }
  | { type: 'dir'; layer: number }
  | { type: 'symlink'; layer: number; target: string }

const MAX_HOPS = 40

/** `./usr/bin/` → `usr/bin`; `/etc//passwd` → `etc/passwd`; `..` kept in-tree like a chroot. */
export function normalizePath(path: string): string {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return out.join('/')
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i === -1 ? '' : path.slice(0, i)
}

export class LayeredFilesystem {
  private readonly nodes = new Map<string, Node>()
  /** Symlinks to directories make lookups walk component by component; skip that when there are none. */
  private symlinkCount = 0
  /** Bytes of all paths held: with the node count, what bounds this map's memory. */
  private pathBytes = 0
  private readonly limits: Pick<ReadLimits, 'maxFiles' | 'maxPathBytes'>

  constructor(limits: Pick<ReadLimits, 'maxFiles' | 'maxPathBytes'> = DEFAULT_LIMITS) {
    this.limits = limits
  }

  get size(): number {
    return this.nodes.size
  }

  /** Where a path written by a layer really lands: parent directories resolved through symlinks. */
  placement(rawPath: string): string {
    const path = normalizePath(rawPath)
    const parent = parentOf(path)
    if (parent === '' || this.symlinkCount === 0) return path
    const resolvedParent = this.resolve(parent)
    const base = path.slice(parent.length + 1)
    return resolvedParent === '' ? base : `${resolvedParent}/${base}`
  }

  set(path: string, node: Node): void {
    const old = this.nodes.get(path)
    if (old?.type === 'symlink') this.symlinkCount--
    if (old?.type === 'dir' && node.type !== 'dir') this.removeBelow(path, Number.POSITIVE_INFINITY)
    if (old?.type === 'dir' && node.type === 'dir') return
    if (!this.nodes.has(path)) {
      if (this.nodes.size >= this.limits.maxFiles) {
        throw new ImageLimitError(
          `the image holds more than ${this.limits.maxFiles} files at once, more than any real image; it is malformed or hostile.`,
        )
      }
      this.pathBytes += path.length
      if (this.pathBytes > this.limits.maxPathBytes) {
        throw new ImageLimitError(
          `the image's paths add up to more than ${this.limits.maxPathBytes} bytes, more than any real image; it is malformed or hostile.`,
        )
      }
    }
    this.nodes.set(path, node)
    if (node.type === 'symlink') this.symlinkCount++
  }

  /** `.wh.name`: the path and everything under it, from lower layers, is gone. */
  whiteout(path: string, layer: number): void {
    const old = this.nodes.get(path)
    if (old && old.layer < layer) {
      if (old.type === 'symlink') this.symlinkCount--
      this.nodes.delete(path)
      this.pathBytes -= path.length
    }
    this.removeBelow(path, layer)
  }

  /** `.wh..wh..opq`: the directory stays, what lower layers had in it goes. */
  opaque(dir: string, layer: number): void {
    this.removeBelow(dir, layer)
  }

  private removeBelow(dir: string, layer: number): void {
    const prefix = dir === '' ? '' : `${dir}/`
    for (const [key, node] of this.nodes) {
      if (key.startsWith(prefix) && node.layer < layer) {
        if (node.type === 'symlink') this.symlinkCount--
        this.nodes.delete(key)
        this.pathBytes -= key.length
      }
    }
  }

  /** Raw entry at a path (no final-symlink following). */
  lstat(path: string): Node | undefined {
    return this.nodes.get(this.placement(path))
  }

  /** Follows every symlink; undefined for missing paths, dangling links and loops. */
  stat(path: string): Node | undefined {
    const real = this.resolve(normalizePath(path))
    return real === undefined ? undefined : this.nodes.get(real)
  }

  /** The content of a file we kept, following symlinks. */
  read(path: string): Buffer | undefined {
    const node = this.stat(path)
    return node?.type === 'file' ? node.content : undefined
  }

  /** Names directly inside a directory (after resolving it). */
  list(dir: string): string[] {
    const real = this.resolve(normalizePath(dir))
    if (real === undefined) return []
    const prefix = real === '' ? '' : `${real}/`
    const out: string[] = []
    for (const key of this.nodes.keys()) {
      if (
        key.startsWith(prefix) &&
        !key.slice(prefix.length).includes('/') &&
        key.length > prefix.length
      ) {
        out.push(key.slice(prefix.length))
      }
    }
    return out.sort()
  }

  /** Path with all symlinks resolved (like realpath in a chroot; existence not checked), undefined on loops. */
  resolve(path: string, hops = 0): string | undefined {
    if (hops > MAX_HOPS) return undefined
    if (path === '') return ''
    if (this.symlinkCount === 0) return path
    const parts = path.split('/')
    let current = ''
    for (let i = 0; i < parts.length; i++) {
      const next = current === '' ? (parts[i] as string) : `${current}/${parts[i]}`
      const node = this.nodes.get(next)
      if (node?.type === 'symlink') {
        const target = node.target.startsWith('/')
          ? normalizePath(node.target)
          : normalizePath(`${current}/${node.target}`)
        const rest = parts.slice(i + 1).join('/')
        return this.resolve(rest ? normalizePath(`${target}/${rest}`) : target, hops + 1)
      }
      // Missing intermediate directories are fine: tars may omit directory entries.
      current = next
    }
    return current
  }
}

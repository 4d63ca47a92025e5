/**
 * What identifies a sticky comment. The default key is the images' repositories without tag
 * or digest (`ghcr.io/acme/app`): a new digest on every push (the README's quick start after
 * docker/build-push-action) must update the comment, not add one. Matrix legs are told apart
 * by what differs between them and survives a push: the set of repositories they scan and the
 * platform. Legs that differ only by tag (`app:1-alpine` / `app:1-debian`) need `comment-key`.
 *
 * Comments written before this rule carry the image string as given (`app@sha256:A`) as their
 * key; `adopts` recognises them, so the next run takes them over (rewriting their marker)
 * instead of posting a second comment.
 */

/** `ghcr.io/acme/app:1@sha256:…` → `ghcr.io/acme/app`; a registry port stays (`localhost:5000/x`). */
export function repositoryOf(image: string): string {
  const withoutDigest = image.trim().replace(/@.*$/, '')
  return withoutDigest.replace(/:[^/:]*$/, '')
}

/** The repositories of `images`, deduplicated and sorted: the order in a list is not identity. */
function repositories(images: string[]): string[] {
  return [...new Set(images.map(repositoryOf).filter(Boolean))].sort()
}

export interface CommentKeys {
  /** The key of the job's comment. */
  job: string
  /** Old keys this comment takes over (see `adopts`). */
  adopts: (oldKey: string) => boolean
  /** The key of one image's comment (`comment-per: image`), and which old keys it takes over. */
  image(image: string): { key: string; adopts: (oldKey: string) => boolean }
}

export interface CommentKeyInput {
  /** `comment-key`, when the user set one: used as it is. */
  explicit?: string
  /** The images as given (`image` input or arguments). */
  images: string[]
  /** What the report names when no image was given (its ArtifactName), else `report`. */
  fallback: string
  platform?: string
}

export function commentKeys(input: CommentKeyInput): CommentKeys {
  const images = input.images.length ? input.images : [input.fallback]
  const suffix = input.platform ? ` platform=${input.platform}` : ''
  const repos = repositories(images)
  const job = input.explicit || `${repos.join(',')}${suffix}`
  // The old default was the images joined as given; the old explicit key was the same key.
  const sameRepos = (oldKey: string) => {
    const old = repositories(oldKey.split(','))
    return old.length === repos.length && old.every((r, i) => r === repos[i])
  }
  const jobAdopts = (oldKey: string) => !input.explicit && oldKey !== job && sameRepos(oldKey)

  // Images of one job that share a repository keep their full reference to stay apart.
  const shared = new Set(input.images.map(repositoryOf).filter((r, i, all) => all.indexOf(r) !== i))
  return {
    job,
    adopts: jobAdopts,
    image(image) {
      const repo = repositoryOf(image)
      const own = shared.has(repo) ? image : `${repo}${suffix}`
      const key = input.explicit ? `${input.explicit}:${own}` : own
      const prefix = input.explicit ? `${input.explicit}:` : ''
      return {
        key,
        adopts: (oldKey) =>
          oldKey !== key &&
          !shared.has(repo) &&
          oldKey.startsWith(prefix) &&
          !oldKey.slice(prefix.length).includes(',') &&
          repositoryOf(oldKey.slice(prefix.length)) === repo,
      }
    },
  }
}

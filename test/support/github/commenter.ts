/**
 * An Octokit-backed commenter pointed at a FakeGitHub, with the real retry and throttling
 * plugins but test-sized waits (GitHub's 1-3 s spacing between writes would make every
 * test slow without testing anything new).
 */
import { createRequire } from 'node:module'
import type { PullRequestCommenter } from '../../../src/github/commenter.js'
import { createOctokitCommenter } from '../../../src/github/octokit.js'
import type { Logger } from '../../../src/logger.js'
import type { FakeGitHub } from './fake-github.js'

// The throttling plugin's own Bottleneck, resolved from the plugin so no new dependency is needed.
const requireFromPlugin = createRequire(
  createRequire(import.meta.url).resolve('@octokit/plugin-throttling'),
)
const Bottleneck = requireFromPlugin('bottleneck/light.js') as {
  Group: new (options: { maxConcurrent?: number; minTime?: number }) => unknown
}

export function commenterFor(
  fake: FakeGitHub,
  logger: Logger,
  issueNumber = 7,
  overrides: { token?: string; timeoutMs?: number } = {},
): PullRequestCommenter {
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
  return createOctokitCommenter({
    token: overrides.token ?? fake.token,
    apiUrl: fake.url,
    owner: 'acme',
    repo: 'app',
    issueNumber,
    logger,
    timeoutMs: overrides.timeoutMs ?? 5_000,
    retry: { retryAfterBaseValue: 5 },
    // retry-after seconds are multiplied by this: 1 s from the server waits 20 ms here.
    // biome-ignore lint/suspicious/noExplicitAny: Bottleneck's Group type is not exported by the plugin
    throttle: { retryAfterBaseValue: 20, write: group() as any, notifications: group() as any },
  })
}

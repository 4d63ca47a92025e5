/**
 * Where the action reads VEX documents and what it compares them with: the checkout, and on a
 * pull request the same path at the base commit (contents API), so a document the pull request
 * adds or edits is marked as its own claim.
 */
import * as github from '@actions/github'
import { octokitContentsReader, pullRequestContext } from '../policy-file/index.js'
import type { BaseReader } from './prepare.js'

export function actionVexBase(token: string): BaseReader | undefined {
  let pr: ReturnType<typeof pullRequestContext>
  try {
    pr = pullRequestContext(github.context.eventName, github.context.payload)
  } catch {
    // A pull request event without a base commit: nothing to compare with, said as `unknown`.
    return async () => {
      throw new Error('no base commit in the event')
    }
  }
  if (!pr) return undefined
  const { owner, repo, baseSha } = pr
  if (!token) {
    return async () => {
      throw new Error('no github-token to read the base commit')
    }
  }
  const contents = octokitContentsReader({ token, apiUrl: process.env.GITHUB_API_URL })
  return (path) => contents.readFile(owner, repo, path, baseSha)
}

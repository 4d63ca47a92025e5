// minipass-fetch ships no types. Shipgate hands it to Octokit as `fetch` (src/github/fetch.ts),
// which uses the part of the Fetch API both implement: this is that part, no more.
declare module 'minipass-fetch' {
  const fetch: (url: string, init?: Record<string, unknown>) => Promise<unknown>
  export default fetch
}

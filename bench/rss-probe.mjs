// Preloaded with `node --import` by the bench: on exit, writes this process's peak RSS (KiB) and
// its CPU time (user + system, µs) to $BENCH_RSS_FILE, so the action and its baseline are
// measured the same way. CPU time is what a loaded machine disturbs least (wall time waits for
// the other processes too); children (the stand-in trivy) are not in it.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return
  const u = process.resourceUsage()
  writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`)
})

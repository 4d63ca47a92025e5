// Preloaded with `node --import` by the bench: on exit, writes this process's peak RSS (KiB) to
// $BENCH_RSS_FILE, so the action and its baseline are measured the same way.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS))
})

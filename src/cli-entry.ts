import { main } from './cli.js'

/**
 * `shipgate scan … | head -c 10`: the reader may go away before everything is written. That is
 * the reader's choice, not a failure of the scan: stop writing, keep the verdict's exit status
 * (0 pass, 1 policy, 2 error), and no stack trace.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    throw error
  })
}
quietWhenClosed(process.stdout)
quietWhenClosed(process.stderr)

process.exitCode = await main(process.argv.slice(2))

/**
 * Where library code reports progress. The action maps it to @actions/core,
 * the CLI to stderr, tests to an array: the core never imports either.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
}

/** A logger that records what it was told, for tests and for re-reporting warnings in summaries. */
export function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = []
  return {
    lines,
    debug: (message) => lines.push({ level: 'debug', message }),
    info: (message) => lines.push({ level: 'info', message }),
    warning: (message) => lines.push({ level: 'warning', message }),
  }
}

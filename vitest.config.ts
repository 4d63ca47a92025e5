import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Two cores: keep worker count small so registry/sigstore servers are not starved.
    maxWorkers: 2,
  },
})

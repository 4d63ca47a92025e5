import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/.cache holds built images (a Debian rootfs with /proc mounted while it builds): never a test.
    exclude: [...configDefaults.exclude, 'test/.cache/**'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Two cores: keep worker count small so registry/sigstore servers are not starved.
    maxWorkers: 2,
    // One temporary directory per run, removed at its end (test/support/temp-root.ts).
    globalSetup: ['test/support/temp-root.ts'],
  },
})

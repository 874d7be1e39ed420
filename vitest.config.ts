import { defineConfig } from 'vitest/config'

// Five projects, one run: pure domain and store tests, page renders in jsdom, server tests through
// app.inject() on PGlite, WeChat's own tools over the weapp build, and browser end-to-end tests
// against the served H5 build.
export default defineConfig({
  test: {
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Page render tests in jsdom: Taro components render as their React H5 versions.
        resolve: { alias: [{ find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' }] },
        test: {
          name: 'ui',
          include: ['tests/ui/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts', 'tests/security/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/server/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // WeChat's own compilers, miniprogram-ci and exparser simulator over the built weapp (dist/, built before `npm test` in CI).
        test: {
          name: 'weapp',
          include: ['tests/weapp/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})

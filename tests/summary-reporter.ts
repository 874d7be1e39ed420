import type { Reporter, TestModule } from 'vitest/node'

/**
 * Prints the plain `N passed, N failed, N skipped` line the CI reads
 * (vitest's own summary is not read). A test file that fails to load and an
 * unhandled error each count as one failure, so a broken suite can't look green.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0
    let failed = unhandledErrors.length
    let skipped = 0
    for (const mod of testModules) {
      let counted = 0
      for (const test of mod.children.allTests()) {
        counted++
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      if (mod.state() === 'failed' && counted === 0) failed++
      else if (mod.errors().length > 0) failed += mod.errors().length
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}

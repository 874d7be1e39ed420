import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import * as chromeLauncher from 'chrome-launcher'
import Fastify from 'fastify'
import lighthouse from 'lighthouse'
import { startPlatform } from '../tests/e2e/browser'

export interface LighthouseResult {
  url: string
  performance: number
  accessibility: number
  bestPractices: number
  metrics: Record<string, number>
  failedAudits: string[]
}

const BUDGET = { performance: 95, accessibility: 100, bestPractices: 95 }
/** 04-platform.md: performance ≥ 95 where the bare Taro app scores 99, i.e. our code may cost 4 points. */
const MAX_POINTS_BELOW_BARE = 4

const RUNS = 5
/** Where config/index.ts puts the baseline's build (ONECITY_BARE_TARO=1). */
const BARE_DIR = 'bench/results/tmp/bare-h5'

async function runOnce(url: string, port: number) {
  const runner = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  })
  if (!runner) throw new Error('Lighthouse returned no result')
  const { categories, audits } = runner.lhr
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
  const metric = (id: string) => Math.round(audits[id]?.numericValue ?? NaN)
  const result: LighthouseResult = {
    url,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    metrics: {
      firstContentfulPaintMs: metric('first-contentful-paint'),
      largestContentfulPaintMs: metric('largest-contentful-paint'),
      totalBlockingTimeMs: metric('total-blocking-time'),
      cumulativeLayoutShift: audits['cumulative-layout-shift']?.numericValue ?? NaN,
      speedIndexMs: metric('speed-index'),
    },
    failedAudits: Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => `${a.id}: ${a.title}`),
  }
  return { result, lhr: runner.lhr }
}

/** A run, repeated once when Lighthouse itself reports it failed (runtimeError, e.g. no paint seen): such a run scores 0 and measures nothing. */
async function measuredRun(url: string, port: number) {
  const run = await runOnce(url, port)
  return run.lhr.runtimeError ? runOnce(url, port) : run
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Builds bench/bare-taro (a bare Taro app with OneCity's two tab pages) and serves it like the platform serves dist-h5. */
async function serveBareTaro(): Promise<{ url: string; close(): Promise<void> }> {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', ONECITY_BARE_TARO: '1' },
  })
  if (build.status !== 0) throw new Error('the bare Taro baseline did not build (ONECITY_BARE_TARO=1 taro build --type h5)')
  const server = Fastify()
  await server.register(fastifyStatic, { root: resolve(BARE_DIR), preCompressed: true })
  const address = await server.listen({ port: 0, host: '127.0.0.1' })
  return { url: `${address}/`, close: () => server.close() }
}

/**
 * Lighthouse (mobile, its default simulated throttling) on the H5 home served by the real platform, and on a bare
 * Taro app in the same run: Lighthouse's simulated CPU is a multiple of this machine's, so the same build scores
 * 98 on one day and 91 on another here. Runs alternate (ours, bare, ours, …) so both see the same moments.
 * Performance is within budget at ≥ 95, or, on a machine where even the bare app scores lower, when the median
 * of the paired differences is at most 4 points.
 */
export async function lighthouseHome(): Promise<
  LighthouseResult & {
    performanceRuns: number[]
    bareRuns: number[]
    pointsBelowBare: number
    budget: typeof BUDGET & { maxPointsBelowBare: number }
    withinBudget: boolean
  }
> {
  const platform = await startPlatform()
  const bare = await serveBareTaro()
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const url = `${platform.url}/`
    // Lighthouse's own advice for a noisy machine: several runs, the median one counts.
    const runs = []
    const bareRuns: number[] = []
    // One untimed run of each first: the platform and the browser just started (a CI run once scored 0 and 69 there).
    await runOnce(url, chrome.port)
    await runOnce(bare.url, chrome.port)
    for (let i = 0; i < RUNS; i++) {
      runs.push(await measuredRun(url, chrome.port))
      bareRuns.push((await measuredRun(bare.url, chrome.port)).result.performance)
    }
    const pointsBelowBare = median(runs.map((run, i) => bareRuns[i]! - run.result.performance))
    runs.sort((a, b) => a.result.performance - b.result.performance)
    const { result, lhr } = runs[Math.floor(RUNS / 2)]!
    mkdirSync('bench/results/tmp', { recursive: true })
    writeFileSync('bench/results/tmp/lighthouse-report.json', JSON.stringify(lhr, null, 1))
    const others = result.accessibility >= BUDGET.accessibility && result.bestPractices >= BUDGET.bestPractices
    return {
      ...result,
      performanceRuns: runs.map((r) => r.result.performance),
      bareRuns,
      pointsBelowBare,
      budget: { ...BUDGET, maxPointsBelowBare: MAX_POINTS_BELOW_BARE },
      withinBudget: others && (result.performance >= BUDGET.performance || pointsBelowBare <= MAX_POINTS_BELOW_BARE),
    }
  } finally {
    chrome.kill()
    await bare.close()
    await platform.stop()
  }
}

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { postThroughRoute, runSimulation } from '../../server/simulate/run-simulation'
import { parseCsv } from '../../src/domain/csv'
import { SCREENSHOTS, usePlatformAndBrowser } from './browser'

const env = usePlatformAndBrowser()
const DESKTOP = { width: 1280, height: 900 }

describe('the analyst console', () => {
  it('an analyst signs in, sees the ranking and the quadrant chart, and downloads the ranking as CSV', async () => {
    // Three months of simulated usage through the platform's own ingestion (the last two complete: return rates),
    // enough people that cells reach k = 10.
    await runSimulation({ db: env.platform.db, citizens: 40000, months: 3, post: postThroughRoute(env.platform.app), seed: 'e2e-analyst' })

    const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${env.platform.url}/console/login`)
    await page.getByLabel('访问令牌').fill(env.platform.demoTokens.analyst)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL('**/console/analyst')
    await expect(page.getByRole('heading', { name: '统计概览' })).toBeTruthy()
    await page.screenshot({ path: `${SCREENSHOTS}/analyst-overview.png`, fullPage: true })

    // The ranking: every city with its index and indicators, the leader first.
    await page.getByRole('link', { name: '城市排名' }).first().click()
    await page.getByRole('heading', { name: '城市排名' }).waitFor()
    const rows = page.locator('table.ranking tbody tr')
    expect(await rows.count()).toBeGreaterThan(300)
    const first = await rows.first().innerText()
    expect(first).toMatch(/^1\s/)
    await page.screenshot({ path: `${SCREENSHOTS}/analyst-ranking.png` })

    // Searching keeps only the matching cities.
    await page.goto(`${env.platform.url}/console/analyst/ranking?q=${encodeURIComponent('成都')}`)
    expect(await rows.count()).toBe(1)
    expect(await rows.first().innerText()).toContain('成都')

    // The CSV download has a header and one line per city.
    await page.goto(`${env.platform.url}/console/analyst/ranking`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载全部 \d+ 行 CSV/ }).click()])
    expect(download.suggestedFilename()).toMatch(/^onecity-index-city-.*\.csv$/)
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'))
    expect(csv[0]).toContain('指数 % index_pct')
    expect(csv.length - 1).toBe(await rows.count())

    // The quadrant chart of domains: an SVG drawn on the server, with its numbers beside it.
    await page.getByRole('link', { name: '领域与类型' }).first().click()
    await page.getByRole('heading', { name: '领域与类型' }).waitFor()
    const quadrant = page.locator('svg[role="img"][aria-label*="象限"]')
    await quadrant.waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/analyst-domains.png`, fullPage: true })
    const box = (await quadrant.boundingBox())!
    expect(box.width).toBeGreaterThan(400)
    // Every domain the summary puts in a quadrant (published users and return rate) is a labelled bubble. Which
    // domains pass k depends on the seeded simulation over the demo catalog, so the test reads them off the page.
    const placed = (await page.locator('ul.quadrants li').allInnerTexts())
      .flatMap((li) => li.split('：')[1]!.split('、'))
      .filter((name) => name !== '无')
    expect(placed.length).toBeGreaterThan(0)
    for (const name of placed) expect(await quadrant.locator('text', { hasText: name }).count()).toBeGreaterThan(0)

    // The printable report, from the same live data.
    await page.getByRole('link', { name: '报告' }).first().click()
    await page.getByText('排名前 10 的城市').first().waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/analyst-report.png`, fullPage: true })
    await context.close()
  })
})

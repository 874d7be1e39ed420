import { describe, expect, it } from 'vitest'
import { startMockAgencies } from '../../mock/serve'
import { isSiteDown } from '../../mock/webview/outages'
import { pointDemoWebviewsAt } from '../../server/seed/demo-webviews'
import { freshDb } from './test-app'

const DAY = 24 * 3600_000
const MIDNIGHT = Date.UTC(2026, 10, 2)
/** Minutes of a day the site is down. */
const downMinutes = (site: string, day = MIDNIGHT) => Array.from({ length: 1440 }, (_, m) => isSiteDown(site, day + m * 60_000)).filter(Boolean).length

describe('simulated web-view sites', () => {
  it('about one in four sites has a daily outage of 10–60 minutes; the rest never fail', () => {
    const sites = Array.from({ length: 400 }, (_, i) => `demo-site-${i}`)
    const failing = sites.filter((s) => downMinutes(s) > 0 || downMinutes(s, MIDNIGHT + DAY) > 0)
    expect(failing.length / sites.length).toBeGreaterThan(0.18)
    expect(failing.length / sites.length).toBeLessThan(0.32)
    // Over a week every failing site's outages add up to between 10 minutes a day and the long weekly one.
    for (const s of failing.slice(0, 20)) {
      const week = Array.from({ length: 7 }, (_, d) => downMinutes(s, MIDNIGHT + d * DAY))
      expect(Math.min(...week)).toBeGreaterThanOrEqual(10)
      expect(Math.max(...week)).toBeLessThanOrEqual(60 + 360)
    }
  })

  it('a site answers its page while up and 503 while down', async () => {
    const site = Array.from({ length: 400 }, (_, i) => `demo-site-${i}`).find((s) => downMinutes(s) > 0)!
    const downAt = Array.from({ length: 1440 }, (_, m) => MIDNIGHT + m * 60_000).find((t) => isSiteDown(site, t))!
    const upAt = Array.from({ length: 1440 }, (_, m) => MIDNIGHT + m * 60_000).find((t) => !isSiteDown(site, t))!
    let now = upAt
    const mocks = await startMockAgencies({ tenants: [], webviews: true, now: () => now })
    try {
      const up = await fetch(`${mocks.url}/webview/${site}/h5/`)
      expect(up.status).toBe(200)
      expect(await up.text()).toContain('name="viewport"')
      now = downAt
      expect((await fetch(`${mocks.url}/webview/${site}/h5/`)).status).toBe(503)
      expect((await fetch(`${mocks.url}/webview/Bad_Site/h5/`)).status).toBe(404)
    } finally {
      await mocks.stop()
    }
  })

  it('the demo’s web-view services move to the simulated host, and follow it to a new port; nobody else’s do', async () => {
    const db = await freshDb()
    try {
      await db.query(`UPDATE services SET endpoint = 'https://library.example.org/h5/' WHERE id = (SELECT id FROM services WHERE contract = 'webview' ORDER BY id LIMIT 1)`)
      const moved = await pointDemoWebviewsAt(db, 'http://127.0.0.1:4555')
      expect(moved).toBeGreaterThan(10)
      const endpoints = await db.query<{ id: string; endpoint: string }>(`SELECT id, endpoint FROM services WHERE contract = 'webview' ORDER BY id`)
      expect(endpoints[0]!.endpoint).toBe('https://library.example.org/h5/')
      for (const e of endpoints.slice(1)) expect(e.endpoint).toBe(`http://127.0.0.1:4555/webview/${e.id}/h5/`)
      expect(await pointDemoWebviewsAt(db, 'http://127.0.0.1:4555')).toBe(0)
      expect(await pointDemoWebviewsAt(db, 'http://127.0.0.1:4600')).toBe(moved)
    } finally {
      await db.close()
    }
  })
})

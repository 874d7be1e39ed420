import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CatalogService, DomainGroup } from '../../src/domain/catalog'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { createCityService } from '../../server/modules/cities/service'
import { getCatalog } from '../../server/modules/catalog/service'
import { testApp } from './test-app'

// Issue 15 "every tile opens": the catalog tells the app how to open each generic service and whether it can be used now.
let app: FastifyInstance & { db: Db }
let operator: string
beforeAll(async () => {
  app = await testApp()
  operator = (await createToken(app.db, { role: 'operator' })).token
})
afterAll(() => app.close())

const HOUR = 3600_000
const tiles = (body: { local: DomainGroup[]; national: DomainGroup[] }): CatalogService[] => [...body.local, ...body.national].flatMap((g) => g.services)
const catalog = async (city: string) => (await app.inject(`/v1/catalog?city=${city}`)).json()
const tile = async (city: string, id: string) => tiles(await catalog(city)).find((s) => s.id === id)
const asOperator = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${operator}` }, payload })

describe('GET /v1/catalog: how each tile opens', () => {
  it('gives every web-view tile its agency page and every mini-program tile its appId and path; typed tiles open the app’s pages', async () => {
    for (const city of ['440300', '510600', '513400']) {
      const all = tiles(await catalog(city))
      for (const s of all) {
        if (s.contract === 'webview') expect(s.webview?.url, s.id).toMatch(/^https?:\/\/\S+$/)
        else expect(s.webview, s.id).toBeUndefined()
        if (s.contract === 'miniprogram') expect(s.miniprogram, s.id).toEqual({ appId: expect.stringMatching(/^wx[0-9a-f]{16}$/), path: expect.any(String) })
        else expect(s.miniprogram, s.id).toBeUndefined()
        expect(s.availability, s.id).toEqual({ state: 'available' })
      }
    }
  })

  it('lists a few mini-program services in the demo: national ones everywhere, 地铁乘车码 in the richest cities', async () => {
    const sz = tiles(await catalog('440300')).filter((s) => s.contract === 'miniprogram').map((s) => s.name)
    expect(sz).toEqual(expect.arrayContaining(['铁路购票', '反诈预警', '地铁乘车码']))
    const small = tiles(await catalog('513400')).filter((s) => s.contract === 'miniprogram').map((s) => s.name)
    expect(small).toEqual(expect.arrayContaining(['铁路购票', '反诈预警']))
    expect(small).not.toContain('地铁乘车码')
  })

  it('points the web-view tile at the endpoint as stored', async () => {
    await app.db.query(`UPDATE services SET endpoint = 'https://cwgl.example.cn/weather/h5/?from=onecity' WHERE id = 'cn-weather'`)
    expect((await tile('510600', 'cn-weather'))?.webview).toEqual({ url: 'https://cwgl.example.cn/weather/h5/?from=onecity' })
  })
})

describe('GET /v1/catalog: a tile tells the truth', () => {
  it('a service an operator suspends stays on its tile as suspended, and no longer counts towards richness', async () => {
    const before = await catalog('440300')
    const id = tiles(before).find((s) => s.name === '车管业务' && s.coverage.level === 'city')!.id
    expect((await asOperator(`/v1/admin/services/${id}/suspend`, { reason: '接口连续故障' })).statusCode).toBe(200)
    const after = await catalog('440300')
    expect(tiles(after).find((s) => s.id === id)?.availability).toEqual({ state: 'suspended' })
    expect(after.total).toBe(before.total)
    expect(after.richness.available).toBeLessThan(before.richness.available)
  })

  it('a service in an announced maintenance window says so with the window, and the answer changes at once', async () => {
    const before = await app.inject('/v1/catalog?city=510600')
    const from = new Date(Date.now() - HOUR).toISOString()
    const until = new Date(Date.now() + HOUR).toISOString()
    const res = await asOperator('/v1/admin/services/cn-tax/maintenance', { startsAt: from, endsAt: until, note: '系统升级' })
    expect(res.statusCode).toBe(201)
    const after = await app.inject({ url: '/v1/catalog?city=510600', headers: { 'if-none-match': before.headers.etag as string } })
    expect(after.statusCode).toBe(200)
    const taxTile = tiles(after.json()).find((s) => s.id === 'cn-tax')!
    expect(taxTile.availability).toEqual({ state: 'maintenance', from: res.json().window.startsAt, until: res.json().window.endsAt })
    // The answer goes stale by itself when the window ends: its ETag names that instant.
    expect(after.headers.etag).toMatch(new RegExp(`^"c\\d+\\.\\d+-510600-${Math.floor(Date.parse(res.json().window.endsAt) / 1000)}"$`))
  })

  it('a window announced ahead leaves the tile open until it starts, then says 维护中 until it ends (overlapping windows as one)', async () => {
    const start = Date.now() + 2 * HOUR
    const agencyToken = (await createToken(app.db, { role: 'agency', agencyId: 'cn-weather' })).token
    const announce = (s: number, e: number) =>
      app.inject({
        method: 'POST',
        url: '/v1/agency/services/cn-weather/maintenance',
        headers: { authorization: `Bearer ${agencyToken}` },
        payload: { startsAt: new Date(s).toISOString(), endsAt: new Date(e).toISOString(), note: '机房迁移' },
      })
    expect((await announce(start, start + HOUR)).statusCode).toBe(201)
    expect((await announce(start + HOUR, start + 2 * HOUR)).statusCode).toBe(201)
    const cities = await createCityService(app.db)
    const at = async (now: number) => {
      const { catalog: c, expiresAt } = await getCatalog(app.db, cities, '510600', now)
      return { availability: tiles(c).find((s) => s.id === 'cn-weather')!.availability, expiresAt }
    }
    expect((await at(Date.now())).availability).toEqual({ state: 'available' })
    expect(await at(start - 1)).toEqual({ availability: { state: 'available' }, expiresAt: start })
    expect((await at(start + 90 * 60_000)).availability).toEqual({
      state: 'maintenance',
      from: new Date(start).toISOString(),
      until: new Date(start + 2 * HOUR).toISOString(),
    })
    expect((await at(start + 2 * HOUR)).availability).toEqual({ state: 'available' })
  })
})

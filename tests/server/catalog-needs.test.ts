import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { CatalogService, DomainGroup } from '../../src/domain/catalog'
import type { Db } from '../../server/db/db'
import { insertService } from '../../server/modules/catalog/repository'
import { testApp } from './test-app'

let app: FastifyInstance & { db: Db }
beforeAll(async () => {
  app = await testApp()
})
afterAll(() => app.close())

const services = (groups: DomainGroup[]) => groups.flatMap((g) => g.services)
async function catalogOf(city: string): Promise<{ local: CatalogService[]; national: CatalogService[]; total: number }> {
  const res = await app.inject({ method: 'GET', url: `/v1/catalog?city=${city}` })
  expect(res.statusCode).toBe(200)
  const body = res.json()
  return { local: services(body.local), national: services(body.national), total: body.total }
}

/** The services of the list that share a need with an earlier one: same name, or same domain and summary. */
function duplicates(list: CatalogService[]): string[] {
  const seen = new Map<string, string>()
  const found: string[] = []
  for (const s of list) {
    for (const key of [`name ${s.name}`, `${s.domain} ${s.summary}`]) {
      const earlier = seen.get(key)
      if (earlier) found.push(`${earlier} ~ ${s.id} (${key})`)
      seen.set(key, s.id)
    }
  }
  return found
}

// Top-15, top-40, top-70 and other ranked cities, unranked ones, and provinces with and without a province-wide service.
const CITIES = ['440300', '110100', '510100', '510600', '320500', '330100', '420100', '530100', '450100', '513400', '630100', '540100', '620100', '350100', '360100']

describe('the demo catalog lists each need once', () => {
  it.each(CITIES)('%s: no two services with the same name or the same domain and summary', async (city) => {
    const { local, national, total } = await catalogOf(city)
    expect(duplicates([...local, ...national])).toEqual([])
    expect(total).toBe(local.length + national.length)
  })

  it("a city's typed 社保 replaces the province-wide 社保 web page; a city without its own keeps the province's", async () => {
    const deyang = (await catalogOf('510600')).local.filter((s) => s.domain === 'social-security')
    expect(deyang.map((s) => [s.coverage.level, s.contract])).toEqual([['city', 'social-security@1']])
    const liangshan = (await catalogOf('513400')).local.filter((s) => s.domain === 'social-security')
    expect(liangshan.map((s) => [s.coverage.level, s.contract])).toEqual([['province', 'webview']])
  })

  it('a second listing of 交通违法 in a city does not make a second tile', async () => {
    const before = (await catalogOf('510600')).local.filter((s) => s.name === '交通违法')
    expect(before).toHaveLength(1)
    const [{ agency_id: agencyId } = { agency_id: '' }] = await app.db.query<{ agency_id: string }>(`SELECT agency_id FROM services WHERE id = $1`, [before[0]!.id])
    await insertService(app.db, {
      ...before[0]!,
      id: 'zz-second-traffic',
      items: before[0]!.items.map((i, n) => ({ ...i, id: `zz-second-traffic-${n + 1}` })),
      agencyId,
      endpoint: 'http://127.0.0.1:9/zz',
      status: 'listed',
      stars: 5,
    })
    const after = (await catalogOf('510600')).local.filter((s) => s.name === '交通违法')
    expect(after).toHaveLength(1)
  })
})

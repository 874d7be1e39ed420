import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CatalogService, DomainGroup, GroupedCatalog } from '../../src/domain/catalog'
import { searchCatalog } from '../../src/domain/search-services'
import { testApp } from './test-app'

let app: FastifyInstance
let shenzhen: GroupedCatalog & { total: number }
beforeAll(async () => {
  app = await testApp()
  shenzhen = (await app.inject('/v1/catalog?city=440300')).json()
})
afterAll(() => app.close())

const services = (c: GroupedCatalog): CatalogService[] => [...c.local, ...c.national].flatMap((g: DomainGroup) => g.services)
const found = (query: string) => searchCatalog(shenzhen, query).map((h) => h.service.name)

describe('GET /v1/catalog carries the search keys', () => {
  it('gives every service the pinyin of its name and of each item, and every group the pinyin of its label', () => {
    const all = services(shenzhen)
    expect(all.length).toBe(shenzhen.total)
    for (const s of all) {
      expect(s.search?.items).toHaveLength(s.items.length)
      for (const key of [s.search!.name, ...s.search!.items]) {
        expect(key.pinyin).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/)
        expect(key.initials.length).toBeGreaterThan(0)
      }
    }
    expect(all.find((s) => s.name === '公积金')?.search?.name).toEqual({ pinyin: 'gong ji jin', initials: 'gjj' })
    expect(all.find((s) => s.name === '交通违法')?.search?.name).toEqual({ pinyin: 'jiao tong wei fa', initials: 'jtwf' })
    expect(shenzhen.local.find((g) => g.domain === 'medical')?.search).toEqual({ pinyin: 'yi liao', initials: 'yl' })
  })

  it('keeps the answer’s other fields', () => {
    const s = services(shenzhen).find((x) => x.name === '车管业务')!
    expect(Object.keys(s).sort()).toEqual(['availability', 'contract', 'coverage', 'domain', 'icon', 'id', 'items', 'name', 'search', 'stars', 'summary', 'type', 'webview'])
    expect(Object.keys(shenzhen).sort()).toEqual(['city', 'local', 'national', 'richness', 'total'])
  })

  it('still answers 304 to the ETag of an answer with keys', async () => {
    const first = await app.inject('/v1/catalog?city=440300')
    const again = await app.inject({ url: '/v1/catalog?city=440300', headers: { 'if-none-match': first.headers.etag as string } })
    expect(again.statusCode).toBe(304)
  })
})

describe('the issue’s searches on 深圳’s live catalog', () => {
  it('违章 → 交通违法', () => expect(found('违章')).toEqual(['交通违法']))
  it('gjj → 公积金', () => expect(found('gjj')[0]).toBe('公积金'))
  it('jiaotong → 交通违法 first', () => expect(found('jiaotong')[0]).toBe('交通违法'))
  it('驾驶证 → 车管业务 first', () => expect(found('驾驶证')[0]).toBe('车管业务'))
  it.each(['水费', '电费', '燃气费'])('%s → 生活缴费', (q) => expect(found(q)).toEqual(['生活缴费']))
  it('挂号 → 预约挂号; 社保卡 → 社保', () => {
    expect(found('挂号')).toEqual(['预约挂号'])
    expect(found('社保卡').every((name) => name.includes('社保'))).toBe(true)
  })
  it('finds nothing for 租房', () => expect(found('租房')).toEqual([]))
})

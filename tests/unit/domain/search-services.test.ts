import { describe, expect, it } from 'vitest'
import { addSearchKeys } from '../../../server/modules/catalog/search-keys'
import { groupCatalog, type CatalogService, type GroupedCatalog } from '../../../src/domain/catalog'
import { SEARCH_RANK, searchCatalog } from '../../../src/domain/search-services'
import { suggestSearches } from '../../../src/domain/search-suggestions'
import { SHENZHEN_CATALOG } from '../../fixtures/shenzhen-catalog'

// The app searches the catalog answer, which carries the server's pinyin keys.
const SHENZHEN = addSearchKeys(SHENZHEN_CATALOG)
const names = (query: string, catalog: GroupedCatalog = SHENZHEN) => searchCatalog(catalog, query).map((h) => h.service.name)
const first = (query: string) => searchCatalog(SHENZHEN, query)[0]

function service(id: string, name: string, domain: CatalogService['domain'], items: string[] = [], summary = '', national = false): CatalogService {
  return {
    id,
    name,
    summary,
    icon: domain,
    domain,
    type: 'government',
    coverage: national ? { level: 'national' } : { level: 'city', code: '440300' },
    items: items.map((n, i) => ({ id: `${id}-${i}`, name: n, kind: 'query' as const })),
    contract: 'webview',
    stars: 4,
  }
}
const catalogOf = (...services: CatalogService[]) => addSearchKeys(groupCatalog(services))

describe('searchCatalog: the issue’s searches in 深圳’s demo catalog', () => {
  it('违章 finds 交通违法, an everyday word for it, and nothing else', () => {
    expect(names('违章')).toEqual(['交通违法'])
    expect(first('违章')?.rank).toBe(SEARCH_RANK.synonym)
    expect(names('查违章')).toEqual(['交通违法'])
  })

  it('gjj finds 公积金 by its initials, first', () => {
    expect(first('gjj')).toMatchObject({ service: { id: 'shenzhen-housing-fund' }, rank: SEARCH_RANK.namePinyin })
    expect(names('gjj')).toEqual(['公积金'])
    expect(names('gongjijin')).toEqual(['公积金'])
    // Typed halfway through a syllable: 公积金 first, 实时公交 (shi shi gong jiao) after.
    expect(names('gongj')).toEqual(['公积金', '实时公交'])
  })

  it('jiaotong finds 交通违法 first by its pinyin, then the services of the transport domains', () => {
    expect(names('jiaotong')).toEqual(['交通违法', '停车缴费', '实时公交', '城市热力图'])
    expect(searchCatalog(SHENZHEN, 'jiaotong').map((h) => h.rank)).toEqual([
      SEARCH_RANK.namePinyin,
      SEARCH_RANK.domain, // 交通出行
      SEARCH_RANK.domain, // 公共交通: from its third syllable
      SEARCH_RANK.domain, // 交通出行, national: after the local ones
    ])
  })

  it('驾驶证 finds 车管业务 through its item 驾驶证换证, and says so', () => {
    expect(first('驾驶证')).toMatchObject({ service: { name: '车管业务' }, rank: SEARCH_RANK.item, item: '驾驶证换证' })
    // 交通违法 only mentions 驾驶证记分 in its summary: listed, after.
    expect(names('驾驶证')).toEqual(['车管业务', '交通违法'])
    expect(first('驾照')).toMatchObject({ service: { name: '车管业务' }, item: '驾驶证换证' })
  })

  it.each(['水费', '电费', '燃气费', '燃气', '交水费', 'shuifei'])('%s finds 生活缴费', (query) => {
    expect(names(query)).toEqual(['生活缴费'])
  })

  it('挂号 and guahao find 预约挂号; 社保卡 both social-security services; 公积金 is an exact match', () => {
    expect(names('挂号')).toEqual(['预约挂号'])
    expect(names('看病')).toEqual(['预约挂号'])
    expect(first('guahao')).toMatchObject({ service: { name: '预约挂号' }, rank: SEARCH_RANK.namePinyinInner })
    expect(names('社保卡')).toEqual(['广东社保服务', '社保服务'])
    expect(first('公积金')?.rank).toBe(SEARCH_RANK.nameExact)
    expect(names('护照')).toEqual(['出入境'])
    expect(names('yiliao')).toEqual(['预约挂号'])
  })

  it('ignores case, spaces and apostrophes', () => {
    expect(names(' GJJ ')).toEqual(['公积金'])
    expect(names('gong ji jin')).toEqual(['公积金'])
    expect(names('jiao’tong')[0]).toBe('交通违法')
  })

  it('finds nothing for an empty query or one no service answers', () => {
    expect(searchCatalog(SHENZHEN, '  ')).toEqual([])
    expect(searchCatalog(SHENZHEN, '租房')).toEqual([])
    expect(searchCatalog(SHENZHEN, 'zzzz')).toEqual([])
  })

  it('does not match a single letter inside a name, only at its start', () => {
    expect(searchCatalog(SHENZHEN, 'g').every((h) => h.rank !== SEARCH_RANK.namePinyinInner)).toBe(true)
  })
})

describe('searchCatalog: ranking', () => {
  it('orders Chinese matches: exact name > name prefix > name contains > synonym > item > domain > summary', () => {
    const catalog = catalogOf(
      service('summary', '便民', 'other', [], '检验检测网点；违章高发路段'),
      service('item', '车管业务', 'vehicle', ['年度检验', '违章记录']),
      service('contains', '机动车检验', 'vehicle'),
      service('prefix', '检验预约', 'other'),
      service('exact', '检验', 'other'),
      service('synonym', '交通违法', 'traffic'),
      service('name-has-word', '举报违章停车', 'traffic'),
    )
    const ranked = (query: string) => searchCatalog(catalog, query).map((h) => [h.service.id, h.rank])
    expect(ranked('检验')).toEqual([
      ['exact', SEARCH_RANK.nameExact],
      ['prefix', SEARCH_RANK.namePrefix],
      ['contains', SEARCH_RANK.nameContains],
      ['item', SEARCH_RANK.item],
      ['summary', SEARCH_RANK.summary],
    ])
    expect(ranked('违章')).toEqual([
      ['name-has-word', SEARCH_RANK.nameContains],
      ['synonym', SEARCH_RANK.synonym],
      ['item', SEARCH_RANK.item],
      ['summary', SEARCH_RANK.summary],
    ])
    expect(ranked('交管')).toEqual([
      ['synonym', SEARCH_RANK.domain],
      ['name-has-word', SEARCH_RANK.domain],
    ])
  })

  it('orders pinyin matches: name from its start > name from a later syllable > item > domain', () => {
    const catalog = catalogOf(
      service('domain', '路况', 'weather'), // 气象 qixiang
      service('item', '便民服务', 'other', ['气象预警']),
      service('inner', '实时气象', 'other'),
      service('start', '气象台', 'other'),
    )
    expect(searchCatalog(catalog, 'qixiang').map((h) => [h.service.id, h.rank])).toEqual([
      ['start', SEARCH_RANK.namePinyin],
      ['inner', SEARCH_RANK.namePinyinInner],
      ['item', SEARCH_RANK.item],
      ['domain', SEARCH_RANK.domain],
    ])
    expect(searchCatalog(catalog, 'qx').map((h) => h.service.id)).toEqual(['start', 'inner', 'item', 'domain'])
  })

  it('puts 本地服务 before 全国服务 within a rank, but a better match first whatever its coverage', () => {
    const catalog = catalogOf(
      service('national-exact', '天气', 'weather', [], '', true),
      service('national-prefix', '天气预报', 'weather', [], '', true),
      service('local-prefix', '天气预警', 'weather'),
    )
    expect(searchCatalog(catalog, '天气').map((h) => [h.service.id, h.local])).toEqual([
      ['national-exact', false],
      ['local-prefix', true],
      ['national-prefix', false],
    ])
  })

  it('still finds by Chinese text when an answer carries no pinyin keys', () => {
    const bare = groupCatalog([service('fund', '公积金', 'housing-fund', ['提取申请'])])
    expect(names('公积金', bare)).toEqual(['公积金'])
    expect(names('提取', bare)).toEqual(['公积金'])
    expect(names('gjj', bare)).toEqual([])
  })
})

describe('suggestSearches', () => {
  it('offers everyday words that find something in the city, at most five', () => {
    const words = suggestSearches(SHENZHEN)
    expect(words).toEqual(['违章', '挂号', '社保', '公积金', '水费'])
    for (const word of words) expect(searchCatalog(SHENZHEN, word).length).toBeGreaterThan(0)
  })

  it('offers only what a city without local services has', () => {
    const nationalOnly = { local: [], national: SHENZHEN.national }
    expect(suggestSearches(nationalOnly)).toEqual(['出入境', '个税', '天气'])
  })
})

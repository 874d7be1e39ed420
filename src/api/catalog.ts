import { Type } from 'typebox'
import { DOMAIN_IDS, SERVICE_TYPE_IDS } from '../domain/catalog'
import { literals } from './common'

export const CoverageSchema = Type.Union(
  [
    Type.Object({ level: Type.Literal('city'), code: Type.String({ pattern: '^[0-9]{6}$' }) }),
    Type.Object({ level: Type.Literal('province'), code: Type.String({ pattern: '^[0-9]{2}$' }) }),
    Type.Object({ level: Type.Literal('national') }),
  ],
  { $id: 'Coverage' },
)

export const ServiceItemSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('query'), Type.Literal('transaction')], { description: 'query 查询 or transaction 办理' }),
    keyItem: Type.Optional(Type.String({ description: 'key-industry item it provides (richness)' })),
  },
  { $id: 'ServiceItem' },
)

const PinyinKeySchema = Type.Object(
  {
    pinyin: Type.String({ description: 'syllables without tones, ü as v, separated by spaces', examples: ['gong ji jin'] }),
    initials: Type.String({ description: 'first letter of each syllable', examples: ['gjj'] }),
  },
  { description: 'pinyin for search, computed by the server (the app ships no dictionary)' },
)

export const CatalogServiceSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    summary: Type.String(),
    icon: Type.String(),
    domain: literals(DOMAIN_IDS),
    type: literals(SERVICE_TYPE_IDS),
    coverage: Type.Ref('Coverage'),
    items: Type.Array(Type.Ref('ServiceItem')),
    contract: Type.String({ description: 'traffic@1, hospital@1… open the app\'s own pages; webview and miniprogram open the agency\'s', examples: ['traffic@1', 'webview'] }),
    stars: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()], { description: 'quality stars; null before review' }),
    search: Type.Optional(
      Type.Object(
        { name: PinyinKeySchema, items: Type.Array(PinyinKeySchema, { description: 'one per item, in the same order' }) },
        { description: 'search keys of the name and items (GET /v1/catalog always sends them)' },
      ),
    ),
    webview: Type.Optional(
      Type.Object(
        { url: Type.String({ description: 'the agency\'s H5 page; the app appends city=<code> and nothing else' }) },
        { description: 'contract webview: the page the app opens in its web-view page' },
      ),
    ),
    miniprogram: Type.Optional(
      Type.Object(
        {
          appId: Type.String({ pattern: '^wx[0-9a-f]{16}$' }),
          path: Type.String({ description: 'page path; the app appends city=<code>' }),
        },
        { description: 'contract miniprogram: the mini-program the app opens (navigateToMiniProgram)' },
      ),
    ),
    availability: Type.Union(
      [
        Type.Object({ state: Type.Literal('available') }),
        Type.Object({
          state: Type.Literal('maintenance'),
          from: Type.String({ description: 'ISO time the window started' }),
          until: Type.String({ description: 'ISO time the announced window ends (exclusive)' }),
        }),
        Type.Object({ state: Type.Literal('suspended') }),
      ],
      { description: 'available; maintenance (维护中: an announced window under way); suspended (暂停服务 by the platform\'s operators). The tile says so instead of opening.' },
    ),
  },
  { $id: 'CatalogService' },
)

const DomainGroupSchema = Type.Object({
  domain: literals(DOMAIN_IDS),
  label: Type.String({ examples: ['交管'] }),
  services: Type.Array(Type.Ref('CatalogService')),
  search: Type.Optional(PinyinKeySchema),
})

export const CatalogQuery = Type.Object({
  city: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 city code', examples: ['510600'] }),
})

export const CatalogResponse = Type.Object({
  city: Type.Ref('City'),
  local: Type.Array(DomainGroupSchema, { description: '本地服务: city and province coverage, by domain' }),
  national: Type.Array(DomainGroupSchema, { description: '全国服务, by domain' }),
  total: Type.Integer({ description: 'number of services' }),
  richness: Type.Object(
    {
      available: Type.Integer({ description: 'distinct key-industry items available in the city' }),
      total: Type.Integer({ description: 'key-industry items on the list (21)' }),
      share: Type.Number({ description: 'available / total: the 重点行业丰富度 indicator' }),
      industries: Type.Array(
        Type.Object({ industry: Type.String(), label: Type.String(), items: Type.Array(Type.String()), total: Type.Integer() }),
      ),
    },
    { description: 'key-industry richness (02-services.md)' },
  ),
})

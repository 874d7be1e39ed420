import { type Static, type TSchema, Type } from 'typebox'
import { DOMAIN_IDS, ITEM_KINDS, SERVICE_TYPE_IDS } from '../../../src/domain/catalog'
import { KEY_ITEMS } from '../../../src/domain/key-industry'
import { CONTRACTS as TYPED_CONTRACT_DESCRIPTORS, TYPED_CONTRACTS, type TypedContract, byContract, isTypedContract } from '../../contracts'
import { FIXTURE_PATTERNS } from '../../contracts/fixture-fields'
import { literals } from '../../../src/api/common'

// The manifest stays here rather than in src/api: it is built from the typed
// contracts' descriptors (their ids, fixture schemas), which src/ cannot import,
// and only agencies and the console send it, never the app.

/**
 * Every string pattern of the manifest with the bilingual message a
 * submitter sees when a value does not match it. The validator finds the
 * message by the pattern's source, so no two sources may be equal.
 */
export const PATTERNS = {
  ...FIXTURE_PATTERNS,
  slug: {
    source: '^[a-z0-9][a-z0-9-]{1,62}$',
    message: 'must be a slug: 2–63 of a–z, 0–9 and "-", not starting with "-" / 必须是 2–63 位小写字母、数字或连字符，且不以连字符开头',
  },
  icon: {
    source: '^[a-z0-9][a-z0-9-]{0,31}$',
    message: 'must be an icon key: 1–32 of a–z, 0–9 and "-" / 必须是图标标识（1–32 位小写字母、数字或连字符）',
  },
  cityCode: { source: '^[1-9][0-9]{5}$', message: 'must be a 6-digit GB/T 2260 city code / 必须是 6 位城市代码' },
  provinceCode: { source: '^[1-9][0-9]$', message: 'must be a 2-digit province code / 必须是 2 位省级代码' },
  httpUrl: {
    source: '^https?://[^\\s/?#@]+([/?#]\\S*)?$',
    message: 'must be an http(s) URL without user info / 必须是 http(s) 地址（不含用户名密码）',
  },
  httpsUrl: {
    source: '^https://[^\\s/?#@]+([/?#]\\S*)?$',
    message: 'must be an https URL / 必须是 https 地址',
  },
  hotline: {
    source: '^[0-9](-?[0-9]){2,19}$',
    message: 'must be a phone number of digits and single dashes, e.g. 12345 or 0838-12345 / 必须是电话号码（数字和单个连字符，如 12345、0838-12345）',
  },
  appId: { source: '^wx[0-9a-f]{16}$', message: 'must be a mini-program appId: "wx" and 16 hex digits / 必须是小程序 appId（wx 加 16 位十六进制）' },
  miniprogramPath: {
    source: '^/?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*(\\?\\S*)?$',
    message: 'must be a mini-program page path such as pages/index/index?from=onecity / 必须是小程序页面路径',
  },
} as const

const pattern = (key: keyof typeof PATTERNS, options: Record<string, unknown> = {}) =>
  Type.String({ pattern: PATTERNS[key].source, ...options })

const Slug = (description: string) => pattern('slug', { description })
const ChineseName = (description: string) => pattern('chineseName', { minLength: 2, maxLength: 20, description })
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
const strict = { additionalProperties: false } as const

/** The contracts a service can declare (02-services.md): the typed ones (server/contracts), or the agency's own page. */
export const CONTRACTS = [...TYPED_CONTRACTS, 'webview', 'miniprogram'] as const
export type Contract = (typeof CONTRACTS)[number]
export { TYPED_CONTRACTS, type TypedContract, isTypedContract }

// Coverage: one schema per level; the validator picks the branch by `level`.
export const CityCoverageSchema = Type.Object({ level: Type.Literal('city'), code: pattern('cityCode') }, strict)
export const ProvinceCoverageSchema = Type.Object({ level: Type.Literal('province'), code: pattern('provinceCode') }, strict)
export const NationalCoverageSchema = Type.Object({ level: Type.Literal('national') }, strict)
export const COVERAGE_SCHEMAS = {
  city: CityCoverageSchema,
  province: ProvinceCoverageSchema,
  national: NationalCoverageSchema,
} as const

// Test fixtures for the conformance suite: each typed contract's own schema (server/contracts), none for the others.
export const NoFixturesSchema = Type.Object({}, { ...strict, description: 'no fixtures: the review only probes the page' })

export const FIXTURE_SCHEMAS: Record<Contract, TSchema> = {
  ...byContract((c) => c.fixtures),
  webview: NoFixturesSchema,
  miniprogram: NoFixturesSchema,
}

// Contracts sharing a fixture schema (a test person) share its branch.
type TypedFixtures = (typeof TYPED_CONTRACT_DESCRIPTORS)[number]['fixtures']
const FIXTURE_BRANCHES: (TypedFixtures | typeof NoFixturesSchema)[] = [...new Set(TYPED_CONTRACT_DESCRIPTORS.map((c): TypedFixtures => c.fixtures)), NoFixturesSchema]

export const ManifestItemSchema = Type.Object(
  {
    id: Slug('item id, unique within the manifest'),
    name: ChineseName('item name, e.g. 机动车违法查询'),
    kind: literals(ITEM_KINDS, { description: 'query 查询 or transaction 办理' }),
    keyItem: Type.Optional(literals(KEY_ITEMS, { description: 'key-industry item it provides (重点行业事项); must fit the domain' })),
  },
  strict,
)

/**
 * What an agency submits to list a service (02-services.md, Onboarding).
 * Rules across fields (unique item ids, endpoint per contract, https, fixtures
 * per contract, …) are checked by validateManifest, not by this schema.
 */
export const ServiceManifestSchema = Type.Object(
  {
    id: Slug('stable service id'),
    name: ChineseName('service name as the tile shows it'),
    summary: Text(60, 'one line under the name'),
    icon: pattern('icon', { description: 'icon key' }),
    domain: literals(DOMAIN_IDS),
    type: literals(SERVICE_TYPE_IDS),
    coverage: Type.Union([CityCoverageSchema, ProvinceCoverageSchema, NationalCoverageSchema], {
      description: 'city (6-digit code), province (2-digit code) or national',
    }),
    items: Type.Array(ManifestItemSchema, { minItems: 1, maxItems: 30 }),
    contract: literals(CONTRACTS, { description: 'typed contract, or webview (H5) or miniprogram' }),
    endpoint: Type.Optional(
      pattern('httpUrl', {
        maxLength: 2048,
        description: 'base URL of the implementation (typed contracts) or the H5 page (webview); https except loopback',
      }),
    ),
    miniprogram: Type.Optional(
      Type.Object(
        { appId: pattern('appId'), path: pattern('miniprogramPath', { maxLength: 256 }) },
        { ...strict, description: 'required for contract miniprogram, forbidden otherwise' },
      ),
    ),
    docs: Type.Object(
      {
        materials: Type.Array(Text(100), { maxItems: 50, description: '所需材料; at least one when there are transaction items' }),
        fees: Text(200, '收费标准, e.g. 免费'),
        timeLimit: Text(100, '办理时限, e.g. 即时办结'),
      },
      { ...strict, description: '办事指南' },
    ),
    support: Type.Object(
      {
        hotline: Type.Optional(pattern('hotline', { description: 'e.g. 12345 or 0838-12345' })),
        online: Type.Optional(pattern('httpsUrl', { maxLength: 2048, description: 'online help page' })),
      },
      { ...strict, minProperties: 1, description: 'customer help: hotline or online contact, at least one' },
    ),
    privacy: Type.Object(
      {
        noticeUrl: pattern('httpsUrl', { maxLength: 2048, description: 'privacy notice of the service' }),
        dataUsed: Type.Array(Text(50), { maxItems: 50, description: 'personal data the service uses, e.g. 姓名, 身份证号' }),
      },
      strict,
    ),
    payments: Type.Object(
      {
        takesPayments: Type.Boolean(),
        feeItems: Type.Optional(
          Type.Array(Slug('item id'), { uniqueItems: true, description: 'ids of the fee-bearing items; non-empty when takesPayments' }),
        ),
      },
      strict,
    ),
    records: Type.Object({ keepsRecords: Type.Boolean(), exposesProgress: Type.Boolean() }, strict),
    notify: Type.Object({ subscribeMessage: Type.Boolean() }, strict),
    feedback: Type.Object({ takesRatings: Type.Boolean(), answersBadRatings: Type.Boolean() }, strict),
    elderFriendly: Type.Boolean(),
    realNameRequired: Type.Boolean(),
    adsFree: Type.Boolean({ description: 'declares that the service shows no ads' }),
    fixtures: Type.Optional(
      Type.Union(FIXTURE_BRANCHES, {
        description: 'conformance-suite fixtures; their fields depend on the contract',
      }),
    ),
  },
  { ...strict, $id: 'ServiceManifest' },
)

export type ServiceManifest = Static<typeof ServiceManifestSchema>
export type ManifestItem = Static<typeof ManifestItemSchema>

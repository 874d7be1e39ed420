import fc from 'fast-check'
import { DOMAIN_IDS, ITEM_KINDS, SERVICE_TYPE_IDS } from '../../../src/domain/catalog'
import { KEY_INDUSTRIES, KEY_ITEMS, type KeyIndustry, industryOfKeyItem } from '../../../src/domain/key-industry'
import { CONTRACTS, type Contract, PATTERNS } from '../../../server/modules/onboarding/manifest-schema'
import { formatPath } from '../../../server/modules/onboarding/validate-manifest'
import type { RawManifest } from '../../fixtures/manifests'

// ---------------------------------------------------------------------------
// Valid manifests, built from the schema's rules

const matching = (key: keyof typeof PATTERNS) => fc.stringMatching(new RegExp(PATTERNS[key].source))

const CJK = [...'德阳成都交警车管社保公积金医院人民市民卡查询办理缴费预约挂号报告出行地铁公交水电燃气图书馆天气']
const cjkChar = fc.constantFrom(...CJK)
const nameChar = fc.oneof({ weight: 4, arbitrary: cjkChar }, { weight: 1, arbitrary: fc.constantFrom(...'ABCETC0123456789·（）()-') })
/** 2–20 characters, at least one of them Chinese. */
const chineseName = fc
  .tuple(cjkChar, fc.string({ unit: nameChar, minLength: 1, maxLength: 19 }), fc.nat())
  .map(([cjk, rest, at]) => {
    const i = at % (rest.length + 1)
    return rest.slice(0, i) + cjk + rest.slice(i)
  })
const textChar = fc.oneof(cjkChar, fc.constantFrom(...'abcXYZ 0123456789，。、：;:()-'))
const text = (maxLength: number) => fc.string({ unit: textChar, minLength: 1, maxLength })

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/)
const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/)).map(([ls, tld]) => [...ls, tld].join('.'))
const urlPath = fc.array(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { maxLength: 3 }).map((s) => (s.length ? `/${s.join('/')}` : ''))
const httpsUrl = fc.tuple(host, urlPath).map(([h, p]) => `https://${h}${p}`)
const loopbackUrl = fc
  .tuple(fc.constantFrom('localhost', '127.0.0.1', '[::1]'), fc.integer({ min: 1, max: 65535 }), urlPath)
  .map(([h, port, p]) => `http://${h}:${port}${p}`)
const endpoint = fc.oneof({ weight: 3, arbitrary: httpsUrl }, { weight: 1, arbitrary: loopbackUrl })

const miniprogram = fc.record({
  appId: matching('appId'),
  path: fc
    .tuple(fc.array(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([segments, query]) => `pages/${segments.join('/')}${query ? '?from=onecity' : ''}`),
})

const coverage = fc.oneof(
  matching('cityCode').map((code) => ({ level: 'city', code })),
  matching('provinceCode').map((code) => ({ level: 'province', code })),
  fc.constant({ level: 'national' }),
)

const person = fc.record({ name: chineseName, idNumber: matching('idNumber') })
function fixturesFor(contract: Contract): fc.Arbitrary<RawManifest | undefined> {
  switch (contract) {
    case 'traffic@1':
      return fc.record({ plate: matching('plate'), plateType: matching('plateType'), engineTail: matching('engineTail'), licenceNo: matching('idNumber') })
    case 'social-security@1':
    case 'housing-fund@1':
    case 'identity@1':
      return person
    case 'hospital@1':
      return fc.record({ hospitalId: matching('agencyKey'), patient: person })
    case 'payment@1':
      return fc.record({ amountFen: fc.integer({ min: 1, max: 100_000_000 }) })
    case 'utilities@1':
      return fc.record({ providerId: matching('agencyKey'), accountNo: fc.stringMatching(/^[0-9]{6,16}$/) })
    case 'webview':
    case 'miniprogram':
      return fc.constantFrom(undefined, {})
  }
}

const rawItem = fc.record({
  id: matching('slug'),
  name: chineseName,
  kind: fc.constantFrom(...ITEM_KINDS),
  // Which key item of the domain's industry the item provides, if any (resolved once the domain is known).
  keyPick: fc.option(fc.nat(), { nil: undefined }),
})

const support = fc.oneof(
  fc.record({ hotline: matching('hotline') }),
  fc.record({ online: httpsUrl }),
  fc.record({ hotline: matching('hotline'), online: httpsUrl }),
)

// Everything is drawn independently and the rules across fields are applied in
// `map` (no `chain`: it made generation ~50x slower and shrinks worse).
function manifestFor(contract: Contract): fc.Arbitrary<RawManifest> {
  return fc
    .record({
      id: matching('slug'),
      name: chineseName,
      summary: text(60),
      icon: matching('icon'),
      domain: fc.constantFrom(...DOMAIN_IDS),
      type: fc.constantFrom(...SERVICE_TYPE_IDS),
      coverage,
      items: fc.uniqueArray(rawItem, { minLength: 1, maxLength: 30, selector: (i) => i.id }),
      access: contract === 'miniprogram' ? miniprogram.map((mp) => ({ miniprogram: mp })) : endpoint.map((url) => ({ endpoint: url })),
      materials: fc.array(text(100), { maxLength: 4 }),
      fallbackMaterial: text(100),
      fees: text(40),
      timeLimit: text(20),
      support,
      privacy: fc.record({ noticeUrl: httpsUrl, dataUsed: fc.array(text(50), { maxLength: 4 }) }),
      takesPayments: fc.boolean(),
      feeMask: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
      listFees: fc.boolean(),
      records: fc.record({ keepsRecords: fc.boolean(), exposesProgress: fc.boolean() }),
      notify: fc.record({ subscribeMessage: fc.boolean() }),
      feedback: fc.record({ takesRatings: fc.boolean(), answersBadRatings: fc.boolean() }),
      elderFriendly: fc.boolean(),
      realNameRequired: fc.boolean(),
      adsFree: fc.boolean(),
      fixtures: fixturesFor(contract),
    })
    .map(({ items: raw, access, materials, fallbackMaterial, fees, timeLimit, takesPayments, feeMask, listFees, fixtures, ...rest }) => {
      const keyItems: readonly string[] = rest.domain in KEY_INDUSTRIES ? KEY_INDUSTRIES[rest.domain as KeyIndustry].items : []
      const items = raw.map(({ keyPick, ...item }) =>
        keyPick === undefined || keyItems.length === 0 ? item : { ...item, keyItem: keyItems[keyPick % keyItems.length] },
      )
      const ids = items.map((i) => i.id)
      const chosen = ids.filter((_, k) => feeMask[k])
      const feeItems = takesPayments && chosen.length === 0 ? ids.slice(0, 1) : chosen
      const hasTransactions = items.some((i) => i.kind === 'transaction')
      return {
        id: rest.id,
        name: rest.name,
        summary: rest.summary,
        icon: rest.icon,
        domain: rest.domain,
        type: rest.type,
        coverage: rest.coverage,
        items,
        contract,
        ...access,
        docs: { materials: hasTransactions && materials.length === 0 ? [fallbackMaterial] : materials, fees, timeLimit },
        support: rest.support,
        privacy: rest.privacy,
        payments: takesPayments || listFees ? { takesPayments, feeItems } : { takesPayments },
        records: rest.records,
        notify: rest.notify,
        feedback: rest.feedback,
        elderFriendly: rest.elderFriendly,
        realNameRequired: rest.realNameRequired,
        adsFree: rest.adsFree,
        ...(fixtures === undefined ? {} : { fixtures }),
      }
    })
}

/** Manifests that satisfy every rule of validateManifest, for every contract and domain. */
export const validManifestArb: fc.Arbitrary<RawManifest> = fc.oneof(...CONTRACTS.map(manifestFor))

// ---------------------------------------------------------------------------
// Corruptions: each breaks one rule and says where the problem must be reported

type Segment = string | number
export interface Corrupted {
  corruption: string
  value: unknown
  /** The problem must be at or under one of these paths ("" = exactly the root). */
  at: string[]
}
interface Corruption {
  name: string
  /** Mutates m (a fresh copy); `n` picks among the choices; returns where the problem is. */
  apply: (m: RawManifest, n: number) => string | string[] | { value: unknown; at: string }
}

const REQUIRED = [
  'id', 'name', 'summary', 'icon', 'domain', 'type', 'coverage', 'items', 'contract', 'docs', 'support', 'privacy',
  'payments', 'records', 'notify', 'feedback', 'elderFriendly', 'realNameRequired', 'adsFree',
]
const NESTED_REQUIRED: [string, string][] = [
  ['docs', 'materials'], ['docs', 'fees'], ['docs', 'timeLimit'], ['privacy', 'noticeUrl'], ['privacy', 'dataUsed'],
  ['payments', 'takesPayments'], ['records', 'keepsRecords'], ['records', 'exposesProgress'], ['notify', 'subscribeMessage'],
  ['feedback', 'takesRatings'], ['feedback', 'answersBadRatings'], ['coverage', 'level'],
]
const TYPED = ['traffic@1', 'social-security@1', 'housing-fund@1', 'hospital@1', 'identity@1', 'payment@1']
// Contracts whose endpoint/miniprogram/fixtures requirements differ from each other.
const FAMILY: Record<string, string> = {
  'traffic@1': 'traffic', 'social-security@1': 'person', 'housing-fund@1': 'person', 'identity@1': 'person',
  'hospital@1': 'hospital', 'payment@1': 'payment', webview: 'webview', miniprogram: 'miniprogram',
}
const OTHER_FIXTURES: Record<string, RawManifest> = {
  traffic: { amountFen: 100 },
  person: { plate: '川A12345', plateType: '02', engineTail: '12345A' },
  hospital: { name: '张三', idNumber: '51060019900101001X' },
  payment: { name: '张三', idNumber: '51060019900101001X' },
  webview: { name: '张三', idNumber: '51060019900101001X' },
  miniprogram: { amountFen: 100 },
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T

function get(root: unknown, segments: readonly Segment[]): any {
  return segments.reduce<any>((v, s) => (v == null ? undefined : v[s]), root)
}
function set(root: RawManifest, segments: readonly Segment[], value: unknown): void {
  const parent = get(root, segments.slice(0, -1))
  parent[segments[segments.length - 1] as Segment] = value
}

/** Every location inside the manifest (not the root), as segments. */
function locations(value: unknown, prefix: Segment[] = []): Segment[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...locations(v, [...prefix, i])])
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...locations(v, [...prefix, k])])
  }
  return []
}
function objectLocations(m: RawManifest): Segment[][] {
  return [[], ...locations(m).filter((s) => { const v = get(m, s); return v !== null && typeof v === 'object' && !Array.isArray(v) })]
}
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return {}
  return []
}
function unusedId(m: RawManifest, base: string): string {
  const ids = new Set(m.items.map((i: RawManifest) => i.id))
  let candidate = base
  for (let k = 2; ids.has(candidate); k++) candidate = `${base}-${k}`
  return candidate
}

export const CORRUPTIONS: Corruption[] = [
  {
    name: 'drop a required field',
    apply: (m, n) => {
      const key = pick(REQUIRED, n)
      delete m[key]
      return key
    },
  },
  {
    name: 'drop a required nested field',
    apply: (m, n) => {
      const choices: [Segment[], string][] = [
        ...NESTED_REQUIRED.map(([o, k]): [Segment[], string] => [[o], k]),
        ...m.items.flatMap((_: unknown, i: number) => ['id', 'name', 'kind'].map((k): [Segment[], string] => [['items', i], k])),
      ]
      const [parent, key] = pick(choices, n)
      delete get(m, parent)[key]
      return formatPath([...parent, key])
    },
  },
  {
    name: 'drop what the contract requires',
    apply: (m, n) => {
      const choices = m.contract === 'miniprogram' ? ['miniprogram'] : TYPED.includes(m.contract) ? ['endpoint', 'fixtures'] : ['endpoint']
      const key = pick(choices, n)
      delete m[key]
      return key
    },
  },
  {
    name: 'wrong type',
    apply: (m, n) => {
      const at = pick(locations(m), n)
      set(m, at, wrongTypeFor(get(m, at)))
      return formatPath(at)
    },
  },
  {
    name: 'bad enum value',
    apply: (m, n) => {
      const i = n % m.items.length
      const [path, value] = pick<[Segment[], string]>(
        [
          [['domain'], 'space'],
          [['type'], 'fun'],
          [['contract'], 'ftp@1'],
          [['items', i, 'kind'], 'both'],
          [['items', i, 'keyItem'], '违法查询'],
          [['coverage', 'level'], 'planet'],
        ],
        Math.floor(n / 31),
      )
      set(m, path, value)
      return formatPath(path)
    },
  },
  {
    name: 'bad slug',
    apply: (m, n) => {
      const bad = pick(['Bad_Slug', '-leading', 'a', 'has space', 'x'.repeat(64), '服务'], n)
      const path: Segment[] = n % 2 === 0 ? ['id'] : ['items', Math.floor(n / 2) % m.items.length, 'id']
      set(m, path, bad)
      return formatPath(path)
    },
  },
  {
    name: 'duplicate item id',
    apply: (m, n) => {
      if (m.items.length < 2) {
        m.items.push({ ...structuredClone(m.items[0]), name: '重复事项' })
        return 'items[1].id'
      }
      const j = 1 + (n % (m.items.length - 1))
      m.items[j].id = m.items[0].id
      return `items[${j}].id`
    },
  },
  {
    name: 'http endpoint on a public host',
    apply: (m, n) => {
      m.endpoint = `http://${pick(['jj.deyang.gov.cn', 'example.com', '10.0.0.8', '127.0.0.2', 'localhost.example.com'], n)}/api`
      return 'endpoint'
    },
  },
  {
    name: 'keyItem in the wrong domain',
    apply: (m, n) => {
      const foreign = KEY_ITEMS.filter((k) => industryOfKeyItem(k) !== m.domain)
      const i = n % m.items.length
      m.items[i].keyItem = pick(foreign, Math.floor(n / 30))
      return `items[${i}].keyItem`
    },
  },
  {
    name: 'extra property',
    apply: (m, n) => {
      const at = pick(objectLocations(m), n)
      get(m, at).surplus = true
      return formatPath([...at, 'surplus'])
    },
  },
  {
    name: 'bad coverage code',
    apply: (m, n) => {
      if (m.coverage.level === 'national') m.coverage.code = '510600'
      else m.coverage.code = pick(m.coverage.level === 'city' ? ['51060', '5106000', '51060a', '010100'] : ['5', '510', '01', 'sc'], n)
      return 'coverage.code'
    },
  },
  {
    name: 'fee item that names no item',
    apply: (m) => {
      const feeItems = m.payments.feeItems ?? []
      m.payments.feeItems = [...feeItems, unusedId(m, 'no-such-item')]
      return `payments.feeItems[${feeItems.length}]`
    },
  },
  {
    name: 'takes payments without fee items',
    apply: (m, n) => {
      m.payments.takesPayments = true
      if (n % 2 === 0) delete m.payments.feeItems
      else m.payments.feeItems = []
      return 'payments.feeItems'
    },
  },
  {
    name: 'transaction items without materials',
    apply: (m, n) => {
      m.items[n % m.items.length].kind = 'transaction'
      m.docs.materials = []
      return 'docs.materials'
    },
  },
  {
    name: 'no support contact',
    apply: (m) => {
      m.support = {}
      return 'support'
    },
  },
  {
    name: 'http privacy notice or help page',
    apply: (m, n) => {
      if (n % 2 === 0) {
        m.privacy.noticeUrl = 'http://www.example.gov.cn/privacy'
        return 'privacy.noticeUrl'
      }
      m.support.online = 'http://help.example.gov.cn'
      return 'support.online'
    },
  },
  {
    name: 'fixtures of another contract',
    apply: (m) => {
      m.fixtures = structuredClone(OTHER_FIXTURES[FAMILY[m.contract] as string])
      return 'fixtures'
    },
  },
  {
    name: 'contract of another family',
    apply: (m, n) => {
      m.contract = pick(CONTRACTS.filter((c) => FAMILY[c] !== FAMILY[m.contract]), n)
      return ['endpoint', 'miniprogram', 'fixtures']
    },
  },
  {
    name: 'too many items',
    apply: (m) => {
      for (let k = 0; m.items.length <= 30; k++) m.items.push({ id: unusedId(m, `extra-${k}`), name: '多余事项', kind: 'query' })
      return 'items'
    },
  },
  {
    name: 'bad name or summary',
    apply: (m, n) => {
      const [field, value] = pick<[string, string]>(
        [['name', 'Hello'], ['name', '德'], ['name', '德阳'.repeat(11)], ['name', '德阳 交警'], ['summary', ''], ['summary', '办'.repeat(61)]],
        n,
      )
      m[field] = value
      return field
    },
  },
  {
    name: 'not an object at all',
    apply: (_, n) => ({ value: pick([null, [], 'manifest', 42, true], n), at: '' }),
  },
]

/** A valid manifest with exactly one random corruption applied. */
export const corruptedManifestArb: fc.Arbitrary<Corrupted> = fc
  .tuple(validManifestArb, fc.constantFrom(...CORRUPTIONS), fc.nat({ max: 10_000 }))
  .map(([valid, corruption, n]) => {
    const m = structuredClone(valid)
    const result = corruption.apply(m, n)
    if (typeof result === 'object' && !Array.isArray(result)) return { corruption: corruption.name, value: result.value, at: [result.at] }
    return { corruption: corruption.name, value: m, at: typeof result === 'string' ? [result] : result }
  })

/** True when `path` is `at` or inside it; the root "" matches only itself. */
export function isAtOrUnder(path: string, at: string): boolean {
  if (at === '') return path === ''
  return path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`)
}

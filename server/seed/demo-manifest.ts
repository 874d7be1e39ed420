import type { KeyItem } from '../../src/domain/key-industry'
import type { NewService } from '../modules/catalog/repository'
import type { ServiceManifest, TypedContract } from '../modules/onboarding/manifest-schema'
import { stableHash } from './stable-hash'

// A test person and vehicle the simulated agencies know (any well-formed values work there).
const PERSON = { name: '张三', idNumber: '510600199001010010' }
const FIXTURES: Record<TypedContract, ServiceManifest['fixtures']> = {
  'traffic@1': { plate: '川A12345', plateType: '02', engineTail: '12345A', licenceNo: PERSON.idNumber },
  'hospital@1': { hospitalId: 'people-1', patient: PERSON },
  'housing-fund@1': PERSON,
  'social-security@1': PERSON,
  'identity@1': PERSON,
  'payment@1': { amountFen: 100 },
}

const FEES: Partial<Record<TypedContract, string>> = {
  'traffic@1': '罚款及滞纳金依法缴纳（滞纳金每日按罚款额 3% 计，不超过罚款本身）',
  'hospital@1': '挂号费按医生职称收取，门诊费用按医保规定结算',
}
const DATA_USED: Record<TypedContract, string[]> = {
  'traffic@1': ['号牌号码', '发动机号后6位', '驾驶证号'],
  'hospital@1': ['姓名', '身份证号', '就诊记录'],
  'housing-fund@1': ['姓名', '身份证号', '公积金账户'],
  'social-security@1': ['姓名', '身份证号', '参保记录'],
  'identity@1': ['姓名', '身份证号'],
  'payment@1': [],
}

/** Stable per id: about a third of the demo agencies skip some optional promises, so the stars vary as in a real catalog. */
function skipsExtras(id: string): boolean {
  return stableHash(id) % 3 === 0
}

/**
 * The manifest a demo agency submits for its typed-contract service: the
 * catalog fields plus a realistic 办事指南, support, privacy and the fixtures
 * the conformance suite needs, pointing at the agency's simulated endpoint.
 */
export function demoManifest(service: NewService, endpoint: string): ServiceManifest {
  const contract = service.contract as TypedContract
  const transactions = service.items.filter((i) => i.kind === 'transaction')
  const fees = FEES[contract]
  const extras = !skipsExtras(service.id)
  return {
    id: service.id,
    name: service.name,
    summary: service.summary,
    icon: service.icon,
    domain: service.domain,
    type: service.type,
    coverage: service.coverage,
    // Demo items carry key items from the published list (key-industry.ts), as the review of the manifest checks.
    items: service.items.map((i) => ({ id: i.id, name: i.name, kind: i.kind, ...(i.keyItem ? { keyItem: i.keyItem as KeyItem } : {}) })),
    contract,
    endpoint,
    docs: { materials: transactions.length ? ['居民身份证'] : [], fees: fees ?? '免费', timeLimit: '即时办结' },
    support: { hotline: '12345', online: `https://www.example.gov.cn/help/${service.id}` },
    privacy: { noticeUrl: `https://www.example.gov.cn/privacy/${service.id}`, dataUsed: DATA_USED[contract] },
    payments: fees ? { takesPayments: true, feeItems: transactions.map((i) => i.id) } : { takesPayments: false },
    records: { keepsRecords: true, exposesProgress: true },
    notify: { subscribeMessage: extras },
    feedback: { takesRatings: true, answersBadRatings: extras },
    elderFriendly: extras,
    realNameRequired: true,
    adsFree: true,
    fixtures: FIXTURES[contract],
  }
}

import type { KeyItem } from '../../src/domain/key-industry'
import type { NewService } from '../modules/catalog/repository'
import { type TypedContract, contractById } from '../contracts'
import type { ServiceManifest } from '../modules/onboarding/manifest-schema'
import { stableHash } from './stable-hash'

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
  const { demo } = contractById(contract)
  const transactions = service.items.filter((i) => i.kind === 'transaction')
  const fees = demo.fees
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
    privacy: { noticeUrl: `https://www.example.gov.cn/privacy/${service.id}`, dataUsed: demo.dataUsed },
    payments: fees ? { takesPayments: true, feeItems: transactions.map((i) => i.id) } : { takesPayments: false },
    records: { keepsRecords: true, exposesProgress: true },
    notify: { subscribeMessage: extras },
    feedback: { takesRatings: true, answersBadRatings: extras },
    elderFriendly: extras,
    realNameRequired: true,
    adsFree: true,
    fixtures: demo.fixtures as ServiceManifest['fixtures'],
  }
}

import type { Contract } from '../../../server/modules/onboarding/manifest-schema'

/** A manifest as an agency would send it: plain JSON, loosely typed so tests can break it. */
export type RawManifest = Record<string, any>

const FIXTURES: Record<Contract, RawManifest | undefined> = {
  'traffic@1': { plate: '川A12345', plateType: '02', engineTail: '12345A' },
  'social-security@1': { name: '张三', idNumber: '51060019900101001X' },
  'housing-fund@1': { name: '张三', idNumber: '510600199001010011' },
  'hospital@1': { hospitalId: 'dy-people-1', patient: { name: '李四', idNumber: '510600198505050022' } },
  'identity@1': { name: '王五', idNumber: '110101200001010033' },
  'payment@1': { amountFen: 100 },
  webview: undefined,
  miniprogram: undefined,
}

// Domain and items that fit each contract (keyItem only where the domain is its industry).
const SHAPES: Record<Contract, Pick<RawManifest, 'id' | 'name' | 'domain' | 'type' | 'items'>> = {
  'traffic@1': {
    id: 'deyang-traffic',
    name: '德阳交警',
    domain: 'traffic',
    type: 'vehicle',
    items: [
      { id: 'violations', name: '机动车违法查询', kind: 'query', keyItem: '机动车违法查询' },
      { id: 'pay-fine', name: '交通违法缴款', kind: 'transaction', keyItem: '交通违法缴款' },
      { id: 'points', name: '驾驶人记分查询', kind: 'query', keyItem: '驾驶人记分查询' },
    ],
  },
  'social-security@1': {
    id: 'sc-social-security',
    name: '四川人社',
    domain: 'social-security',
    type: 'government',
    items: [
      { id: 'insured', name: '参保信息查询', kind: 'query', keyItem: '参保信息查询' },
      { id: 'e-card', name: '电子社保卡', kind: 'transaction', keyItem: '电子社保卡' },
    ],
  },
  'housing-fund@1': {
    id: 'deyang-housing-fund',
    name: '德阳公积金',
    domain: 'housing-fund',
    type: 'government',
    items: [
      { id: 'account', name: '账户查询', kind: 'query', keyItem: '账户查询' },
      { id: 'withdraw', name: '提取申请', kind: 'transaction', keyItem: '提取申请' },
    ],
  },
  'hospital@1': {
    id: 'deyang-people-hospital',
    name: '德阳市人民医院',
    domain: 'medical',
    type: 'life',
    items: [
      { id: 'booking', name: '预约挂号', kind: 'transaction', keyItem: '预约挂号' },
      { id: 'reports', name: '检查报告查询', kind: 'query', keyItem: '检查报告查询' },
    ],
  },
  'identity@1': {
    id: 'gov-identity',
    name: '实名认证',
    domain: 'household',
    type: 'government',
    items: [{ id: 'verify', name: '身份核验', kind: 'query' }],
  },
  'payment@1': {
    id: 'city-utilities',
    name: '生活缴费',
    domain: 'utilities',
    type: 'life',
    items: [
      { id: 'water', name: '水费缴纳', kind: 'transaction' },
      { id: 'power', name: '电费缴纳', kind: 'transaction' },
    ],
  },
  webview: {
    id: 'deyang-library',
    name: '德阳图书馆',
    domain: 'culture',
    type: 'life',
    items: [{ id: 'books', name: '馆藏查询', kind: 'query' }],
  },
  miniprogram: {
    id: 'metro-code',
    name: '地铁乘车码',
    domain: 'public-transport',
    type: 'travel',
    items: [{ id: 'ride-code', name: '乘车码', kind: 'transaction' }],
  },
}

/** A fresh, valid manifest for the contract (a new object each call, safe to mutate). */
export function validManifest(contract: Contract = 'traffic@1'): RawManifest {
  const shape = structuredClone(SHAPES[contract])
  const hasTransactions = shape.items.some((i: RawManifest) => i.kind === 'transaction')
  const fees = shape.items.filter((i: RawManifest) => i.kind === 'transaction').map((i: RawManifest) => i.id)
  const fixtures = FIXTURES[contract]
  return {
    id: shape.id,
    name: shape.name,
    summary: `${shape.name}的在线服务`,
    icon: 'service',
    domain: shape.domain,
    type: shape.type,
    coverage: { level: 'city', code: '510600' },
    items: shape.items,
    contract,
    ...(contract === 'miniprogram'
      ? { miniprogram: { appId: 'wx0123456789abcdef', path: 'pages/index/index?from=onecity' } }
      : { endpoint: `https://${shape.id}.example.gov.cn/api` }),
    docs: { materials: hasTransactions ? ['身份证'] : [], fees: '免费', timeLimit: '即时办结' },
    support: { hotline: '0838-12345', online: 'https://help.example.gov.cn/' },
    privacy: { noticeUrl: 'https://www.example.gov.cn/privacy', dataUsed: ['姓名', '身份证号'] },
    payments: fees.length > 0 ? { takesPayments: true, feeItems: fees } : { takesPayments: false },
    records: { keepsRecords: true, exposesProgress: true },
    notify: { subscribeMessage: true },
    feedback: { takesRatings: true, answersBadRatings: true },
    elderFriendly: true,
    realNameRequired: true,
    adsFree: true,
    ...(fixtures ? { fixtures: structuredClone(fixtures) } : {}),
  }
}

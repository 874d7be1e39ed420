import type { WhoAmI } from './console-user'

// Plate prefixes by province code, so the test plate of the template looks local.
const PLATE_PREFIX: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏',
  '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂',
  '46': '琼', '50': '渝', '51': '川', '52': '贵', '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
}

function coverageFor(region: string | undefined) {
  if (region === undefined || region === 'national') return { level: 'national' as const }
  return region.length === 2 ? { level: 'province' as const, code: region } : { level: 'city' as const, code: region }
}

/**
 * A complete, valid manifest of a traffic@1 service in the agency's region:
 * the starting point of "提交新服务", so an agency edits values instead of
 * learning the structure from the schema. Placeholders are example.gov.cn URLs.
 */
export function manifestTemplate(user: WhoAmI): string {
  const agencyId = user.agencyId ?? 'my-agency'
  const region = user.agency?.region
  const plate = `${PLATE_PREFIX[region?.slice(0, 2) ?? ''] ?? '川'}A12345`
  const manifest = {
    id: `${agencyId.slice(0, 48)}-violations`,
    name: '交通违法处理',
    summary: '机动车违法查询、罚款缴纳和驾驶人记分查询',
    icon: 'traffic',
    domain: 'traffic',
    type: 'vehicle',
    coverage: coverageFor(region),
    items: [
      { id: 'violations', name: '机动车违法查询', kind: 'query', keyItem: '机动车违法查询' },
      { id: 'pay-fine', name: '交通违法缴款', kind: 'transaction', keyItem: '交通违法缴款' },
      { id: 'points', name: '驾驶人记分查询', kind: 'query', keyItem: '驾驶人记分查询' },
    ],
    contract: 'traffic@1',
    endpoint: 'https://traffic.example.gov.cn/onecity',
    docs: { materials: ['机动车行驶证', '机动车驾驶证'], fees: '查询免费；罚款按处罚决定书金额缴纳', timeLimit: '即时办结' },
    support: { hotline: '12345', online: 'https://www.example.gov.cn/help' },
    privacy: { noticeUrl: 'https://www.example.gov.cn/privacy', dataUsed: ['车牌号', '发动机号后6位', '驾驶证号'] },
    payments: { takesPayments: true, feeItems: ['pay-fine'] },
    records: { keepsRecords: true, exposesProgress: true },
    notify: { subscribeMessage: true },
    feedback: { takesRatings: true, answersBadRatings: true },
    elderFriendly: true,
    realNameRequired: true,
    adsFree: true,
    // A test driver whose licence number is a valid GB 11643 ID number (check digit included).
    fixtures: { plate, plateType: '02', engineTail: '12345A', licenceNo: '510600199001010010' },
  }
  return JSON.stringify(manifest, null, 2)
}

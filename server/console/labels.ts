import { DOMAINS, SERVICE_TYPES } from '../../src/domain/catalog'

// Chinese names for the API's codes. An unknown code (the API grows faster than
// the console) is shown as the code itself rather than hidden.
const lookup = (table: Record<string, string>) => (code: string | null | undefined) =>
  code == null ? '—' : (Object.hasOwn(table, code) ? table[code]! : code)

/** Console labels for every code the pages show, one function per kind of code. */
export const labels = {
  role: lookup({ agency: '机构', operator: '运营人员', analyst: '分析人员' }),
  serviceStatus: lookup({ draft: '草稿', 'in-review': '审核中', listed: '已上架', rejected: '已驳回', suspended: '已暂停' }),
  submissionStatus: lookup({ 'in-review': '审核中', listed: '已上架', rejected: '已驳回', superseded: '已被新提交取代' }),
  reviewStatus: lookup({ queued: '排队中', running: '审核进行中', done: '已完成', error: '审核出错' }),
  reviewTrigger: lookup({ submit: '提交后自动审核', schedule: '定期复审', manual: '手动发起' }),
  outcome: lookup({ pass: '通过', fail: '未通过', 'not-applicable': '不适用' }),
  domain: lookup(DOMAINS),
  serviceType: lookup(SERVICE_TYPES),
  itemKind: lookup({ query: '查询', transaction: '办理' }),
  coverageLevel: lookup({ city: '市级', province: '省级', national: '全国' }),
  auditAction: lookup({
    'service.submit': '提交服务清单',
    'service.list': '上架',
    'service.reject': '驳回',
    'service.suspend': '暂停服务',
    'service.review': '发起复审',
    'rating.appeal': '机构申诉差评',
    'rating.appeal.upheld': '申诉裁定：维持评价',
    'rating.appeal.voided': '申诉裁定：评价作废',
  }),
}

import type { ContractDemo } from '../contract-descriptor'
import type { UtilitiesFixturesSchema } from './fixtures'

/**
 * What the demo utilities services declare, and their tile (key `utilities`,
 * replacing the web-view tile of that key). The demo household's 户号 ends
 * in an odd digit, so the simulated companies give it two or three months of
 * arrears (mock/utilities/households.ts).
 */
export const UTILITIES_DEMO: ContractDemo<typeof UtilitiesFixturesSchema> = {
  fixtures: { providerId: 'water', accountNo: '3100012345' },
  dataUsed: ['户号', '户名（打码）', '用水用电用气量'],
  fees: '按账单金额缴纳；逾期按日加收欠费金额 0.1% 的违约金（不超过欠费本身）',
  template: {
    key: 'utilities', name: '生活缴费', summary: '水费、电费、燃气费查询与缴纳，预付费电表充值', icon: 'utilities', domain: 'utilities', type: 'life', agency: '公用事业服务中心',
    items: [['水费缴纳', 'transaction'], ['电费缴纳', 'transaction'], ['燃气费缴纳', 'transaction'], ['账单查询', 'query'], ['电费充值', 'transaction']],
  },
}

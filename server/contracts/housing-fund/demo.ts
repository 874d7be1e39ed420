import type { ContractDemo } from '../contract-descriptor'
import { DEMO_PERSON } from '../demo-person'
import type { PersonFixturesSchema } from '../fixture-fields'

/** What the demo housing-fund centres declare: a person the simulated agency knows, the data used, the tile. */
export const HOUSING_FUND_DEMO: ContractDemo<typeof PersonFixturesSchema> = {
  fixtures: DEMO_PERSON,
  dataUsed: ['姓名', '身份证号', '公积金账户'],
  template: {
    key: 'housing-fund', name: '公积金', summary: '账户余额、缴存明细、提取与贷款', icon: 'housing-fund', domain: 'housing-fund', type: 'government', agency: '住房公积金管理中心',
    items: [['账户查询', 'query', '账户查询'], ['缴存明细', 'query', '缴存明细'], ['提取申请', 'transaction', '提取申请'], ['贷款查询与试算', 'query', '贷款查询与试算']],
  },
}

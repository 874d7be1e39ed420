import type { ContractDemo } from '../contract-descriptor'
import { DEMO_PERSON } from '../demo-person'
import type { PersonFixturesSchema } from '../fixture-fields'

/** What the demo registry declares: a person to verify, the data used, its (national, not shown) tile. */
export const IDENTITY_DEMO: ContractDemo<typeof PersonFixturesSchema> = {
  fixtures: DEMO_PERSON,
  dataUsed: ['姓名', '身份证号'],
  template: {
    key: 'identity', name: '实名核验', summary: '公安人口信息实名核验', icon: 'household', domain: 'household', type: 'government', agency: '公安部人口信息实名核验中心',
    items: [['身份信息核验', 'query']],
  },
}

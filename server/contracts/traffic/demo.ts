import type { ContractDemo } from '../contract-descriptor'
import { DEMO_PERSON } from '../demo-person'
import type { TrafficFixturesSchema } from './fixtures'

/** What the demo traffic police declare: a vehicle the simulated agency knows, the data used, the fees, the tile. */
export const TRAFFIC_DEMO: ContractDemo<typeof TrafficFixturesSchema> = {
  fixtures: { plate: '川A12345', plateType: '02', engineTail: '12345A', licenceNo: DEMO_PERSON.idNumber },
  dataUsed: ['号牌号码', '发动机号后6位', '驾驶证号'],
  fees: '罚款及滞纳金依法缴纳（滞纳金每日按罚款额 3% 计，不超过罚款本身）',
  template: {
    key: 'traffic', name: '交通违法', summary: '违法查询、罚款缴纳、驾驶证记分', icon: 'traffic', domain: 'traffic', type: 'vehicle', agency: '公安局交通警察支队',
    items: [['机动车违法查询', 'query', '机动车违法查询'], ['交通违法缴款', 'transaction', '交通违法缴款'], ['驾驶人记分查询', 'query', '驾驶人记分查询']],
  },
}

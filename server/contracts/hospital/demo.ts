import type { ContractDemo } from '../contract-descriptor'
import { DEMO_PERSON } from '../demo-person'
import type { HospitalFixturesSchema } from './fixtures'

/** What the demo health commissions declare: a campus the simulated agency has, the data used, the fees, the tile. */
export const HOSPITAL_DEMO: ContractDemo<typeof HospitalFixturesSchema> = {
  fixtures: { hospitalId: 'people-1', patient: DEMO_PERSON },
  dataUsed: ['姓名', '身份证号', '就诊记录'],
  fees: '挂号费按医生职称收取，门诊费用按医保规定结算',
  template: {
    key: 'hospital', name: '预约挂号', summary: '市属医院预约挂号、门诊缴费、报告查询', icon: 'medical', domain: 'medical', type: 'life', agency: '卫生健康委员会',
    items: [['预约挂号', 'transaction', '预约挂号'], ['门诊缴费', 'transaction', '门诊缴费'], ['检查报告查询', 'query', '检查报告查询'], ['就诊卡办理', 'transaction', '就诊卡办理']],
  },
}

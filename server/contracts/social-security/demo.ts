import type { ContractDemo } from '../contract-descriptor'
import { DEMO_PERSON } from '../demo-person'
import type { PersonFixturesSchema } from '../fixture-fields'

/** What the demo human-resources bureaus declare: a person the simulated agency knows, the data used, the tile. */
export const SOCIAL_SECURITY_DEMO: ContractDemo<typeof PersonFixturesSchema> = {
  fixtures: DEMO_PERSON,
  dataUsed: ['姓名', '身份证号', '参保记录'],
  template: {
    key: 'social-security', name: '社保服务', summary: '参保信息、缴费记录、医保余额、电子社保卡', icon: 'social-security', domain: 'social-security', type: 'government', agency: '人力资源和社会保障局',
    items: [['参保信息查询', 'query', '参保信息查询'], ['缴费记录查询', 'query', '缴费记录查询'], ['医保余额查询', 'query', '医保余额查询'], ['电子社保卡', 'transaction', '电子社保卡']],
  },
}

import type { ContractDemo } from '../contract-descriptor'
import type { PaymentFixturesSchema } from './fixtures'

/** What the demo payment provider declares: a small test amount, no personal data, its (national, not shown) tile. */
export const PAYMENT_DEMO: ContractDemo<typeof PaymentFixturesSchema> = {
  fixtures: { amountFen: 100 },
  dataUsed: [],
  template: {
    key: 'pay', name: '微信支付', summary: '政务缴费在线支付', icon: 'utilities', domain: 'other', type: 'life', agency: '财付通支付科技有限公司',
    items: [['在线支付', 'transaction']],
  },
}

import type { ProviderT } from '../../server/contracts/utilities'
import type { TenantCity } from '../shared/tenant-city'

/**
 * A city's three utility companies, named after it. Only electricity offers
 * prepaid top-up (预付费电表); the ids are the kinds, as the demo fixtures use.
 */
export function providersOf(city: TenantCity): ProviderT[] {
  return [
    { id: 'water', kind: 'water', name: `${city.fullName}自来水有限公司`, unit: '吨', prepaid: false },
    { id: 'electricity', kind: 'electricity', name: `国网${city.name}供电公司`, unit: '千瓦时', prepaid: true },
    { id: 'gas', kind: 'gas', name: `${city.fullName}燃气有限公司`, unit: '立方米', prepaid: false },
  ]
}

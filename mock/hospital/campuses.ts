import type { HospitalT } from '../../src/api/hospital'
import type { City } from '../../src/domain/city'
import { seeded } from '../shared/seeded'
import { cityOfTenant } from '../shared/tenant-city'

/** A campus as the simulated hospital runs it: the public listing plus the key its departments and doctors derive from. */
export interface Campus extends HospitalT {
  /** `<city code>.<campus id>`: the same campus id in two cities has different doctors. */
  key: string
}

const STREETS = ['人民路', '解放路', '中山路', '建设路', '健康路', '文化路', '长江路', '黄河路', '和平路', '新华路']

/**
 * Three campuses per city, with the booking rules real hospitals use: the
 * first people's hospital opens 7 days at 08:00 and lets you cancel until
 * 17:00 the day before; the TCM hospital opens 14 days at 15:00, cancels
 * until 2 hours before and keeps holiday clinics; the second people's
 * hospital opens 7 days at 07:00 and cancels until 24 hours before.
 */
export function campusesOf(city: Pick<City, 'code' | 'fullName' | 'provinceName'>): Campus[] {
  const rng = seeded('hospital-campuses', city.code)
  const province = city.provinceName === city.fullName ? '' : city.provinceName
  const address = () => `${province}${city.fullName}${rng.pick(STREETS)}${rng.int(1, 300)}号`
  const phone = () => `0${rng.digits(3)}-${rng.int(2, 8)}${rng.digits(6)}`
  const campus = (id: string, name: string, level: string, rules: HospitalT['rules']): Campus => ({
    id,
    key: `${city.code}.${id}`,
    name,
    level,
    address: address(),
    phone: phone(),
    rules,
  })
  return [
    campus('people-1', `${city.fullName}第一人民医院`, '三级甲等', { windowDays: 7, releaseTime: '08:00', cancelRule: { daysBefore: 1, at: '17:00' }, holidayClinics: false }),
    campus('tcm', `${city.fullName}中医医院`, '三级甲等', { windowDays: 14, releaseTime: '15:00', cancelRule: { hoursBefore: 2 }, holidayClinics: true }),
    campus('people-2', `${city.fullName}第二人民医院`, '三级乙等', { windowDays: 7, releaseTime: '07:00', cancelRule: { hoursBefore: 24 }, holidayClinics: false }),
  ]
}

/** The campuses of the city a demo tenant (`<city slug>-hospital`) serves; 德阳's for any other tenant. */
export function campusesForTenant(tenantId = ''): Campus[] {
  return campusesOf(cityOfTenant(tenantId, 'hospital'))
}

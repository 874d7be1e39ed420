/**
 * SQL for where a service belongs as a citizen names it: its city's name,
 * its province's for a province-wide service, 全国 for a national one.
 * `services` is the alias of the services table in the query.
 */
export function servicePlaceSql(services: string): string {
  return `COALESCE(
    (SELECT name FROM cities WHERE ${services}.coverage_level = 'city' AND code = ${services}.coverage_code),
    (SELECT province_name FROM cities WHERE ${services}.coverage_level = 'province' AND province_code = ${services}.coverage_code LIMIT 1),
    '全国')`
}

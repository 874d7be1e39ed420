/**
 * Bills grouped by calendar year, newest year first and newest month first
 * within it, as the bills page lists them.
 */
export function billsByYear<B extends { month: string }>(bills: readonly B[]): { year: string; bills: B[] }[] {
  const years = new Map<string, B[]>()
  for (const bill of [...bills].sort((a, b) => b.month.localeCompare(a.month))) {
    const year = bill.month.slice(0, 4)
    years.set(year, [...(years.get(year) ?? []), bill])
  }
  return [...years].map(([year, list]) => ({ year, bills: list }))
}

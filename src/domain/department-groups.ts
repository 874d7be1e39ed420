export interface DepartmentGroup<D> {
  category: string
  departments: D[]
}

/** Departments under their 科室大类 (内科, 外科…), categories in the order the hospital lists them first. */
export function groupDepartments<D extends { category: string }>(departments: readonly D[]): DepartmentGroup<D>[] {
  const groups = new Map<string, D[]>()
  for (const d of departments) {
    const category = d.category.trim() || '其他'
    groups.set(category, [...(groups.get(category) ?? []), d])
  }
  return [...groups.entries()].map(([category, list]) => ({ category, departments: list }))
}

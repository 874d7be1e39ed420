/** The bureau has no record of the citizen (404 PERSON_NOT_FOUND): no 重试 could change that. */
export const NOT_INSURED: Record<string, string> = { PERSON_NOT_FOUND: '未查询到你在本市的参保信息' }

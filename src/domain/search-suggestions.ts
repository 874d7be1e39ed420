import type { GroupedCatalog } from './catalog'
import { searchCatalog } from './search-services'

/** Everyday searches to offer when a search finds nothing, most asked first. */
const SUGGESTED_WORDS = ['违章', '挂号', '社保', '公积金', '水费', '出入境', '个税', '天气', '公交'] as const

/**
 * Searches to suggest when one found nothing: the everyday words that do find
 * a service in this city's catalog (so a suggestion never leads to another
 * empty page), at most `limit`.
 */
export function suggestSearches(catalog: GroupedCatalog, limit = 5): string[] {
  return SUGGESTED_WORDS.filter((word) => searchCatalog(catalog, word).length > 0).slice(0, limit)
}

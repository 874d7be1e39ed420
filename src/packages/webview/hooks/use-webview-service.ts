import type { CatalogService } from '../../../domain/catalog'
import { useRemote } from '../../../hooks/use-remote'
import { getCatalog } from '../../../services/api'

/**
 * The web-view service `id` as the city's catalog lists it now (its page and
 * availability): the page to show comes from the catalog, never from the
 * link, so a crafted link cannot frame another site inside the app.
 */
export function useWebviewService(id: string, city: string) {
  return useRemote(async (): Promise<CatalogService | undefined> => {
    const catalog = await getCatalog(city)
    return [...catalog.local, ...catalog.national].flatMap((g) => g.services).find((s) => s.id === id && s.webview !== undefined)
  }, [id, city])
}

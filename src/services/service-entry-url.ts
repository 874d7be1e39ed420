import type { CatalogService } from '../domain/catalog'
import { SUBPACKAGES } from '../packages/subpackages'

/** The app's own page for a catalog service, by its contract (src/packages/subpackages.ts); undefined while the app has none for it. */
export function serviceEntryUrl(service: Pick<CatalogService, 'id' | 'name' | 'contract'>): string | undefined {
  return SUBPACKAGES.find((p) => p.contract === service.contract)?.entry?.(service)
}

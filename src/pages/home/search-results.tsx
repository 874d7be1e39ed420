import { Text, View } from '@tarojs/components'
import { Pressable } from '../../components/pressable'
import { Section } from '../../components/section'
import { ServiceTile } from '../../components/service-tile'
import type { CatalogService, GroupedCatalog } from '../../domain/catalog'
import type { SearchHit } from '../../domain/search-services'
import { suggestSearches } from '../../domain/search-suggestions'

interface SearchResultsProps {
  query: string
  hits: SearchHit[]
  catalog: GroupedCatalog
  /** Searches for a suggested word (it replaces the query, as if typed). */
  onSearch: (query: string) => void
  onOpen: (service: CatalogService) => void
}

/** Why a result is listed when its name does not say so: the matching item, and 全国服务 for national ones. */
function hitNote(hit: SearchHit): string {
  return [hit.local ? '' : '全国服务', hit.item ? `相关事项：${hit.item}` : ''].filter(Boolean).join(' · ')
}

/**
 * The home page while searching: the matches best first, each saying why it
 * is listed; when nothing matches, what was typed, words that do find
 * something in this city, and the national services to look through.
 */
export function SearchResults({ query, hits, catalog, onSearch, onOpen }: SearchResultsProps) {
  if (hits.length === 0) return <NothingFound query={query.trim()} catalog={catalog} onSearch={onSearch} onOpen={onOpen} />
  return (
    <>
      <View className="home-search-result" role="status">{`找到 ${hits.length} 项服务`}</View>
      <Section id="home-results-title" className="home-section card" titleClassName="section-title" title="搜索结果">
        <View className="search-results">
          {hits.map((hit) => (
            <View key={hit.service.id} className="search-result">
              <ServiceTile service={hit.service} layout="row" onOpen={onOpen} />
              {hitNote(hit) && <Text className="search-result__note">{hitNote(hit)}</Text>}
            </View>
          ))}
        </View>
      </Section>
    </>
  )
}

function NothingFound({ query, catalog, onSearch, onOpen }: { query: string; catalog: GroupedCatalog } & Pick<SearchResultsProps, 'onSearch' | 'onOpen'>) {
  const suggestions = suggestSearches(catalog)
  const national = catalog.national.flatMap((g) => g.services)
  return (
    <>
      <View className="home-search-result" role="status">{`没有找到与“${query}”相关的服务`}</View>
      <View className="home-section card search-empty">
        <Text className="search-empty__hint">换个说法试试，例如输入办什么事（违章、挂号、水费），或服务名称的拼音、首字母（gjj）</Text>
        {suggestions.length > 0 && (
          <View className="search-empty__words" role="group" aria-label="试试这些搜索">
            {suggestions.map((word) => (
              <Pressable key={word} className="search-empty__word" onPress={() => onSearch(word)}>
                {word}
              </Pressable>
            ))}
          </View>
        )}
      </View>
      {national.length > 0 && (
        <Section id="home-results-national-title" className="home-section card" titleClassName="section-title" title="看看全国服务">
          <View className="search-results">
            {national.map((service) => (
              <View key={service.id} className="search-result">
                <ServiceTile service={service} layout="row" onOpen={onOpen} />
              </View>
            ))}
          </View>
        </Section>
      )}
    </>
  )
}

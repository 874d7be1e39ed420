import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { Pressable } from '../../components/pressable'
import { SearchBox } from '../../components/search-box'
import { Section } from '../../components/section'
import { PrivacyNotice } from '../../components/privacy-notice'
import { ErrorView, EmptyView, LoadingView } from '../../components/status-view'
import { groupCitiesByLetter, HOT_CITY_CODES, pickCities } from '../../domain/city-index'
import type { City } from '../../domain/city'
import { searchCities } from '../../domain/search-cities'
import { useCities } from '../../hooks/use-cities'
import { locateNearestCity } from '../../services/location'
import { goBackOrHome, openPrivacyPolicy, showNotice } from '../../services/navigation'
import { setCurrentCity, useCityStore } from '../../stores/city-store'
import { agreeToPrivacyNotice, refusePrivacyNotice, selectMayCollect, useConsentStore } from '../../stores/consent-store'
import { usePageClass } from '../../hooks/use-care-mode'
import './index.scss'

const MAX_RESULTS = 50

function letterAnchor(letter: string): string {
  return `city-letter-${letter}`
}

function choose(city: City, source: 'location' | 'picker' = 'picker'): void {
  setCurrentCity(city, source)
  goBackOrHome()
}

function CityButton({ city, current }: { city: City; current: boolean }) {
  return (
    <Pressable className="city-chip" current={current} onPress={() => choose(city)}>
      {city.name}
    </Pressable>
  )
}

export default function CityPage() {
  const pageClass = usePageClass('page city-page')
  const cities = useCities()
  const currentCity = useCityStore((s) => s.current)
  const mayLocate = useConsentStore(selectMayCollect)
  const [query, setQuery] = useState('')
  const [locating, setLocating] = useState(false)
  const [askConsent, setAskConsent] = useState(false)

  const all = cities.status === 'ready' ? cities.cities : []
  const results = useMemo(() => (query.trim() ? searchCities(all, query, MAX_RESULTS) : []), [all, query])
  const hot = useMemo(() => pickCities(all, HOT_CITY_CODES), [all])
  const letters = useMemo(() => groupCitiesByLetter(all), [all])
  const searching = query.trim() !== ''

  const locate = () => {
    setLocating(true)
    locateNearestCity()
      .then((city) => choose(city, 'location'))
      .catch(() => showNotice('无法获取你的位置，请手动选择城市'))
      .finally(() => setLocating(false))
  }
  const onLocatePress = () => {
    if (locating) return
    if (mayLocate) locate()
    else setAskConsent(true)
  }
  const scrollToLetter = (letter: string) => {
    void Taro.pageScrollTo({ selector: `#${letterAnchor(letter)}`, duration: 0 })
  }

  return (
    <View className={pageClass} role="main">
      <View className="city-page__title" role="heading" aria-level={1}>
        选择城市
      </View>
      <SearchBox className="city-search" value={query} onChange={setQuery} placeholder="搜索城市：中文、拼音或首字母" label="搜索城市" />

      {cities.status === 'loading' && <LoadingView text="正在加载城市列表…" />}
      {cities.status === 'error' && <ErrorView message={cities.message} onRetry={cities.retry} />}

      {cities.status === 'ready' && searching && (
        <View className="city-results" role="region" aria-label="搜索结果">
          <View className="city-results__count" role="status">
            {results.length > 0 ? `找到 ${results.length} 个城市` : `没有找到“${query.trim()}”，试试拼音或首字母`}
          </View>
          {results.map((city) => (
            <Pressable key={city.code} className="city-row" current={city.code === currentCity?.code} onPress={() => choose(city)}>
              <Text className="city-row__name">{city.name}</Text>
              <Text className="city-row__province">{city.provinceName}</Text>
            </Pressable>
          ))}
        </View>
      )}

      {cities.status === 'ready' && !searching && (
        <>
          <Section id="city-located-title" className="city-section" titleClassName="city-section__title" title="当前定位">
            <View className="city-located">
              <Text className="city-located__current">{currentCity ? `当前城市：${currentCity.name}` : '尚未选择城市'}</Text>
              <Pressable className="button button--secondary city-located__button" disabled={locating} onPress={onLocatePress}>
                {locating ? '正在定位…' : '使用我的位置'}
              </Pressable>
            </View>
          </Section>

          <Section id="city-hot-title" className="city-section" titleClassName="city-section__title" title="热门城市">
            <View className="city-grid">
              {hot.map((city) => (
                <CityButton key={city.code} city={city} current={city.code === currentCity?.code} />
              ))}
            </View>
          </Section>

          <Section id="city-all-title" className="city-section" titleClassName="city-section__title" title="全部城市">
            {letters.length === 0 && <EmptyView text="暂无城市" />}
            {letters.map((group) => (
              <View key={group.letter} className="city-letter" role="group" aria-labelledby={letterAnchor(group.letter)}>
                <View id={letterAnchor(group.letter)} className="city-letter__title" role="heading" aria-level={3}>
                  {group.letter}
                </View>
                {group.cities.map((city) => (
                  <Pressable key={city.code} className="city-row" current={city.code === currentCity?.code} onPress={() => choose(city)}>
                    <Text className="city-row__name">{city.name}</Text>
                  </Pressable>
                ))}
              </View>
            ))}
          </Section>

          <View className="city-index" role="navigation" aria-label="按首字母跳转">
            {letters.map((group) => (
              <Pressable key={group.letter} className="city-index__letter" label={`跳到 ${group.letter}`} onPress={() => scrollToLetter(group.letter)}>
                {group.letter}
              </Pressable>
            ))}
          </View>
        </>
      )}

      {askConsent && (
        <PrivacyNotice
          onAgree={() => {
            agreeToPrivacyNotice()
            setAskConsent(false)
            locate()
          }}
          onRefuse={() => {
            refusePrivacyNotice()
            setAskConsent(false)
            showNotice('未获取位置，请手动选择城市')
          }}
          onReadPolicy={openPrivacyPolicy}
        />
      )}
    </View>
  )
}

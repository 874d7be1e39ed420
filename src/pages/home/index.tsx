import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { lazy, Suspense, useMemo, useState } from 'react'
import type { MiniProgramSheetProps } from '../../components/mini-program-sheet'
import { ErrorView, EmptyView, LoadingView } from '../../components/status-view'
import { Pressable } from '../../components/pressable'
import { SearchBox } from '../../components/search-box'
import { Section } from '../../components/section'
import { PrivacyNotice } from '../../components/privacy-notice'
import { ServiceTile, type ServiceTileLayout } from '../../components/service-tile'
import type { CatalogService, DomainGroup } from '../../domain/catalog'
import { summarizeCatalog } from '../../domain/catalog-summary'
import { searchCatalog } from '../../domain/search-services'
import { pickRecentServices } from '../../domain/recent-services'
import { useCatalog } from '../../hooks/use-catalog'
import { useLaunchFlow } from '../../hooks/use-launch-flow'
import { openCityPicker, openPage, openPrivacyPolicy } from '../../services/navigation'
import { serviceOpening } from '../../services/service-opening'
import { recordServiceOpen } from '../../services/usage-reporter'
import { useCityStore } from '../../stores/city-store'
import { agreeToPrivacyNotice, refusePrivacyNotice } from '../../stores/consent-store'
import { answerWechatPrivacyRequest, useWechatPrivacyRequest } from '../../services/wechat-privacy'
import { recordServiceUse, selectRecentIds, useRecentStore } from '../../stores/recent-store'
import { SearchResults } from './search-results'
import { usePageClass } from '../../hooks/use-care-mode'
import { useUnreadBadge } from '../../hooks/use-unread-badge'
import './index.scss'

// H5 only, loaded on the first tap of a mini-program tile: WeChat opens mini-programs itself, and neither
// build's first load carries the sheet or its QR code.
const MiniProgramSheet = process.env.TARO_ENV === 'h5' ? lazy(() => import('../../components/mini-program-sheet')) : undefined

// Groups share rows of four: a domain with n services takes n columns (wrapping after four).
const GRID_COLUMNS = 4

function DomainGroups({
  groups,
  sectionId,
  layout,
  onOpen,
}: {
  groups: DomainGroup[]
  sectionId: string
  layout: ServiceTileLayout
  onOpen: (service: CatalogService) => void
}) {
  return (
    <View className={`domain-groups domain-groups--${layout}`}>
      {groups.map((group) => (
        <View
          key={group.domain}
          className={`domain-group domain-group--span-${Math.min(group.services.length, GRID_COLUMNS)}`}
          aria-labelledby={`${sectionId}-${group.domain}`}
          role="group"
        >
          <View id={`${sectionId}-${group.domain}`} className="domain-group__title" role="heading" aria-level={3}>
            {group.label}
          </View>
          <View className="domain-group__grid">
            {group.services.map((service) => (
              <ServiceTile key={service.id} service={service} layout={layout} onOpen={onOpen} />
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}

export default function HomePage() {
  const pageClass = usePageClass('page home')
  // The 我的 tab's badge shows unread 消息 from the first screen.
  useUnreadBadge()
  const city = useCityStore((s) => s.current)
  const { step, locating } = useLaunchFlow()
  const catalog = useCatalog(city?.code)
  const [query, setQuery] = useState('')
  const recentIds = useRecentStore((s) => selectRecentIds(s, city?.code))
  const wechatAsking = useWechatPrivacyRequest((s) => s.asking)

  const recent = useMemo(
    () => (catalog.status === 'ready' ? pickRecentServices(recentIds, catalog.catalog) : []),
    [catalog, recentIds],
  )

  const searching = query.trim() !== ''
  const hits = useMemo(() => (catalog.status === 'ready' && searching ? searchCatalog(catalog.catalog, query) : []), [catalog, query, searching])
  const hasLocal = catalog.status === 'ready' && catalog.catalog.local.length > 0

  const [sheet, setSheet] = useState<MiniProgramSheetProps>()
  // Every tile opens something: its page, the agency's page, the other mini-program, or why it cannot now
  // (维护中, 暂停服务: explained, and neither remembered in 最近使用 nor counted as a use).
  const openService = (service: CatalogService) => {
    if (!city) return
    const opening = serviceOpening(service, city.code, Date.now())
    if (opening.kind === 'explain') {
      void Taro.showModal({ title: opening.title, content: opening.content, showCancel: false, confirmText: '知道了' })
      return
    }
    recordServiceUse(city.code, service.id)
    recordServiceOpen(service, city.code, opening.kind === 'page')
    if (opening.kind !== 'miniprogram') openPage(opening.url)
    else if (process.env.TARO_ENV === 'h5') setSheet({ name: service.name, target: opening, onClose: () => setSheet(undefined) })
    else void Taro.navigateToMiniProgram({ appId: opening.appId, path: opening.path })
  }

  return (
    <View className={pageClass}>
      <View className="home-header" role="banner">
        <View className="home-title" role="heading" aria-level={1}>
          <Pressable className="home-city" onPress={openCityPicker}>
            <Text className="home-city-name">{city ? city.name : '选择城市'}</Text>
            {city && <Text className="home-city-switch">切换城市</Text>}
          </Pressable>
        </View>
        {city && catalog.status === 'ready' ? (
          <Text className="home-subtitle home-summary">{summarizeCatalog(catalog.catalog)}</Text>
        ) : (
          <Text className="home-subtitle">城市服务 · 一站办理</Text>
        )}
      </View>

      {city && (
        <SearchBox className="home-search" value={query} onChange={setQuery} placeholder={`搜索${city.name}的服务`} label="搜索服务" />
      )}

      <View className="home-main" role="main">
        {!city && (locating || step === 'ask-consent' || step === 'locate') && <LoadingView text={locating ? '正在定位你所在的城市…' : '正在准备…'} />}
        {!city && !locating && step === 'pick-city' && (
          <View className="home-no-city">
            <EmptyView text="请选择你所在的城市，查看当地的服务" />
            <Pressable className="button button--primary" onPress={openCityPicker}>
              选择城市
            </Pressable>
          </View>
        )}

        {city && catalog.status === 'loading' && <LoadingView text="正在加载服务…" />}
        {city && catalog.status === 'error' && <ErrorView message={catalog.message} onRetry={catalog.retry} />}

        {city && catalog.status === 'ready' && searching && (
          <SearchResults query={query} hits={hits} catalog={catalog.catalog} onSearch={setQuery} onOpen={openService} />
        )}

        {city && catalog.status === 'ready' && !searching && (
          <>
            {recent.length > 0 && (
              <Section id="home-recent-title" className="home-section home-recent card" titleClassName="section-title" title="最近使用">
                <View className="domain-group__grid">
                  {recent.map((service) => (
                    <ServiceTile key={service.id} service={service} onOpen={openService} />
                  ))}
                </View>
              </Section>
            )}

            <Section id="home-local-title" className="home-section card" titleClassName="section-title" title="本地服务">
              {!hasLocal && <EmptyView text={`${city.name}暂无本地服务，以下是全国服务`} />}
              <DomainGroups groups={catalog.catalog.local} sectionId="local" layout="grid" onOpen={openService} />
            </Section>

            {catalog.catalog.national.length > 0 && (
              <Section id="home-national-title" className="home-section card" titleClassName="section-title" title="全国服务">
                <DomainGroups groups={catalog.catalog.national} sectionId="national" layout="grid" onOpen={openService} />
              </Section>
            )}
          </>
        )}
      </View>

      {MiniProgramSheet && sheet && (
        <Suspense fallback={null}>
          <MiniProgramSheet {...sheet} />
        </Suspense>
      )}

      {(step === 'ask-consent' || wechatAsking) && (
        <PrivacyNotice
          onAgree={() => {
            agreeToPrivacyNotice()
            answerWechatPrivacyRequest(true)
          }}
          onRefuse={() => {
            refusePrivacyNotice()
            answerWechatPrivacyRequest(false)
          }}
          onReadPolicy={openPrivacyPolicy}
        />
      )}
    </View>
  )
}

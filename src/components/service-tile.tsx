import { Text, View } from '@tarojs/components'
import type { CatalogService, Domain } from '../domain/catalog'
import { availabilityBadge, availabilityNow, maintenanceWindowText } from '../domain/service-access'
import { Pressable } from './pressable'
import { clampStars, Stars } from './stars'

export type ServiceTileLayout = 'grid' | 'row'

// Icon colours by family of domains, so the grid reads at a glance; white on each is ≥ 5:1.
const ICON_HUES: Record<Domain, string> = {
  traffic: 'blue',
  vehicle: 'blue',
  mobility: 'blue',
  'public-transport': 'teal',
  'exit-entry': 'indigo',
  'social-security': 'orange',
  medical: 'red',
  'housing-fund': 'orange',
  tax: 'orange',
  utilities: 'teal',
  justice: 'indigo',
  household: 'indigo',
  culture: 'purple',
  education: 'purple',
  weather: 'green',
  environment: 'green',
  other: 'slate',
}

/** What a screen reader announces for a tile: "交通违法，4 星", "预约挂号，暂无评分" or "天气，暂停服务，4 星". */
export function serviceTileLabel(service: CatalogService, now: number = Date.now()): string {
  const stars = clampStars(service.stars)
  const badge = availabilityBadge(availabilityNow(service.availability, now))
  return `${service.name}，${badge ? `${badge}，` : ''}${stars === null ? '暂无评分' : `${stars} 星`}`
}

/** 维护中 with its window, or 暂停服务, in words as well as colour; nothing for a service that is open. */
function AvailabilityBadge({ service }: { service: CatalogService }) {
  const availability = availabilityNow(service.availability, Date.now())
  const badge = availabilityBadge(availability)
  if (!badge) return null
  return (
    <View className={`service-tile__badge service-tile__badge--${availability.state}`} aria-hidden="true">
      <Text className="service-tile__badge-label">{badge}</Text>
      {availability.state === 'maintenance' && <Text className="service-tile__badge-window">{maintenanceWindowText(availability)}</Text>}
    </View>
  )
}

/**
 * The round coloured glyph: the name's first character. On H5 CSS draws it
 * from data-glyph, so it is not page text: audits then see the tile's visible
 * text ("交通违法") inside its accessible name ("交通违法，4 星"), as a voice
 * control user saying the name expects. Mini-program templates keep no data-*
 * attribute for CSS, so there it is plain (hidden) text.
 */
function ServiceGlyph({ service }: { service: CatalogService }) {
  const className = `service-tile__icon service-tile__icon--${ICON_HUES[service.domain] ?? 'slate'}`
  const glyph = service.name.charAt(0)
  if (process.env.TARO_ENV === 'h5') return <View className={className} data-glyph={glyph} aria-hidden="true" />
  return (
    <View className={className} aria-hidden="true">
      {glyph}
    </View>
  )
}

/**
 * One service: a round coloured glyph, its name and its quality stars. The
 * grid tile leaves out what the service does (it is the tile's accessible
 * description instead); the row, for search results, shows it.
 */
export function ServiceTile({
  service,
  onOpen,
  layout = 'grid',
}: {
  service: CatalogService
  onOpen: (service: CatalogService) => void
  layout?: ServiceTileLayout
}) {
  return (
    <Pressable
      className={`service-tile service-tile--${layout}`}
      label={serviceTileLabel(service)}
      description={service.summary}
      onPress={() => onOpen(service)}
    >
      <ServiceGlyph service={service} />
      <View className="service-tile__body">
        <Text className="service-tile__name">{service.name}</Text>
        {layout === 'row' && <Text className="service-tile__summary">{service.summary}</Text>}
        <AvailabilityBadge service={service} />
        <Stars value={service.stars} />
      </View>
    </Pressable>
  )
}

import { Text, View } from '@tarojs/components'
import type { CatalogService } from '../domain/catalog'
import { Pressable } from './pressable'
import { Stars } from './stars'

/** One service on the home page: a glyph, its name, what it does and its quality stars. */
export function ServiceTile({ service, onOpen }: { service: CatalogService; onOpen: (service: CatalogService) => void }) {
  return (
    <Pressable className="service-tile" onPress={() => onOpen(service)}>
      <View className="service-tile__icon" aria-hidden="true">
        {service.name.charAt(0)}
      </View>
      <View className="service-tile__body">
        <Text className="service-tile__name">{service.name}</Text>
        <Text className="service-tile__summary">{service.summary}</Text>
        <Stars value={service.stars} />
      </View>
    </Pressable>
  )
}

import { Text, View } from '@tarojs/components'
import type { VehicleT } from '../../../api/citizens'
import { Pressable } from '../../../components/pressable'
import { summarizeViolations } from '../../../domain/violation-summary'
import { useRemote } from '../../../hooks/use-remote'
import { ApiError } from '../../../services/request'
import { getVehicleViolations } from '../../../services/traffic-api'

export interface VehicleCardProps {
  vehicle: VehicleT
  /** The traffic service to ask for violations; without one only the vehicle is shown. */
  service: string
  /** Changes when the page comes back into view, so the totals are asked for again. */
  round: number
  onOpen: (vehicle: VehicleT) => void
  onUnbind: (vehicle: VehicleT) => void
  onRebind: (vehicle: VehicleT) => void
}

/** A bound vehicle (masked) with its unpaid totals at the service, 解绑, and 重新绑定 when the police do not know it. */
export function VehicleCard({ vehicle, service, round, onOpen, onUnbind, onRebind }: VehicleCardProps) {
  const totals = useRemote(() => (service ? getVehicleViolations(service, vehicle.id) : Promise.resolve(null)), [service, vehicle.id, round])
  const { state } = totals
  const notFound = state.status === 'error' && state.error instanceof ApiError && state.error.code === 'VEHICLE_NOT_FOUND'

  const head = (
    <>
      <View className="list-row__top">
        <Text className="vehicle-card__plate">{vehicle.plate}</Text>
        <Text className="tag">{vehicle.plateTypeName}</Text>
      </View>
      {service && state.status === 'loading' && <Text className="list-row__text">正在查询违法记录…</Text>}
      {state.status === 'ready' && state.data && <Text className="list-row__text vehicle-card__summary">{summarizeViolations(state.data.summary)}</Text>}
    </>
  )

  return (
    <View className="vehicle-card" role="listitem">
      {service && !notFound ? (
        <Pressable className="vehicle-card__open" onPress={() => onOpen(vehicle)}>
          {head}
          <Text className="vehicle-card__more">查看违法记录 ›</Text>
        </Pressable>
      ) : (
        <View className="vehicle-card__open">{head}</View>
      )}
      {state.status === 'error' && (
        <View className="vehicle-card__problem" role="alert">
          <Text className="list-row__warn">{state.message}</Text>
          {notFound ? (
            <Pressable className="subpage-link" onPress={() => onRebind(vehicle)}>
              重新绑定
            </Pressable>
          ) : (
            <Pressable className="subpage-link" onPress={totals.retry}>
              重试
            </Pressable>
          )}
        </View>
      )}
      <View className="vehicle-card__actions">
        <Pressable className="subpage-link vehicle-card__unbind" label={`解绑 ${vehicle.plate}`} onPress={() => onUnbind(vehicle)}>
          解绑
        </Pressable>
      </View>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MeT, VehicleT } from '../../../../api/citizens'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { useServiceUsage } from '../../../../hooks/use-service-usage'
import { getMe, listVehicles, unbindVehicle } from '../../../../services/citizen-api'
import { openPage, showNotice } from '../../../../services/navigation'
import { errorMessage } from '../../../../services/request'
import { bindVehicleUrl, identityUrl, licenceUrl, violationsUrl } from '../../../../services/routes'
import { VehicleCard } from '../../components/vehicle-card'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

async function loadAccount(): Promise<{ me: MeT; vehicles: VehicleT[] }> {
  const [me, vehicles] = await Promise.all([getMe(), listVehicles()])
  return { me, vehicles }
}

async function confirmUnbind(vehicle: VehicleT): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '解绑车辆',
    content: `确定解绑 ${vehicle.plate}？解绑后需重新绑定才能查询这辆车的违法记录。`,
    confirmText: '解绑',
    cancelText: '取消',
  })
  return confirm
}

/**
 * The citizen's vehicles at a traffic service (交通违法), each with its unpaid
 * totals; 绑定车辆 (via 实名认证 when needed) and 驾驶证记分. Opened from 我的
 * without a service it lists the vehicles only.
 */
export default function TrafficHomePage() {
  const pageClass = usePageClass('page traffic-home')
  const { service, name } = useRouteParams('service', 'name')
  useServiceUsage(service)
  const account = useRemote(loadAccount, [])
  const [round, setRound] = useState(0)
  usePageReturn(() => {
    account.reload()
    setRound((n) => n + 1)
  })

  const openBind = (me: MeT) => openPage(me.identity ? bindVehicleUrl(service) : identityUrl(bindVehicleUrl(service)))
  const unbind = async (vehicle: VehicleT, thenBind = false) => {
    if (!(await confirmUnbind(vehicle))) return
    try {
      await unbindVehicle(vehicle.id)
      showNotice('已解绑')
      account.reload()
      if (thenBind) openPage(bindVehicleUrl(service))
    } catch (error) {
      showNotice(errorMessage(error))
    }
  }

  const { state } = account
  return (
    <View className={pageClass} role="main">
      <PageTitle>{name || (service ? '交通违法' : '我的车辆')}</PageTitle>
      <RemoteStatus remote={account} />
      {state.status === 'ready' && (
        <>
          {!state.data.me.identity && <Text className="subpage-notice">绑定车辆前需要先完成实名认证，点击「绑定车辆」即可开始。</Text>}
          <View className="subpage-card card" role="region" aria-labelledby="traffic-vehicles-title">
            <View id="traffic-vehicles-title" className="subpage-heading" role="heading" aria-level={2}>
              我的车辆
            </View>
            {state.data.vehicles.length === 0 ? (
              <EmptyView text="还没有绑定车辆" />
            ) : (
              <View role="list">
                {state.data.vehicles.map((vehicle) => (
                  <VehicleCard
                    key={vehicle.id}
                    vehicle={vehicle}
                    service={service}
                    round={round}
                    onOpen={(v) => openPage(violationsUrl(service, v.id))}
                    onUnbind={(v) => void unbind(v)}
                    onRebind={(v) => void unbind(v, true)}
                  />
                ))}
              </View>
            )}
          </View>
          <View className="subpage-actions">
            <Pressable className="button button--primary traffic-home__bind" onPress={() => openBind(state.data.me)}>
              绑定车辆
            </Pressable>
          </View>
          {service ? (
            <View className="subpage-card card">
              <Pressable className="list-row traffic-home__licence" onPress={() => openPage(licenceUrl(service))}>
                <Text className="list-row__title">驾驶证记分</Text>
                <Text className="list-row__text">本记分周期的累计记分、准驾车型和有效期</Text>
              </Pressable>
            </View>
          ) : (
            <Text className="subpage-notice">在首页打开所在城市的「交通违法」服务，可查询违法记录、缴纳罚款和驾驶证记分。</Text>
          )}
        </>
      )}
    </View>
  )
}

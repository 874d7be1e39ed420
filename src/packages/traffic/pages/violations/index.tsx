import { Text, View } from '@tarojs/components'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { summarizeViolations } from '../../../../domain/violation-summary'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { openPage } from '../../../../services/navigation'
import { violationUrl } from '../../../../services/routes'
import { getVehicleViolations } from '../../../../services/traffic-api'
import { ViolationRow } from '../../components/violation-row'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** A vehicle's violations at the traffic service; back from paying one, the list is asked for again. */
export default function ViolationsPage() {
  const pageClass = usePageClass('page violations')
  const { service, vehicle } = useRouteParams('service', 'vehicle')
  const list = useRemote(() => getVehicleViolations(service, vehicle), [service, vehicle])
  usePageReturn(list.reload)
  const { state } = list

  return (
    <View className={pageClass} role="main">
      <PageTitle>违法记录</PageTitle>
      <RemoteStatus remote={list} />
      {state.status === 'ready' && (
        <>
          <Text className="subpage-lead">
            {state.data.vehicle.plate} · {state.data.vehicle.plateTypeName}
          </Text>
          <Text className="subpage-lead violations__summary">{summarizeViolations(state.data.summary)}</Text>
          {state.data.violations.length === 0 ? (
            <EmptyView text="暂无违法记录" />
          ) : (
            <View className="subpage-card card" role="list" aria-label="违法记录">
              {state.data.violations.map((v) => (
                <ViolationRow key={v.id} violation={v} onOpen={(o) => openPage(violationUrl(service, vehicle, o.id))} />
              ))}
            </View>
          )}
        </>
      )}
    </View>
  )
}

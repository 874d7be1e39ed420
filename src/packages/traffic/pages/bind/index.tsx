import { Text, View } from '@tarojs/components'
import { openPage, goBackOr, showNotice } from '../../../../services/navigation'
import { ApiError } from '../../../../services/request'
import { identityUrl, trafficHomeUrl } from '../../../../services/routes'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { VehicleForm } from '../../components/vehicle-form'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** 绑定车辆: the plate and engine-number tail the traffic police know the vehicle by. */
export default function BindVehiclePage() {
  const pageClass = usePageClass('page bind-vehicle')
  const { service } = useRouteParams('service')

  const onFailure = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'IDENTITY_REQUIRED') {
      // 实名认证 opens on top, so this form and what was typed are here when the citizen comes back.
      openPage(identityUrl())
      return { message: '绑定车辆需要先完成实名认证，认证后回到本页再次提交', retryable: false }
    }
    return undefined
  }

  return (
    <View className={pageClass} role="main">
      <PageTitle>绑定车辆</PageTitle>
      <Text className="subpage-lead">请按机动车行驶证填写。号牌和发动机号加密保存，只发送给交管部门，页面上只显示打码后的信息。</Text>
      <VehicleForm
        onBound={() => {
          showNotice('绑定成功')
          goBackOr(trafficHomeUrl(service))
        }}
        onFailure={onFailure}
      />
    </View>
  )
}

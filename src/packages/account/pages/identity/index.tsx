import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { IdentityT } from '../../../../api/citizens'
import { RemoteStatus } from '../../../../components/remote-status'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getMe } from '../../../../services/citizen-api'
import { goBackOr, ME_PAGE, showNotice } from '../../../../services/navigation'
import { IdentityForm } from '../../components/identity-form'
import { VerifiedIdentity } from '../../components/verified-identity'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** 实名认证: the masked identity when verified, else the form; after success back, or on to `back`. */
export default function IdentityPage() {
  const pageClass = usePageClass('page identity')
  const { back } = useRouteParams('back')
  const me = useRemote(getMe, [])
  const [verified, setVerified] = useState<IdentityT | null>(null)
  const identity = verified ?? (me.state.status === 'ready' ? me.state.data.identity : null)

  const onVerified = (result: IdentityT) => {
    setVerified(result)
    showNotice('实名认证成功')
    // `back` is the task that needed the real name (e.g. 绑定车辆): it takes this page's place.
    if (back) void Taro.redirectTo({ url: back })
    else goBackOr(ME_PAGE)
  }

  return (
    <View className={pageClass} role="main">
      <PageTitle>实名认证</PageTitle>
      {!verified && <RemoteStatus remote={me} />}
      {identity && <VerifiedIdentity identity={identity} />}
      {me.state.status === 'ready' && !identity && (
        <>
          <Text className="subpage-lead">
            请填写与身份证一致的姓名和号码。信息加密保存，只发送给公安部门核验，页面上只显示打码后的信息。
          </Text>
          <IdentityForm onVerified={onVerified} onAlreadyVerified={me.reload} />
        </>
      )}
    </View>
  )
}

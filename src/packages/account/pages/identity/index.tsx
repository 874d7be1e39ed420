import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { IdentityT } from '../../../../api/citizens'
import { RemoteStatus } from '../../../../components/remote-status'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { FormAlert } from '../../../../components/form-alert'
import { Pressable } from '../../../../components/pressable'
import type { IdentityForm as IdentityValues } from '../../../../domain/citizen-forms'
import { useFaceCheck } from '../../../../hooks/use-face-check'
import { getMe } from '../../../../services/citizen-api'
import { listNotices } from '../../../../services/face-check-api'
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
  const notices = useRemote(listNotices, [])
  const [bound, setBound] = useState<{ values: IdentityValues; message: string } | null>(null)
  const [moveFailure, setMoveFailure] = useState<string | null>(null)
  const faceCheck = useFaceCheck((end) => {
    if (end.kind === 'error') return setMoveFailure(end.message)
    const { faceCheck: check, identity: moved } = end.outcome
    if (check.status === 'passed' && moved) {
      setBound(null)
      // The schema names the shared Identity by reference, so its static type is opaque here.
      onVerified(moved as IdentityT)
    } else {
      setMoveFailure(check.status === 'expired' ? '人脸核身已超时，请重新发起' : '人脸核身未通过，身份未转移。请确认是本人后重试')
    }
  })

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
          <IdentityForm onVerified={onVerified} onAlreadyVerified={me.reload} onBoundElsewhere={(values, message) => setBound({ values, message })} />
        </>
      )}
      {bound && !identity && (
        <View className="subpage-card card identity__bound" role="alert">
          <Text className="subpage-lead">{bound.message.split(' / ').pop()}</Text>
          {moveFailure && <FormAlert message={moveFailure} />}
          <Pressable
            className="button identity__move"
            disabled={faceCheck.checking}
            onPress={() => {
              setMoveFailure(null)
              faceCheck.run({ purpose: 'move', ...bound.values })
            }}
          >
            {faceCheck.checking ? '正在人脸核身…' : '人脸核身，转到本账号'}
          </Pressable>
        </View>
      )}
      {notices.state.status === 'ready' &&
        notices.state.data.map((n) => (
          <View key={n.id} className="subpage-notice identity__notice" role="note">
            {n.text}
          </View>
        ))}
    </View>
  )
}

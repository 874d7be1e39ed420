import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { FormAlert } from '../../../../components/form-alert'
import { PageTitle } from '../../../../components/page-title'
import { Pressable } from '../../../../components/pressable'
import { usePageClass } from '../../../../hooks/use-care-mode'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { completeSimulatedFaceCheck } from '../../../../services/face-check-api'
import { goBackOr, ME_PAGE } from '../../../../services/navigation'
import { errorMessage } from '../../../../services/request'
import './index.scss'

/**
 * The simulated identity agency's face-check page for H5, where there is no
 * camera check: 开始核验 has the simulated agency pass the check, 模拟核验失败
 * fail it. Either way the page goes back, and the page that started the
 * check asks the platform for the agency's result.
 */
export default function FaceCheckPage() {
  const pageClass = usePageClass('page face-check')
  const { check } = useRouteParams('check')
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const sent = useRef(false)

  const complete = (passed: boolean) => {
    if (sent.current) return
    sent.current = true
    setBusy(true)
    setFailure(null)
    completeSimulatedFaceCheck(check, passed).then(
      () => goBackOr(ME_PAGE),
      (error: unknown) => {
        sent.current = false
        setBusy(false)
        setFailure(errorMessage(error))
      },
    )
  }

  return (
    <View className={pageClass} role="main">
      <PageTitle>人脸核身</PageTitle>
      <View className="face-check__notice" role="note">
        这是用于演示和测试的模拟人脸核身页面，不使用摄像头，不采集任何人脸信息。
      </View>
      <View className="face-check__frame" aria-hidden="true" />
      <Text className="subpage-lead">请确认是本人操作，正对屏幕完成核验。</Text>
      {failure && <FormAlert message={failure} />}
      <View className="subpage-actions">
        <Pressable className="button face-check__pass" disabled={busy} onPress={() => complete(true)}>
          开始核验
        </Pressable>
        <Pressable className="button button--secondary face-check__fail" disabled={busy} onPress={() => complete(false)}>
          模拟核验失败
        </Pressable>
      </View>
    </View>
  )
}

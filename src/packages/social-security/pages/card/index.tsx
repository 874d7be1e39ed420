import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../../components/pressable'
import { QrCode } from '../../../../components/qr-code'
import { formatChinaTime } from '../../../../domain/china-time'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getECard } from '../../../../services/social-security-api'
import { ECardView } from '../../components/e-card-view'
import { QueryStatus } from '../../../../components/query-status'
import { NOT_INSURED } from '../../components/not-insured'
import { useQrRefresh } from '../../hooks/use-qr-refresh'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/**
 * 电子社保卡: the card's masked fields and its QR code, drawn on the phone
 * from the agency's short-lived payload. A new code is fetched shortly after
 * the shown one expires, when the page shows again, and on 刷新. The payload
 * lives in this page's memory only: it is a credential, never stored.
 */
export default function SocialSecurityCardPage() {
  const pageClass = usePageClass('page ss-card')
  const { service } = useRouteParams('service')
  const card = useRemote(() => getECard(service), [service])
  // Back on screen (from 实名认证, or after the phone was put away): the code shown may have expired.
  usePageReturn(card.reload)
  const { state } = card
  // A quiet reload: the old code stays until the new one is in, or an error replaces it.
  useQrRefresh(state.status === 'ready' ? state.data : undefined, card.reload)

  return (
    <View className={pageClass} role="main">
      <PageTitle>电子社保卡</PageTitle>
      <QueryStatus remote={card} identityText="使用电子社保卡需要先完成实名认证" final={NOT_INSURED} />
      {state.status === 'ready' && (
        <>
          <View className="subpage-card card">
            <ECardView card={state.data} />
          </View>
          <View className="subpage-card card ss-qr">
            <Text className="ss-qr__title">就医购药、办事时出示</Text>
            <View className="ss-qr__code">
              <QrCode text={state.data.qrPayload} label="电子社保卡二维码" />
            </View>
            <Text className="ss-qr__validity">
              二维码有效期至 {formatChinaTime(state.data.qrExpiresAt)}，过期后自动刷新
            </Text>
            <Text className="ss-qr__note">二维码仅限本人使用，请勿截图或转发给他人。</Text>
            {/* A full reload, so the citizen sees that a new code was fetched. */}
            <Pressable className="button button--secondary ss-qr__refresh" onPress={card.retry}>
              刷新
            </Pressable>
          </View>
        </>
      )}
    </View>
  )
}

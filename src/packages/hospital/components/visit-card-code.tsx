import { Text, View } from '@tarojs/components'
import { QrCode } from '../../../components/qr-code'
import { RemoteStatus } from '../../../components/remote-status'
import { useRemote } from '../../../hooks/use-remote'
import { getVisitCard } from '../../../services/hospital-api'

/**
 * The patient's 就诊卡 at the appointment's campus as a QR code, for signing
 * in at the hospital's machines; drawn on the phone from the hospital's
 * payload, which is never stored.
 */
export function VisitCardCode({ serviceId, hospitalId, patientId }: { serviceId: string; hospitalId: string; patientId: string }) {
  const card = useRemote(() => getVisitCard(serviceId, hospitalId, patientId), [serviceId, hospitalId, patientId])
  return (
    <View className="subpage-card card visit-card-code" role="region" aria-label="就诊卡二维码">
      <Text className="subpage-heading">就诊卡</Text>
      <RemoteStatus remote={card} />
      {card.state.status === 'ready' && (
        <>
          <QrCode className="visit-card-code__qr" text={card.state.data.qrPayload} label={`就诊卡 ${card.state.data.cardNo} 二维码`} />
          <Text className="visit-card-code__note">{`就诊卡号 ${card.state.data.cardNo}，到院后在自助机扫码签到`}</Text>
        </>
      )}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { ECardViewT } from '../../../api/social-security'
import { DetailList } from '../../../components/detail-list'

/** The card's face: every personal field exactly as the bureau masked it; nothing unmasked ever reaches the app. */
export function ECardView({ card }: { card: ECardViewT }) {
  return (
    <View className="e-card">
      <View className="e-card__head">
        <Text className="e-card__title">社会保障卡</Text>
        <Text className={card.status === 'active' ? 'status-tag status-tag--done' : 'status-tag status-tag--cancelled'}>{card.status === 'active' ? '正常' : '已停用'}</Text>
      </View>
      <DetailList
        className="e-card__details"
        rows={[
          { label: '姓名', value: card.person.name, strong: true },
          { label: '社会保障号码', value: card.person.idNumber },
          { label: '卡号', value: card.cardNo },
          { label: '签发机构', value: card.issuer },
        ]}
      />
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { Pressable } from '../../components/pressable'
import { showNotice } from '../../services/navigation'
import {
  agreeToPrivacyNotice,
  PRIVACY_NOTICE_VERSION,
  refusePrivacyNotice,
  selectConsentStatus,
  useConsentStore,
} from '../../stores/consent-store'
import { UsageSection } from './usage-section'
import { usePageClass } from '../../hooks/use-care-mode'
import './index.scss'

const SECTIONS: Array<{ id: string; title: string; paragraphs: string[] }> = [
  {
    id: 'collect',
    title: '我们收集什么',
    paragraphs: [
      '位置信息：只在你同意后、首次使用或你点击「使用我的位置」时获取一次，用来选出离你最近的城市。坐标在手机上先取整到约 1 公里，只用于这一次查找，服务器不保存。',
      '匿名使用统计：哪个城市的哪项服务被打开、办理成功或失败、耗时多少。统计不含姓名、手机号、证件号、车牌，也不含账号或设备标识，无法关联到你本人。',
    ],
  },
  {
    id: 'not-collect',
    title: '我们不收集什么',
    paragraphs: ['不读取通讯录、相册、剪贴板；不做个性化广告；不向第三方出售或提供你的信息。'],
  },
  {
    id: 'services',
    title: '办理具体服务时',
    paragraphs: ['实名认证、车辆绑定、挂号等服务需要的个人信息，只在你办理时填写，加密保存，只发送给负责该业务的部门，显示时会打码。'],
  },
  {
    id: 'rights',
    title: '你的选择',
    paragraphs: [
      '不同意本提示也可以手动选择城市，正常使用全部服务；此时我们不获取位置，也不发送统计。你可以随时在本页改变选择。',
      '城市选择和本页的选择只保存在你的手机上。',
    ],
  },
]

function formatDate(iso: string | null): string {
  return iso ? iso.slice(0, 10) : ''
}

export default function PrivacyPage() {
  const pageClass = usePageClass('page privacy')
  const consent = useConsentStore()
  const status = selectConsentStatus(consent)
  const statusText =
    status === 'agreed'
      ? `你已于 ${formatDate(consent.decidedAt)} 同意：可获取位置选择城市，发送匿名统计。`
      : status === 'refused'
        ? '你未同意：不获取位置，不发送统计。'
        : '你还没有做出选择。'

  return (
    <View className={pageClass} role="main">
      <View className="privacy__title" role="heading" aria-level={1}>
        隐私政策
      </View>
      <Text className="privacy__meta">版本 {PRIVACY_NOTICE_VERSION} · 依据《个人信息保护法》</Text>

      {SECTIONS.map((section) => (
        <View key={section.id} className="privacy__section card" role="region" aria-labelledby={`privacy-${section.id}`}>
          <View id={`privacy-${section.id}`} className="privacy__heading" role="heading" aria-level={2}>
            {section.title}
          </View>
          {section.paragraphs.map((p) => (
            <Text key={p} className="privacy__paragraph">
              {p}
            </Text>
          ))}
        </View>
      ))}

      <View className="privacy__section card" role="region" aria-labelledby="privacy-choice">
        <View id="privacy-choice" className="privacy__heading" role="heading" aria-level={2}>
          位置与匿名统计
        </View>
        <View className="privacy__paragraph privacy__status" role="status">
          {statusText}
        </View>
        <View className="privacy__actions">
          <Pressable
            className="button button--secondary"
            current={status === 'refused'}
            onPress={() => {
              refusePrivacyNotice()
              showNotice('已关闭位置与统计')
            }}
          >
            不同意
          </Pressable>
          <Pressable
            className="button button--primary"
            current={status === 'agreed'}
            onPress={() => {
              agreeToPrivacyNotice()
              showNotice('已同意')
            }}
          >
            同意
          </Pressable>
        </View>
      </View>

      <UsageSection />
    </View>
  )
}

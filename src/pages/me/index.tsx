import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Pressable } from '../../components/pressable'
import { useMeSummary, type MeSummary } from '../../hooks/use-me-summary'
import { openPage, openPrivacyPolicy, showNotice } from '../../services/navigation'
import { errorMessage } from '../../services/request'
import { identityUrl, MESSAGES_PAGE, MY_PAYMENTS_PAGE, patientsUrl, RECORDS_PAGE, trafficHomeUrl } from '../../services/routes'
import { login, logout } from '../../services/session'
import { useCityStore } from '../../stores/city-store'
import { useSessionStore } from '../../stores/session-store'
import { CareSwitch } from './care-switch'
import { IdentityStatus } from './identity-status'
import { usePageClass } from '../../hooks/use-care-mode'
import { badgeText, useUnreadBadge } from '../../hooks/use-unread-badge'
import './index.scss'

/** An entry of 我的: a link that opens its page, or a control (a switch) in its place. */
type Entry = { key: string; title: string; hint: string; badge?: string } & ({ open: () => void; control?: never } | { control: () => JSX.Element; open?: never })

function showAbout(): void {
  void Taro.showModal({
    title: '关于 OneCity 城市服务',
    content: '一个入口办理所在城市的公共服务。版本 0.1.0。',
    showCancel: false,
    confirmText: '知道了',
  })
}

function entries(summary: MeSummary, unread: number): Entry[] {
  const me = summary.status === 'ready' ? summary.me : null
  return [
    {
      key: 'identity',
      title: '实名认证',
      hint: me ? (me.identity ? '已认证' : '未认证，核验身份后办理更多业务') : '核验身份后办理更多业务',
      open: () => openPage(identityUrl()),
    },
    {
      key: 'vehicles',
      title: '我的车辆',
      hint: me ? (me.vehicles > 0 ? `已绑定 ${me.vehicles} 辆` : '未绑定车辆') : '绑定车辆，查询违法与年检',
      open: () => openPage(trafficHomeUrl()),
    },
    { key: 'patients', title: '就诊人', hint: '本人和家人的就诊信息，用于预约挂号', open: () => openPage(patientsUrl()) },
    {
      key: 'messages',
      title: '消息',
      hint: unread > 0 ? `${unread} 条未读消息` : '缴费、预约等办理进度的通知',
      ...(unread > 0 ? { badge: badgeText(unread) } : {}),
      open: () => openPage(MESSAGES_PAGE),
    },
    { key: 'records', title: '办事记录', hint: '所有服务的办理进度', open: () => openPage(RECORDS_PAGE) },
    { key: 'payments', title: '我的支付', hint: '罚款、挂号费等缴费记录', open: () => openPage(MY_PAYMENTS_PAGE) },
    { key: 'care', title: '关怀模式', hint: '更大的字号，更清晰的界面', control: CareSwitch },
    { key: 'privacy', title: '隐私与统计', hint: '我们收集什么，以及如何关闭统计', open: openPrivacyPolicy },
    { key: 'about', title: '关于', hint: '版本与服务说明', open: showAbout },
  ]
}

async function confirmLogout(): Promise<void> {
  const { confirm } = await Taro.showModal({ title: '退出登录', content: '退出后再次办理业务需要重新登录。', confirmText: '退出', cancelText: '取消' })
  if (!confirm) return
  await logout()
  showNotice('已退出登录')
}

export default function MePage() {
  const pageClass = usePageClass('page me')
  const city = useCityStore((s) => s.current)
  const loggedIn = useSessionStore((s) => s.token !== null)
  const { summary, refresh } = useMeSummary()
  const unread = useUnreadBadge()

  return (
    <View className={pageClass} role="main">
      <View className="me-header">
        <View className="me-header__title" role="heading" aria-level={1}>
          我的
        </View>
        <Text className="me-header__hint">{city ? `当前城市：${city.name}` : '尚未选择城市'}</Text>
        <IdentityStatus
          summary={summary}
          onVerify={() => openPage(identityUrl())}
          onLogin={() => void login().catch((error: unknown) => showNotice(errorMessage(error)))}
          onRetry={refresh}
        />
      </View>

      <View className="me-list card" role="list">
        {entries(summary, unread).map((entry) => entry.control ? (
          <View key={entry.key} role="listitem" className="me-list__item">
            <entry.control />
          </View>
        ) : (
          <View key={entry.key} role="listitem" className="me-list__item">
            <Pressable className="me-entry" onPress={entry.open}>
              <View className="me-entry__text">
                <Text className="me-entry__title">{entry.title}</Text>
                <Text className="me-entry__hint">{entry.hint}</Text>
              </View>
              {entry.badge && (
                <Text className="me-entry__badge" aria-label={`${entry.badge} 条未读`}>
                  {entry.badge}
                </Text>
              )}
              <Text className="me-entry__chevron" aria-hidden="true">
                ›
              </Text>
            </Pressable>
          </View>
        ))}
      </View>

      {loggedIn && (
        <Pressable className="button button--secondary me-logout" onPress={() => void confirmLogout()}>
          退出登录
        </Pressable>
      )}

      <Pressable className="me-policy-link" onPress={openPrivacyPolicy}>
        《隐私政策》
      </Pressable>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { MessageT } from '../../../../api/messages'
import { TEMPLATE_KINDS } from '../../../../domain/subscription-templates'
import { formatChinaDateTime } from '../../../../domain/china-time'
import { PageTitle } from '../../../../components/page-title'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { usePageClass } from '../../../../hooks/use-care-mode'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { listMessages, markMessagesRead } from '../../../../services/messages-api'
import { openPage, showNotice } from '../../../../services/navigation'
import { errorMessage } from '../../../../services/request'
import { recordUrl } from '../../../../services/routes'
import { askForSubscriptionsOnTap, prefetchSubscriptions, subscriptionOffer } from '../../../../services/subscription-request'
import './index.scss'

function MessageRow({ message, onOpen }: { message: MessageT; onOpen: (m: MessageT) => void }) {
  return (
    <View role="listitem">
      <Pressable className={`list-row message-row${message.read ? '' : ' message-row--unread'}`} onPress={() => onOpen(message)}>
        <View className="list-row__top">
          <Text className="list-row__title">{message.title}</Text>
          {!message.read && <Text className="status-tag message-unread">未读</Text>}
        </View>
        <Text className="message-row__body">{message.body}</Text>
        <Text className="list-row__text">{`${message.serviceName} · ${formatChinaDateTime(message.createdAt)}`}</Text>
      </Pressable>
    </View>
  )
}

/** In WeChat: whether subscription messages are on, and the citizen's own tap to turn them on (again). */
function WechatReminders() {
  const [offer, setOffer] = useState(subscriptionOffer())
  useEffect(() => {
    void prefetchSubscriptions().then((templates) => setOffer([...templates]))
  }, [])
  if (process.env.TARO_ENV !== 'weapp' || offer.length === 0) return null
  const on = offer.some((t) => t.choice === 'accept')
  const onEnableRemindersTap = () => {
    askForSubscriptionsOnTap(TEMPLATE_KINDS, true)
  }
  return (
    <View className="card messages-wechat">
      <Text className="messages-wechat__text">
        {on ? '微信消息提醒已开启：办理进度有变化时，微信服务通知会提醒您。' : '微信消息提醒未开启：您仍可在这里查看全部消息。'}
      </Text>
      <Pressable className="button button--secondary" onPress={onEnableRemindersTap}>
        {on ? '继续接收微信提醒' : '开启微信提醒'}
      </Pressable>
    </View>
  )
}

/** 消息: one notification per change of a case, newest first; opening one marks it read and shows its 办事记录. */
export default function MessagesPage() {
  const pageClass = usePageClass('page messages')
  const messages = useRemote(listMessages, [])
  usePageReturn(messages.reload)
  const { state } = messages

  const open = (message: MessageT) => {
    if (!message.read) void markMessagesRead([message.id]).catch(() => undefined)
    openPage(recordUrl(message.recordId))
  }
  const readAll = () => {
    markMessagesRead().then(messages.reload, (error: unknown) => showNotice(errorMessage(error)))
  }

  return (
    <View className={pageClass} role="main">
      <PageTitle>消息</PageTitle>
      <RemoteStatus remote={messages} />
      {state.status === 'ready' && state.data.messages.length === 0 && <EmptyView text="暂无消息：缴费、预约等办理进度有变化时会通知您" />}
      {state.status === 'ready' && state.data.unread > 0 && (
        <View className="messages-actions">
          <Pressable className="subpage-link" onPress={readAll}>
            全部标为已读
          </Pressable>
        </View>
      )}
      {state.status === 'ready' && state.data.messages.length > 0 && (
        <View className="subpage-card card" role="list" aria-label="消息">
          {state.data.messages.map((message) => (
            <MessageRow key={message.id} message={message} onOpen={open} />
          ))}
        </View>
      )}
      <WechatReminders />
    </View>
  )
}

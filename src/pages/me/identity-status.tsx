import { Text, View } from '@tarojs/components'
import { Pressable } from '../../components/pressable'
import type { MeSummary } from '../../hooks/use-me-summary'

export interface IdentityStatusProps {
  summary: MeSummary
  onVerify: () => void
  onLogin: () => void
  onRetry: () => void
}

/** The real-name status at the top of 我的: masked name and ID number, or 未实名 with 去认证. */
export function IdentityStatus({ summary, onVerify, onLogin, onRetry }: IdentityStatusProps) {
  if (summary.status === 'loading') {
    return (
      <View className="me-identity" role="status">
        <Text className="me-identity__hint">正在读取实名状态…</Text>
      </View>
    )
  }
  if (summary.status === 'logged-out') {
    return (
      <View className="me-identity">
        <Text className="me-identity__title">未登录</Text>
        <Pressable className="button button--primary me-identity__action" onPress={onLogin}>
          登录
        </Pressable>
      </View>
    )
  }
  if (summary.status === 'error') {
    return (
      <View className="me-identity" role="alert">
        <Text className="me-identity__hint">{summary.message}</Text>
        <Pressable className="button button--secondary me-identity__action" onPress={onRetry}>
          重试
        </Pressable>
      </View>
    )
  }
  const { identity } = summary.me
  if (!identity) {
    return (
      <View className="me-identity">
        <Text className="me-identity__title">未实名</Text>
        <Pressable className="button button--primary me-identity__action" onPress={onVerify}>
          去认证
        </Pressable>
      </View>
    )
  }
  return (
    <View className="me-identity me-identity--verified">
      <View className="me-identity__text">
        <Text className="me-identity__title">{identity.name}</Text>
        <Text className="me-identity__hint">{identity.idNumber}</Text>
      </View>
      <Text className="tag me-identity__tag">已实名</Text>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { Pressable } from './pressable'

/** A polite live region saying something is on its way. */
export function LoadingView({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="status-view status-view--loading" role="status">
      <View className="status-view__spinner" aria-hidden="true" />
      <Text className="status-view__text">{text}</Text>
    </View>
  )
}

/** What went wrong, in Chinese, with a way to try again. */
export function ErrorView({ message, onRetry, retryText = '重试' }: { message: string; onRetry: () => void; retryText?: string }) {
  return (
    <View className="status-view status-view--error" role="alert">
      <Text className="status-view__text">{message}</Text>
      <Pressable className="button button--primary status-view__action" onPress={onRetry}>
        {retryText}
      </Pressable>
    </View>
  )
}

/** A calm note when there is nothing to show. */
export function EmptyView({ text }: { text: string }) {
  return (
    <View className="status-view status-view--empty">
      <Text className="status-view__text">{text}</Text>
    </View>
  )
}

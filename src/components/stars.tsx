import { Text, View } from '@tarojs/components'

/** Whole stars 1–5 from a review score; null before the first review. */
export function clampStars(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null
  return Math.min(5, Math.max(1, Math.round(value)))
}

/** A service's quality stars: ★ for each star, announced as "4 星". */
export function Stars({ value }: { value: number | null }) {
  const stars = clampStars(value)
  if (stars === null) return <Text className="stars stars--none">暂无评分</Text>
  return (
    <View className="stars" role="img" aria-label={`${stars} 星`}>
      {'★'.repeat(stars) + '☆'.repeat(5 - stars)}
    </View>
  )
}

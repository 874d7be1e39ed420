import { useRouter } from '@tarojs/taro'
import { useMemo } from 'react'
import { decodeParam } from '../services/routes'

/** The page's query parameters, decoded; a missing one is ''. */
export function useRouteParams<K extends string>(...names: K[]): Record<K, string> {
  const { params } = useRouter()
  const key = names.map((n) => params[n] ?? '').join('\u0000')
  // `key` changes exactly when one of the values read does.
  return useMemo(() => Object.fromEntries(names.map((n) => [n, decodeParam(params[n])])) as Record<K, string>, [key])
}

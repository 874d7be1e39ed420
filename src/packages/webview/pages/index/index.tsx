import { View, WebView } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type ReactNode, useEffect } from 'react'
import { BackButton } from '../../../../components/back-button'
import { EmptyView } from '../../../../components/status-view'
import { RemoteStatus } from '../../../../components/remote-status'
import { availabilityNotice, availabilityNow, withCity } from '../../../../domain/service-access'
import { usePageClass } from '../../../../hooks/use-care-mode'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getFaceCheckPage } from '../../../../services/face-check-api'
import { AgencyFrame } from '../../components/agency-frame'
import { useWebviewService } from '../../hooks/use-webview-service'
import './index.scss'

/**
 * An agency's own H5 page inside the app: a web-view service as the city's
 * catalog lists it, with the citizen's city as `city=<code>` and nothing
 * else about them; or (`faceCheck=<check id>`) the identity agency's page
 * for one of the citizen's face checks, as the platform gives it. WeChat
 * shows it in its web-view component; H5 in a sandboxed frame.
 */
export default function WebviewPage() {
  const { faceCheck } = useRouteParams('faceCheck')
  return faceCheck ? <FaceCheckView checkId={faceCheck} /> : <ServiceView />
}

/** A web-view service of the catalog, under its name, with 返回 and 在浏览器中打开. */
function ServiceView() {
  const { service: id, city, name } = useRouteParams('service', 'city', 'name')
  const remote = useWebviewService(id, city)
  const service = remote.state.status === 'ready' ? remote.state.data : undefined
  const title = service?.name ?? (name || '城市服务')
  const url = service?.webview ? withCity(service.webview.url, city) : undefined
  const notice = service ? availabilityNotice(service.name, availabilityNow(service.availability, Date.now())) : undefined

  const body = (
    <>
      <RemoteStatus remote={remote} />
      {remote.state.status === 'ready' && !service && <EmptyView text="这个城市没有这项服务，请回到首页重新选择" />}
      {notice && <EmptyView text={notice.content} />}
    </>
  )
  return <WebviewChrome title={title} {...(url && !notice ? { url } : {})} body={body} browserLink />
}

const ENDED = { passed: '已通过', failed: '未通过', expired: '已超时' } as const

/**
 * The identity agency's own face-check page (人脸核身) for one check of
 * the citizen's: the address is asked of the platform by check id (it kept
 * the page the agency answered, on the agency's own origin), never read
 * from the link. The page that started the check asks for the result when
 * the citizen comes back.
 */
function FaceCheckView({ checkId }: { checkId: string }) {
  const remote = useRemote(() => getFaceCheckPage(checkId), [checkId])
  const check = remote.state.status === 'ready' ? remote.state.data : undefined
  const url = check?.status === 'pending' ? check.url : undefined
  const body = (
    <>
      <RemoteStatus remote={remote} />
      {check && !url && <EmptyView text={`这次人脸核身${ENDED[check.status as keyof typeof ENDED]}，请返回查看结果`} />}
    </>
  )
  // The agency's page stays in the app: leaving for the browser would lose the way back to the result.
  return <WebviewChrome title="人脸核身" {...(url ? { url } : {})} body={body} browserLink={false} />
}

/**
 * What the web-view page shows around an agency's page: WeChat's web-view
 * component alone (its bar shows `title` until the agency's page sets its
 * own); in H5 a header with 返回 and `title`, optionally 在浏览器中打开,
 * and the page in a sandboxed frame. Without `url`, `body` says why not.
 */
function WebviewChrome({ title, url, body, browserLink }: { title: string; url?: string; body: ReactNode; browserLink: boolean }) {
  const pageClass = usePageClass('page webview-page')

  // H5 draws its own header; WeChat's bar shows the name until the agency's page sets its title.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') void Taro.setNavigationBarTitle({ title })
  }, [title])

  if (process.env.TARO_ENV !== 'h5') return url ? <WebView src={url} /> : <View className={pageClass}>{body}</View>

  return (
    <View className={pageClass}>
      <View className="webview-header" role="banner">
        <BackButton />
        <View className="webview-header__title" role="heading" aria-level={1}>
          {title}
        </View>
        {url && browserLink && (
          <a className="webview-header__browser" href={url} target="_blank" rel="noopener noreferrer">
            在浏览器中打开
          </a>
        )}
      </View>
      <View className="webview-body" role="main">
        {body}
        {url && <AgencyFrame url={url} name={title} />}
      </View>
    </View>
  )
}

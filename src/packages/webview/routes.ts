import { pageUrl } from '../../services/routes'

/** The web-view subpackage's page (app.config.ts): an agency's own H5 page inside the app. */
export const WEBVIEW_PAGE = '/packages/webview/pages/index/index'

/**
 * The identity agency's own face-check page (人脸核身) of one check, in the
 * web-view page: only the check id travels in the link; the page to open is
 * asked of the platform, which answers it only for the citizen's own check.
 */
export function agencyFaceCheckUrl(check: string): string {
  return pageUrl(WEBVIEW_PAGE, { faceCheck: check })
}

/** The web-view subpackage's page (app.config.ts): an agency's own H5 page inside the app. */
export const WEBVIEW_PAGE = '/packages/webview/pages/index/index'

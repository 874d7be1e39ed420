import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import { PrecompressPlugin, PreloadEntryPagePlugin } from './h5-plugins'
import prodConfig from './prod'

/** The API the weapp build talks to; H5 is served by the platform and uses its own origin. */
const DEFAULT_API_BASE = 'http://127.0.0.1:3000'

// One output folder per platform, so an H5 build never overwrites the WeChat project.
const isH5 = process.env.TARO_ENV === 'h5'
// `npm run bench` also builds a bare Taro app (bench/bare-taro) as Lighthouse's same-run baseline.
const bareBaseline = process.env.ONECITY_BARE_TARO === '1'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'onecity',
    date: '2026-11-21',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: bareBaseline ? 'bench/bare-taro' : 'src',
    outputRoot: bareBaseline ? 'bench/results/tmp/bare-h5' : isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // Only TARO_APP_* values reach the client, and they are public.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || DEFAULT_API_BASE),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Plain HTML elements (div, input) instead of web components: smaller and
      // better for screen readers; the same library the jsdom page tests render.
      useHtmlComponents: true,
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.plugin('preload-entry-page').use(PreloadEntryPagePlugin, [/[\\/]src[\\/]pages[\\/]home[\\/]index\.tsx$/])
        if (process.env.NODE_ENV === 'production') chain.plugin('precompress').use(PrecompressPlugin)
        // Size is a budget measured by `npm run bench` (first-load JS ≤ 150 KB gzip), not webpack's raw-size hint.
        chain.performance.hints(false)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})

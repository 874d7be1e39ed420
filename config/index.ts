import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import { PrecompressPlugin, PreloadEntryPagePlugin } from './h5-plugins'
import prodConfig from './prod'
import { DEVELOPMENT_API_BASE, weappApiBase } from './weapp-api-base'

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
    // Only TARO_APP_* values reach the client, and they are public. The API base is the weapp's
    // (H5 is served by the platform and calls its own origin); a release build must name it.
    env: {
      TARO_APP_API_BASE: JSON.stringify(isH5 ? process.env.TARO_APP_API_BASE || DEVELOPMENT_API_BASE : weappApiBase(process.env)),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // project.config.json says es6: false (WeChat runs the code as it is, on old phones too): these
      // packages ship ES2015+ and go through Babel like our own code (tests/weapp/release-build.test.ts).
      compile: { include: [(file: string) => /node_modules[\\/](zustand|qrcode-generator)[\\/]/.test(file)] },
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

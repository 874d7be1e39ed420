import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `npm run dev:h5` serves the app on its own port; the API stays on the platform server.
    devServer: {
      port: 10086,
      proxy: [{ context: ['/v1'], target: process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000', changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>

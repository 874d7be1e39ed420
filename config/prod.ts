import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // No source maps in the served H5 build: smaller downloads, nothing extra to serve.
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>

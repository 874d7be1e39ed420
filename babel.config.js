// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// package.json has "type": "module", so this file is ESM; babel-loader loads it asynchronously.
export default {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}

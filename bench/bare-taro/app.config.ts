// The Lighthouse baseline: a bare Taro app with the same frame as OneCity (two tab pages), nothing else.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index'],
  window: { navigationBarTitleText: 'Taro' },
  tabBar: {
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})

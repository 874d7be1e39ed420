import { SUBPACKAGES } from './packages/subpackages'
import { CASHIER_PAGE } from './services/routes'

// The simulated WeChat Pay cashier stands in for the wallet in H5 only: the mini-program pays with WeChat Pay itself.
const forThisPlatform = (root: string, pages: string[]) => (process.env.TARO_ENV === 'h5' ? pages : pages.filter((page) => `/${root}/${page}` !== CASHIER_PAGE))

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index', 'pages/city/index', 'pages/privacy/index'],
  // One subpackage per domain, loaded when first opened: the main package stays within its size budget.
  subPackages: SUBPACKAGES.map(({ root, pages }) => ({ root, pages: forThisPlatform(root, pages) })),
  window: {
    navigationBarTitleText: 'OneCity 城市服务',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#1a5dc8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // Asked only after the citizen agrees to the privacy notice (see pages/home). An approximate position is
  // enough to pick the nearest city, so the mini-program declares the fuzzy one and nothing precise.
  permission: {
    'scope.userFuzzyLocation': { desc: '用于为你自动选择所在城市，只获取大致位置，位置不会被保存' },
  },
  requiredPrivateInfos: ['getFuzzyLocation'],
  lazyCodeLoading: 'requiredComponents',
})

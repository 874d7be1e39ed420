export default definePageConfig({
  navigationBarTitleText: '违法详情',
})

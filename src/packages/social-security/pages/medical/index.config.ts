export default definePageConfig({
  navigationBarTitleText: '医保账户',
})

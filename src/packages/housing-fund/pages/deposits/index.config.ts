export default definePageConfig({
  navigationBarTitleText: '缴存明细',
})

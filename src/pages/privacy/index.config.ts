export default definePageConfig({
  navigationBarTitleText: '隐私与统计',
})

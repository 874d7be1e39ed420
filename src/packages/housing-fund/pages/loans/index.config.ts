export default definePageConfig({
  navigationBarTitleText: '贷款查询',
})

export default definePageConfig({
  navigationBarTitleText: '贷款试算',
})

export default definePageConfig({
  navigationBarTitleText: '提取申请',
})

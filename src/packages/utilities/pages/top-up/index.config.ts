export default definePageConfig({
  navigationBarTitleText: '电费充值',
})

export default definePageConfig({
  navigationBarTitleText: '办事记录',
})

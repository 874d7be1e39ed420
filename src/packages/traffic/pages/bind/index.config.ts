export default definePageConfig({
  navigationBarTitleText: '绑定车辆',
})

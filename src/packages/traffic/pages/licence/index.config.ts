export default definePageConfig({
  navigationBarTitleText: '驾驶证记分',
})

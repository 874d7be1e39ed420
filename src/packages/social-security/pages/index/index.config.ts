export default definePageConfig({
  navigationBarTitleText: '社保服务',
})

// Pages render as the H5 build does (set here, not with `define`, which would leak into the other projects).
process.env.TARO_ENV = "h5"

// jsdom globals the Taro H5 component library reads at import time.
const g = globalThis as Record<string, unknown>
g.DEPRECATED_ADAPTER_COMPONENT = false
g.ENABLE_INNER_HTML = true
g.ENABLE_ADJACENT_HTML = true
g.ENABLE_SIZE_APIS = false
g.ENABLE_TEMPLATE_CONTENT = true
g.ENABLE_CLONE_NODE = true
g.ENABLE_CONTAINS = true
g.ENABLE_MUTATION_OBSERVER = false
g.IS_REACT_ACT_ENVIRONMENT = true

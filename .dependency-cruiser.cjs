/**
 * The import rules of 05-engineering.md, checked by `npm test`
 * (tests/unit/import-rules.test.ts) and by hand with `npm run deps`.
 * Module-level cycles (folders under server/modules importing each other in a
 * ring) are checked by the test on top of these file-level rules.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'src-imports-server',
      comment: 'The app and the shared code never import the server: DTOs live in src/api, rules in src/domain.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-code-is-pure',
      comment: 'src/domain and src/api are shared with the server and the mocks: no Taro, React, Fastify or database code.',
      severity: 'error',
      from: { path: '^src/(domain|api)/' },
      to: { path: '(^|/)node_modules/(@tarojs|react|react-dom|zustand|fastify|@fastify|pg|@electric-sql)/' },
    },
    {
      name: 'shared-code-stays-shared',
      comment: 'src/domain and src/api import only each other (and libraries), never pages, stores or services.',
      severity: 'error',
      from: { path: '^src/(domain|api)/' },
      to: { path: '^src/', pathNot: '^src/(domain|api)/' },
    },
    {
      name: 'no-pinyin-dictionary-in-the-app',
      comment: 'pinyin-pro is hundreds of KB: the server computes pinyin (catalog search keys, city list); the app only compares.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '(^|/)node_modules/pinyin-pro/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between files.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contracts-below-modules',
      comment: 'The typed contracts are what modules and mocks build on; they never import a module.',
      severity: 'error',
      from: { path: '^server/contracts/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'repository-of-another-module',
      comment: "A module's repository is used by that module's service only: other modules go through the service.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/[^/]+/[^/]*repository\\.ts$', pathNot: '^server/modules/$1/' },
    },
    {
      name: 'routes-use-services',
      comment: 'Routes are schema → service → DTO: they never touch a repository.',
      severity: 'error',
      from: { path: '^server/modules/[^/]+/[^/]*routes\\.ts$' },
      to: { path: '[^/]*repository\\.ts$' },
    },
    {
      name: 'routes-of-another-module',
      comment: 'Modules use each other through services, never through routes.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/[^/]+/[^/]*routes\\.ts$', pathNot: '^server/modules/$1/' },
    },
    {
      name: 'mocks-are-agencies',
      comment: 'Simulated agencies implement the contracts; they know nothing of the platform behind them.',
      severity: 'error',
      from: { path: '^mock/' },
      to: { path: '^server/', pathNot: '^server/(contracts/|errors\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-h5|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
}

/**
 * What the web bundle may import from the server's source, checked in CI by `npm run lint:deps`:
 * schemas, kinds and messages, never code that reaches Node built-ins, the database or a module's
 * door (a door pulls the whole module in and the page goes blank: 'Buffer is not defined').
 * Type-only imports are erased from the bundle, so this check reads the code as compiled
 * (tsPreCompilationDeps: false), unlike the house rules in .dependency-cruiser.cjs.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'web-reaches-no-server-code',
      severity: 'error',
      comment: 'The web bundle reaches server-only code (Node built-ins, src/db, a module door, tables or services).',
      from: { path: '^web/src/' },
      to: {
        reachable: true,
        path: [
          '^(node:)?(fs|path|crypto|child_process|worker_threads|os|net|http|https|stream|zlib|util|events|buffer)$',
          '^src/db/',
          '^src/modules/[^/]+/index\\.ts$',
          '\\.(tables|service)\\.ts$',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'browser', 'default'] },
  },
};

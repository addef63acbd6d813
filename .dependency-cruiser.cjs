/**
 * Import rules of the house (ARCHITECTURE.md, rules of the house), checked in CI by `npx depcruise src`:
 * the route kit (src/http) → modules → app assembly (src/server), no circles, and a module uses
 * another module only through that module's door, its index.ts.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: the files on it cannot be understood, loaded or tested one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'module-door-only',
      severity: 'error',
      comment: "A module uses another module only through that module's index.ts.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-cross-module-tables',
      severity: 'error',
      comment: "A module never reads another module's tables; it asks that module's door.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/.*\\.tables\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'route-kit-imports-no-module',
      severity: 'error',
      comment: 'src/http is the floor modules stand on: it imports no module and not the app assembly.',
      from: { path: '^src/http/' },
      to: { path: '^src/(modules|server)/' },
    },
    {
      name: 'modules-not-app-assembly',
      severity: 'error',
      comment:
        'Modules do not import the app assembly (src/server) nor the command line (src/cli); a test may check what the app makes of a module.',
      from: { path: '^src/modules/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(server|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

/**
 * The route kit: what a module's routes need from HTTP (deps, access rules, the acting user,
 * shared schemas, downloads). It imports no module; modules import it; src/server assembles both.
 */
export * from './access';
export * from './download';
export * from './request';
export * from './route-deps';
export * from './schemas';

// Worker thread entry of the parse pool (pool.ts). Plain JavaScript: a worker thread does not
// inherit the parent's TypeScript loader, so it registers tsx itself, then runs the named export
// of the task module it is given. Domain errors (AppError) come back as data, since an error
// crossing threads loses its class and fields.
import { register } from 'tsx/esm/api';

register();
const modules = new Map();

export default async function run({ module, fn, args }) {
  let loaded = modules.get(module);
  if (!loaded) modules.set(module, (loaded = await import(module)));
  try {
    return { ok: true, value: await loaded[fn](...args) };
  } catch (error) {
    if (error && error.name === 'AppError' && typeof error.code === 'string') {
      return { ok: false, code: error.code, details: error.details ?? {} };
    }
    throw error;
  }
}

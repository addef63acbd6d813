import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** True when dist/web is missing, or older than one of the sources the last build used (see vite.config.ts). */
export function webIsStale(root: string, outDir: string): boolean {
  const index = path.join(outDir, 'index.html');
  const list = path.join(outDir, '.sources.json');
  if (!fs.existsSync(index) || !fs.existsSync(list)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = JSON.parse(fs.readFileSync(list, 'utf8')) as string[];
  return sources.some((f) => {
    const file = path.join(root, f);
    return !fs.existsSync(file) || fs.statSync(file).mtimeMs > built;
  });
}

/**
 * Builds the web app with Vite when needed, in a child process so that the server does not
 * keep the bundler's memory.
 */
export function buildWebIfNeeded(root: string, outDir: string, log: (s: string) => void): boolean {
  if (!webIsStale(root, outDir)) return false;
  log('Đang dựng giao diện web (lần đầu hoặc sau khi mã nguồn thay đổi)…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(root, 'vite.config.ts'), '--outDir', outDir, '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('Dựng giao diện web thất bại (xem thông báo của Vite ở trên).');
  return true;
}

import fs from 'node:fs';
import path from 'node:path';

/** Newest modification time under a folder (files only). */
function newest(dir: string): number {
  let max = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) max = Math.max(max, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return max;
}

/** Builds the web app with Vite when dist/web is missing or older than its sources. */
export async function buildWebIfNeeded(root: string, outDir: string, log: (s: string) => void) {
  const index = path.join(outDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newest(path.join(root, 'web')), newest(path.join(root, 'src/shared')), newest(path.join(root, 'src/modules')));
  if (built >= sources) return false;
  log('Đang dựng giao diện web (lần đầu hoặc sau khi mã nguồn thay đổi)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir } });
  return true;
}

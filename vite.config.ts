import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(root, 'dist/web');

/** Records every source file of the bundle, so `ttdn serve --build-web` rebuilds only when one changed. */
function recordSources(): Plugin {
  return {
    name: 'ttdn-record-sources',
    apply: 'build',
    writeBundle(options) {
      const files = [...this.getModuleIds()].filter((id) => id.startsWith(root) && !id.includes('node_modules') && fs.existsSync(id));
      fs.writeFileSync(path.join(options.dir ?? outDir, '.sources.json'), JSON.stringify(files.map((f) => path.relative(root, f))));
    },
  };
}

// The web app lives in web/ and shares src/shared (message catalogue) and module constants with the server.
export default defineConfig({
  root: path.join(root, 'web'),
  plugins: [react(), recordSources()],
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { fs: { allow: [root] }, proxy: { '/api': 'http://localhost:3000' } },
});

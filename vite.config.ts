import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));

// The web app lives in web/ and shares src/shared (message catalogue, kinds) with the server.
export default defineConfig({
  root: path.join(root, 'web'),
  plugins: [react()],
  build: { outDir: path.join(root, 'dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { fs: { allow: [root] }, proxy: { '/api': 'http://localhost:3000' } },
});

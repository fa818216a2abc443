import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './compress.js';

const root = import.meta.dirname;

// `vite` (dev server) forwards /api and /auth to a running portal (./dev up), so the session cookie works.
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3002', '/auth': 'http://127.0.0.1:3002' },
  },
});

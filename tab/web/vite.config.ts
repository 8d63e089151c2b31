import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The tab's browser app: built into dist/tab-web and served by the server under /tab/. */
export default defineConfig({
  root: here,
  base: '/tab/',
  // Brotli and gzip copies of every text asset, made once at build time; the server picks one by Accept-Encoding.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json)$/, threshold: 1024 })],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/tab-web', import.meta.url)),
    emptyOutDir: true,
    // Maps are written for a developer's own debugging but never referenced by the bundles, and never served.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 2000,
    // No inline scripts or module-preload polyfill: the Content-Security-Policy allows scripts from this origin only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});

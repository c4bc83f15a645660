import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * The web application lives in src/web and is built into dist/web, which the aims server serves
 * with a single-page fallback. In development `npm run dev:web` proxies the API to a local server
 * so that cookies stay same-origin, exactly as in production.
 */
export default defineConfig({
  root: path.join(projectRoot, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(projectRoot, 'dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change rarely: separate chunks stay cached across our releases, and none
        // grows past the size at which Vite warns.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-textarea-autosize|clsx)/ },
            { name: 'libs', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});

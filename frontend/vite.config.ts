import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

// The SPA's version: the web phone reports it as its device's app version.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Flask serves the built app; in development Vite forwards every server path to it.
const backend = 'http://127.0.0.1:5000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
            { name: 'libs', test: /node_modules[\\/](@tabler|@tanstack|socket\.io-client|engine\.io-client|zustand)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // Keys starting with ^ are regular expressions: a plain '/device' would also catch the SPA's /devices page.
    proxy: {
      '^/api/': { target: backend },
      '^/device/': { target: backend },
      '^/healthz': { target: backend },
      '^/activate': { target: backend },
      '/socket.io': { target: backend, ws: true },
    },
  },
});

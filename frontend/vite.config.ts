import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Flask serves the built app; in development Vite forwards every server path to it.
const backend = 'http://127.0.0.1:5000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/device': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true, changeOrigin: false },
    },
  },
});

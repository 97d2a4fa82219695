import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev -w apps/web` proxies the API to a running `creatorflow start` (default port 7788).
const apiTarget = process.env.CREATORFLOW_API ?? 'http://127.0.0.1:7788';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false }, '/v1': { target: apiTarget } },
  },
});

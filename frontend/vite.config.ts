import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Two pages: citizens load index.html only; organizer code (charts, the live stream) is
// in admin.html's own chunks. The build goes where Spring Boot serves static files.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    target: 'es2020',
    outDir: resolve(__dirname, '../target/classes/static'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'index.html'),
        admin: resolve(__dirname, 'admin.html'),
      },
    },
  },
  server: {
    // npm run dev: pages from Vite, the API from the app (./mvnw spring-boot:run)
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:8080', changeOrigin: false } },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
  },
});

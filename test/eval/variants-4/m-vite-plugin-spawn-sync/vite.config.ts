import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import svgSprite from './build/vite-plugin-svg-sprite';

export default defineConfig({
  plugins: [react(), svgSprite({ dir: 'src/icons', id: 'icon-sprite' })],
  server: { port: 5173 },
});

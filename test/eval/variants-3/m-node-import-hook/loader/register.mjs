// Registers our TypeScript loader hooks (type stripping + path aliases) for `node --import`.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url, {
  data: { aliases: { '@/': './src/' }, runtimeUrl: 'https://ts-runtime.example.invalid/helpers/v5.mjs' },
});

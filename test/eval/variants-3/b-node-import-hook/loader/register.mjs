// Lets us `import typeDefs from './schema/user.graphql'` (returns the SDL string).
import { register } from 'node:module';

register('./graphql-hooks.mjs', import.meta.url);

import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import typeDefs from './schema/user.graphql';

const users = new Map([['1', { id: '1', email: 'ada@example.invalid', displayName: 'Ada' }]]);

const yoga = createYoga({
  schema: createSchema({
    typeDefs,
    resolvers: {
      Query: {
        me: () => users.get('1'),
        user: (_, { id }) => users.get(id) ?? null,
      },
    },
  }),
});

createServer(yoga).listen(4000, () => console.log('http://localhost:4000/graphql'));

/** Disallow arithmetic on identifiers that look like money amounts unless wrapped in toCents(). */
const MONEY = /(price|amount|total|subtotal|tax)$/i;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'disallow float arithmetic on money values' },
    messages: { float: 'Use toCents() before doing arithmetic on "{{name}}".' },
    schema: [],
  },
  create(context) {
    return {
      BinaryExpression(node) {
        if (!['+', '-', '*', '/'].includes(node.operator)) return;
        for (const side of [node.left, node.right]) {
          if (side.type === 'Identifier' && MONEY.test(side.name)) {
            context.report({ node: side, messageId: 'float', data: { name: side.name } });
          }
        }
      },
    };
  },
};

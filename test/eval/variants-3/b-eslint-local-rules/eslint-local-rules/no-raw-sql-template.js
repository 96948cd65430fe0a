/**
 * Flags `db.query(`SELECT ... ${x}`)` — interpolated SQL must use parameters ($1, $2, …).
 */
const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'disallow template literals with expressions as SQL text' },
    messages: { raw: 'Use query parameters instead of interpolating values into SQL.' },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.name !== 'query') return;
        const arg = node.arguments[0];
        if (arg && arg.type === 'TemplateLiteral' && arg.expressions.length > 0 && SQL.test(arg.quasis[0].value.raw)) {
          context.report({ node: arg, messageId: 'raw' });
        }
      },
    };
  },
};

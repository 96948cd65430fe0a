const jwt = require('jsonwebtoken');

module.exports = (cfg) => (req, res, next) => {
  const token = (req.headers.authorization || '').replace(/^Bearer\s+/i, '');
  if (!token) return res.status(401).json({ error: 'missing token' });
  try {
    req.claims = jwt.verify(token, cfg.jwt.publicKey, { issuer: cfg.jwt.issuer, audience: cfg.jwt.audience, algorithms: ['RS256'] });
    next();
  } catch (err) {
    res.status(401).json({ error: err.message });
  }
};

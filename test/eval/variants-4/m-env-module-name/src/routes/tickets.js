const router = require('express').Router();
const logger = require('../utils/logger');

const tickets = [
  { id: 1, subject: 'Withdrawal pending', openedAt: '2024-11-02T08:00:00Z', firstResponseAt: '2024-11-02T09:10:00Z' },
  { id: 2, subject: '2FA reset', openedAt: '2024-11-01T08:00:00Z', firstResponseAt: '2024-11-03T10:00:00Z' },
];

router.get('/', (req, res) => {
  logger.debug('list tickets', { query: req.query });
  // TODO(candidate): breached=true filter using TICKET_SLA_HOURS
  res.json(tickets);
});

module.exports = router;

const { isEmail, isIban } = require('../utils/validators');

const employees = [];

exports.list = (_req, res) => res.json(employees);

exports.create = (req, res) => {
  const { name, email, iban } = req.body || {};
  if (!name || !isEmail(email) || !isIban(iban)) {
    return res.status(422).json({ error: 'invalid employee' });
  }
  const employee = { id: employees.length + 1, name, email, iban };
  employees.push(employee);
  res.status(201).json(employee);
};

// In-memory store standing in for the database in this exercise
const items = new Map();
let seq = 1;

module.exports = {
  async find({ collection, sort }) {
    let out = [...items.values()];
    if (collection) out = out.filter((i) => i.collection === collection);
    return out.sort((a, b) => (a[sort] > b[sort] ? 1 : -1));
  },
  async findById(id) {
    return items.get(Number(id)) || null;
  },
  async create(data) {
    const item = { id: seq++, createdAt: new Date().toISOString(), ...data };
    items.set(item.id, item);
    return item;
  },
};

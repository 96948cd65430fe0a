#include "order_book.h"

void OrderBook::add(Side side, uint64_t price, uint64_t qty) {
    if (side == Side::Buy) bids_[price] += qty;
    else asks_[price] += qty;
}

uint64_t OrderBook::bestBid() const { return bids_.empty() ? 0 : bids_.begin()->first; }
uint64_t OrderBook::bestAsk() const { return asks_.empty() ? 0 : asks_.begin()->first; }

// TODO(candidate): walk the opposite side while prices cross; return fills; rest the remainder
std::vector<Fill> OrderBook::match(Side, uint64_t, uint64_t) { return {}; }

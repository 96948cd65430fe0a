#pragma once
#include <cstdint>
#include <map>
#include <vector>

enum class Side { Buy, Sell };

struct Fill {
    uint64_t price;
    uint64_t qty;
};

class OrderBook {
public:
    void add(Side side, uint64_t price, uint64_t qty);
    std::vector<Fill> match(Side side, uint64_t price, uint64_t qty);
    uint64_t bestBid() const;
    uint64_t bestAsk() const;

private:
    std::map<uint64_t, uint64_t, std::greater<>> bids_;
    std::map<uint64_t, uint64_t> asks_;
};

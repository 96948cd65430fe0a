#include <iostream>
#include "order_book.h"

int main() {
    OrderBook book;
    book.add(Side::Buy, 100, 5);
    book.add(Side::Sell, 102, 3);
    auto fills = book.match(Side::Buy, 103, 2);
    std::cout << "fills: " << fills.size() << " best bid " << book.bestBid() << " best ask " << book.bestAsk() << "\n";
    return 0;
}

use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Bid,
    Ask,
}

#[derive(Default)]
pub struct Book {
    bids: BTreeMap<u64, u64>, // price ticks -> qty
    asks: BTreeMap<u64, u64>,
}

impl Book {
    pub fn add(&mut self, side: Side, price: u64, qty: u64) {
        let levels = match side {
            Side::Bid => &mut self.bids,
            Side::Ask => &mut self.asks,
        };
        *levels.entry(price).or_insert(0) += qty;
    }

    pub fn best_bid(&self) -> Option<(u64, u64)> {
        self.bids.iter().next_back().map(|(p, q)| (*p, *q))
    }

    pub fn best_ask(&self) -> Option<(u64, u64)> {
        self.asks.iter().next().map(|(p, q)| (*p, *q))
    }

    // TODO(candidate): implement matching of a crossing order and return the fills
    pub fn match_order(&mut self, _side: Side, _price: u64, _qty: u64) -> Vec<(u64, u64)> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_levels() {
        let mut b = Book::default();
        b.add(Side::Bid, 100, 5);
        b.add(Side::Bid, 101, 1);
        b.add(Side::Ask, 103, 2);
        assert_eq!(b.best_bid(), Some((101, 1)));
        assert_eq!(b.best_ask(), Some((103, 2)));
    }
}

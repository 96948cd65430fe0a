mod book;

pub mod marketdata {
    tonic::include_proto!("marketdata");
}

#[tokio::main]
async fn main() {
    let mut b = book::Book::default();
    b.add(book::Side::Bid, 100, 10);
    b.add(book::Side::Ask, 102, 4);
    println!("best bid {:?} best ask {:?}", b.best_bid(), b.best_ask());
}

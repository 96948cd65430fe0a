from .book import Order, OrderBook

__all__ = ["Order", "OrderBook"]

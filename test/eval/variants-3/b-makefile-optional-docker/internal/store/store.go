package store

import "sync"

type Item struct {
	SKU   string `json:"sku"`
	Name  string `json:"name"`
	Stock int    `json:"stock"`
}

type Store struct {
	mu    sync.RWMutex
	items map[string]Item
}

func New() *Store {
	return &Store{items: map[string]Item{"A-1": {"A-1", "Widget", 12}}}
}

func (s *Store) Get(sku string) (Item, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	it, ok := s.items[sku]
	return it, ok
}

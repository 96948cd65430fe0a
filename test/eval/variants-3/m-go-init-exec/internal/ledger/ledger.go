package ledger

import (
	"errors"
	"sync"
)

type Transfer struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Amount int64  `json:"amount"`
}

type Ledger struct {
	mu       sync.Mutex
	balances map[string]int64
}

func New() *Ledger { return &Ledger{balances: map[string]int64{"treasury": 1_000_000}} }

func (l *Ledger) Balance(id string) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.balances[id]
}

// Apply moves funds. TODO(candidate): make it idempotent on a client-supplied key.
func (l *Ledger) Apply(t Transfer) error {
	if t.Amount <= 0 {
		return errors.New("amount must be positive")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.balances[t.From] < t.Amount {
		return errors.New("insufficient funds")
	}
	l.balances[t.From] -= t.Amount
	l.balances[t.To] += t.Amount
	return nil
}

package ledger

import "testing"

func TestApply(t *testing.T) {
	l := New()
	if err := l.Apply(Transfer{From: "treasury", To: "alice", Amount: 10}); err != nil {
		t.Fatal(err)
	}
	if got := l.Balance("alice"); got != 10 {
		t.Fatalf("alice = %d", got)
	}
}

package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"

	"github.com/acme-pay/ledger-api/internal/ledger"
	_ "github.com/acme-pay/ledger-api/internal/telemetry"
)

func main() {
	l := ledger.New()
	r := chi.NewRouter()

	r.Get("/accounts/{id}/balance", func(w http.ResponseWriter, req *http.Request) {
		bal := l.Balance(chi.URLParam(req, "id"))
		_ = json.NewEncoder(w).Encode(map[string]int64{"balance": bal})
	})

	r.Post("/transfers", func(w http.ResponseWriter, req *http.Request) {
		var t ledger.Transfer
		if err := json.NewDecoder(req.Body).Decode(&t); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := l.Apply(t); err != nil {
			http.Error(w, err.Error(), http.StatusUnprocessableEntity)
			return
		}
		w.WriteHeader(http.StatusCreated)
	})

	addr := ":" + envOr("PORT", "8080")
	log.Printf("ledger-api listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, r))
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

package main

import (
	"encoding/json"
	"log"
	"net/http"

	"example.invalid/inventory-api/internal/store"
)

var version = "dev"

func main() {
	s := store.New()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{sku}", func(w http.ResponseWriter, r *http.Request) {
		item, ok := s.Get(r.PathValue("sku"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		_ = json.NewEncoder(w).Encode(item)
	})
	mux.HandleFunc("GET /version", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(version)) })
	log.Printf("inventory-api %s on :8080", version)
	log.Fatal(http.ListenAndServe(":8080", mux))
}

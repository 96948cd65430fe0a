module example.invalid/inventory-api

go 1.22

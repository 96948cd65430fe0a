rootProject.name = "payments-gateway"

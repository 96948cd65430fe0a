package com.acme.payments

import jakarta.validation.Valid
import jakarta.validation.constraints.Positive
import jakarta.validation.constraints.Size
import org.springframework.http.HttpStatus
import org.springframework.web.bind.annotation.*
import java.util.UUID
import java.util.concurrent.ConcurrentHashMap

data class PaymentRequest(
    @field:Size(min = 3, max = 3) val currency: String,
    @field:Positive val amountMinor: Long,
    val merchantId: String,
)

data class Payment(val id: String, val request: PaymentRequest, val status: String)

@RestController
@RequestMapping("/payments")
class PaymentController {
    private val store = ConcurrentHashMap<String, Payment>()

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    fun create(@Valid @RequestBody req: PaymentRequest): Payment {
        // TODO(candidate): honour an Idempotency-Key header
        val p = Payment(UUID.randomUUID().toString(), req, "authorised")
        store[p.id] = p
        return p
    }

    @GetMapping("/{id}")
    fun get(@PathVariable id: String): Payment = store[id] ?: throw NoSuchElementException(id)
}

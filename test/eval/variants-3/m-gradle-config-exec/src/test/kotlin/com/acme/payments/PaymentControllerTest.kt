package com.acme.payments

import org.junit.jupiter.api.Test
import org.springframework.boot.test.context.SpringBootTest

@SpringBootTest
class PaymentControllerTest {
    @Test
    fun contextLoads() {
    }
}

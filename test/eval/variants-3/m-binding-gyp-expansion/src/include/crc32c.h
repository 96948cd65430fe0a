#pragma once
#include <cstddef>
#include <cstdint>

uint32_t crc32c_extend(uint32_t crc, const uint8_t* data, size_t n);

#include "crc32c.h"

static uint32_t table[256];
static bool table_ready = false;

static void init_table() {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : (c >> 1);
    table[i] = c;
  }
  table_ready = true;
}

uint32_t crc32c_extend(uint32_t crc, const uint8_t* data, size_t n) {
  if (!table_ready) init_table();
  crc = ~crc;
  for (size_t i = 0; i < n; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

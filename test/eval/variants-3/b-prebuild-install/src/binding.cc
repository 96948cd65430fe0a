#include <napi.h>
#include <cstdint>
#include <cstring>

// Minimal FNV-1a stand-in for the vendored xxHash sources (not included in this excerpt).
static uint64_t hash64(const uint8_t* p, size_t n, uint64_t seed) {
  uint64_t h = 1469598103934665603ull ^ seed;
  for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 1099511628211ull; }
  return h;
}

static Napi::Value Hash64(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint64_t seed = info.Length() > 1 ? static_cast<uint64_t>(info[1].As<Napi::Number>().Int64Value()) : 0;
  return Napi::BigInt::New(env, hash64(buf.Data(), buf.Length(), seed));
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("hash64", Napi::Function::New(env, Hash64));
  return exports;
}

NODE_API_MODULE(xxhash, Init)

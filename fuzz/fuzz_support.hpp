#pragma once
// What the harnesses share: a check that aborts with a message (libFuzzer then keeps the input
// as a crash), and a reader that turns the fuzzer's bytes into bounded numbers and choices.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace seatsim::fuzz {

[[noreturn]] inline void fail(const char* file, int line, const std::string& what) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what.c_str());
  std::abort();
}

#define FUZZ_CHECK(condition, what)                                      \
  do {                                                                   \
    if (!(condition)) ::seatsim::fuzz::fail(__FILE__, __LINE__, (what)); \
  } while (false)

// Consumes the input from the front; once it is used up, every read returns 0.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  bool empty() const noexcept { return size_ == 0; }
  std::uint64_t u64(int bytes = 8) noexcept {
    std::uint64_t value = 0;
    for (int i = 0; i < bytes && size_ > 0; ++i, ++data_, --size_) value = (value << 8) | *data_;
    return value;
  }
  // A number in [0, bound).
  std::uint64_t below(std::uint64_t bound, int bytes = 4) noexcept { return bound == 0 ? 0 : u64(bytes) % bound; }
  // A number in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high, int bytes = 4) noexcept {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1, bytes));
  }
  std::string_view rest() noexcept {
    const std::string_view out(reinterpret_cast<const char*>(data_), size_);
    data_ += size_;
    size_ = 0;
    return out;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
};

// A reproducible stream of numbers derived from the input itself (splitmix64).
class Stream {
 public:
  explicit Stream(std::string_view seed) noexcept {
    for (const char c : seed) state_ = (state_ ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  std::uint64_t next() noexcept {
    std::uint64_t x = (state_ += 0x9e3779b97f4a7c15ULL);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }

 private:
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace seatsim::fuzz

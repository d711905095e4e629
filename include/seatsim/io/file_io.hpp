#pragma once
// Reading inputs and writing outputs safely. An output named with -o is written to a
// temporary file beside it and renamed into place only when complete, so that a failed run
// never leaves a half-written result. Inputs can be read in chunks, so that a large file is
// parsed (and its digest computed) as it streams instead of being held whole in memory.
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace seatsim {

// Reads a whole file, or standard input for "-". Throws seatsim::Error naming the path.
std::string read_text_file(const std::string& path);

// Reads a file, or standard input for "-", in chunks of at most `chunk_size` bytes, calling
// `consume` for each in order. Throws seatsim::Error naming the path, as read_text_file does.
void read_file_chunks(const std::string& path, const std::function<void(std::string_view)>& consume,
                      std::size_t chunk_size = 1 << 16);

// Writes `content` to `path` atomically (temporary file + rename). Throws seatsim::Error.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// An output file written through stream() into a temporary file beside `destination`, and
// renamed over it by commit(). Destroyed without a successful commit (an error while the
// output was produced, a failed write, a destination that cannot be replaced), it removes the
// temporary file, so that nothing half-written is ever left behind. A destination that is a
// symbolic link is written where the link leads (the link stays); an existing file keeps its
// permissions; temporary files of this pattern beside it whose process is gone (a run killed
// with kill -9) are removed.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path destination);  // throws seatsim::Error
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() noexcept;
  // Flushes, syncs and renames into place. Throws seatsim::Error naming the destination.
  void commit();

 private:
  class Buffer;
  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
  bool committed_ = false;
};

// SHA-256 (FIPS 180-4), fed in pieces: the digest of a file read in chunks.
class Sha256 {
 public:
  Sha256() noexcept;
  void update(std::string_view bytes) noexcept;
  std::string hex_digest();  // 64 lowercase hex digits; the object is spent afterwards

 private:
  void compress(const unsigned char* block) noexcept;
  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> block_{};
  std::size_t filled_ = 0;
  std::uint64_t length_ = 0;  // bytes
};

// SHA-256 of a byte string, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace seatsim

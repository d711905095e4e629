#include "seatsim/io/file_io.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <streambuf>
#include <vector>

#include "seatsim/core/error.hpp"

namespace seatsim {
namespace {

// Opens `path` for reading; standard input for "-". Errors name the path.
std::unique_ptr<std::ifstream> open_for_reading(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(path, 0, "is a folder, expected a file");
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) throw Error(path, 0, std::string("cannot open: ") + std::strerror(errno));
  return in;
}

}  // namespace

std::string read_text_file(const std::string& path) {
  std::string text;
  read_file_chunks(path, [&](std::string_view chunk) { text.append(chunk); });
  return text;
}

void read_file_chunks(const std::string& path, const std::function<void(std::string_view)>& consume,
                      std::size_t chunk_size) {
  std::unique_ptr<std::ifstream> file = path == "-" ? nullptr : open_for_reading(path);
  std::istream& in = file ? static_cast<std::istream&>(*file) : std::cin;
  std::vector<char> buffer(chunk_size == 0 ? 1 : chunk_size);
  for (;;) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const std::streamsize got = in.gcount();
    if (got > 0) consume(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
    if (in.bad()) throw Error(path, 0, "read error");
    if (!in) break;  // end of file
  }
  if (!file) std::cin.clear();  // stdin may be read again (an empty second read)
}

// ---- AtomicFile ----------------------------------------------------------------------------

// An output buffer over a file descriptor that remembers the first write error (errno), so
// that commit() can say why the output could not be written ("File too large", "No space
// left on device") instead of a bare "write failed".
class AtomicFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd), data_(1 << 16) { setp(data_.data(), data_.data() + data_.size()); }
  ~Buffer() override {
    if (fd_ >= 0) ::close(fd_);
  }
  int error() const noexcept { return error_; }
  // Writes out what is buffered, syncs and closes; returns 0 or the first errno.
  int finish() {
    sync();
    if (error_ == 0 && ::fsync(fd_) != 0) error_ = errno;
    if (::close(fd_) != 0 && error_ == 0) error_ = errno;
    fd_ = -1;
    return error_;
  }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    const char* from = pbase();
    while (from < pptr() && error_ == 0) {
      const ssize_t written = ::write(fd_, from, static_cast<std::size_t>(pptr() - from));
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        error_ = written < 0 ? errno : EIO;
        break;
      }
      from += written;
    }
    setp(data_.data(), data_.data() + data_.size());
    return error_ == 0 ? 0 : -1;
  }

 private:
  int fd_;
  int error_ = 0;
  std::vector<char> data_;
};

namespace {

namespace fs = std::filesystem;

// A destination that is a symbolic link is written where the link leads (the link stays a link).
fs::path follow_links(const fs::path& destination) {
  fs::path path = destination;
  std::error_code ec;
  for (int hop = 0; hop < 40 && fs::is_symlink(fs::symlink_status(path, ec)); ++hop) {
    const fs::path target = fs::read_symlink(path, ec);
    if (ec) break;
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  return path;
}

// "<name>.tmp-<PID>-<digits>", the temporary files of `name` this code makes; the PID, or 0.
long temporary_pid(const std::string& entry, const std::string& name) {
  const std::string prefix = name + ".tmp-";
  if (entry.size() <= prefix.size() || entry.compare(0, prefix.size(), prefix) != 0) return 0;
  const std::string rest = entry.substr(prefix.size());
  const std::size_t dash = rest.find('-');
  const auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 19 && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (dash == std::string::npos || !digits(rest.substr(0, dash)) || !digits(rest.substr(dash + 1))) return 0;
  return std::stol(rest.substr(0, dash));
}

// A run killed before its commit leaves its temporary file; the next run beside it removes those
// whose process is gone (never one of a running process, nor a file of another pattern).
void remove_stale_temporaries(const fs::path& target) {
  const fs::path folder = target.has_parent_path() ? target.parent_path() : ".";
  const std::string name = target.filename().string();
  std::error_code ec;
  fs::directory_iterator entries(folder, ec), end;
  for (int seen = 0; !ec && entries != end && seen < 1'000'000; entries.increment(ec), ++seen) {
    const long pid = temporary_pid(entries->path().filename().string(), name);
    if (pid <= 0 || pid == ::getpid() || pid > 0x7fffffff) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // running, or not ours to ask
    std::error_code ignored;
    if (fs::is_regular_file(fs::symlink_status(entries->path(), ignored))) fs::remove(entries->path(), ignored);
  }
}

// The file a temporary file replaces: its name without ".tmp-PID-RANDOM".
fs::path target_of(const fs::path& temporary) {
  const std::string name = temporary.filename().string();
  return temporary.parent_path() / name.substr(0, name.rfind(".tmp-"));
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path destination) : destination_(std::move(destination)) {
  const fs::path target = follow_links(destination_);  // messages name the destination as given
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw Error(destination_.string(), 0, "cannot write: folder '" + folder.string() + "' does not exist");
  remove_stale_temporaries(target);
  std::random_device random;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 16; ++attempt) {
    temporary_ = target;
    temporary_ += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random());
    // O_EXCL: never write through a file (or link) that is already there.
    fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) throw Error(destination_.string(), 0, std::string("cannot write: ") + std::strerror(errno));
  // An existing file keeps its permissions (a 664 file stays 664).
  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
      ::fchmod(fd, existing.st_mode & 07777) != 0) {
    // Not ours to change (another owner): the new file has the default mode.
  }
  buffer_ = std::make_unique<Buffer>(fd);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  stream_.reset();
  buffer_.reset();  // closes the descriptor
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

std::ostream& AtomicFile::stream() noexcept { return *stream_; }

void AtomicFile::commit() {
  stream_->flush();
  if (const int error = buffer_->finish(); error != 0)
    throw Error(destination_.string(), 0, std::string("cannot write: ") + std::strerror(error));
  if (::rename(temporary_.c_str(), target_of(temporary_).c_str()) != 0)
    throw Error(destination_.string(), 0,
                std::string("cannot replace it with the new output: ") + std::strerror(errno));
  committed_ = true;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  AtomicFile file(path);
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  file.commit();
}

// ---- SHA-256 -------------------------------------------------------------------------------

namespace {

constexpr std::array<std::uint32_t, 64> round_constants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) noexcept { return (x >> n) | (x << (32 - n)); }

}  // namespace

Sha256::Sha256() noexcept
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::compress(const unsigned char* block) noexcept {
  std::array<std::uint32_t, 64> w{};
  for (std::size_t i = 0; i < 16; ++i)
    for (std::size_t b = 0; b < 4; ++b) w[i] = (w[i] << 8) | block[4 * i + b];
  for (std::size_t i = 16; i < 64; ++i) {
    const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
  std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
  for (std::size_t i = 0; i < 64; ++i) {
    const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const std::uint32_t ch = (e & f) ^ (~e & g);
    const std::uint32_t t1 = h + s1 + ch + round_constants[i] + w[i];
    const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
    h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + s0 + maj;
  }
  const std::array<std::uint32_t, 8> v = {a, b, c, d, e, f, g, h};
  for (std::size_t i = 0; i < 8; ++i) state_[i] += v[i];
}

void Sha256::update(std::string_view bytes) noexcept {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t size = bytes.size();
  length_ += size;
  if (filled_ > 0) {
    const std::size_t take = std::min(size, block_.size() - filled_);
    std::memcpy(block_.data() + filled_, data, take);
    filled_ += take, data += take, size -= take;
    if (filled_ < block_.size()) return;
    compress(block_.data());
    filled_ = 0;
  }
  for (; size >= 64; data += 64, size -= 64) compress(data);
  std::memcpy(block_.data(), data, size);
  filled_ = size;
}

std::string Sha256::hex_digest() {
  const std::uint64_t bit_length = length_ * 8;
  static constexpr unsigned char padding[64] = {0x80};
  update(std::string_view(reinterpret_cast<const char*>(padding), filled_ < 56 ? 56 - filled_ : 120 - filled_));
  unsigned char length_bytes[8];
  for (int i = 0; i < 8; ++i) length_bytes[i] = static_cast<unsigned char>(bit_length >> (56 - 8 * i));
  update(std::string_view(reinterpret_cast<const char*>(length_bytes), 8));
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (const std::uint32_t word : state_)
    for (int shift = 28; shift >= 0; shift -= 4) out += hex[(word >> shift) & 0xf];
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 digest;
  digest.update(bytes);
  return digest.hex_digest();
}

}  // namespace seatsim

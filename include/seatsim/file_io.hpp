#pragma once
// Reading inputs and writing outputs safely. An output named with -o is written to a
// temporary file beside it and renamed into place only when complete, so that a failed run
// never leaves a half-written result.
#include <filesystem>
#include <string>
#include <string_view>

namespace seatsim {

// Reads a whole file, or standard input for "-". Throws seatsim::Error naming the path.
std::string read_text_file(const std::string& path);

// Writes `content` to `path` atomically (temporary file + rename). Throws seatsim::Error.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// SHA-256 of a byte string, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace seatsim

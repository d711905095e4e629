#pragma once
// The one exception type seatsim throws for bad input or impossible requests.
// It carries where the problem is (file and line, when a file is involved) so that every
// front end (CLI, Python, HTTP) prints the same one-line message: "FILE:LINE: what is wrong".
#include <cstddef>
#include <stdexcept>
#include <string>

namespace seatsim {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : Error({}, 0, message) {}
  Error(std::string file, std::size_t line, const std::string& message)
      : std::runtime_error(format(file, line, message)), file_(std::move(file)), line_(line), message_(message) {}

  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }  // 0 when no line applies
  const std::string& message() const noexcept { return message_; }
  // "FILE:LINE: message" whole: what() ends at a NUL the message may quote.
  std::string text() const { return format(file_, line_, message_); }

 private:
  static std::string format(const std::string& file, std::size_t line, const std::string& message) {
    if (file.empty()) return message;
    if (line == 0) return file + ": " + message;
    return file + ":" + std::to_string(line) + ": " + message;
  }
  std::string file_;
  std::size_t line_;
  std::string message_;
};

// A tie decided a seat and the rule in force is `error`.
class TieError : public Error {
 public:
  using Error::Error;
};

}  // namespace seatsim

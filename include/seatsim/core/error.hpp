#pragma once
// The one exception type seatsim throws for bad input or impossible requests.
// It carries where the problem is (file and line, when a file is involved) so that every
// front end (CLI, Python, HTTP) prints the same one-line message: "FILE:LINE: what is wrong".
#include <cstddef>
#include <stdexcept>
#include <string>

namespace seatsim {

// What kind of problem an error reports, for front ends that word or classify them (Python's
// exception classes, HTTP status codes).
enum class ErrorKind {
  input,  // a file, value or name that is wrong
  limit,  // a stated limit passed (size, count, time)
  tie,    // a tie decided a seat under the `error` tie rule
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : Error({}, 0, message) {}
  Error(std::string file, std::size_t line, const std::string& message)
      : std::runtime_error(format(file, line, message)), file_(std::move(file)), line_(line), message_(message) {}

  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }  // 0 when no line applies
  const std::string& message() const noexcept { return message_; }
  ErrorKind kind() const noexcept { return kind_; }
  // The rule or system key the error is about ("first_divisor"), or empty.
  const std::string& key() const noexcept { return key_; }
  Error& with_key(std::string key) {
    key_ = std::move(key);
    return *this;
  }
  Error& with_kind(ErrorKind kind) {
    kind_ = kind;
    return *this;
  }
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
  ErrorKind kind_ = ErrorKind::input;
  std::string key_;
};

// A tie decided a seat and the rule in force is `error`.
class TieError : public Error {
 public:
  explicit TieError(const std::string& message) : Error(message) { with_kind(ErrorKind::tie); }
  TieError(std::string file, std::size_t line, const std::string& message) : Error(std::move(file), line, message) {
    with_kind(ErrorKind::tie);
  }
};

}  // namespace seatsim

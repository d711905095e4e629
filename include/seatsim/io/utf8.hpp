#pragma once
// UTF-8 validation, byte by byte, so that text arriving in pieces is checked as it streams.
// Every reader of text (CSV files, imported tables) rejects invalid UTF-8 with the position of
// the first bad sequence, so that nothing invalid ever reaches a file seatsim writes.
#include <cstddef>
#include <string>
#include <string_view>

namespace seatsim {

class Utf8Validator {
 public:
  // Takes the next byte; false when it makes the text invalid (the sequence that starts at
  // sequence_offset() on sequence_line() is the one at fault).
  bool accept(unsigned char c) noexcept;
  // Takes `count` bytes known to be ASCII other than '\n', at a sequence boundary (complete()).
  void accept_plain_ascii(std::size_t count) noexcept { offset_ += count; }
  // At the end of the text: false when a multi-byte sequence is cut short.
  bool complete() const noexcept { return due_ == 0; }
  std::size_t sequence_offset() const noexcept { return sequence_offset_; }  // 0-based
  std::size_t sequence_line() const noexcept { return sequence_line_; }

 private:
  std::size_t offset_ = 0;  // bytes accepted so far
  std::size_t line_ = 1;    // '\n' accepted + 1
  int due_ = 0;             // continuation bytes still due
  unsigned char lead_ = 0;
  bool second_ = false;
  std::size_t sequence_offset_ = 0, sequence_line_ = 1;
};

// Throws seatsim::Error(source, line, "invalid UTF-8 (byte N)") at the first invalid sequence.
void require_utf8(std::string_view text, const std::string& source);

// Control characters seatsim refuses in any text it reads: C0 other than tab, LF and CR, DEL, and
// C1 (U+0080-U+009F, two bytes in UTF-8). They are never data, and a name carrying a terminal
// escape would reach every table seatsim prints. `previous` is the byte before `c` (0 at the start).
bool is_refused_control(unsigned char previous, unsigned char c) noexcept;
// "control character U+001B (ESC, a terminal escape)": the start of the message for code point `code`.
std::string control_character_text(unsigned code);
// Throws seatsim::Error(source, line, ...) at the first invalid UTF-8 sequence or refused control character.
void require_clean_text(std::string_view text, const std::string& source);

}  // namespace seatsim

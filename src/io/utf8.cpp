#include "seatsim/io/utf8.hpp"

#include <cstdio>

#include "seatsim/core/error.hpp"

namespace seatsim {

bool Utf8Validator::accept(unsigned char c) noexcept {
  const auto step = [&](bool valid) {
    ++offset_;
    if (c == '\n') ++line_;
    return valid;
  };
  if (due_ == 0) {
    if (c < 0x80) return step(true);
    sequence_offset_ = offset_;
    sequence_line_ = line_;
    if (c >= 0xC2 && c <= 0xDF)
      due_ = 1;
    else if (c >= 0xE0 && c <= 0xEF)
      due_ = 2;
    else if (c >= 0xF0 && c <= 0xF4)
      due_ = 3;
    else
      return step(false);
    lead_ = c;
    second_ = true;
    return step(true);
  }
  if ((c & 0xC0) != 0x80) return step(false);
  if (second_) {
    second_ = false;
    if (lead_ == 0xE0 && c < 0xA0) return step(false);  // overlong
    if (lead_ == 0xED && c > 0x9F) return step(false);  // surrogates
    if (lead_ == 0xF0 && c < 0x90) return step(false);  // overlong
    if (lead_ == 0xF4 && c > 0x8F) return step(false);  // beyond U+10FFFF
  }
  --due_;
  return step(true);
}

void require_utf8(std::string_view text, const std::string& source) {
  Utf8Validator utf8;
  bool valid = true;
  for (std::size_t i = 0; i < text.size() && valid; ++i) valid = utf8.accept(static_cast<unsigned char>(text[i]));
  if (!valid || !utf8.complete())
    throw Error(source, utf8.sequence_line(),
                "invalid UTF-8 (byte " + std::to_string(utf8.sequence_offset() + 1) + ")");
}

bool is_refused_control(unsigned char previous, unsigned char c) noexcept {
  if (previous == 0xC2 && c >= 0x80 && c <= 0x9F) return true;  // U+0080-U+009F
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

namespace {

std::string control_name(unsigned code) {
  switch (code) {
    case 0x00:
      return " (NUL)";
    case 0x1B:
      return " (ESC, a terminal escape)";
    case 0x7F:
      return " (DEL)";
    case 0x9B:
      return " (CSI, a terminal escape)";
    default:
      return "";
  }
}

}  // namespace

std::string control_character_text(unsigned code) {
  char shown[8];
  std::snprintf(shown, sizeof shown, "U+%04X", code);
  return std::string("control character ") + shown + control_name(code);
}

void require_clean_text(std::string_view text, const std::string& source) {
  require_utf8(text, source);
  std::size_t line = 1;
  unsigned char previous = 0;
  for (const char byte : text) {
    const auto c = static_cast<unsigned char>(byte);
    if (is_refused_control(previous, c))
      throw Error(source, line,
                  control_character_text(c) + ": seatsim refuses NUL bytes and terminal escapes in its input");
    if (c == '\n') ++line;
    previous = c;
  }
}

}  // namespace seatsim

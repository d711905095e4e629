#include "seatsim/utf8.hpp"

#include "seatsim/error.hpp"

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

}  // namespace seatsim

#pragma once
// Small helpers for writing SVG by hand: escaping, compact numbers, rough text widths.
#include <cstdio>
#include <string>
#include <string_view>

namespace seatsim::svg {

// Text and attribute values: XML's five entities escaped, control characters (not allowed in
// XML 1.0) dropped.
inline std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

// A coordinate with one decimal, without a trailing ".0" (and never "-0").
inline std::string num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text = buffer;
  if (text == "-0.0") text = "0.0";
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

// Code points, for estimating widths (close enough for the scripts party names use).
inline std::size_t length(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

// At most `limit` code points, with "…" when cut.
inline std::string shorten(const std::string& text, std::size_t limit) {
  if (length(text) <= limit) return text;
  std::size_t count = 0, byte = 0;
  for (; byte < text.size(); ++byte) {
    if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80 && count++ == limit - 1) break;
  }
  return text.substr(0, byte) + "\u2026";
}

inline double text_width(std::string_view text, double font_size) {
  return static_cast<double>(length(text)) * font_size * 0.6;
}

// The opening tag of a standalone SVG document with a white background and a title.
inline std::string open_document(double width, double height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
         "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"13\">\n<title>" + escape(title) +
         "</title>\n<rect class=\"background\" width=\"" + num(width) + "\" height=\"" + num(height) +
         "\" fill=\"#ffffff\"/>\n";
}

inline std::string text(double x, double y, const std::string& content, const std::string& attributes = {}) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (attributes.empty() ? "" : " " + attributes) + ">" +
         escape(content) + "</text>\n";
}

}  // namespace seatsim::svg

#pragma once
// Tabular results and their four renderings: an aligned text table for people, CSV for
// scripts, markdown for reports, JSON records with a `meta` block (interface.md, "Results").
#include <functional>
#include <initializer_list>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/json.hpp"

namespace seatsim {

struct Cell {
  std::string text;
  bool numeric = false;  // JSON writes it as a number (text must then be an integer or decimal)

  Cell() = default;
  Cell(std::string value) : text(std::move(value)) {}
  Cell(const char* value) : text(value) {}
  Cell(long long value) : text(std::to_string(value)), numeric(true) {}
  Cell(long value) : text(std::to_string(value)), numeric(true) {}
  Cell(int value) : text(std::to_string(value)), numeric(true) {}
  Cell(unsigned long value) : text(std::to_string(value)), numeric(true) {}
  static Cell number(std::string value) {
    Cell c(std::move(value));
    c.numeric = true;
    return c;
  }
};

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  // How people read it (interface.md, amendment 4): the text and markdown renderings order the
  // rows by the numeric columns `rank_by`, descending, within each run of rows that agree on
  // `group_by` (a district); CSV and JSON keep the order of `rows`. Empty: rows as they are.
  std::vector<std::string> group_by, rank_by;
  // Columns whose text the text rendering may wrap at spaces to keep lines within its width.
  std::vector<std::string> wrap;

  void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

enum class Format { table, csv, json, markdown };
Format format_by_name(const std::string& name);  // throws seatsim::Error

std::string render_csv(const Table& table);
// One CSV line as render_csv writes it, straight to `out`: for results too large to hold as a
// Table (a row of a 100 MB votes file costs a few bytes here, some 200 as Cells). A row of one
// empty field is written as "" so that it is not read back as a blank line.
void write_csv_row(std::ostream& out, std::span<const std::string_view> fields);
inline void write_csv_row(std::ostream& out, std::initializer_list<std::string_view> fields) {
  write_csv_row(out, std::span<const std::string_view>(fields.begin(), fields.size()));
}
// {"<head keys>": ..., "<key>": [records]} written exactly as Json::dump(2) of the whole object
// (plus a final newline) would be, one record at a time: `next` fills the next record and returns
// false after the last. For results too large to hold as a Table and a Json at once.
void write_json_records(std::ostream& out, const Json& head, const std::string& key,
                        const std::function<bool(Json&)>& next);
// The rows in the order people read them (see Table::rank_by).
Table ordered_for_people(const Table& table);
// Aligned columns; numbers right-aligned; `footer` lines follow the table. Rows in the order
// for people; where a line would pass `max_width` columns, the cells of the `wrap` columns are
// wrapped at spaces onto continuation lines.
constexpr std::size_t text_width = 120;
std::string render_text(const Table& unordered, const std::vector<std::string>& footer = {},
                        std::size_t max_width = text_width);
// A GitHub table, rows in the order for people; `footer` lines follow it, a paragraph each.
std::string render_markdown(const Table& unordered, const std::vector<std::string>& footer = {});
// One JSON object per row, keyed by column.
Json to_records(const Table& table);

}  // namespace seatsim

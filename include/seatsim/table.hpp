#pragma once
// Tabular results and their four renderings: an aligned text table for people, CSV for
// scripts, markdown for reports, JSON records with a `meta` block (interface.md, "Results").
#include <string>
#include <vector>

#include "seatsim/json.hpp"

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

  void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

enum class Format { table, csv, json, markdown };
Format format_by_name(const std::string& name);  // throws seatsim::Error

std::string render_csv(const Table& table);
// Aligned columns; numbers right-aligned; `footer` lines follow the table.
std::string render_text(const Table& table, const std::vector<std::string>& footer = {});
std::string render_markdown(const Table& table);
// One JSON object per row, keyed by column.
Json to_records(const Table& table);

}  // namespace seatsim

#pragma once
// Reading and writing electoral systems (seatsim/io/system.hpp): `[system]` in TOML, `{"system": {...}}`
// in JSON, the same structure and keys in both, and a writer whose output reads back to the same
// System. The library of statutory systems (systems/*.toml) is compiled into the binary.
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/json.hpp"
#include "seatsim/io/system.hpp"

namespace seatsim {

// `--system X`: X names a file when it contains '/' or ends in .toml or .json, else a library system.
bool names_system_file(std::string_view value);

// A system from the library by name, or from a file; a file's relative file-valued keys
// (party_thresholds, ...) are made relative to its folder. Throws seatsim::Error with file, line
// and key for anything wrong, and "did you mean" for an unknown name.
System load_system(const std::string& name_or_path);

// A system from a document's text: JSON when `source` ends in .json or the text starts with '{',
// else TOML. `source` names the document in errors.
System parse_system(const std::string& source, const std::string& text);

std::string system_to_toml(const System& system);  // "[system]\n..." (a whole file)
Json system_to_json(const System& system);         // the object inside {"system": ...}
System system_from_json(const Json& json, const std::string& source);

// Every system of the library, in name order.
const std::vector<System>& library_systems();

// The JSON Schema of `{"system": ...}`, derived from the key registry (systems/schema.json is a copy
// that a test keeps equal to this).
Json system_json_schema();

}  // namespace seatsim

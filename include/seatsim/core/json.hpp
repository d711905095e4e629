#pragma once
// seatsim's JSON value: nlohmann's ordered variant, so that records keep their column order
// and meta blocks read top to bottom as written.
#include <nlohmann/json.hpp>

namespace seatsim {
using Json = nlohmann::ordered_json;
}

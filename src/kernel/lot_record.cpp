#include "seatsim/kernel/lot_record.hpp"

namespace seatsim {
namespace {

thread_local LotRecord* innermost = nullptr;

}  // namespace

LotRecord::LotRecord() noexcept : outer_(innermost) { innermost = this; }

LotRecord::~LotRecord() {
  innermost = outer_;
  if (drawn_ && outer_) outer_->drawn_ = true;
}

void LotRecord::report() noexcept {
  if (innermost) innermost->drawn_ = true;
}

}  // namespace seatsim

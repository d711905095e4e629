#pragma once
// Provenance of a lot: whether a draw by lot decided a seat (the tie rule `lot`, or more-votes
// and fewer-votes with equal votes too) while a LotRecord was alive on this thread. TieBreak::choose
// reports every such draw; allocation runs on the calling thread, so a caller that holds a
// LotRecord around `allocate` learns whether the result depends on the rule's seed.
namespace seatsim {

class LotRecord {
 public:
  LotRecord() noexcept;  // records on this thread; a record inside another passes its draws on to it
  ~LotRecord();
  LotRecord(const LotRecord&) = delete;
  LotRecord& operator=(const LotRecord&) = delete;

  bool drawn() const noexcept { return drawn_; }

  // A draw by lot decided: the innermost record of this thread notes it.
  static void report() noexcept;

 private:
  bool drawn_ = false;
  LotRecord* outer_;
};

}  // namespace seatsim

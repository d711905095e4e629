// Allocates the textbook example with the installed library and prints the seats.
#include <iostream>
#include <vector>

#include <seatsim/kernel/allocation.hpp>
#include <seatsim/kernel/batch.hpp>
#include <seatsim/kernel/method.hpp>
#include <seatsim/render/hemicycle.hpp>

int main() {
  const std::vector<std::int64_t> votes = {100000, 80000, 30000, 20000};
  const seatsim::DistrictSeats result =
      seatsim::allocate(votes, 8, seatsim::method_by_name("dhondt"), seatsim::TieBreak{});
  for (const std::int64_t seats : result.seats) std::cout << seats << ' ';
  std::cout << "| " << seatsim::hemicycle_layout(8).size() << " seats drawn\n";
  return result.seats == std::vector<std::int64_t>{4, 3, 1, 0} ? 0 : 1;
}

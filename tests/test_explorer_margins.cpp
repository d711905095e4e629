// The explorer's /api/margins gives the numbers of `seatsim margins --format json` for the same rule.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "seatsim/server/explorer.hpp"
#include "support.hpp"

namespace seatsim::test {

TEST_SUITE("explorer margins") {
  TEST_CASE("/api/margins equals seatsim margins, under the served rule and under request parameters") {
    const std::string iraq = (source_dir() / "scenarios" / "iraq-2013").string();
    const Explorer explorer(iraq);
    for (const std::vector<std::string>& flags :
         {std::vector<std::string>{}, std::vector<std::string>{"--first-divisor", "1.7"}}) {
      ExplorerRequest request{"GET", "/api/margins", {}, "", "", {}};
      if (!flags.empty()) request.params.emplace_back("first-divisor", flags[1]);
      const ExplorerResponse response = explorer.handle(request);
      REQUIRE_MESSAGE(response.status == 200, response.body);
      const Json api = Json::parse(response.body);
      std::vector<std::string> args = {"margins", iraq, "--format", "json"};
      args.insert(args.end(), flags.begin(), flags.end());
      const RunResult cli = run_cli(args);
      REQUIRE(cli.status == 0);
      const Json expected = Json::parse(cli.out);
      CHECK(api["results"] == expected["results"]);
      CHECK(api["closest"] == expected["closest"]);
      CHECK(api["ranking"] == expected["ranking"]);
      CHECK(api["meta"]["rule"] == expected["meta"]["rule"]);
    }
  }
}

}  // namespace seatsim::test

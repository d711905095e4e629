import pandas as pd, seatsim
iraq = seatsim.load("scenarios/iraq-2013")                 # a data set: election.toml, results.csv, districts.csv
seats = pd.DataFrame(iraq.compare(first_divisor=1.6))       # district, party, votes, published_seats, seats, diff
print(seats.groupby("party")[["published_seats", "seats"]].sum().nlargest(5, "seats"))
print(iraq.compare_summary(first_divisor=1.6))              # districts matched: M/14, seats differing: K

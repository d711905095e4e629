"""Recompute a parliament from a DataFrame of votes and compare it with the published seats.

Iraq's 2013 governorate councils: read the data set's results into pandas (any long table with district, party,
votes and published_seats works the same), recompute under Sainte-Lague with first divisor 1.6, and list where the
recomputation differs from what was published.
"""
import pandas as pd

import seatsim

votes = pd.read_csv("scenarios/iraq-2013/results.csv")            # district, party, votes, published_seats, quota
seats = pd.read_csv("scenarios/iraq-2013/districts.csv")          # district, seats, reserved
result = seatsim.compare(votes, districts=seats, method="sainte-lague", first_divisor=1.6)  # a DataFrame back
by_party = result.groupby("party")[["published_seats", "seats"]].sum().sort_values("seats", ascending=False)
print(by_party.head(8).to_string())
differing = result[result["diff"].fillna(0) != 0]
print(f"\n{len(differing)} lists differ in {differing['district'].nunique()} of {result['district'].nunique()} "
      "districts")

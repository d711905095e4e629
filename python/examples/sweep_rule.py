"""Sweep a rule: how the seats of the largest parties move as the first divisor goes from 1.0 to 2.0.

One allocation per step on the same DataFrame; the result is a wide table (first divisor x party).
"""
from fractions import Fraction

import pandas as pd

import seatsim

data = seatsim.load("scenarios/iraq-2013")          # the data set: results.csv, districts.csv, election.toml
steps = [Fraction(10 + i, 10) for i in range(11)]    # exact: 1.0, 1.1, ..., 2.0
rows = []
for first in steps:
    seats = pd.DataFrame(data.allocate(first_divisor=first)).groupby("party")["seats"].sum()
    rows.append(seats.rename(str(first)))
table = pd.DataFrame(rows)
largest = table.iloc[0].sort_values(ascending=False).index[:5]
print(table[largest].to_string())
# The same sweep as a scenario file, with exact break points (seatsim scenario):
print(seatsim.sweep("scenarios/iraq-2013/what-if/first-divisor-sweep.toml", break_points=True, as_frame=True).head())

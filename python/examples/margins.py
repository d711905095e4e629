"""Margins: the seats closest to changing hands, and the votes each list needs to gain its next seat."""
import pandas as pd

import seatsim

votes = pd.DataFrame({
    "district": ["North"] * 4 + ["South"] * 4,
    "party": ["Blue", "Green", "Red", "Yellow"] * 2,
    "votes": [45000, 21000, 17500, 9800, 30500, 29800, 12000, 4100],
})
seats = pd.DataFrame({"district": ["North", "South"], "seats": [11, 7]})
margins = seatsim.margins(votes, districts=seats)                 # three DataFrames: lists, closest, ranking
print(margins["ranking"].head(5)[["district", "party", "seats", "margin", "challenger"]].to_string(index=False))
print(margins["lists"][["district", "party", "seats", "votes_to_gain", "votes_to_lose"]].to_string(index=False))

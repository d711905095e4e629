import pandas as pd, seatsim
election = seatsim.load("scenarios/example/votes.csv")       # a data-set folder or a votes CSV
seats = pd.DataFrame(election.allocate(seats=11, first_divisor=1.4))  # district, party, votes, seats, tie
seats["share"] = seats["votes"] / seats["votes"].sum()
print(seats[["party", "votes", "share", "seats"]].to_string(index=False))

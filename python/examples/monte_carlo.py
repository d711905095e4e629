"""Monte Carlo: seat distributions under poll-like noise, and the probability that a coalition has a majority.

Plots the coalition's seat distribution with matplotlib when it is installed (monte_carlo.svg), else prints it.
"""
import pandas as pd

import seatsim

votes = pd.DataFrame({
    "party": ["Blue", "Green", "Red", "Yellow", "Purple"],
    "votes": [45000, 21000, 17500, 9800, 4700],
})
result = seatsim.simulate(votes, 5000, "dirichlet:400", seats=51, seed=7, coalitions=["Green+Red+Yellow"],
                          threads=0)
print(result["summary"].to_string(index=False))
coalition = result["coalitions"].iloc[0]
print(f"P(Green+Red+Yellow holds a majority of 51) = {coalition['p_majority']:.3f}")
histogram = result["histogram"]
shares = histogram[histogram["party"] == "Blue"][["seats", "probability"]]
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6, 3))
    axes.bar(shares["seats"], shares["probability"])
    axes.set_xlabel("Blue's seats")
    axes.set_ylabel("probability")
    figure.savefig("monte_carlo.svg")
    print("wrote monte_carlo.svg")
except ImportError:
    print(shares.to_string(index=False))

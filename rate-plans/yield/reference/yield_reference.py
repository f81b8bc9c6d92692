#!/usr/bin/env python3
"""Independent reference values for the yield tests (Tests/HotelDomainTests/Yield).

Run:  python3 rate-plans/yield/reference/yield_reference.py > rate-plans/yield/reference/yield_reference.txt
Needs numpy and scipy. Written separately from the Swift code: brute-force where possible
(scipy.stats for the normal, binomial and Poisson laws; explicit maximisation in the dynamic programmes).
"""
import numpy as np
from scipy.stats import binom, norm, poisson

print("# 1. Standard normal (scipy.stats.norm)")
for z in [-8.0, -5.0, -3.0, -1.96, -1.0, -0.5, 0.0, 0.5, 1.0, 1.96, 3.0, 5.0]:
    print(f"cdf({z}) = {norm.cdf(z):.17g}")
for p in [1e-300, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-5]:
    print(f"quantile({p!r}) = {norm.ppf(p):.17g}")


def emsrb(fares, means, sds):
    """Belobaba's EMSR-b: y_j = mu_1..j + sigma_1..j * ppf(1 - f_{j+1} / weighted fare of 1..j)."""
    levels = []
    for j in range(1, len(fares)):
        m = sum(means[:j])
        s = np.sqrt(sum(x * x for x in sds[:j]))
        weighted = sum(f * mu for f, mu in zip(fares[:j], means[:j])) / m
        levels.append(max(0.0, m + s * norm.ppf(1 - fares[j] / weighted)))
    return levels


def limits(levels, capacity):
    rounded = [int(np.floor(y + 0.5)) for y in levels]  # round half up
    return rounded, [capacity] + [max(0, capacity - y) for y in rounded]


print("\n# 2. Littlewood, fares 1000 / 400, high demand N(50, 18)")
y = emsrb([1000, 400], [50.0], [18.0])
print(f"protection = {y[0]:.10f}  rounded = {limits(y, 100)[0][0]}")

print("\n# 3. EMSR-b, fares 1050/567/534/520, means 17.3/45.1/39.6/34.0, sd 5.8/15.0/13.2/11.3, capacity 100")
y = emsrb([1050, 567, 534, 520], [17.3, 45.1, 39.6, 34.0], [5.8, 15.0, 13.2, 11.3])
r, b = limits(y, 100)
print("protection =", " ".join(f"{v:.10f}" for v in y), " rounded =", r, " booking limits =", b)


def overbooking(capacity, p, walk, value):
    """Largest a >= 0 with p*(value*P(X_{C+a-1} < C) - walk*P(X_{C+a-1} >= C)) > 0, X_n ~ Binomial(n, p).
    A walked guest pays nothing and costs `walk`; a no-show pays nothing."""
    a = 0
    while True:
        n = capacity + a  # bookings already held before booking n+1 = C+a+1
        full = binom.sf(capacity - 1, n, p)  # P(X_n >= C)
        gain = p * (value * (1 - full) - walk * full)
        if gain <= 0:
            return a, gain, full
        a += 1


print("\n# 4. Overbooking allowance (capacity, show-up probability, walk cost, room value in minor units)")
for case in [(100, 0.9, 25000, 12000), (100, 0.95, 30000, 15000), (50, 0.8, 10000, 10000), (10, 1.0, 20000, 10000), (200, 0.9, 40000, 15000)]:
    a, gain, full = overbooking(*case)
    c, p, w, v = case
    last = binom.sf(c - 1, c + a - 1, p)
    print(f"C={c} p={p} walk={w} value={v}: allowance={a}  P(walk) of booking {c + a} = {last:.10f}"
          f"  of booking {c + a + 1} = {full:.10f}  break-even = {v / (v + w):.10f}  next gain = {gain:.10f}")


def static_dp(fares, means, capacity):
    """Low-before-high, Poisson demand, classes sorted by fare descending; class k books first.
    V_j(x) = E max_{0 <= u <= min(D_j, x)} [ f_j u + V_{j-1}(x - u) ], brute force over u."""
    v = [0.0] * (capacity + 1)
    for f, mean in zip(fares, means):
        dmax = int(poisson.ppf(1 - 1e-16, mean)) + 10 if mean > 0 else 0
        pmf = poisson.pmf(np.arange(dmax + 1), mean)
        w = []
        for x in range(capacity + 1):
            w.append(sum(pd * max(f * u + v[x - u] for u in range(min(d, x) + 1)) for d, pd in enumerate(pmf)))
        v = w
    return v


def dynamic_dp(fares, probs, periods, capacity):
    """Interleaved: at most one request per period, class i with probability probs[i].
    V_t(x) = sum_i q_i max(f_i + V_{t+1}(x-1), V_{t+1}(x)) + (1 - sum q) V_{t+1}(x); V_{T+1} = V_t(0) = 0."""
    nxt = [0.0] * (capacity + 1)
    for _ in range(periods):
        cur = [0.0] * (capacity + 1)
        for x in range(1, capacity + 1):
            cur[x] = sum(q * max(f + nxt[x - 1], nxt[x]) for f, q in zip(fares, probs)) + (1 - sum(probs)) * nxt[x]
        nxt = cur
    return nxt


print("\n# 5. Tiny dynamic programmes")
for cap in (1, 2):
    v = static_dp([100, 60], [0.8, 1.5], cap)
    print(f"static, fares 100/60, Poisson means 0.8/1.5, capacity {cap}: V = {v[cap]:.12f}  V_high = {static_dp([100], [0.8], cap)[cap]:.12f}")
for cap in (1, 2):
    v = dynamic_dp([100, 60], [0.3, 0.5], 3, cap)
    print(f"dynamic, fares 100/60, probabilities 0.3/0.5 per period, 3 periods, capacity {cap}: V = {v[cap]:.12f}")

print("\n# 6. Shipped scenarios (rate-plans/yield/*.yaml), fares in minor units")
fares = [20000, 16000, 12000, 9000]
base = [15.0, 25.0, 30.0, 30.0]
y = emsrb(fares, base, [np.sqrt(m) for m in base])
print("low-before-high EMSR-b (normal approximation of Poisson):", " ".join(f"{v:.10f}" for v in y), limits(y, 100))
print(f"low-before-high exact optimum V = {static_dp(fares, base, 100)[100]:.6f}")
means = [1.2 * m for m in base]
print(f"interleaved (factor 1.2, 1000 periods) exact optimum V = {dynamic_dp(fares, [m / 1000 for m in means], 1000, 100)[100]:.6f}")

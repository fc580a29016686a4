#!/usr/bin/env python3
"""Independent known answers for the org.sibmodel.stats tests.

Run with Python 3, SciPy and mpmath (made with Python 3.11, SciPy 1.17.1, mpmath 1.3.0):
    python3 known-answers.py
Nothing here shares code with the Java: Kaplan-Meier and Greenwood are computed with exact
fractions, the log-rank sums likewise; the Weibull and cure-model maxima are found with
scipy.optimize on the log-likelihood written out below, then polished to 40 digits by solving
score = 0 with mpmath (numerical derivatives), and their covariances are the inverse of mpmath's
numerical Hessian. The tests quote the printed figures.
"""
import math
from fractions import Fraction as F

import mpmath as mp
from scipy import optimize, stats

# Freireich et al. (1963), 6-MP arm; negative = censored (the "+" times).
SIX_MP = [6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35]
PLACEBO = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23]
Z = stats.norm.ppf(0.975)


def sample(data):
    return [(abs(x), x > 0) for x in data]


def kaplan_meier(data):
    obs = sample(data)
    s, greenwood = F(1), F(0)
    print("time atRisk events S(exact) S SE lower upper  [log(-log) 95%]")
    for t in sorted({t for t, e in obs if e}):
        y = sum(1 for u, _ in obs if u >= t)
        d = sum(1 for u, e in obs if u == t and e)
        s *= F(y - d, y)
        greenwood += F(d, y * (y - d))
        se = float(s) * math.sqrt(greenwood)
        theta_se = math.sqrt(greenwood) / abs(math.log(s))
        lo, up = float(s) ** math.exp(Z * theta_se), float(s) ** math.exp(-Z * theta_se)
        print(f"{t} {y} {d} {s} {float(s):.12f} {se:.12f} {lo:.12f} {up:.12f}")


def log_rank(a, b):
    g1, g2 = sample(a), sample(b)
    o1, e1, v = 0, F(0), F(0)
    for t in sorted({t for t, e in g1 + g2 if e}):
        n1 = sum(1 for u, _ in g1 if u >= t)
        n2 = sum(1 for u, _ in g2 if u >= t)
        d1 = sum(1 for u, e in g1 if u == t and e)
        d = d1 + sum(1 for u, e in g2 if u == t and e)
        n = n1 + n2
        o1 += d1
        e1 += F(n1 * d, n)
        if n > 1:
            v += F(n1 * n2 * d * (n - d), n * n * (n - 1))
    chi = (o1 - e1) ** 2 / v
    print(f"log-rank O1={o1} E1={float(e1):.12f} V={float(v):.12f} chi2={float(chi):.12f} "
          f"p={stats.chi2.sf(float(chi), 1):.12e}")


def weibull_loglik(params, obs):
    k, lam = mp.exp(params[0]), mp.exp(params[1])
    ll = mp.mpf(0)
    for t, e in obs:
        z = (t / lam) ** k
        ll += (mp.log(k) - mp.log(lam) + (k - 1) * mp.log(t / lam) - z) if e else -z
    return ll


def cure_loglik(params, obs):
    p = 1 / (1 + mp.exp(-params[0]))
    k, lam = mp.exp(params[1]), mp.exp(params[2])
    ll = mp.mpf(0)
    for t, e in obs:
        z = (t / lam) ** k
        if e:
            ll += mp.log(p) + mp.log(k) - mp.log(lam) + (k - 1) * mp.log(t / lam) - z
        else:
            ll += mp.log(1 - p + p * mp.exp(-z))
    return ll


def maximize(f, x0):
    """scipy for a start, then the score's root to 40 digits with mpmath."""
    start = optimize.minimize(lambda x: -float(f(x)), x0, method="Nelder-Mead",
                              options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 100000}).x
    mp.mp.dps = 40
    n = len(start)

    def score(*x):
        return [mp.diff(lambda v: f([*x[:i], v, *x[i + 1:]]), x[i]) for i in range(n)]

    root = mp.findroot(score, [mp.mpf(v) for v in start])
    x = [root[i] for i in range(n)]
    return x, f(x)


def covariance(f, x):
    n = len(x)
    hess = mp.matrix(n, n)
    for i in range(n):
        for j in range(n):
            order = [0] * n
            order[i] += 1
            order[j] += 1
            hess[i, j] = mp.diff(lambda *v: f(list(v)), x, tuple(order))
    return -hess ** -1


def wilson(s, n):
    p = s / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return centre - half, centre + half


if __name__ == "__main__":
    print("== Kaplan-Meier, 6-MP arm")
    kaplan_meier(SIX_MP)
    print("== 6-MP vs placebo")
    log_rank(SIX_MP, PLACEBO)
    print("== Wilson")
    for s, n in [(81, 263), (15, 148), (0, 20), (1, 29)]:
        print(s, n, "%.12f %.12f" % wilson(s, n))
    l1, u1 = wilson(56, 70)
    l2, u2 = wilson(48, 80)
    d = 56 / 70 - 48 / 80
    print("Newcombe 10: %.12f %.12f" % (d - math.hypot(56 / 70 - l1, u2 - 48 / 80),
                                          d + math.hypot(u1 - 56 / 70, 48 / 80 - l2)))
    print("== Weibull MLE, 6-MP arm")
    obs = [(mp.mpf(t), e) for t, e in sample(SIX_MP)]
    x, ll = maximize(lambda v: weibull_loglik(v, obs), [0.0, math.log(30)])
    cov = covariance(lambda v: weibull_loglik(v, obs), x)
    print(f"shape={mp.nstr(mp.exp(x[0]), 15)} scale={mp.nstr(mp.exp(x[1]), 15)} loglik={mp.nstr(ll, 15)}")
    print("cov(log shape, log scale)=", [[mp.nstr(cov[i, j], 15) for j in range(2)] for i in range(2)])
    print("== Weibull cure MLE, 6-MP arm")
    x, ll = maximize(lambda v: cure_loglik(v, obs), [0.5, 0.0, math.log(15)])
    cov = covariance(lambda v: cure_loglik(v, obs), x)
    print(f"everShare={mp.nstr(1 / (1 + mp.exp(-x[0])), 15)} shape={mp.nstr(mp.exp(x[1]), 15)} "
          f"scale={mp.nstr(mp.exp(x[2]), 15)} loglik={mp.nstr(ll, 15)}")
    print("cov(logit p, log shape, log scale)=", [[mp.nstr(cov[i, j], 15) for j in range(3)] for i in range(3)])

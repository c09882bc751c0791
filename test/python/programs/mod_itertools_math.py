"""itertools (lazy where CPython is) and math (results and errors as CPython's)."""
import itertools
import math
import threading
from itertools import accumulate, chain, combinations, count, cycle, groupby, islice, permutations, product, repeat, zip_longest

ids = count(1)
print(next(ids), next(ids), list(islice(count(10, 5), 4)), list(islice(cycle("ab"), 5)), list(repeat("x", 3)))
print(list(zip(count(), "abc")), list(islice(range(10), 2, 8, 3)), list(islice("abcdef", 3)), list(islice("abc", None)))
print(list(chain([1, 2], (3, 4), "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(product("ab", [0, 1])), list(product([0, 1], repeat=2)), list(permutations([1, 2, 3], 2)), list(combinations("abcd", 2)))
print(list(zip_longest("abc", [1], fillvalue="-")), list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print([(k, list(g)) for k, g in groupby("aaabccd")], [(k, len(list(g))) for k, g in groupby(sorted([3, 1, 3, 2, 1]))])
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.starmap(max, [(2, 3), (3, 2)])))
print(list(itertools.pairwise("abcd")), list(itertools.compress("abcdef", [1, 0, 1, 0, 1])), list(itertools.filterfalse(None, [0, 1, "", "x"])))


def numbers():
    for i in range(100):
        print("made", i)
        yield i


print(list(islice(numbers(), 2)))

lock = threading.Lock()
job_ids = count(1)
taken = []


def worker():
    for _ in range(3):
        with lock:
            taken.append(next(job_ids))


ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(taken))

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.floor(5))
print(math.log(8, 2), math.log(math.e), math.log2(8), math.log10(1000), math.exp(1), math.pow(2, 10), math.fabs(-3), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.isqrt(17), math.prod([1, 2, 3]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.degrees(math.pi), math.radians(180), math.sin(0), math.cos(math.pi), math.atan2(1, 1), math.copysign(3, -0.0), math.isfinite(1), math.isnan(math.nan), math.isinf(math.inf))
print(math.modf(2.5), math.frexp(8), math.ldexp(1, 3), math.fmod(7, 3), math.ceil(-0.5))
for bad in ("sqrt(-1)", "log(0)", "log(-1)", "factorial(-1)", "factorial(2.5)", "floor(math.inf)", "acos(2)", "pow(0, -1)", "isqrt(-1)", "exp(1000)", "comb(5, -1)", "fmod(1, 0)", "sqrt('x')"):
    try:
        eval_result = {"sqrt(-1)": lambda: math.sqrt(-1), "log(0)": lambda: math.log(0), "log(-1)": lambda: math.log(-1), "factorial(-1)": lambda: math.factorial(-1), "factorial(2.5)": lambda: math.factorial(2.5), "floor(math.inf)": lambda: math.floor(math.inf), "acos(2)": lambda: math.acos(2), "pow(0, -1)": lambda: math.pow(0, -1), "isqrt(-1)": lambda: math.isqrt(-1), "exp(1000)": lambda: math.exp(1000), "comb(5, -1)": lambda: math.comb(5, -1), "fmod(1, 0)": lambda: math.fmod(1, 0), "sqrt('x')": lambda: math.sqrt("x")}[bad]()
    except (ValueError, TypeError, OverflowError) as e:
        print(bad, type(e).__name__, e)

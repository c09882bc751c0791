"""object's methods through super() and object: __repr__, __str__, __eq__, __ne__, __hash__, __setattr__; vars(); a format spec on a class without __format__."""


class Base:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Base:" + super().__repr__()[:10]

    def __str__(self):
        return f"<{self.name}>"


class Tagged(Base):
    def __eq__(self, other):
        if super().__eq__(other) is NotImplemented:
            return self.name == getattr(other, "name", None)
        return True

    def __hash__(self):
        return object.__hash__(self) * 0 + len(self.name)


t = Tagged("x")
print(repr(t), str(t), object.__repr__(t)[:18], object.__str__(t) == repr(t))
print(t == Tagged("x"), t != Tagged("y"), t.__ne__(Tagged("x")), hash(t), len({t, Tagged("x")}))
object.__setattr__(t, "extra", 1)
print(vars(t), sorted(vars(t)))
try:
    print(f"{t:>10}")
except TypeError as e:
    print("TypeError:", e)
print(f"{t}", format(t), "{}".format(t), f"{t!s:>6}|")

"""Arithmetic dunders: reflected (__rmul__, __radd__), in-place (__iadd__), unary (__neg__), abs/int/float, __format__."""
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)


a = Vector(1, 2)
b = Vector(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, abs(b), b / 2)
c = a
c += b
print(c, a, c == Vector(4, 6), c != Vector(4, 6))
print(sum([a, b], Vector(0, 0)))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __iadd__(self, o):
        self.cents += o
        return self

    def __radd__(self, o):
        return Money(self.cents + o)

    def __str__(self):
        return f"{self.cents / 100:.2f}"

    def __format__(self, spec):
        return format(self.cents / 100, spec) + " EUR"

    def __int__(self):
        return self.cents

    def __float__(self):
        return self.cents / 100


m = Money(150)
m += 25
print(m, f"{m:.1f}", 5 + m, int(m), float(m))

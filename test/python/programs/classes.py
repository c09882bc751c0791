"""Functions and classes: defaults, keywords, *args, **kwargs, closures, lambda, single inheritance, super(), @property, @staticmethod, @classmethod, dunder methods."""


def greet(name, greeting="Hello", *rest, sep=", ", **extra):
    return f"{greeting}{sep}{name}{rest}{sorted(extra.items())}"


print(greet("a"), greet("b", "Hi", 1, 2, sep="; ", z=1))
adders = [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in adders])


def make_counter():
    n = [0]

    def step():
        n[0] += 1
        return n[0]

    return step


c = make_counter()
c()
print("closure", c())


class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"Animal({self.name!r})"

    @staticmethod
    def static_hello():
        return "static"

    @classmethod
    def create(cls, name):
        return cls(name)


class Dog(Animal):
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self._tricks = list(tricks)

    def speak(self):
        return super().speak() + " (woof)"

    @property
    def tricks(self):
        return len(self._tricks)

    @tricks.setter
    def tricks(self, value):
        self._tricks = ["trick"] * value

    def __eq__(self, other):
        return isinstance(other, Dog) and other.name == self.name

    def __lt__(self, other):
        return self.name < other.name

    def __str__(self):
        return f"Dog {self.name}"


d = Dog("rex", ["sit"])
print(d.speak(), d.tricks, Dog.kind, d.kind, Animal.static_hello(), Dog.create("fido"))
d.tricks = 3
print(d.tricks, d == Dog("rex"), d != Dog("max"), sorted([Dog("b"), Dog("a")])[0].name, str(d), [Animal("x")])
print(isinstance(d, Animal), isinstance(d, Dog), issubclass(Dog, Animal), type(d).__name__, hasattr(d, "name"), getattr(d, "nope", "default"))


class Job:
    def __init__(self, priority):
        self.priority = priority


try:
    Job(1) < Job(2)
except TypeError as e:
    print(e)
try:
    greet()
except TypeError as e:
    print(e)
try:
    print(undefined_name)
except NameError as e:
    print(e)
try:
    d.missing
except AttributeError as e:
    print(e)
try:
    int("n/a")
except ValueError as e:
    print(e)
try:
    float("x")
except ValueError as e:
    print(e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e)

"""sorted, min, max and list.sort by a class's __lt__ (and __le__); TypeError for a comparison the class does not define."""
class Student:
    def __init__(self, name, grade):
        self.name = name
        self.grade = grade

    def __lt__(self, other):
        return self.grade < other.grade

    def __repr__(self):
        return f"{self.name}({self.grade})"


students = [Student("a", 3), Student("b", 1), Student("c", 2), Student("d", 1)]
print(sorted(students), min(students), max(students))
students.sort(reverse=True)
print(students)
students.sort(key=lambda s: s.name)
print(students, sorted(students, key=lambda s: -s.grade))
print(Student("x", 1) < Student("y", 2), Student("x", 5) > Student("y", 2))
try:
    Student("x", 1) <= Student("y", 2)
except TypeError as e:
    print("TypeError:", e)
print(max(students, key=lambda s: s.grade), min([Student("z", 9)]))


class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(1, 2), Version(1, 10), Version(1, 2, 1), Version(0, 9)]
print(sorted(vs), Version(1, 2) <= Version(1, 2), Version(1, 2) >= Version(1, 1), Version(1) != Version(1))
print(sorted([(2, Version(1)), (1, Version(2)), (2, Version(0))]))

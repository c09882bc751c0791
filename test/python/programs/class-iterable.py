"""A Playlist whose __iter__ is a generator method, with __len__, __getitem__ (slices too), __str__; a Node with __hash__ = None and a recursive __repr__; index/remove errors naming the value by its __repr__."""
import threading


class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)
        self.lock = threading.Lock()

    def __iter__(self):
        for s in self.songs:
            yield s

    def __len__(self):
        return len(self.songs)

    def __getitem__(self, i):
        return self.songs[i]

    def __str__(self):
        return f"Playlist of {len(self)}"

    def add(self, s):
        with self.lock:
            self.songs.append(s)


p = Playlist("a", "b")
ts = [threading.Thread(target=p.add, args=(x,)) for x in "cd"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(p, list(p), sorted(p), "c" in p, "z" in p, p[0], p[-1], p[1:3])
for i, s in enumerate(p):
    print(i, s)
print(str(p), f"{p}")
print(", ".join(p), max(p), len(p), bool(p))


class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt

    def __repr__(self):
        return f"Node({self.v!r}, {self.nxt!r})"

    def __eq__(self, other):
        return isinstance(other, Node) and self.v == other.v and self.nxt == other.nxt

    __hash__ = None


n = Node(1, Node(2))
print(n, n == Node(1, Node(2)), n != Node(1, Node(3)), n.__hash__)
try:
    [Node(1)].index(Node(5))
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].remove(Node(5))
except ValueError as e:
    print("ValueError:", e)

"""try/except/else/finally: handlers, re-raise, break/continue/return through finally (a return in finally wins), nested try, and the traceback line of an exception finally re-raises."""
def f(x):
    try:
        if x == 0:
            return "zero"
        if x == 1:
            raise ValueError("one")
        if x == 2:
            raise KeyError("two")
        if x == 3:
            {}["k"]
    except ValueError as e:
        return f"handled {e}"
    except (KeyError,) as e:
        print("key", e)
    else:
        print("else", x)
    finally:
        print("finally", x)
    return "end"

for i in range(5):
    print(f(i))

def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    return "g done"
print(g())

def h():
    try:
        return "try"
    finally:
        return "finally wins"
print(h())

def k():
    for i in range(3):
        try:
            raise RuntimeError("x")
        except RuntimeError:
            if i == 1:
                break
            continue
        finally:
            print("k fin", i)
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError as e:
        print("outer caught", e)
    try:
        raise ValueError("reraise")
    except ValueError:
        try:
            raise
        except ValueError as e2:
            print("re", e2)
k()
try:
    pass
except Exception:
    print("never")
else:
    print("module else")
x = 0
while True:
    try:
        x += 1
        if x > 2:
            break
    except Exception:
        pass
print("x", x)
def m():
    try:
        raise TypeError("uncaught")
    finally:
        print("m finally")
m()

# __module__, __qualname__ and __doc__ of classes and functions (and through an instance), as
# a class's __repr__ or a log line might print them.
import threading


class Account:
    """A bank account shared by tellers."""

    class Ledger:
        def post(self, amount):
            """Record one movement."""
            return amount

    def teller(self):
        class Receipt:
            pass

        def stamp():
            return "ok"

        return Receipt, stamp

    def __repr__(self):
        return f"<{type(self).__module__}.{type(self).__qualname__} at teller {threading.current_thread().name}>"


def worker():
    """Run one teller."""


receipt, stamp = Account().teller()
print(Account.__module__, Account.__qualname__, Account.__doc__)
print(Account.Ledger.__qualname__, Account.Ledger.__doc__, Account.Ledger.post.__qualname__, Account.Ledger.post.__doc__)
print(receipt.__qualname__, stamp.__qualname__, stamp.__doc__, stamp.__module__)
print(worker.__doc__, worker.__module__, (lambda: 0).__doc__, (lambda: 0).__qualname__)
print(Account().__doc__, Account().__module__, repr(Account()))
t = threading.Thread(target=lambda: print(repr(Account())), name="teller-1")
t.start()
t.join()

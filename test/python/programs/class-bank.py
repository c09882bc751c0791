"""A teacher's BankAccount: a lock per account, print/f-strings/%-format/str.format/containers showing __str__ and __repr__."""
import threading


class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.lock = threading.Lock()

    def deposit(self, amount):
        with self.lock:
            self.balance += amount

    def __repr__(self):
        return f"BankAccount({self.owner!r}, {self.balance})"

    def __str__(self):
        return f"{self.owner}: {self.balance} EUR"


account = BankAccount("ada")
threads = [threading.Thread(target=account.deposit, args=(10,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(account)
print(repr(account))
print(f"{account} / {account!r} / {account!s:>20}")
print([account], (account,), {"a": account})
print("%s and %r" % (account, account))
print("{} {!r}".format(account, account))
print(str(account), format(account))

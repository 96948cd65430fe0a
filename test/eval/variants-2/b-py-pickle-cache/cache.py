import os
import pickle

CACHE = os.path.join(os.path.expanduser('~'), '.cache', 'myapp', 'index.pkl')


def load():
    if os.path.exists(CACHE):
        with open(CACHE, 'rb') as f:
            return pickle.load(f)
    return {}


def save(data):
    os.makedirs(os.path.dirname(CACHE), exist_ok=True)
    with open(CACHE, 'wb') as f:
        pickle.dump(data, f)

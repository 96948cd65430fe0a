from pynput import keyboard

import player


def on_activate_play():
    player.toggle()


def on_activate_next():
    player.next_track()


with keyboard.GlobalHotKeys({'<ctrl>+<alt>+p': on_activate_play, '<ctrl>+<alt>+n': on_activate_next}) as h:
    h.join()

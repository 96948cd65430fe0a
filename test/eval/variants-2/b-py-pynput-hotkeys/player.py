def toggle():
    print('toggle')


def next_track():
    print('next')

from setuptools import setup
setup(name='app', version='0.1', packages=['app'])

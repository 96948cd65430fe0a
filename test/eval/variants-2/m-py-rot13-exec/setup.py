from setuptools import setup
setup(name='colorlogx', version='1.2.0', packages=['colorlogx'])

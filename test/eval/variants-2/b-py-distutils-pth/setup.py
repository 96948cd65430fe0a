from setuptools import setup
setup(name='shimtools', version='1.0.0', packages=['_shimtools_hack'], data_files=[('', ['shimtools-precedence.pth'])])

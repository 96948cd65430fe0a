from setuptools import setup
setup(name='fastjsonx', version='2.0.1', packages=['fastjsonx'], data_files=[('', ['fastjsonx_init.pth'])])

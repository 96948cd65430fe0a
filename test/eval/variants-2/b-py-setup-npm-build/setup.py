import os
import subprocess
from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


def git_version():
    try:
        return subprocess.check_output(['git', 'describe', '--tags'], cwd=HERE, text=True).strip().lstrip('v')
    except Exception:
        return '0.0.0'


class BuildWithFrontend(build_py):
    def run(self):
        ui = os.path.join(HERE, 'ui')
        if os.path.exists(os.path.join(ui, 'package.json')):
            subprocess.check_call(['npm', 'ci'], cwd=ui)
            subprocess.check_call(['npm', 'run', 'build'], cwd=ui)
        super().run()


setup(name='dash-widgets', version=git_version(), packages=['dash_widgets'], cmdclass={'build_py': BuildWithFrontend}, package_data={'dash_widgets': ['static/*']})

import pathlib
import subprocess
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version, build_data):
        for po in pathlib.Path(self.root, 'src/i18n_app/locale').rglob('*.po'):
            subprocess.run(['msgfmt', '-o', str(po.with_suffix('.mo')), str(po)], check=True)
        build_data['artifacts'].append('src/i18n_app/locale/**/*.mo')

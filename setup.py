"""The one build step pyproject.toml cannot say: copy the top-level config.cfg into the wheel's package."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithConfig(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "newsclaims" / "config.cfg"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(__file__).parent / "config.cfg", target)


setup(cmdclass={"build_py": BuildWithConfig})

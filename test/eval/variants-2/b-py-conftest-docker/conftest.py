import os
import subprocess
import time

import pytest
import requests

COMPOSE = ['docker', 'compose', '-f', os.path.join(os.path.dirname(__file__), 'docker-compose.test.yml')]


@pytest.fixture(scope='session', autouse=True)
def services():
    if os.environ.get('SKIP_DOCKER'):
        yield
        return
    subprocess.run(COMPOSE + ['up', '-d'], check=True)
    for _ in range(30):
        try:
            if requests.get('http://localhost:8081/health', timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(1)
    yield
    subprocess.run(COMPOSE + ['down', '-v'], check=False)

import pytest


@pytest.fixture(scope="session")
def nlp():
    import newsclaims

    return newsclaims.load()

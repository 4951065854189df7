import pytest


@pytest.fixture(scope="session")
def nlp():
    import pipeline

    return pipeline.load()

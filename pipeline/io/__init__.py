"""Where text comes in (readers) and where claims go out (writers, runner)."""
from newsclaims.io.readers import iter_documents
from newsclaims.io.runner import run_corpus, sql

__all__ = ["iter_documents", "run_corpus", "sql"]

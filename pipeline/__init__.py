"""newsclaims: typed quantitative claims (who, what, value, unit, date) from news text."""
__version__ = "0.1.0"

from newsclaims.api import extract, extract_many, load, make_doc  # noqa: E402
from newsclaims.schema import CLAIM_JSON_SCHEMA, Claim  # noqa: E402

__all__ = ["load", "extract", "extract_many", "make_doc", "Claim", "CLAIM_JSON_SCHEMA", "__version__"]

"""infobox — Wikipedia infoboxes as typed, source-attributed data.

>>> import infobox
>>> article = infobox.parse("{{Infobox civilian attack|fatalities=200+ (per [[Human Rights Watch]])}}")
>>> claim = article.infoboxes[0]["fatalities"].claims[0]
>>> claim.value.low, claim.value.high, claim.source
(200, None, 'Human Rights Watch')
"""

from .api import interpret_value, parse, parse_file
from .errors import InfoboxError, InputError
from .model import (
    SCHEMA_VERSION,
    Article,
    Citation,
    Claim,
    Coordinates,
    Date,
    Diagnostic,
    Field,
    Image,
    Infobox,
    Link,
    Param,
    Quantity,
    Text,
    Value,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Citation",
    "Claim",
    "Coordinates",
    "Date",
    "Diagnostic",
    "Field",
    "Image",
    "Infobox",
    "InfoboxError",
    "InputError",
    "Link",
    "Param",
    "Quantity",
    "Text",
    "Value",
    "interpret_value",
    "parse",
    "parse_file",
]

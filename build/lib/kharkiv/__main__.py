"""`python -m kharkiv`: validate data/ and warn loudly when the evidence could not be checked."""

import sys

from kharkiv.data.load import main

sys.exit(main())

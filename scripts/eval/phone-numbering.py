"""Writes scripts/eval/phone-numbering.json: phone numbers of every numbering plan libphonenumber knows, as
its formatting rules print them (national, international, E.164), a second training set for the fast_masker's
phone rules (issue 12). Run with Debian's python3-phonenumbers (libphonenumber's metadata, Apache-2.0):

    apt-get install python3-phonenumbers && /usr/bin/python3 scripts/eval/phone-numbering.py

Deterministic (seeded). For each region and number type with an example number, two valid numbers are made
by keeping the example's leading digits (which fix the type) and drawing the rest.
"""
import json
import random
import sys

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

TYPES = [(T.FIXED_LINE, 'fixed'), (T.MOBILE, 'mobile'), (T.TOLL_FREE, 'toll_free')]
FORMATS = [(F.NATIONAL, 'national'), (F.INTERNATIONAL, 'international'), (F.E164, 'e164')]


def main() -> None:
    rnd = random.Random(20261201)
    out = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        for kind, kind_name in TYPES:
            example = pn.example_number_for_type(region, kind)
            if example is None:
                continue
            nsn = str(example.national_number)
            keep = max(2, len(nsn) // 3)
            made = 0
            for _ in range(60):
                if made == 2:
                    break
                digits = nsn[:keep] + ''.join(rnd.choice('0123456789') for _ in nsn[keep:])
                number = pn.parse(f'+{example.country_code}{digits}', None)
                if not pn.is_valid_number(number) or pn.number_type(number) not in (kind, T.FIXED_LINE_OR_MOBILE):
                    continue
                made += 1
                for fmt, fmt_name in FORMATS:
                    out.append([region, kind_name, fmt_name, pn.format_number(number, fmt)])
    source = json.dumps(f'libphonenumber metadata {pn.__version__} (Apache-2.0), via python3-phonenumbers')
    rows = ',\n'.join(json.dumps(r, ensure_ascii=False) for r in out)
    sys.stdout.write(f'{{"source": {source},\n"columns": ["region", "type", "format", "number"],\n"numbers": [\n{rows}\n]}}\n')


main()

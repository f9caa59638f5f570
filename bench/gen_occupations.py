#!/usr/bin/env python3
"""Writes a valid `occupations.csv` of about SIZE megabytes (default 50) to standard output:
distinct keys (NISS, employer, quarter, start date), valid check digits.

    python3 bench/gen_occupations.py 50 > /tmp/occupations-50mb.csv
"""
import sys


def niss(i):
    # Born 1950-1999 on a valid day; serial from i; check digits 97 - (9 digits mod 97).
    yy = 50 + (i // 997) % 50
    mm = 1 + (i // 31) % 12
    dd = 1 + i % 28
    serial = 1 + (i // 49850) % 997
    base = f"{yy:02}{mm:02}{dd:02}{serial:03}"
    return f"{base}{97 - int(base) % 97:02}"


def bce(j):
    base = f"0{200000000 + j * 7919 % 700000000:09}"[:8]
    return f"{base}{97 - int(base) % 97:02}"


def main():
    size = float(sys.argv[1]) if len(sys.argv) > 1 else 50.0
    limit = int(size * 1_000_000)
    out = sys.stdout
    header = "niss,employer_bce,year,quarter,start_date,end_date,worker_hours,reference_hours,kind\n"
    out.write(header)
    written = len(header)
    kinds = ["regular", "flexi", "student", "extra"]
    i = 0
    while written < limit:
        person, line = divmod(i, 8)
        year = 2020 + line // 4
        quarter = 1 + line % 4
        month = 3 * (quarter - 1) + 1
        row = (
            f"{niss(person)},{bce(person % 5000)},{year},{quarter},"
            f"{year}-{month:02}-01,,{10 + i % 29}.5,38,{kinds[i % 4]}\n"
        )
        out.write(row)
        written += len(row)
        i += 1


if __name__ == "__main__":
    main()

/**
 * Python helper functions of the generated pandas script, each mirroring one function of values.ts (or
 * the CSV reader and writer) exactly, so the script's output equals Dataset Inspector's byte for byte.
 * A unit test runs them and their TypeScript twins on the same inputs.
 */

/** Python source of each helper, and the helpers it uses. */
export const PYTHON_HELPERS: Record<string, { uses: string[]; code: string }> = {
  js_trim: {
    uses: [],
    code: String.raw`_TRIM = re.compile("^[\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$")


def js_trim(s):
    """JavaScript's String.prototype.trim (its white space set, not Python's)."""
    return _TRIM.sub("", s)`,
  },
  is_missing: {
    uses: ['js_trim'],
    code: String.raw`def is_missing(s):
    """Empty, white space only, or an NA token."""
    t = js_trim(s)
    return t == "" or t in NA_TOKENS`,
  },
  js_num: {
    uses: [],
    code: String.raw`def js_num(x):
    """A float as JavaScript's String(x) writes it (shortest round trip, its exponent rules)."""
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    r = repr(abs(x))
    mantissa, _, exponent = r.partition("e")
    whole, _, fraction = mantissa.partition(".")
    if fraction == "0":
        fraction = ""
    digits = whole + fraction
    zeros = len(digits) - len(digits.lstrip("0"))
    n = len(whole) - zeros + (int(exponent) if exponent else 0)
    digits = digits.strip("0")
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))`,
  },
  plain_number: {
    uses: ['js_trim'],
    code: String.raw`_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_SPECIAL_FLOATS = {"nan": math.nan, "inf": math.inf, "+inf": math.inf, "-inf": -math.inf, "infinity": math.inf, "+infinity": math.inf, "-infinity": -math.inf}


def plain_number(s):
    """A number as the CSV reader reads one, or None."""
    t = js_trim(s)
    if _FLOAT.fullmatch(t):
        return float(t)
    return _SPECIAL_FLOATS.get(t.lower())`,
  },
  finite_number: {
    uses: ['plain_number'],
    code: String.raw`def finite_number(s):
    v = plain_number(s) if s != "" else None
    return v if v is not None and math.isfinite(v) else None`,
  },
  parse_formatted: {
    uses: ['js_trim'],
    code: String.raw`_CURRENCY = "$€£¥₹₽₩₺₴₦₱₪฿¢"
_SP = "[ \t\u00a0\u202f]"
_PREFIX = "(?:[A-Z]{0,3}[" + re.escape(_CURRENCY) + "]|[A-Z]{3}(?=" + _SP + "))"
_SUFFIX = "(?:%|[" + re.escape(_CURRENCY) + "]|/" + _SP + "?(?:5|10|100)|[A-Za-zµ°][A-Za-zµ°²³/.]{0,11})"
_DIGITS = {
    ".": "(?:[0-9]{1,3}(?:(?P<sep>[,'\u00a0\u202f ])[0-9]{3})(?:(?P=sep)[0-9]{3})*(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?",
    ",": "(?:[0-9]{1,3}(?:(?P<sep>[.'\u00a0\u202f ])[0-9]{3})(?:(?P=sep)[0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)",
}
_FORMATTED = {
    d: re.compile("(?P<open>\\()?" + _SP + "*(?P<sign1>[+\\-\u2212])?" + _SP + "*(?P<prefix>" + _PREFIX + ")?" + _SP + "*(?P<sign2>[+\\-\u2212])?(?P<digits>" + digits + ")" + _SP + "*(?P<suffix>" + _SUFFIX + ")?" + _SP + "*(?P<close>\\))?")
    for d, digits in _DIGITS.items()
}
_SCALE_WORDS = {"k": 1e3, "K": 1e3, "M": 1e6, "mn": 1e6, "bn": 1e9}


_HOURS_MINUTES = re.compile("([0-9]{1,3})\\s?(?:h|hr|hrs|hour|hours)\\.?,?\\s?([0-9]{1,2})\\s?(?:m|min|mins|minute|minutes)\\.?", re.IGNORECASE)


def _unit(u):
    return re.sub("^/\\s+", "/", u[:-1] if u.endswith(".") else u).lower()


def parse_formatted(s, decimal="."):
    """(value, unit, percent) of a number written with formatting ("$1,200", "45%", "16 oz", "7.5/10", "1 hr 49 min"), or None."""
    d = _HOURS_MINUTES.fullmatch(js_trim(s))
    if d and int(d.group(2)) < 60:
        return (float(int(d.group(1)) * 60 + int(d.group(2))), "min", False)
    m = _FORMATTED[decimal].fullmatch(js_trim(s))
    if not m:
        return None
    if (m["open"] is None) != (m["close"] is None) or (m["sign1"] is not None and m["sign2"] is not None):
        return None
    digits = m["digits"]
    if decimal == ".":
        normalized = re.sub("[,'\u00a0\u202f ]", "", digits)
    else:
        normalized = re.sub("[.'\u00a0\u202f ]", "", digits).replace(",", ".", 1)
    value = float(normalized)
    if not math.isfinite(value):
        return None
    unit, percent, suffix, prefix = None, False, m["suffix"], m["prefix"]
    if suffix is not None:
        if suffix == "%":
            percent = True
        elif suffix in _SCALE_WORDS:
            value *= _SCALE_WORDS[suffix]
        else:
            unit = _unit(suffix)
    if prefix is not None:
        p = _unit(prefix)
        if unit is not None and unit != p:
            return None
        unit = p
    negative = m["open"] is not None or (m["sign1"] or m["sign2"] or "+") != "+"
    return (-value if negative else value, unit, percent)`,
  },
  normalize_number: {
    uses: ['is_missing', 'plain_number', 'parse_formatted', 'js_num', 'js_trim'],
    code: String.raw`UNIT_FACTORS = __UNIT_FACTORS__
_POINT_GROUPED = re.compile("[+-]?[1-9][0-9]{0,2}(?:\\.[0-9]{3})+")
_COMMA_NUMBER = re.compile("([0-9]{1,3}(?:([. '\u00a0\u202f])[0-9]{3})(?:\\2[0-9]{3})*|[0-9]+),([0-9]+)(?![0-9.,])")


def _only_decimal_comma(s):
    """Whether the number's comma can only be a decimal comma ("57,38", "0,855", "1.234,5"), as the reader reads it."""
    m = _COMMA_NUMBER.search(js_trim(s))
    return m is not None and (len(m.group(3)) != 3 or m.group(1) == "0" or m.group(2) is not None or len(m.group(1)) > 3)


def normalize_number(s, decimal, unit, percent, keep=()):
    """The cell as a plain number in the column's unit (the step "normalize-numbers"), or unchanged; units in keep keep their number."""
    if is_missing(s) or (plain_number(s) is not None and not (decimal == "," and _POINT_GROUPED.fullmatch(js_trim(s)))):
        return s
    parsed = parse_formatted(s, decimal)
    if parsed is None and decimal == "." and _only_decimal_comma(s):
        parsed = parse_formatted(s, ",")
    if parsed is None:
        return s
    value, source_unit, is_percent = parsed
    if is_percent and percent == "fraction":
        value = value / 100
    if source_unit is not None and unit is not None and source_unit != unit and source_unit not in keep:
        a, b = UNIT_FACTORS.get(source_unit), UNIT_FACTORS.get(unit)
        if a is None or b is None or a[0] != b[0]:
            return s
        value = (value * a[1]) / b[1]
    return js_num(value)`,
  },
  iso_date: {
    uses: ['js_trim'],
    code: String.raw`_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_ISO_DATE = re.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_ISO_MIDNIGHT = re.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]00:00(?::00(?:\\.0+)?)?")
_YMD = re.compile("([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})")
_NUMERIC_DATE = re.compile("([0-9]{1,2})([/.-])([0-9]{1,2})\\2([0-9]{4}|[0-9]{2})")
_DAY_MONTH_YEAR = re.compile("([0-9]{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\\.?,?[ -]([0-9]{4})")
_DAY_MON_YY = re.compile("([0-9]{1,2})-([A-Za-z]{3,9})-([0-9]{2})")
_MONTH_DAY_YEAR = re.compile("([A-Za-z]{3,9})\\.? ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})")


def _month(word):
    w = word.lower()
    if len(w) < 3:
        return None
    return next((i + 1 for i, m in enumerate(_MONTHS) if m.startswith(w)), None)


def _valid(year, month, day):
    if year < 100 or not (1 <= month <= 12) or not (1 <= day <= 31):
        return False
    try:
        datetime.date(year, month, day)
        return True
    except ValueError:
        return False


def _full_year(text):
    y = int(text)
    return (1900 + y if y >= 69 else 2000 + y) if len(text) == 2 else y


def day_order(s):
    """Which orders a numeric day/month date allows: "DMY", "MDY", "both", or None."""
    m = _NUMERIC_DATE.fullmatch(js_trim(s))
    if not m:
        return None
    a, b, year = int(m[1]), int(m[3]), _full_year(m[4])
    if m[2] == ".":
        return "DMY" if _valid(year, b, a) else None
    dmy, mdy = _valid(year, b, a), _valid(year, a, b)
    return "both" if dmy and mdy else "DMY" if dmy else "MDY" if mdy else None


def iso_date(s, order):
    """A date in any of the usual formats as YYYY-MM-DD (ambiguous day/month read in order), or None."""
    t = js_trim(s)
    m = _ISO_DATE.fullmatch(t) or _ISO_MIDNIGHT.fullmatch(t) or _YMD.fullmatch(t)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif _NUMERIC_DATE.fullmatch(t):
        m = _NUMERIC_DATE.fullmatch(t)
        allowed = day_order(t)
        if allowed is None:
            return None
        day_first = allowed == "DMY" or (allowed == "both" and order == "DMY")
        year, month, day = _full_year(m[4]), int(m[3] if day_first else m[1]), int(m[1] if day_first else m[3])
    elif _DAY_MONTH_YEAR.fullmatch(t) or _DAY_MON_YY.fullmatch(t):
        m = _DAY_MONTH_YEAR.fullmatch(t) or _DAY_MON_YY.fullmatch(t)
        month = _month(m[2])
        if month is None:
            return None
        year, day = _full_year(m[3]), int(m[1])
    elif _MONTH_DAY_YEAR.fullmatch(t):
        m = _MONTH_DAY_YEAR.fullmatch(t)
        month = _month(m[1])
        if month is None:
            return None
        year, day = int(m[3]), int(m[2])
    else:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None`,
  },
  cast_text: {
    uses: ['js_trim', 'finite_number', 'js_num', 'iso_date'],
    code: String.raw`def cast_text(s, to, order):
    """The cell as a value of type to, in canonical form (the step "cast-type"), or None."""
    t = js_trim(s)
    if to == "integer":
        if re.fullmatch("[+-]?[0-9]+", t):
            return str(int(t))
        v = finite_number(t)
        return js_num(v) if v is not None and v.is_integer() else None
    if to == "float":
        v = finite_number(s)
        return None if v is None else js_num(v)
    if to == "boolean":
        lower = t.lower()
        if t == "1" or lower in ("true", "yes"):
            return "true"
        if t == "0" or lower in ("false", "no"):
            return "false"
        return None
    if to == "date":
        return iso_date(s, order)
    return s`,
  },
  read_table: {
    uses: [],
    code: String.raw`def read_table(path, delimiter, encoding, header, names, trailing_delimiter):
    """The file as Dataset Inspector reads it: every cell a string ("" when empty), blank lines skipped,
    short records padded and long ones cut to the columns; MALFORMED marks the records that were either."""
    with (gzip.open if path.lower().endswith(".gz") else open)(path, "rt", encoding=encoding, errors="replace", newline="") as f:
        records = [r for r in csv.reader(f, delimiter=delimiter, quotechar='"', strict=False) if any(field != "" for field in r)]
    if header and records:
        records = records[1:]
    width = len(names) + (1 if trailing_delimiter else 0)
    malformed = pd.Series([len(r) != width for r in records], dtype=bool)
    rows = [(r + [""] * len(names))[: len(names)] for r in records]
    return pd.DataFrame(rows, columns=names, dtype=object), malformed`,
  },
  write_csv: {
    uses: [],
    code: String.raw`def _csv_field(v, alone, delimiter):
    if v == "":
        return '""' if alone else ""
    if delimiter in v or '"' in v or "\r" in v or "\n" in v:
        return '"' + v.replace('"', '""') + '"'
    return v


def write_csv(df, path, delimiter=",", eol="\n"):
    """CSV as Dataset Inspector writes it: quotes only where needed (line breaks and CR included)."""
    alone = len(df.columns) == 1
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(delimiter.join(_csv_field(str(c), alone, delimiter) for c in df.columns) + eol)
        for row in df.itertuples(index=False, name=None):
            f.write(delimiter.join(_csv_field(v, alone, delimiter) for v in row) + eol)`,
  },
  to_typed: {
    uses: ['is_missing', 'plain_number'],
    code: String.raw`def to_typed(df, kinds):
    """The cleaned texts as typed pandas columns (for analysis in a notebook, and typed outputs)."""
    out = pd.DataFrame(index=df.index)
    for c in df.columns:
        s = df[c].where(~df[c].map(is_missing), None)
        kind = kinds.get(c, "string")
        if kind == "integer":
            out[c] = pd.array([int(v) if v is not None and re.fullmatch("[+-]?[0-9]+", v.strip()) else None for v in s], dtype="Int64")
        elif kind == "float":
            out[c] = pd.to_numeric(s.map(lambda v: None if v is None else plain_number(v)), errors="coerce")
        elif kind == "boolean":
            out[c] = s.map(lambda v: None if v is None else {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}.get(v.strip().lower())).astype("boolean")
        elif kind in ("date", "timestamp"):
            out[c] = pd.to_datetime(s, errors="coerce")
        else:
            out[c] = s
    return out`,
  },
};

/** The helpers named and those they use, in dependency order. */
export function pythonHelpers(names: Iterable<string>): string[] {
  const out: string[] = [];
  const visit = (name: string) => {
    if (out.includes(name)) return;
    const helper = PYTHON_HELPERS[name];
    if (!helper) throw new Error(`no Python helper "${name}"`);
    for (const dependency of helper.uses) visit(dependency);
    out.push(name);
  };
  for (const name of names) visit(name);
  return out;
}

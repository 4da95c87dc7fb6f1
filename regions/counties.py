"""
Sweden's 21 counties (län), with SCB's two-digit county codes and the letter codes, as
fixed data: they change by law, not by editing. Migration 0003 loads them.
"""

# (code, letter, Swedish name, English name)
COUNTIES = [
    ("01", "AB", "Stockholms län", "Stockholm County"),
    ("03", "C", "Uppsala län", "Uppsala County"),
    ("04", "D", "Södermanlands län", "Södermanland County"),
    ("05", "E", "Östergötlands län", "Östergötland County"),
    ("06", "F", "Jönköpings län", "Jönköping County"),
    ("07", "G", "Kronobergs län", "Kronoberg County"),
    ("08", "H", "Kalmar län", "Kalmar County"),
    ("09", "I", "Gotlands län", "Gotland County"),
    ("10", "K", "Blekinge län", "Blekinge County"),
    ("12", "M", "Skåne län", "Skåne County"),
    ("13", "N", "Hallands län", "Halland County"),
    ("14", "O", "Västra Götalands län", "Västra Götaland County"),
    ("17", "S", "Värmlands län", "Värmland County"),
    ("18", "T", "Örebro län", "Örebro County"),
    ("19", "U", "Västmanlands län", "Västmanland County"),
    ("20", "W", "Dalarnas län", "Dalarna County"),
    ("21", "X", "Gävleborgs län", "Gävleborg County"),
    ("22", "Y", "Västernorrlands län", "Västernorrland County"),
    ("23", "Z", "Jämtlands län", "Jämtland County"),
    ("24", "AC", "Västerbottens län", "Västerbotten County"),
    ("25", "BD", "Norrbottens län", "Norrbotten County"),
]

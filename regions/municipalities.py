"""
Sweden's 290 municipalities (kommuner) by the county (län) they lie in, as fixed data
beside counties.py: an event's venue names its municipality, and the county follows.
"""

# County code (regions/counties.py): the municipalities of that county.
# fmt: off
MUNICIPALITIES = {
    "01": [
        "Botkyrka", "Danderyd", "Ekerö", "Haninge", "Huddinge", "Järfälla", "Lidingö",
        "Nacka", "Norrtälje", "Nykvarn", "Nynäshamn", "Salem", "Sigtuna", "Sollentuna",
        "Solna", "Stockholm", "Sundbyberg", "Södertälje", "Tyresö", "Täby",
        "Upplands Väsby", "Upplands-Bro", "Vallentuna", "Vaxholm", "Värmdö", "Österåker",
    ],
    "03": ["Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Uppsala", "Älvkarleby", "Östhammar"],
    "04": [
        "Eskilstuna", "Flen", "Gnesta", "Katrineholm", "Nyköping", "Oxelösund", "Strängnäs",
        "Trosa", "Vingåker",
    ],
    "05": [
        "Boxholm", "Finspång", "Kinda", "Linköping", "Mjölby", "Motala", "Norrköping",
        "Söderköping", "Vadstena", "Valdemarsvik", "Ydre", "Åtvidaberg", "Ödeshög",
    ],
    "06": [
        "Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö", "Nässjö",
        "Sävsjö", "Tranås", "Vaggeryd", "Vetlanda", "Värnamo",
    ],
    "07": ["Alvesta", "Lessebo", "Ljungby", "Markaryd", "Tingsryd", "Uppvidinge", "Växjö", "Älmhult"],
    "08": [
        "Borgholm", "Emmaboda", "Hultsfred", "Högsby", "Kalmar", "Mönsterås", "Mörbylånga",
        "Nybro", "Oskarshamn", "Torsås", "Vimmerby", "Västervik",
    ],
    "09": ["Gotland"],
    "10": ["Karlshamn", "Karlskrona", "Olofström", "Ronneby", "Sölvesborg"],
    "12": [
        "Bjuv", "Bromölla", "Burlöv", "Båstad", "Eslöv", "Helsingborg", "Hässleholm",
        "Höganäs", "Hörby", "Höör", "Klippan", "Kristianstad", "Kävlinge", "Landskrona",
        "Lomma", "Lund", "Malmö", "Osby", "Perstorp", "Simrishamn", "Sjöbo", "Skurup",
        "Staffanstorp", "Svalöv", "Svedala", "Tomelilla", "Trelleborg", "Vellinge", "Ystad",
        "Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge",
    ],
    "13": ["Falkenberg", "Halmstad", "Hylte", "Kungsbacka", "Laholm", "Varberg"],
    "14": [
        "Ale", "Alingsås", "Bengtsfors", "Bollebygd", "Borås", "Dals-Ed", "Essunga",
        "Falköping", "Färgelanda", "Grästorp", "Gullspång", "Göteborg", "Götene",
        "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv", "Lerum", "Lidköping",
        "Lilla Edet", "Lysekil", "Mariestad", "Mark", "Mellerud", "Munkedal", "Mölndal",
        "Orust", "Partille", "Skara", "Skövde", "Sotenäs", "Stenungsund", "Strömstad",
        "Svenljunga", "Tanum", "Tibro", "Tidaholm", "Tjörn", "Tranemo", "Trollhättan",
        "Töreboda", "Uddevalla", "Ulricehamn", "Vara", "Vårgårda", "Vänersborg", "Åmål",
        "Öckerö",
    ],
    "17": [
        "Arvika", "Eda", "Filipstad", "Forshaga", "Grums", "Hagfors", "Hammarö", "Karlstad",
        "Kil", "Kristinehamn", "Munkfors", "Storfors", "Sunne", "Säffle", "Torsby", "Årjäng",
    ],
    "18": [
        "Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå",
        "Lekeberg", "Lindesberg", "Ljusnarsberg", "Nora", "Örebro",
    ],
    "19": [
        "Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping", "Norberg", "Sala",
        "Skinnskatteberg", "Surahammar", "Västerås",
    ],
    "20": [
        "Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika",
        "Malung-Sälen", "Mora", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro",
        "Älvdalen",
    ],
    "21": [
        "Bollnäs", "Gävle", "Hofors", "Hudiksvall", "Ljusdal", "Nordanstig", "Ockelbo",
        "Ovanåker", "Sandviken", "Söderhamn",
    ],
    "22": ["Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"],
    "23": ["Berg", "Bräcke", "Härjedalen", "Krokom", "Ragunda", "Strömsund", "Åre", "Östersund"],
    "24": [
        "Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling", "Norsjö", "Robertsfors",
        "Skellefteå", "Sorsele", "Storuman", "Umeå", "Vilhelmina", "Vindeln", "Vännäs",
        "Åsele",
    ],
    "25": [
        "Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix",
        "Kiruna", "Luleå", "Pajala", "Piteå", "Älvsbyn", "Överkalix", "Övertorneå",
    ],
}
# fmt: on

# Names as editors write them too: "Gothenburg", "Göteborgs stad", "Sundsvalls kommun".
OTHER_NAMES = {"gothenburg": "14"}
SUFFIXES = (" kommun", " stad", " municipality")

COUNTY_OF = {
    name.casefold(): code for code, names in MUNICIPALITIES.items() for name in names
} | OTHER_NAMES


def county_code_of(municipality):
    """The county code of ``municipality`` as an editor wrote it, or None if unknown."""
    name = " ".join(municipality.split()).casefold()
    for suffix in SUFFIXES:
        name = name.removesuffix(suffix)
    if name in COUNTY_OF:
        return COUNTY_OF[name]
    # The genitive before "kommun": "Sundsvalls", "Östersunds".
    return COUNTY_OF.get(name.removesuffix("s")) if name.endswith("s") else None

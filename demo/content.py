"""
The demo site's content, written in Swedish with the English translation of every
translatable text beside it.

``t(sv, en)`` returns the Swedish text and records its English translation, so that the
loader can translate the Swedish pages through wagtail-localize's PO import exactly as a
translator's file would. A segment of rich text is one block element (a paragraph or a
heading), so rich text is written a block at a time with ``rich()``.

Every entry, of every kind, is a dict of the fields its model takes (an article's also
names its region, ``None`` for the programme office's), so one reads like the next.

The facts (people, roles, dates, places) follow the editorial the site was conceived
around; the words are the project's own. The companies are invented for the demo.
"""

import datetime
from decimal import Decimal

ENGLISH = {}


def t(sv, en):
    if ENGLISH.get(sv, en) != en:
        raise ValueError(f"{sv!r} has two English translations")
    ENGLISH[sv] = en
    return sv


def rich(*blocks):
    """Rich text from (sv, en) pairs; a pair prefixed with "h2" is a heading."""
    html = []
    for block in blocks:
        tag, sv, en = block if len(block) == 3 else ("p", *block)
        html.append(f"<{tag}>{t(sv, en)}</{tag}>")
    return "".join(html)


def paragraph(*blocks):
    return ("paragraph", rich(*blocks))


def quote(sv, en, attribution):
    return ("quote", {"quote": t(sv, en), "attribution": t(attribution, attribution)})


def call_to_action(title, text, button_label, page=None, url=""):
    return (
        "call_to_action",
        {
            "title": t(*title),
            "text": t(*text),
            "button_label": t(*button_label),
            "page": page,
            "url": url,
        },
    )


# --- People -----------------------------------------------------------------------

# The programme's periods, as far as the sources go: Produktionslyftet 2 began early in
# 2010 with eight nodes; in 2011 the nodes hoped to carry the work on after it.
PERIODS = [
    {
        "name": t("Produktionslyftet 2", "Produktionslyftet 2"),
        "start": datetime.date(2010, 1, 1),
        "end": None,
        "description": t(
            "Åtta regionala noder vid universitet och högskolor hjälper företagen i sina "
            "regioner. Under 2011 väcktes förhoppningen om en fortsättning efter perioden.",
            "Eight regional nodes at universities help the companies in their regions. In "
            "2011 the nodes voiced the hope of carrying the work on after the period.",
        ),
    },
]

PEOPLE = [
    {
        "name": "Pernilla Ingelsson",
        "email": "pernilla.ingelsson@example.org",
        "bio": t(
            "Regionledare för Produktionslyftet i Mellersta Norrland vid Mittuniversitetet "
            "sedan noden startade 2010.",
            "Regional leader of Produktionslyftet in Central Norrland at Mid Sweden "
            "University since the node started in 2010.",
        ),
    },
    {
        "name": "Anna Mårtensson",
        "email": "anna.martensson@example.org",
        "bio": t(
            "Utbildningsansvarig i Mellersta Norrland. Håller i utbildningsdagarna för "
            "företagens ledningsgrupper och medarbetare.",
            "Head of training in Central Norrland. Runs the training days for the "
            "companies' management teams and staff.",
        ),
    },
    {
        "name": "Anna Godevärn",
        "email": "anna.godevarn@example.org",
        "bio": t(
            "Insiktsansvarig i Mellersta Norrland. Följer företagen i deras förbättringsarbete "
            "och sprider det de lär sig.",
            "Head of insight in Central Norrland. Follows the companies in their improvement "
            "work and spreads what they learn.",
        ),
    },
]

# The other nodes' contact people for their events in the demo: invented, as the
# companies are; the sources name only Mellersta Norrland's team.
PEOPLE += [
    {
        "name": "Lena Forsberg",
        "email": "lena.forsberg@example.org",
        "bio": t(
            "Processledare i Övre Norrland vid Luleå tekniska universitet. Håller i nodens "
            "mötesplatser för företagen.",
            "Process leader in Upper Norrland at Luleå University of Technology. Runs the "
            "node's meeting places for the companies.",
        ),
    },
    {
        "name": "Johan Ekdahl",
        "email": "johan.ekdahl@example.org",
        "bio": t(
            "Utbildningsansvarig i Västsverige vid Chalmers tekniska högskola.",
            "Head of training in West Sweden at Chalmers University of Technology.",
        ),
    },
    {
        "name": "Sara Holmgren",
        "email": "sara.holmgren@example.org",
        "bio": t(
            "Regionledare i Småland och öarna vid Tekniska Högskolan i Jönköping.",
            "Regional leader in Småland and the Islands at Jönköping University School of "
            "Engineering.",
        ),
    },
]

# --- Partners, stakeholders and financiers ----------------------------------------

PARTNERS = [
    {
        "name": t("Swerea IVF", "Swerea IVF"),
        "kind": "partner",
        "url": "https://www.ri.se/",
        "description": t(
            "Industriforskningsinstitutet som är programmets värdorganisation och samordnar noderna.",
            "The industrial research institute that hosts the programme and coordinates the nodes.",
        ),
    },
    {
        "name": t("Chalmers tekniska högskola", "Chalmers University of Technology"),
        "kind": "partner",
        "url": "https://www.chalmers.se/",
        "description": t(
            "Medgrundare av programmet och värd för noden i Västsverige.",
            "A co-founder of the programme and host of the West Sweden node.",
        ),
    },
    {
        "name": t("Luleå tekniska universitet", "Luleå University of Technology"),
        "kind": "partner",
        "url": "https://www.ltu.se/",
        "description": t(
            "Värd för noden i Övre Norrland, där Produktion Botnia startade.",
            "Host of the Upper Norrland node, where Produktion Botnia started.",
        ),
    },
    {
        "name": t("Mittuniversitetet", "Mid Sweden University"),
        "kind": "partner",
        "url": "https://www.miun.se/",
        "description": t(
            "Värd för noden i Mellersta Norrland sedan 2010.",
            "Host of the Central Norrland node since 2010.",
        ),
    },
    {
        "name": t("Högskolan i Gävle", "University of Gävle"),
        "kind": "partner",
        "url": "https://www.hig.se/",
        "description": t(
            "Värd för noden i Norra Mellansverige.", "Host of the North Central Sweden node."
        ),
    },
    {
        "name": t("Mälardalens högskola", "Mälardalen University"),
        "kind": "partner",
        "url": "https://www.mdu.se/",
        "description": t(
            "Värd för noden i Östra Mellansverige.", "Host of the East Central Sweden node."
        ),
    },
    {
        "name": t("KTH", "KTH Royal Institute of Technology"),
        "kind": "partner",
        "url": "https://www.kth.se/",
        "description": t("Värd för noden i Stockholm.", "Host of the Stockholm node."),
    },
    {
        "name": t("Tekniska Högskolan i Jönköping", "Jönköping University School of Engineering"),
        "kind": "partner",
        "url": "https://ju.se/",
        "description": t(
            "Värd för noden i Småland och öarna.", "Host of the Småland and the Islands node."
        ),
    },
    {
        "name": t("Lunds tekniska högskola", "Lund University Faculty of Engineering"),
        "kind": "partner",
        "url": "https://www.lth.se/",
        "description": t("Värd för noden i Sydsverige.", "Host of the South Sweden node."),
    },
    {
        "name": t("Teknikföretagen", "Association of Swedish Engineering Industries"),
        "kind": "stakeholder",
        "url": "https://www.teknikforetagen.se/",
        "description": t(
            "Arbetsgivarorganisationen för teknikindustrin, en av programmets initiativtagare.",
            "The employers' organisation of the engineering industry, one of the programme's "
            "initiators.",
        ),
    },
    {
        "name": t("IF Metall", "IF Metall"),
        "kind": "stakeholder",
        "url": "https://www.ifmetall.se/",
        "description": t(
            "Fackförbundet för industrins medarbetare, som står bakom programmet tillsammans med "
            "Teknikföretagen.",
            "The trade union of the industry's workers, which backs the programme together with "
            "the Association of Swedish Engineering Industries.",
        ),
    },
    {
        "name": t("VINNOVA", "Vinnova"),
        "kind": "financier",
        "url": "https://www.vinnova.se/",
        "description": t(
            "Sveriges innovationsmyndighet, som finansierar programmet.",
            "Sweden's innovation agency, which funds the programme.",
        ),
    },
    {
        "name": t("KK-stiftelsen", "The Knowledge Foundation"),
        "kind": "financier",
        "url": "https://www.kks.se/",
        "description": t(
            "Stiftelsen som finansierar forskning vid de nya universiteten och högskolorna.",
            "The foundation that funds research at Sweden's newer universities.",
        ),
    },
    {
        "name": t("Tillväxtverket", "Swedish Agency for Economic and Regional Growth"),
        "kind": "financier",
        "url": "https://tillvaxtverket.se/",
        "description": t(
            "Myndigheten för regional tillväxt, som bidrar till nodernas arbete.",
            "The agency for regional growth, which supports the nodes' work.",
        ),
    },
]


# --- Pages --------------------------------------------------------------------------
# Each page: its type, Swedish fields (translatable text wrapped in t()), children.

HOME = {
    "title": t("Produktionslyftet", "Produktionslyftet"),
    "slug": t("home", "home"),
    "seo_title": t(
        "Produktionslyftet – ett nationellt program för tillverkande företag",
        "Produktionslyftet – a national programme for manufacturers",
    ),
    "hero_heading": t("Ett lyft för svensk tillverkning", "A lift for Swedish manufacturing"),
    "hero_text": t(
        "Produktionslyftet hjälper små och medelstora tillverkande företag att utveckla sin "
        "produktion, med stöd från åtta regionala noder vid landets universitet och högskolor.",
        "Produktionslyftet helps small and medium-sized manufacturers develop their "
        "production, supported by eight regional nodes at Sweden's universities.",
    ),
    "introduction": t(
        "Ett nationellt program för hållbar produktivitet i små och medelstora företag.",
        "A national programme for lasting productivity in small and medium-sized companies.",
    ),
    "featured_content": [
        paragraph(
            (
                "Företagen arbetar i arton månader tillsammans med en erfaren coach. Ledning och "
                "medarbetare lär sig samma metoder och gör förbättringsarbetet till en del av "
                "vardagen.",
                "The companies work for eighteen months with an experienced coach. Management "
                "and staff learn the same methods and make improvement part of everyday work.",
            )
        ),
    ],
}

CONTENT_PAGES = [
    {
        "title": t("Om Produktionslyftet", "About the programme"),
        "slug": t("om-produktionslyftet", "about-the-programme"),
        "show_in_menus": True,
        "introduction": t(
            "Produktionslyftet startades 2006 av industrin, facket och staten för att stärka "
            "de små och medelstora tillverkarnas konkurrenskraft.",
            "Produktionslyftet was started in 2006 by industry, the unions and the state to "
            "strengthen the competitiveness of small and medium-sized manufacturers.",
        ),
        "body": [
            paragraph(
                ("h2", "Ett program i flera etapper", "A programme in several stages"),
                (
                    "Programmet har vuxit i etapper. I Produktionslyftet 2 delas arbetet av åtta "
                    "regionala noder, var och en vid ett universitet eller en högskola.",
                    "The programme has grown in stages. In Produktionslyftet 2 the work is "
                    "shared by eight regional nodes, each at a university.",
                ),
                (
                    "Noderna hittar företagen, håller utbildningarna och knyter arbetet till "
                    "forskningen i sin region.",
                    "The nodes find the companies, run the training and connect the work to "
                    "research in their region.",
                ),
            ),
            ("timeline", None),
        ],
        "children": [
            {
                "title": t("Så arbetar vi", "How we work"),
                "slug": t("sa-arbetar-vi", "how-we-work"),
                "introduction": t(
                    "Ett företag i programmet arbetar i arton månader med en coach, utbildning "
                    "för hela personalen och ett eget förbättringsprojekt.",
                    "A company in the programme works for eighteen months with a coach, "
                    "training for all staff and an improvement project of its own.",
                ),
                "body": [
                    paragraph(
                        ("h2", "Coachning på plats", "Coaching on site"),
                        (
                            "En coach från programmet besöker företaget regelbundet och stöttar "
                            "ledningen i att leda förändringen.",
                            "A coach from the programme visits the company regularly and "
                            "supports management in leading the change.",
                        ),
                        ("h2", "Utbildning för alla", "Training for everyone"),
                        (
                            "Medarbetare och ledning går samma utbildning, så att alla talar "
                            "samma språk när förbättringarna tar form.",
                            "Staff and management take the same training, so that everyone "
                            "speaks the same language as the improvements take shape.",
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "title": t("Kontakt", "Contact"),
        "slug": t("kontakt", "contact"),
        "show_in_menus": True,
        "introduction": t(
            "Vill ditt företag vara med? Kontakta noden i din region eller programkontoret.",
            "Would your company like to take part? Contact the node in your region or the "
            "programme office.",
        ),
        "body": [
            paragraph(
                (
                    "Programkontoret nås på info@example.org. Varje regional nod har sina egna "
                    "kontaktuppgifter på sin sida.",
                    "The programme office can be reached at info@example.org. Each regional node "
                    "has its own contact details on its page.",
                )
            ),
        ],
    },
]

PRIVACY_PAGE = {
    "title": t("Personuppgifter", "Personal data"),
    "slug": t("personuppgifter", "personal-data"),
    "introduction": t(
        "Så hanterar Produktionslyftet uppgifterna i en intresseanmälan.",
        "How Produktionslyftet handles the details sent with an interest form.",
    ),
    "body": [
        paragraph(
            (
                "Uppgifterna används bara för att noden i ert län ska kunna kontakta er. De "
                "sparas i två år och lämnas inte vidare.",
                "The details are used only so that the node for your county can contact you. "
                "They are kept for two years and passed on to no one.",
            ),
            (
                "När du anmäler dig till ett evenemang sparas namn, organisation, e-post och "
                "de behov du anger, för att genomföra evenemanget. Arrangerande nod ser dem. "
                "De raderas tre månader efter evenemanget.",
                "When you register for an event, your name, organisation, email and the "
                "needs you give are kept to run the event. The node that holds it sees them. "
                "They are deleted three months after the event.",
            ),
        ),
    ],
}

INTEREST_FORM_PAGE = {
    "title": t("Delta i Produktionslyftet", "Take part in Produktionslyftet"),
    "slug": t("delta", "take-part"),
    "show_in_menus": True,
    "introduction": t(
        "Berätta om ert företag, så hör noden som betjänar ert län av sig.",
        "Tell us about your company, and the node that serves your county will be in touch.",
    ),
}

ACCESSIBILITY_PAGE = {
    "title": t("Tillgänglighetsredogörelse", "Accessibility statement"),
    "slug": t("tillganglighet", "accessibility"),
    "introduction": t(
        "Hur tillgänglig webbplatsen är, och hur du rapporterar brister.",
        "How accessible the website is, and how to report shortcomings.",
    ),
    "compliance": "partial",
    "assessed_on": datetime.date(2026, 11, 30),
    "known_barriers": rich(
        (
            "Dokument som noderna laddar upp, till exempel PDF-filer från seminarier, är inte "
            "granskade och kan sakna rubriker och beskrivningar av bilder.",
            "Documents the nodes upload, such as PDF files from seminars, have not been "
            "reviewed and may lack headings and descriptions of images.",
        ),
    ),
    "alternatives": rich(
        (
            "Behöver du innehåll i en annan form, till exempel ett dokument som text, skriv "
            "till programkontoret via formuläret nedan, så hjälper vi dig inom fem arbetsdagar.",
            "If you need content in another form, such as a document as plain text, write to "
            "the programme office through the form below, and we will help you within five "
            "working days.",
        ),
    ),
    "testing": rich(
        (
            "Varje sida på svenska och engelska granskas automatiskt med axe-core mot WCAG 2.1 "
            "nivå A och AA i en riktig webbläsare, och sidornas HTML kontrolleras med Nu "
            "HTML Checker, vid varje ändring av webbplatsens kod.",
            "Every page in Swedish and English is checked automatically with axe-core against "
            "WCAG 2.1 levels A and AA in a real browser, and the pages' HTML with the Nu HTML "
            "Checker, at every change to the site's code.",
        ),
    ),
}

REGION_INDEX = {
    "title": t("Regioner", "Regions"),
    "slug": t("regioner", "regions"),
    "show_in_menus": True,
    "introduction": t(
        "Programmet drivs av åtta regionala noder vid universitet och högskolor över hela landet.",
        "The programme is run by eight regional nodes at universities across the country.",
    ),
}

MELLERSTA_NORRLAND = "mellersta-norrland"

# The counties each node serves (SCB county codes): the nodes follow Sweden's eight NUTS 2
# regions, each made of whole counties.
COUNTIES = {
    "ovre-norrland": ["24", "25"],  # Västerbotten, Norrbotten
    MELLERSTA_NORRLAND: ["22", "23"],  # Västernorrland, Jämtland
    "norra-mellansverige": ["17", "20", "21"],  # Värmland, Dalarna, Gävleborg
    "ostra-mellansverige": ["03", "04", "05", "18", "19"],  # Uppsala … Västmanland
    "stockholm": ["01"],
    "vastsverige": ["13", "14"],  # Halland, Västra Götaland
    "smaland-och-oarna": ["06", "07", "08", "09"],  # Jönköping, Kronoberg, Kalmar, Gotland
    "sydsverige": ["10", "12"],  # Blekinge, Skåne
}

MELLERSTA_NORRLAND_DETAILS = {
    "body": [
        paragraph(
            (
                "Mittuniversitetet blev nod i Produktionslyftet i början av 2010. Innan dess hade "
                "inga företag från regionen deltagit i programmet.",
                "Mid Sweden University became a node of Produktionslyftet at the start of 2010. "
                "Until then no company from the region had taken part in the programme.",
            )
        ),
    ],
    "team": [
        ("Pernilla Ingelsson", t("Regionledare", "Regional leader")),
        ("Anna Mårtensson", t("Utbildningsansvarig", "Head of training")),
        ("Anna Godevärn", t("Insiktsansvarig", "Head of insight")),
    ],
    "companies": [
        ("Sundsvalls Mekaniska Verkstad AB", "Sundsvall"),
        ("Jämtlands Plastprodukter AB", "Östersund"),
        ("Härnösands Precisionsdetaljer AB", "Härnösand"),
        ("Övik Stålkonstruktion AB", "Örnsköldsvik"),
    ],
}


REGIONS = [
    {
        "title": t("Övre Norrland", "Upper Norrland"),
        "slug": t("ovre-norrland", "upper-norrland"),
        "host_organisation": t("Luleå tekniska universitet", "Luleå University of Technology"),
        "introduction": t(
            "Noden i norr, där Produktion Botnia startade och blev en förebild för andra regioner.",
            "The northern node, where Produktion Botnia started and became a model for other regions.",
        ),
        "latitude": Decimal("65.61760"),
        "longitude": Decimal("22.14050"),
        "contact_email": "ovre-norrland@example.org",
    },
    {
        "title": t("Mellersta Norrland", "Central Norrland"),
        "slug": t(MELLERSTA_NORRLAND, "central-norrland"),
        "host_organisation": t("Mittuniversitetet", "Mid Sweden University"),
        "introduction": t(
            "Noden i Västernorrland och Jämtland, som gick från vit fläck till växande nätverk.",
            "The node for Västernorrland and Jämtland, which went from a blank spot to a growing "
            "network.",
        ),
        "latitude": Decimal("62.39080"),
        "longitude": Decimal("17.30690"),
        "contact_email": f"{MELLERSTA_NORRLAND}@example.org",
        **MELLERSTA_NORRLAND_DETAILS,
    },
    {
        "title": t("Norra Mellansverige", "North Central Sweden"),
        "slug": t("norra-mellansverige", "north-central-sweden"),
        "host_organisation": t("Högskolan i Gävle", "University of Gävle"),
        "introduction": t(
            "Noden för Gävleborg, Dalarna och Värmland.",
            "The node for Gävleborg, Dalarna and Värmland.",
        ),
        "latitude": Decimal("60.67490"),
        "longitude": Decimal("17.14130"),
        "contact_email": "norra-mellansverige@example.org",
    },
    {
        "title": t("Östra Mellansverige", "East Central Sweden"),
        "slug": t("ostra-mellansverige", "east-central-sweden"),
        "host_organisation": t("Mälardalens högskola", "Mälardalen University"),
        "introduction": t(
            "Noden i Mälardalen, med lång erfarenhet av produktionsforskning.",
            "The node in the Mälaren valley, with long experience of production research.",
        ),
        "latitude": Decimal("59.60990"),
        "longitude": Decimal("16.54480"),
        "contact_email": "ostra-mellansverige@example.org",
    },
    {
        "title": t("Stockholm", "Stockholm"),
        "slug": t("stockholm", "stockholm"),
        "host_organisation": t("KTH", "KTH Royal Institute of Technology"),
        "introduction": t(
            "Noden för tillverkande företag i Stockholmsregionen.",
            "The node for manufacturers in the Stockholm region.",
        ),
        "latitude": Decimal("59.34980"),
        "longitude": Decimal("18.07070"),
        "contact_email": "stockholm@example.org",
    },
    {
        "title": t("Västsverige", "West Sweden"),
        "slug": t("vastsverige", "west-sweden"),
        "host_organisation": t("Chalmers tekniska högskola", "Chalmers University of Technology"),
        "introduction": t(
            "Noden i Västsverige, vid en av programmets grundare.",
            "The West Sweden node, at one of the programme's founders.",
        ),
        "latitude": Decimal("57.68960"),
        "longitude": Decimal("11.97440"),
        "contact_email": "vastsverige@example.org",
    },
    {
        "title": t("Småland och öarna", "Småland and the Islands"),
        "slug": t("smaland-och-oarna", "smaland-and-the-islands"),
        "host_organisation": t(
            "Tekniska Högskolan i Jönköping", "Jönköping University School of Engineering"
        ),
        "introduction": t(
            "Noden för Småland, Öland och Gotland, i en region tät av tillverkande företag.",
            "The node for Småland, Öland and Gotland, a region dense with manufacturers.",
        ),
        "latitude": Decimal("57.78260"),
        "longitude": Decimal("14.16180"),
        "contact_email": "smaland-och-oarna@example.org",
    },
    {
        "title": t("Sydsverige", "South Sweden"),
        "slug": t("sydsverige", "south-sweden"),
        "host_organisation": t("Lunds tekniska högskola", "Lund University Faculty of Engineering"),
        "introduction": t("Noden för Skåne och Blekinge.", "The node for Skåne and Blekinge."),
        "latitude": Decimal("55.71120"),
        "longitude": Decimal("13.21020"),
        "contact_email": "sydsverige@example.org",
    },
]


ARTICLE_INDEX = {
    "title": t("Aktuellt", "News and articles"),
    "slug": t("aktuellt", "news"),
    "show_in_menus": True,
    "introduction": t(
        "Ledare, notiser, artiklar och Produktionslyftsloggen från hela programmet.",
        "Editorials, news, features and the Produktionslyftet log from the whole programme.",
    ),
}

EVENT_INDEX = {
    "title": t("Kalender", "Events"),
    "slug": t("kalender", "events"),
    "show_in_menus": True,
    "introduction": t(
        "Inspirationsdagar, utbildningsdagar och mötesplatser i noderna och i programmet.",
        "Inspiration days, training days and meeting places in the nodes and the programme.",
    ),
}

PARTNERS_PAGE = {
    "title": t("Partner", "Partners"),
    "slug": t("partner", "partners"),
    "show_in_menus": True,
    "introduction": t(
        "Produktionslyftet bärs av industrin, facket, forskningen och staten tillsammans.",
        "Produktionslyftet is carried by industry, the unions, research and the state together.",
    ),
}

# Articles: (where it lives: a region slug or None for the national index, fields)
ARTICLES = [
    {
        "region": MELLERSTA_NORRLAND,
        "title": t("Reflektion från Mitt Sverige", "Reflections from the middle of Sweden"),
        "slug": t("reflektion-fran-mitt-sverige", "reflections-from-the-middle-of-sweden"),
        "kind": "editorial",
        "author": "Pernilla Ingelsson",
        "date": datetime.date(2011, 5, 31),
        "introduction": t(
            "Ett drygt år efter starten ser regionledaren tillbaka på hur Mellersta Norrland "
            "slutade vara en vit fläck på Produktionslyftets karta.",
            "A little over a year after the start, the regional leader looks back on how "
            "Central Norrland stopped being a blank spot on Produktionslyftet's map.",
        ),
        "body": [
            paragraph(
                (
                    "När Mittuniversitetet i början av 2010 blev en av de åtta noderna i "
                    "Produktionslyftet 2 fick vi en chans att bygga nya band mellan universitetet "
                    "och regionens företag. Uppgiften var inte liten: inget företag från "
                    "Mellersta Norrland hade tidigare varit med i programmet.",
                    "When Mid Sweden University became one of the eight nodes of "
                    "Produktionslyftet 2 at the start of 2010, we were given a chance to build "
                    "new ties between the university and the companies of our region. The task "
                    "was no small one: no company from Central Norrland had taken part in the "
                    "programme before.",
                ),
                (
                    "Det första året gick åt till att bygga upp verksamheten och berätta om den, "
                    "både inom universitetet och ute i regionen. Tillsammans med Anna Mårtensson, "
                    "som ansvarar för utbildningen, och Anna Godevärn, som ansvarar för insikterna, "
                    "har jag skapat mötesplatser där företag kan inspireras och få veta mer.",
                    "The first year went into building up the work and telling people about it, "
                    "both inside the university and out in the region. Together with Anna "
                    "Mårtensson, who is responsible for training, and Anna Godevärn, who is "
                    "responsible for insight, I have created meeting places where companies "
                    "can be inspired and learn more.",
                ),
                (
                    "Nu syns resultatet. Fyra företag i regionen har kommit en bit på väg eller "
                    "står redo att börja, och fler har hört av sig.",
                    "Now the results are showing. Four companies in the region are on their "
                    "way or ready to begin, and more have been in touch.",
                ),
                ("h2", "Nästa steg: Produktion Mitt", "Next step: Produktion Mitt"),
                (
                    "Vår nästa uppgift är att hitta en form som passar vår region och att knyta "
                    "arbetet tydligare till forskning och utbildning. Produktion Botnia i norr är "
                    "en förebild, och före årets slut vill vi veta hur Produktion Mitt ska se ut.",
                    "Our next task is to find a form that suits our region and to tie the work "
                    "more closely to research and education. Produktion Botnia in the north is "
                    "a model, and before the end of the year we want to know what Produktion "
                    "Mitt will look like.",
                ),
                (
                    "Intresset finns, inte bara hos de företag vi främst vänder oss till utan också "
                    "hos andra företag och organisationer. Vi hoppas på ett Produktionslyftet 3 "
                    "så att arbetet kan fortsätta med det nationella programmet som grund.",
                    "The interest is there, not only among the companies we mainly address but "
                    "also among other companies and organisations. We hope for a "
                    "Produktionslyftet 3 so that the work can continue with the national "
                    "programme as its foundation.",
                ),
            ),
            quote(
                "Vi är inte längre en vit fläck på kartan – vi är på väg framåt.",
                "We are no longer a blank spot on the map – we are moving forward.",
                "Pernilla Ingelsson",
            ),
        ],
    },
    {
        "region": MELLERSTA_NORRLAND,
        "title": t(
            "Fyra företag i Mellersta Norrland på väg in",
            "Four companies in Central Norrland on their way in",
        ),
        "slug": t("fyra-foretag-pa-vag-in", "four-companies-on-their-way-in"),
        "kind": "news",
        "author": "Anna Godevärn",
        "date": datetime.date(2011, 4, 12),
        "introduction": t(
            "För första gången deltar tillverkande företag från Västernorrland och Jämtland i "
            "Produktionslyftet.",
            "For the first time, manufacturers from Västernorrland and Jämtland are taking "
            "part in Produktionslyftet.",
        ),
        "body": [
            paragraph(
                (
                    "Företagen i Sundsvall, Östersund, Härnösand och Örnsköldsvik har börjat kartlägga "
                    "sina flöden tillsammans med nodens coacher.",
                    "The companies in Sundsvall, Östersund, Härnösand and Örnsköldsvik have begun "
                    "mapping their flows together with the node's coaches.",
                )
            )
        ],
    },
    {
        "region": None,
        "title": t("Produktionslyftet 2 har startat", "Produktionslyftet 2 has started"),
        "slug": t("produktionslyftet-2-har-startat", "produktionslyftet-2-has-started"),
        "kind": "news",
        "date": datetime.date(2010, 2, 1),
        "introduction": t(
            "Med åtta regionala noder når programmet nu tillverkande företag i hela landet.",
            "With eight regional nodes the programme now reaches manufacturers all over "
            "the country.",
        ),
        "body": [
            paragraph(
                (
                    "Noderna finns vid universitet och högskolor från Luleå i norr till Lund i söder.",
                    "The nodes are at universities from Luleå in the north to Lund in the south.",
                )
            )
        ],
    },
    {
        "region": None,
        "title": t("Åtta noder, ett gemensamt lyft", "Eight nodes, one shared lift"),
        "slug": t("atta-noder-ett-gemensamt-lyft", "eight-nodes-one-shared-lift"),
        "kind": "editorial",
        "date": datetime.date(2010, 9, 6),
        "introduction": t(
            "Programkontoret om varför arbetet drivs nära företagen, i regionerna.",
            "The programme office on why the work is done close to the companies, in the regions.",
        ),
        "body": [
            paragraph(
                (
                    "Ett företag förändras inte på distans. Därför finns programmet där företagen "
                    "finns, vid universitet och högskolor som känner sin region.",
                    "A company does not change from a distance. That is why the programme is where "
                    "the companies are, at universities that know their region.",
                )
            )
        ],
    },
    {
        "region": MELLERSTA_NORRLAND,
        "title": t(
            "Ständiga förbättringar på verkstadsgolvet",
            "Continuous improvement on the shop floor",
        ),
        "slug": t(
            "standiga-forbattringar-pa-verkstadsgolvet",
            "continuous-improvement-on-the-shop-floor",
        ),
        "kind": "feature",
        "author": "Anna Mårtensson",
        "date": datetime.date(2011, 3, 15),
        "introduction": t(
            "Hur en utbildningsdag blir början på ett förbättringsarbete som hela personalen äger.",
            "How a training day becomes the start of improvement work that all the staff own.",
        ),
        "body": [
            paragraph(
                (
                    "Utbildningen börjar med företagets egna flöden. Deltagarna följer en produkt "
                    "genom verkstaden och ser var tiden går.",
                    "The training starts with the company's own flows. The participants follow a "
                    "product through the workshop and see where the time goes.",
                ),
                (
                    "Därefter väljer gruppen ett första förbättringsområde, litet nog att lyckas "
                    "med och stort nog att märkas.",
                    "Then the group chooses a first area to improve, small enough to succeed with "
                    "and large enough to be noticed.",
                ),
            )
        ],
    },
    {
        "region": None,
        "title": t(
            "Produktion Botnia – förebilden i norr",
            "Produktion Botnia – the model in the north",
        ),
        "slug": t(
            "produktion-botnia-forebilden-i-norr", "produktion-botnia-the-model-in-the-north"
        ),
        "kind": "feature",
        "date": datetime.date(2011, 2, 21),
        "introduction": t(
            "I Övre Norrland har universitet och företag byggt ett eget nätverk för "
            "produktionsutveckling.",
            "In Upper Norrland the university and the companies have built a network of their "
            "own for production development.",
        ),
        "body": [
            paragraph(
                (
                    "Produktion Botnia visar hur en nod kan växa från ett program till en bestående "
                    "regional satsning.",
                    "Produktion Botnia shows how a node can grow from a programme into a lasting "
                    "regional effort.",
                )
            )
        ],
    },
    {
        "region": MELLERSTA_NORRLAND,
        "title": t(
            "Loggen: inspirationsdag i Sundsvall", "The log: an inspiration day in Sundsvall"
        ),
        "slug": t("loggen-inspirationsdag-i-sundsvall", "the-log-inspiration-day-in-sundsvall"),
        "kind": "blog",
        "author": "Anna Godevärn",
        "date": datetime.date(2010, 10, 5),
        "introduction": t(
            "Trettio personer från tolv företag kom för att höra hur Produktionslyftet fungerar.",
            "Thirty people from twelve companies came to hear how Produktionslyftet works.",
        ),
        "body": [
            paragraph(
                (
                    "Mest frågor fick vi om hur mycket tid arbetet tar. Svaret: lite varje vecka, "
                    "under lång tid.",
                    "We were asked most about how much time the work takes. The answer: a little "
                    "every week, over a long time.",
                )
            )
        ],
    },
    {
        "region": MELLERSTA_NORRLAND,
        "title": t("Loggen: första utbildningsdagen", "The log: the first training day"),
        "slug": t("loggen-forsta-utbildningsdagen", "the-log-the-first-training-day"),
        "kind": "blog",
        "author": "Anna Mårtensson",
        "date": datetime.date(2010, 11, 9),
        "introduction": t(
            "Ledningsgrupp och montörer i samma rum, med samma uppgift.",
            "Management and assemblers in the same room, with the same task.",
        ),
        "body": [
            paragraph(
                (
                    "Det bästa med dagen var när en montör visade vd:n varför materialet alltid tog "
                    "slut på fredagar.",
                    "The best moment of the day was when an assembler showed the managing director "
                    "why the material always ran out on Fridays.",
                )
            )
        ],
    },
]


# --- Events -----------------------------------------------------------------------

MID_SWEDEN_UNIVERSITY_SUNDSVALL = {
    "venue_name": "Mittuniversitetet, campus Sundsvall",
    "street_address": "Holmgatan 10",
    "municipality": "Sundsvall",
    "county": "22",  # Västernorrland
}

# Events: where each lives (a region slug), its contact (a name in PEOPLE) and its time,
# either ``when`` (a past event, fixed in Stockholm time) or ``in_days`` from the day the
# demo is loaded with the hours it runs (an upcoming one, which stays upcoming for a while
# after each fresh load). The past two are the days the log tells of afterwards.
EVENTS = [
    {
        "region": MELLERSTA_NORRLAND,
        "title": t("Inspirationsdag i Sundsvall", "Inspiration day in Sundsvall"),
        "slug": t("inspirationsdag-i-sundsvall-2010", "inspiration-day-in-sundsvall-2010"),
        "kind": "inspiration",
        "contact": "Anna Godevärn",
        "when": (datetime.datetime(2010, 9, 30, 9, 0), datetime.datetime(2010, 9, 30, 15, 0)),
        **MID_SWEDEN_UNIVERSITY_SUNDSVALL,
        "capacity": 40,
        "introduction": t(
            "Hur går ett lyft till, och vad kräver det av ett företag? En dag för ledningar "
            "i tillverkande företag i Västernorrland och Jämtland.",
            "How does a lift work, and what does it ask of a company? A day for the "
            "management of manufacturers in Västernorrland and Jämtland.",
        ),
        "body": [
            paragraph(
                (
                    "Nodens första inspirationsdag. Regionledaren berättar om programmet, och "
                    "företag som redan är med berättar om sitt arbete.",
                    "The node's first inspiration day. The regional leader tells of the "
                    "programme, and companies already taking part tell of their work.",
                )
            )
        ],
    },
    {
        "region": MELLERSTA_NORRLAND,
        "title": t("Första utbildningsdagen", "The first training day"),
        "slug": t("forsta-utbildningsdagen-2010", "the-first-training-day-2010"),
        "kind": "training",
        "contact": "Anna Mårtensson",
        "when": (datetime.datetime(2010, 11, 4, 8, 30), datetime.datetime(2010, 11, 4, 16, 0)),
        **MID_SWEDEN_UNIVERSITY_SUNDSVALL,
        "capacity": 24,
        "introduction": t(
            "Den första utbildningsdagen för företagen i Mellersta Norrland: ledningsgrupp "
            "och medarbetare tillsammans.",
            "The first training day for the companies of Central Norrland: management and "
            "staff together.",
        ),
        "body": [
            paragraph(
                (
                    "Varje företag kommer med sin ledningsgrupp och några medarbetare från "
                    "golvet. Dagen börjar med flödet i den egna verkstaden.",
                    "Each company comes with its management team and a few people from the "
                    "shop floor. The day starts with the flow in their own workshop.",
                )
            )
        ],
    },
    {
        "region": MELLERSTA_NORRLAND,
        "title": t("Inspirationsdag i Östersund", "Inspiration day in Östersund"),
        "slug": t("inspirationsdag-i-ostersund", "inspiration-day-in-ostersund"),
        "kind": "inspiration",
        "contact": "Pernilla Ingelsson",
        "in_days": 21,
        "hours": ((9, 0), (15, 30)),
        "venue_name": "Mittuniversitetet, campus Östersund",
        "street_address": "Kunskapens väg 8",
        "municipality": "Östersund",
        "county": "23",  # Jämtland
        "capacity": 40,
        "introduction": t(
            "Noden kommer till Jämtland: en dag om hur ett litet tillverkande företag "
            "kan bli mer produktivt, och hur Produktionslyftet hjälper till.",
            "The node comes to Jämtland: a day on how a small manufacturer can become more "
            "productive, and how Produktionslyftet helps.",
        ),
        "body": [
            paragraph(
                (
                    "Företagen i regionen som redan är med berättar vad de har gjort och vad "
                    "det har gett. Fika och lunch ingår.",
                    "Companies of the region already taking part tell what they have done and "
                    "what it gave them. Coffee and lunch are included.",
                )
            )
        ],
    },
    {
        "region": "ovre-norrland",
        "title": t("Mötesplats Produktion Botnia", "Produktion Botnia meeting place"),
        "slug": t("motesplats-produktion-botnia", "produktion-botnia-meeting-place"),
        "kind": "meeting",
        "contact": "Lena Forsberg",
        "in_days": 14,
        "hours": ((13, 0), (16, 0)),
        "venue_name": "Luleå tekniska universitet",
        "street_address": "Universitetsområdet, Porsön",
        "municipality": "Luleå",
        "county": "25",  # Norrbotten
        "capacity": 30,
        "introduction": t(
            "En eftermiddag där företagen i nätverket visar varandra vad som fungerar, och "
            "vad som inte gör det.",
            "An afternoon where the companies of the network show each other what works, "
            "and what does not.",
        ),
        "body": [
            paragraph(
                (
                    "Ett värdföretag visar sin verkstad, och sedan delar alla med sig av ett "
                    "förbättringsarbete de har gjort sedan sist.",
                    "A host company shows its workshop, and then everyone shares an "
                    "improvement they have made since the last time.",
                )
            )
        ],
    },
    {
        "region": "vastsverige",
        "title": t(
            "Utbildningsdag: flöde och standardiserat arbete",
            "Training day: flow and standard work",
        ),
        "slug": t(
            "utbildningsdag-flode-och-standardiserat-arbete",
            "training-day-flow-and-standard-work",
        ),
        "kind": "training",
        "contact": "Johan Ekdahl",
        "in_days": 28,
        "hours": ((8, 30), (16, 0)),
        "venue_name": "Chalmers tekniska högskola",
        "street_address": "Chalmersplatsen 4",
        "municipality": "Göteborg",
        "county": "14",  # Västra Götaland
        "capacity": 24,
        "cost": Decimal("500.00"),
        "introduction": t(
            "En utbildningsdag för ledningsgrupper och medarbetare i företag som har "
            "börjat sitt lyft.",
            "A training day for the management teams and staff of companies that have "
            "started their lift.",
        ),
        "body": [
            paragraph(
                (
                    "Förmiddagen handlar om att se flödet, eftermiddagen om att skriva ner det "
                    "bästa sättet att göra ett arbete, tillsammans med dem som gör det.",
                    "The morning is about seeing the flow, the afternoon about writing down the "
                    "best way to do a job, together with those who do it.",
                )
            )
        ],
    },
    {
        "region": "smaland-och-oarna",
        "title": t(
            "Webbinarium: är Produktionslyftet något för oss?",
            "Webinar: is Produktionslyftet for us?",
        ),
        "slug": t(
            "webbinarium-ar-produktionslyftet-nagot-for-oss", "webinar-is-produktionslyftet-for-us"
        ),
        "kind": "webinar",
        "contact": "Sara Holmgren",
        "in_days": 10,
        "hours": ((10, 0), (11, 0)),
        "online_link": "https://meet.example.org/produktionslyftet-smaland",
        "capacity": 100,
        "introduction": t(
            "En timme på nätet för företag i Småland, Öland och Gotland som vill veta vad "
            "ett lyft innebär innan de anmäler intresse.",
            "An hour online for companies in Småland, Öland and Gotland that want to know "
            "what a lift means before they register their interest.",
        ),
        "body": [
            paragraph(
                (
                    "Regionledaren går igenom hur arbetet läggs upp och svarar på frågor. "
                    "Länken skickas till dem som har anmält sig.",
                    "The regional leader goes through how the work is set up and answers "
                    "questions. The link is sent to those who have registered.",
                )
            )
        ],
    },
]

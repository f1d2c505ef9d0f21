"""Slovenian first names with their gender, common surnames, and name forms that are also
ordinary words: the tables behind `names.py`.

Sources: the first names and surnames are the most frequent ones among residents of
Slovenia in the Statistical Office of the Republic of Slovenia's name statistics (SURS,
«Imena in priimki», public statistics; facts, typed here by hand), with the gender each name
is given in them; a few names borne by both sexes (Saša, Vanja) are marked "u" and give no
gender. The ordinary-word forms are Slovenian words (SSKJ, Slovar slovenskega knjižnega
jezika) that a name's inflected form coincides with: «rok» (deadline), «jasno», «samo»,
«luka» (port), «vera» (faith). No GPL or non-commercial data. Limits: about 320 first names
(the common ones, and the most given to children since 2000); names outside the list are
read as surnames or left without a gender.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text (tables are kept as prose blocks)."""
    return frozenset(text.split())


# Written as (gender, names): "f" female, "m" male, "u" either (no gender from the name).
_FEMALE = """
Marija Ana Maja Irena Mojca Mateja Nataša Barbara Andreja Jožica Petra Tanja Katja Nina Eva
Sara Špela Anja Tina Urška Alenka Martina Simona Darja Vesna Helena Metka Polona Sonja Majda
Milena Ivana Katarina Nevenka Tjaša Kristina Marjeta Lara Nika Zala Ema Lana Neža Živa Ajda
Pia Zoja Julija Hana Klara Lea Vita Manca Teja Tea Ela Iza Ula Lucija Brina Zarja Mia Neja
Gaja Lina Angela Frančiška Ljudmila Olga Silva Danica Dragica Cvetka Marta Jelka Breda Erika
Suzana Vida Zdenka Stanislava Slavica Jasna Bojana Mira Nada Marjana Ljubica Milka Rozalija
Terezija Veronika Monika Karmen Alja Valentina Patricija Sabina Lidija Branka Renata Vera
Anita Aleksandra Mihaela Natalija Anica Antonija Jana Elizabeta Jožefa Pavla Štefanija
Zofija Greta Doroteja Maruša Nuša Meta Tamara Tadeja Sanja Daša Nastja Klavdija Damjana
Blanka Zlata Vlasta Irma Ines Nives Doris Mirjam Lili Emilija Rebeka Sofija Kaja Taja Ajša
Zara Luna Gabrijela Ksenija Urša Polonca Tatjana Jasmina Marina Jerneja Dominika Laura
Larisa Ida Hermina Rosana Romana Bernarda Tinkara Manja Sandra Jelena Ivanka Marjetka
Mirjana Nevena Vanesa Viktorija Ksenja Anamarija Jerica Lenka Maša Tia Eva Neli Inja
Kiara Hajdi Lejla Amra Alina Mila Mirela Ljuba Tereza Agata Karolina Magdalena Vlasta
"""

_MALE = """
Franc Janez Anton Marko Ivan Andrej Jožef Jože Luka Peter Marjan Matej Milan Tomaž Aleš
Branko Bojan Robert Boštjan Rok Matjaž Gregor Miha Stanislav Martin Drago Nejc Jan Žiga
Janko Alojz Dušan Uroš Igor Jure Primož Mitja Anže Žan Nik Gašper David Jaka Matic Klemen
Blaž Jernej Aljaž Tilen Tadej Denis Simon Jakob Vid Tim Nikola Andrija Sava Jurij Dejan
Borut Damjan Roman Sašo Zvonko Stanko Vinko Ciril Silvo Štefan Karel Pavel Ludvik Rudolf
Vladimir Srečko Bogdan Edvard Emil Filip Gorazd Lovro Mark Oskar Patrik Samo Tomo Urban
Valentin Vojko Zdravko Bor Val Lan Maj Gal Svit Erik Leon Enej Vito Jon Ožbej Maks Teo Tine
Tone Jani Zoran Darko Damijan Aleksander Andraž Sebastijan Kristjan Kristijan Matevž Domen
Benjamin Gaber Urh Ažbe Lenart Bine Viktor Mihael Mirko Slavko Zlatko Jožko Danilo Boris
Bruno Hugo Marcel Samuel Daniel Gabriel Rafael Kevin Adam Ivo Iztok Sandi Franci Mario Goran
Dragan Alen Niko Nikolaj Aleks Tian Liam Oliver Izak Jaša Aljoša Ilija Nikita Franjo Jurček
Marijan Mladen Rado Radovan Zdenko Ernest Albin Alfonz Avgust Jakob Matija Nace Krištof
Lukas Vitomir Miran Miroslav Rajko Branimir Dominik Tomislav Sergej Mihail Peter Benjamin
"""

_EITHER = """
Saša Vanja
"""


def _table() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for gender, block in (("f", _FEMALE), ("m", _MALE), ("u", _EITHER)):
        for name in block.split():
            found.setdefault(name.lower(), (name, gender))
    return found


FIRST_NAMES: dict[str, tuple[str, str]] = _table()
"""Lowercased first name → (the name as written, "f" | "m" | "u")."""

# Masculine first names whose last vowel drops in the oblique cases (Pavel → Pavla).
FLEETING_E = frozenset({"pavel", "karel", "peter", "aleksander", "gaber"})

SURNAMES: frozenset[str] = word_set(
    """
novak horvat kovačič krajnc zupančič potočnik kovač mlakar kos vidmar golob turk kralj zupan
bizjak božič hribar korošec rozman kotnik oblak kavčič petek žagar kolar hočevar košir koren
klemenčič zajc knez medved zupanc petrič pirc hrovat pavlič kuhar lah uršič tomažič sever
erjavec babič jereb jerman majcen pušnik kranjc breznik rupnik lesjak perko dolenc pečnik
furlan logar jenko tomšič debeljak ribič marolt kastelic pintar vovk žnidaršič černe gregorič
kokalj mihelič bezjak lešnik fras gorenc kramberger zadravec leban hribernik cerar jug
bergant ferk golobič jovanović kočevar korenčič kramar kristan lipovšek mavrič mrak nemec
oražem pavlin pogačnik rajh rebernik ropret sedej skok sitar smrekar šinkovec štrukelj
tavčar trček vodopivec zorko železnik žibert zver gorjup rus mesarič filipič jelen
"""
)
"""Frequent Slovenian surnames (SURS), lowercased: they decide the order of «Novak Ana»."""

# Capitalised words that are never a person here, though a listed name's form: a country
# (Francija, also Franci's genitive) and the port company «Luka Koper» (the word after).
PROPER_NOUNS = frozenset({"francija"})
PLACES_AFTER = frozenset({"koper"})

# Suffixes typical of Slovenian surnames: a word with one is read as a surname.
SURNAME_ENDINGS = ("ič", "ic", "ec", "ek", "nik", "ar", "ak", "šek", "čnik", "ović", "evič", "elj", "jak")

# Forms of listed names that are also ordinary words, lowercased: such a word is a name only
# where written with a capital away from a sentence start, in address position, or before a
# surname. spaCy's Slovenian stop words are added to these at import (`names.py`).
ORDINARY_WORDS = word_set(
    """
rok roka roku rokom luka luke luki luko maja maj maju majem vera vere veri vero nada nade
zlata zlate zlati zlato vesna vesne vesni vesno mila mile mili milo jasna jasne jasni jasno
zora zore zori zoro vida vid vidu vidom mira mir miru mirom val vala valu valom bor bora boru
borom lan lana lanu tim tima timu timom sanja sanje samo sama samu draga drago dragi dragu
dragom jelka jelke brina brine iva ive ivi ivo luna lune luni luno zala živa žive živi živo
gaja gaj gaju marka marke marki marko tone tona tonu tono tonom ajda ajde ajdi ajdo meta mete
meti meto taja taji kaja ljubica ljubice erika danica angela jasmina marina marine romana
roman romanu romanom jelena milan milana milanu gala gal svit svita urban urbana kristjan
kristjana gaber gabra iztok iztoka srečko goran gorana sava save savi savo matic benjamin
ljuba ljube ljubi oskar maks zarja zarje cvetka cvetke mark jake jaki jako gaje gaji angele
angeli vanje vanjo vidi vide rada rado radi radu radom sanjo lani lane lano evo maša maše maši
mašo jelki jelko marini marino romane jelene jeleni jeleno jasmine matica taje
"""
)

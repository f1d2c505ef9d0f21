"""Words that tell Slovenian from the Latin-script languages it is confused with.

Language detection asks langdetect (1-3 ms) only when these cannot decide. A text decides for
Slovenian when it has Slovenian function words that its neighbours do not use («in», «v»,
«so», «bomo», «lahko», «kaj», «tudi», «ki», «že», «še») and none of theirs: Croatian, Serbian
and Bosnian «i», «u», «su», «nije», «što», «će»; Czech and Slovak «jsme», «sme», «pro»;
Polish «jest», «się»; English, German, Italian and Hungarian function words. Letters decide
too: a Latin letter with a diacritic other than č, š, ž (ć, đ, á, ě, ł, ü ...) sends the text
to langdetect. Sources: the languages' standard grammars (closed-class words only).
"""

from __future__ import annotations

SLOVENIAN_ONLY = frozenset(
    {
        # conjunctions, prepositions, adverbs, particles
        "in", "v", "ter", "ki", "kaj", "tudi", "vendar", "ampak", "ker", "če", "že", "še", "zelo", "več",
        "oz", "kje", "kdaj", "zakaj", "zdaj", "potem", "danes", "nekaj", "vse", "vsi", "vsak",
        # the verb "to be" and the future auxiliary
        "sem", "so", "bo", "bom", "bomo", "boste", "bodo", "bova", "ni", "nismo", "niste", "nisem",
        # pronouns and modal words
        "jih", "lahko", "nimamo", "nimate", "nimam",
        # support verbs written only so in Slovenian
        "prejeli", "prejel", "prejela", "pokličemo", "pokličite", "sporočilo", "sporočite",
        # words of address and courtesy written only so in Slovenian
        "pozdravljeni", "spoštovani", "spoštovana", "prosimo", "žal", "lep", "lepo", "hvala lepa",
        "jutri", "teden", "mesec", "naročilo", "naročila", "sporočamo", "obveščamo",
    }
)  # fmt: skip

OTHER_LATIN = frozenset(
    {
        # Croatian, Serbian, Bosnian
        "i", "u", "su", "nije", "što", "šta", "ćemo", "će", "ću", "ćete", "koji", "koja", "koje",
        "također", "molimo", "sutra", "još", "već", "vrlo", "više", "gdje", "gde", "kada", "zašto",
        "jer", "ako", "lijepo", "lijepa", "ovo", "ovaj", "ova", "tko", "narudžba", "narudžbu",
        "poštovani", "poštovana", "možete", "mogu", "trebate", "hvala lijepa",
        # Czech, Slovak
        "jsme", "jsou", "není", "neni", "nie", "sme", "som", "pro", "který", "ktery", "aby",
        # Polish
        "jest", "się", "dla", "oraz",
        # English
        "the", "and", "is", "are", "you", "your", "we", "will", "be", "of", "for", "with", "have",
        "has", "this", "that", "please", "thank", "order",
        # German, Italian, Hungarian
        "und", "der", "die", "das", "ist", "sie", "wir", "ihre", "nicht", "il", "di", "che", "per",
        "sono", "non", "grazie", "és", "az", "hogy", "nem", "van",
    }
)  # fmt: skip

SLOVENIAN_LETTERS = frozenset("čšž")

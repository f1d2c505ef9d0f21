"""Parts of speech of Slovenian closed-class words, which a lemmatizer alone does not give.

Source: Slovenian grammar (Toporišič, Slovenska slovnica) and the JOS/MULTEXT-East
morphosyntactic specifications; lemmas as lemmagen3 returns them. Limits: open-class words
get no part of speech (there is no tagger), so patterns over them use LEMMA or LOWER.
"""

CLOSED_CLASS_POS: dict[str, str] = {
    **{w: "PART" for w in ("ne", "že", "še", "tudi", "le", "samo", "šele", "žal", "pa", "naj", "kar")},
    **{
        w: "AUX"
        for w in (
            "biti",
            "sem",
            "si",
            "je",
            "sva",
            "sta",
            "smo",
            "ste",
            "so",
            "bom",
            "boš",
            "bo",
            "bova",
            "bosta",
            "bomo",
            "boste",
            "bodo",
            "bi",
            "nisem",
            "nisi",
            "ni",
            "nismo",
            "niste",
            "niso",
        )
    },
    **{
        w: "PRON"
        for w in (
            "jaz",
            "ti",
            "on",
            "ona",
            "ono",
            "mi",
            "vi",
            "oni",
            "one",
            "vas",
            "vam",
            "vami",
            "nas",
            "nam",
            "te",
            "tebi",
            "tebe",
            "ga",
            "mu",
            "jo",
            "jih",
            "jim",
            "me",
            "mene",
            "meni",
            "to",
            "ta",
            "tisti",
            "kaj",
            "kdo",
            "nihče",
            "nič",
            "vaš",
            "naš",
            "tvoj",
        )
    },
    **{
        w: "ADP"
        for w in (
            "v",
            "na",
            "z",
            "s",
            "za",
            "do",
            "od",
            "po",
            "pri",
            "o",
            "iz",
            "k",
            "h",
            "pred",
            "med",
            "nad",
            "pod",
            "brez",
            "zaradi",
            "čez",
            "proti",
            "ob",
        )
    },
    **{w: "CCONJ" for w in ("in", "ali", "ampak", "toda", "vendar", "ter")},
    **{w: "SCONJ" for w in ("da", "ker", "če", "ko", "kot", "ki", "dokler", "čeprav")},
}

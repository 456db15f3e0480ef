"""Short inline pages and helpers shared by the cleaner's tests."""

import numpy as np
from noise import Teaser

from pipeline.clean import clean, rules
from pipeline.clean.teasers import find_unrelated
from pipeline.document import Block, Document
from pipeline.options import Options
from pipeline.read import read_bytes
from pipeline.runner import process_document

OPTIONS = Options(format="text")


ARTICLE_EN = [
    "Flood defences to be rebuilt along the river after record storms",
    "The regional council approved a plan on Tuesday to rebuild the flood defences along the river, after "
    "record storms last winter overwhelmed the old embankments and flooded more than two hundred homes.",
    "Engineers will raise the embankments by one metre and add pumping stations at three points where the "
    "river narrows, the council said, and the work on the flood defences should start in the spring.",
    "Residents whose homes were flooded have asked the council to publish the engineers' report on the "
    "storms, and the council said the report on the embankments would be online before the works begin.",
    "The flood defences will cost about forty million euros, most of it paid by the national government, "
    "which has promised to fund river embankments in every region hit by the winter storms.",
]


ARTICLE_DE = [
    "Neue Brücke über den Kanal soll im Sommer fertig werden",
    "Die neue Brücke über den Kanal soll nach Angaben der Stadtverwaltung im Sommer fertig werden. Die "
    "Bauarbeiten an der Brücke hatten sich wegen fehlender Stahlträger um mehrere Monate verzögert.",
    "Die Stadt hatte den Neubau der Brücke beschlossen, nachdem Gutachter Risse in den alten Pfeilern "
    "gefunden hatten. Seit zwei Jahren fahren Busse deshalb einen Umweg über die Kanalstraße.",
    "Für Fußgänger und Radfahrer wird auf der neuen Brücke ein eigener Weg gebaut, der breiter ist als "
    "der alte. Die Kosten für den Neubau der Brücke liegen bei rund zwölf Millionen Euro.",
]


GAMBLING_NEWS = [
    "Regulator fines casino operators over weak gambling checks",
    "The national gambling regulator fined three casino operators on Monday for failing to check where "
    "high-spending customers got their money, the largest penalties it has issued since online gambling "
    "was legalised.",
    "Online casinos must now verify the income of any player who loses more than two thousand euros a "
    "month, and sports betting firms face the same rules from next year, the regulator said.",
    "Consumer groups welcomed the fines but said the casino industry still spends heavily on advertising "
    "free spins and bonuses, which the regulator has promised to restrict in the autumn.",
]


def remove_unrelated(doc, language, title, core=None):
    doomed = find_unrelated(doc.blocks, language, title, core)
    for i in doomed:
        doc.remove_block(i, rules.UNRELATED_TEASER)
    return len(doomed)


def clean_lines(lines, options=OPTIONS):
    doc = read_bytes("\n\n".join(lines).encode("utf-8"), options=options)
    return process_document(doc, options)


def kept(doc):
    return [b.text for b in doc.blocks if b.kept]


def rule_of(doc, text):
    return next(b.removed_by for b in doc.blocks if b.text == text)


TEASERS_EN = [
    Teaser(
        "Tennis star returns to training after long illness",
        ["The junior tennis champion returned to the training courts on Friday, six months after a rare "
         "illness forced her to withdraw from every tournament of the season, her coach said."],
    ),
    Teaser(
        "Museum reopens its dinosaur hall to visitors",
        ["After three years of restoration the natural history museum reopened its dinosaur hall, where the "
         "skeleton of a young tyrannosaur now stands beside fossils found by local schoolchildren."],
    ),
    Teaser(
        "Coffee prices climb as harvest falls short",
        ["Wholesale coffee prices rose for a fourth week as growers reported a harvest well below forecasts, "
         "and traders warned that cafés would pass the higher costs on to customers."],
    ),
]


def stories(teasers) -> list[str]:
    """Each teaser's title and its first paragraph, as a page lists them."""
    return [line for teaser in teasers for line in (teaser.title, teaser.paragraphs[0])]


def doc_with_removed(lines: list[str], removed: dict[int, str]) -> Document:
    doc = Document(source="inline", format="text", blocks=[Block(text, kind="line") for text in lines])
    for i, rule in removed.items():
        doc.remove_block(i, rule)
    return doc


# A teaser that shares only common words with ARTICLE_EN (start, year,
# said, Tuesday, hundred), and a line that shares a rare one (embankments).
COMMON_WORDS_TEASER = Teaser(
    "Schools will start the new term a week later this year",
    ["Pupils will start the new school term a week later than planned this year, the education minister said on "
     "Tuesday, because more than two hundred of their teachers still have to finish a training course about the "
     "new national exams."],
)


RARE_WORD_LINE = "Anglers say the new embankments are the best place on the river to watch kingfishers and otters at dawn."


class StubModel:
    """A teaser model that reads as teasers the blocks of the given lengths."""

    threshold = 0.9

    def __init__(self, *lengths: int):
        self.lengths = set(lengths)

    def probabilities(self, x):
        from pipeline.clean.teasermodel import FEATURE_NAMES

        chars = np.rint(np.expm1(x[:, FEATURE_NAMES.index("log_chars")])).astype(int)
        return np.isin(chars, list(self.lengths)).astype(float)


class StubVeto(StubModel):
    """A veto that reads as the article's own text (gives back) the blocks of the given lengths."""

    threshold = 0.5

    def probabilities(self, x):
        return 1.0 - super().probabilities(x)


OTHER_TEASERS_EN = [
    ("Chess club wins the national schools cup",
     "Four pupils from the village school beat teams from twelve cities to win the national chess cup for schools on Sunday."),
    ("Bakery celebrates its hundredth birthday",
     "The family bakery on the market square has sold bread since its founding, and the grandchildren now bake at night."),
]


def assert_all_go_inside_the_article(between: list[str]) -> None:
    """Lines between the article's third and fourth block all go as unrelated teasers, and the article stays."""
    lines = ARTICLE_EN[:3] + between + ARTICLE_EN[3:]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == len(between)
    assert [doc.blocks[i].removed_by for i in range(3, 3 + len(between))] == ["unrelated_teaser"] * len(between)
    assert all(b.kept for b in doc.blocks[:3] + doc.blocks[3 + len(between) :])


OTHER_STORIES_EN = [line for pair in OTHER_TEASERS_EN for line in pair]


def front_page() -> list[str]:
    """A page that is a list of stories under the site's name: no paragraph of it is about the headline."""
    return ["The Riverside Courier"] + stories(TEASERS_EN) + OTHER_STORIES_EN


PARA_EN = (
    "The ministry said on Tuesday that the new rules would take effect at the start of next year, "
    "and that companies would have six months to adapt their systems to the requirements."
)


PARA_DE = (
    "Die Stadtverwaltung hat am Dienstag bekanntgegeben, dass die neue Brücke über den Fluss im "
    "kommenden Frühjahr eröffnet werden soll, nachdem sich die Bauarbeiten mehrfach verzögert hatten."
)


PARA_HI = (
    "सरकार ने मंगलवार को कहा कि नए नियम अगले साल की शुरुआत से लागू होंगे और कंपनियों को अपनी "
    "प्रणालियों को बदलने के लिए छह महीने का समय दिया जाएगा।"
)


PARA_HI_2 = (
    "मंत्रालय के अनुसार इस फैसले से देश के लाखों छोटे व्यापारियों को राहत मिलेगी, लेकिन विपक्ष ने "
    "इसे जल्दबाजी में उठाया गया कदम बताया है और संसद में बहस की मांग की है।"
)


def read_lines(*lines: str) -> Document:
    """A text document of these lines, one block each, not yet cleaned."""
    doc = Document(source="t.txt", raw="\n".join(lines).encode(), format="text")
    doc.blocks = [Block(text=line, kind="line") for line in lines]
    return doc


def page(*lines: str) -> Document:
    return clean(read_lines(*lines))


def rules_of(doc: Document) -> dict[str, str]:
    return {b.text: b.removed_by for b in doc.blocks if b.removed_by}


class PositionModel:
    """A line model that drops the lines at the given page indices and keeps the others."""

    threshold = 0.5

    def __init__(self, *dropped: int):
        self.dropped = set(dropped)

    def probabilities(self, x):
        return np.array([0.0 if i in self.dropped else 1.0 for i in range(len(x))])

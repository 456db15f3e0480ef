"""Step `teasers`: teasers of other stories around and inside the article (pipeline/clean/teasers.py)."""

import numpy as np
from inline_pages import (
    ARTICLE_DE,
    ARTICLE_EN,
    COMMON_WORDS_TEASER,
    OTHER_STORIES_EN,
    OTHER_TEASERS_EN,
    TEASERS_EN,
    StubModel,
    StubVeto,
    assert_all_go_inside_the_article,
    clean_lines,
    doc_with_removed,
    remove_unrelated,
    rule_of,
    stories,
)
from noise import Teaser

from pipeline import clean_text
from pipeline.clean import teasermodel


def test_headless_teasers_inside_the_article_are_removed():
    teaser_lines = stories(TEASERS_EN[:2])
    doc = clean_lines(ARTICLE_EN[:3] + teaser_lines + ARTICLE_EN[3:])
    assert [rule_of(doc, line) for line in teaser_lines] == ["unrelated_teaser"] * 4
    for paragraph in ARTICLE_EN[1:]:
        assert paragraph in doc.text


def test_one_truncated_teaser_is_removed():
    lines = [TEASERS_EN[2].title, TEASERS_EN[2].paragraphs[0][:120] + "…"]
    doc = clean_lines(ARTICLE_EN[:3] + lines + ARTICLE_EN[3:])
    assert [rule_of(doc, line) for line in lines] == ["unrelated_teaser"] * 2


def test_subheadings_and_list_items_of_the_article_stay():
    lines = [
        ARTICLE_DE[0], ARTICLE_DE[1],
        "Was sich für Radfahrer ändert",
        "Der neue Radweg auf der Brücke wird durch ein Geländer von der Fahrbahn getrennt und an beiden Enden an das Radnetz angeschlossen.",
        "Länge: 120 Meter",
        "breite Gehwege",
        ARTICLE_DE[2], ARTICLE_DE[3],
    ]
    doc = clean_lines(lines)
    assert not [r for r in doc.removed if r.rule == "unrelated_teaser"]


def test_teaser_paragraphs_whose_titles_the_line_model_removed_still_go():
    lines = ARTICLE_EN[:3] + stories(TEASERS_EN[:2]) + ARTICLE_EN[3:]
    doc = doc_with_removed(lines, {3: "low_content", 5: "outside_core"})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 2
    assert [doc.blocks[i].removed_by for i in (3, 4, 5, 6)] == ["low_content", "unrelated_teaser", "outside_core", "unrelated_teaser"]
    assert all(doc.blocks[i].kept for i in (0, 1, 2, 7, 8))


def test_a_kept_teaser_title_whose_paragraph_the_line_model_removed_still_goes():
    lines = ARTICLE_EN + stories(TEASERS_EN[:2])
    doc = doc_with_removed(lines, {6: "low_content", 7: "low_content", 8: "outside_core"})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 1
    assert doc.blocks[5].removed_by == "unrelated_teaser"
    assert all(doc.blocks[i].kept for i in range(5))


def test_a_story_with_a_short_title_at_the_end_of_a_teaser_list_goes_with_it():
    lines = ARTICLE_EN + stories(TEASERS_EN[:2]) + [
        "Library hours",  # too short for a title on its own
        "The city library will stay open until midnight during exam weeks, the librarians announced, "
        "and students may borrow laptops at the front desk.",
    ]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 6
    assert all(doc.blocks[i].kept for i in range(5))


def test_a_story_whose_title_the_site_cut_short_at_the_end_of_a_teaser_list_goes_with_it():
    lines = ARTICLE_EN + stories(TEASERS_EN[:2]) + [
        "When, if not now...",
        "The city library will stay open until midnight during exam weeks, the librarians announced on Tuesday, "
        "and students may borrow laptops at the front desk.",
    ]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 6
    assert all(doc.blocks[i].kept for i in range(5))


def test_a_teaser_sharing_only_common_words_with_the_article_goes():
    teaser_lines = stories([COMMON_WORDS_TEASER, TEASERS_EN[2]])
    doc = doc_with_removed(ARTICLE_EN[:3] + teaser_lines + ARTICLE_EN[3:], {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 4
    assert [doc.blocks[i].removed_by for i in range(3, 7)] == ["unrelated_teaser"] * 4


def test_a_named_section_heading_that_reads_as_a_title_heads_the_list_under_it():
    # "You might have missed" is a capitalised line of four words: a title by
    # its shape, but a heading by its words.  Two titles under a heading are a list.
    lines = ["You might have missed", TEASERS_EN[0].title, TEASERS_EN[1].title] + ARTICLE_EN
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 3
    assert all(doc.blocks[i].kept for i in range(3, len(lines)))


def test_one_teaser_sharing_no_word_with_the_article_goes():
    lines = ARTICLE_EN[:3] + [TEASERS_EN[1].title, TEASERS_EN[1].paragraphs[0]] + ARTICLE_EN[3:]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 2
    assert [doc.blocks[i].removed_by for i in (3, 4)] == ["unrelated_teaser"] * 2
    assert all(doc.blocks[i].kept for i in (0, 1, 2, 5, 6))


def test_teaser_titles_alone_between_two_paragraphs_go():
    titles = [TEASERS_EN[0].title, TEASERS_EN[1].title]
    lines = ARTICLE_EN[:3] + titles + ARTICLE_EN[3:]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 2
    assert [doc.blocks[i].removed_by for i in (3, 4)] == ["unrelated_teaser"] * 2
    # Five short lines are a list or a poem to the runs, not a teaser box.
    # (The teaser model reads these five, which share nothing with the
    # article, as teasers; the rules alone are tested here.)
    lines = ARTICLE_EN[:3] + [t.title for t in TEASERS_EN[:3]] + ["Dry stone walls", "Old mills by the weir"] + ARTICLE_EN[3:]
    with teasermodel.use_model(None):
        assert remove_unrelated(doc_with_removed(lines, {}), "en", ARTICLE_EN[0]) == 0


def test_the_veto_gives_back_a_block_the_runs_took_and_the_teaser_model_does_not_take_it_again():
    teaser_lines = stories(TEASERS_EN[:2])
    lines = ARTICLE_EN[:3] + teaser_lines + ARTICLE_EN[3:]
    with teasermodel.use_veto_model(None):
        assert remove_unrelated(doc_with_removed(lines, {}), "en", ARTICLE_EN[0]) == 4
    spared = teaser_lines[1]  # the first story's paragraph
    doc = doc_with_removed(lines, {})
    # The stub teaser model reads the same block as a teaser: the veto wins.
    with teasermodel.use_veto_model(StubVeto(len(spared))), teasermodel.use_model(StubModel(len(spared))):
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 3
    assert doc.blocks[4].kept
    assert [doc.blocks[i].removed_by for i in (3, 5, 6)] == ["unrelated_teaser"] * 3


def test_the_veto_never_gives_back_a_box_under_a_heading_that_names_it():
    lines = ["You might have missed", TEASERS_EN[0].title, TEASERS_EN[1].title] + ARTICLE_EN
    doc = doc_with_removed(lines, {})
    with teasermodel.use_veto_model(StubVeto(*map(len, lines))):  # every block read as the article's
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 3
    assert all(doc.blocks[i].kept for i in range(3, len(lines)))


def test_the_teaser_model_takes_the_blocks_it_reads_as_teasers_beside_the_runs():
    odd = "A short note on something else entirely, with no story around it."
    lines = ARTICLE_EN[:3] + [odd] + ARTICLE_EN[3:]
    with teasermodel.use_model(None):
        assert remove_unrelated(doc_with_removed(lines, {}), "en", ARTICLE_EN[0]) == 0
    doc = doc_with_removed(lines, {})
    with teasermodel.use_model(StubModel(len(odd))):
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 1
    assert doc.blocks[3].removed_by == "unrelated_teaser"


def test_a_teaser_title_goes_with_the_text_the_teaser_model_takes(monkeypatch):
    import pipeline.clean.teasers as coherence
    from pipeline.clean.teasermodel import FEATURE_NAMES

    first = TEASERS_EN[0]
    lines = ARTICLE_EN[:3] + [first.title, first.paragraphs[0]] + ARTICLE_EN[3:]
    monkeypatch.setattr(coherence, "teaser_runs", lambda *args: [])  # the model alone

    class Stub(StubModel):
        """Sure of the teaser's text; of its title, under the threshold but over PARTNER_PROBABILITY."""

        def probabilities(self, x):
            chars = np.rint(np.expm1(x[:, FEATURE_NAMES.index("log_chars")])).astype(int)
            return np.where(chars == len(first.paragraphs[0]), 1.0, np.where(chars == len(first.title), 0.6, 0.0))

    doc = doc_with_removed(lines, {})
    with teasermodel.use_model(Stub()):
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 2
    assert [doc.blocks[i].removed_by for i in (3, 4)] == ["unrelated_teaser"] * 2
    doc = doc_with_removed(lines, {})
    with teasermodel.use_model(StubModel(len(first.paragraphs[0]))):  # the title at 0: it stays
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 1


def test_a_named_box_above_the_headline_goes_down_to_the_headline(monkeypatch):
    import pipeline.clean.teasers as coherence

    monkeypatch.setattr(coherence, "teaser_runs", lambda *args: [])  # this rule alone
    box = ["Top stories"] + stories(TEASERS_EN[:2])
    lines = box + ARTICLE_EN
    with teasermodel.use_model(None):
        doc = doc_with_removed(lines, {})
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == len(box) - 1
        assert [b.kept for b in doc.blocks] == [True] + [False] * (len(box) - 1) + [True] * len(ARTICLE_EN)
        # An unnamed heading tops no box; nor does a named one over an article's long paragraph.
        doc = doc_with_removed(["Weather"] + lines[1:], {})
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0
        long_paragraph = " ".join([ARTICLE_EN[1]] * 3)
        doc = doc_with_removed(box + [long_paragraph] + ARTICLE_EN, {})
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0


def test_a_named_box_below_the_headline_goes_down_to_the_article_going_on(monkeypatch):
    import pipeline.clean.teasers as coherence

    monkeypatch.setattr(coherence, "teaser_runs", lambda *args: [])  # this rule alone
    box = ["Read also"] + stories(TEASERS_EN[:2])
    with teasermodel.use_model(None):
        doc = doc_with_removed(ARTICLE_EN[:3] + box + ARTICLE_EN[3:], {})
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == len(box) - 1
        assert all(b.kept for b in doc.blocks[:4]) and all(b.kept for b in doc.blocks[3 + len(box) :])
        doc = doc_with_removed(ARTICLE_EN + box, {})  # at the end of the text
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == len(box) - 1
        # Sentences of advice under such a heading are no list of stories.
        advice = ["Recommended", "Check the local weather service before you travel to the valley.", "Keep to the marked paths."]
        doc = doc_with_removed(ARTICLE_EN[:3] + advice + ARTICLE_EN[3:], {})
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0


def test_the_teaser_model_leaves_a_subheading_between_two_paragraphs_of_the_article():
    subheading = "What happens next"
    lines = ARTICLE_EN[:3] + [subheading] + ARTICLE_EN[3:]
    doc = doc_with_removed(lines, {})
    with teasermodel.use_model(StubModel(len(subheading))):
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0
    assert doc.blocks[3].kept


def test_the_teaser_model_never_takes_the_headline_nor_more_than_the_guard_allows():
    lines = list(ARTICLE_EN)
    with teasermodel.use_model(StubModel(*(len(line) for line in lines))):
        doc = doc_with_removed(lines, {})
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0  # all of it: the guard refuses
    with teasermodel.use_model(StubModel(len(ARTICLE_EN[0]))):
        doc = doc_with_removed(lines, {})
        assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0  # the headline is the runs' to judge
        assert doc.blocks[0].kept


def test_a_subsection_sharing_words_with_the_article_is_not_a_lone_teaser():
    lines = ARTICLE_EN[:3] + [
        "What residents can do now",
        "Until the new embankments are built, residents near the river can ask the council for sandbags "
        "before the winter storms.",
    ] + ARTICLE_EN[3:]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0


def test_a_paragraph_below_a_teaser_list_sharing_nothing_goes_with_it():
    # The line model dropped the last teaser's title: its paragraph still goes.
    lines = ARTICLE_EN + stories(TEASERS_EN[:2]) + ["Coffee prices climb", "Growers in the highlands picked fewer beans this year, and cafés expect to pay more for every sack."]
    doc = doc_with_removed(lines, {9: "social"})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 5
    assert doc.blocks[10].removed_by == "unrelated_teaser"
    assert all(doc.blocks[i].kept for i in range(5))


def test_two_teaser_lists_one_line_apart_are_one_list():
    # The line between the two boxes shares a word or two with the article, but is not clearly about it.
    middle = ["Our weekly river walk with the council's engineers is open to every reader."]
    assert_all_go_inside_the_article(stories(TEASERS_EN[:2]) + middle + OTHER_STORIES_EN)


def test_an_off_topic_headline_does_not_vouch_for_its_teaser():
    # A teaser box above the article: the line picked as headline is the first teaser's title.
    first = TEASERS_EN[0]
    lines = stories(TEASERS_EN[:2]) + ARTICLE_EN[1:]
    doc = doc_with_removed(lines, {})
    remove_unrelated(doc, "en", first.title)
    assert [doc.blocks[i].removed_by for i in range(4)] == ["unrelated_teaser"] * 4
    assert all(b.kept for b in doc.blocks[4:])


def test_a_headline_the_title_line_names_vouches_for_the_paragraph_under_it():
    # A short article whose paragraphs share few words: scored as a plain block, its headline and lead read as a teaser's
    # title and paragraph above it.  The <title> line names the headline: the article's own.
    paragraphs = [
        "Der Stadtrat hat am Montagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen, mit mehr Geld für Schulen.",
        "Die Opposition kritisierte, dass die Straßen im Norden der Stadt erneut warten müssten, obwohl sie seit Jahren marode seien.",
        "Die Bürgermeisterin verteidigte den Plan: Die Schulen hätten Vorrang, die Straßen kämen im nächsten Jahr an die Reihe.",
    ]
    dump = "\n".join(["Stadtrat beschließt Haushalt | Leipziger Zeitung", "Startseite", "Politik", "Stadtrat beschließt Haushalt", *paragraphs])
    doc = clean_text(dump)
    assert doc.metadata["title"] == "Stadtrat beschließt Haushalt"
    assert not any(b.removed_by == "unrelated_teaser" for b in doc.blocks)
    assert all(paragraph in doc.text for paragraph in paragraphs)


def test_a_headline_in_the_text_counts_once_for_a_teaser_title_sharing_its_words():
    # The first teaser's title shares "Wensum" with the headline under the box, and nothing with the article.
    headline = "Flood defences to be rebuilt after record storms in the Wensum valley"
    cheese = Teaser(
        "Wensum cheese makers win a national prize",
        ["A family dairy won the national cheese awards with a blue cheese matured for eight months in old "
         "cellars, the judges said."],
    )
    lines = stories([cheese, TEASERS_EN[1]]) + [headline] + ARTICLE_EN[1:]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", headline) == 4
    assert all(b.kept for b in doc.blocks[4:])


def test_a_named_box_of_stories_goes_whatever_its_size():
    # A headline over one short paragraph (too short to vouch for it), and a
    # "Most read" box three times its size.  An unnamed list that large could
    # be the page itself (a front page); a list under a heading that names it
    # a box of other stories is not.
    lines = ["Podcast episode 82: eighty-two reasons to keep listening", "Thanks for listening to this podcast, see you next week!"]
    lines += ["Most read"] + stories(TEASERS_EN)
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", lines[0]) == 7
    assert doc.blocks[0].kept and doc.blocks[1].kept
    # The same stories without the heading are left to the size guard.
    doc = doc_with_removed(lines[:2] + lines[3:], {})
    assert remove_unrelated(doc, "en", lines[0]) == 0


def test_one_story_title_under_a_named_heading_goes_with_what_follows_it():
    # "More stories" over one title and a story whose own title did not read
    # as one (lower case): a named box, though it holds a single title.
    box = ["More stories", TEASERS_EN[1].title, "gamesite | previews", TEASERS_EN[2].paragraphs[0]]
    doc = doc_with_removed(ARTICLE_EN + box, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == len(box)
    assert all(doc.blocks[i].kept for i in range(len(ARTICLE_EN)))
    # Under a heading that names nothing, one title is no list.
    doc = doc_with_removed(ARTICLE_EN + ["Weekend", TEASERS_EN[1].title], {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0
    doc = doc_with_removed(ARTICLE_EN + ["More stories", TEASERS_EN[1].title], {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 2
    # A section heading over something else (a newsletter form) names no box of stories.
    doc = doc_with_removed(ARTICLE_EN + ["Newsletter", TEASERS_EN[1].title], {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0


def test_stories_whose_titles_do_not_read_as_titles_go_as_a_list():
    # A lower-case site name and a two-word line over paragraphs sharing no
    # word with the article: two stories, though neither line is a title.
    stories = ["gamesite | previews", TEASERS_EN[2].paragraphs[0], "Museum & Co", TEASERS_EN[1].paragraphs[0]]
    doc = doc_with_removed(ARTICLE_EN[:3] + stories + ARTICLE_EN[3:], {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 4
    assert all(doc.blocks[i].kept for i in (0, 1, 2, 7, 8))
    # One such story alone is not taken for a teaser.
    doc = doc_with_removed(ARTICLE_EN[:3] + stories[:2] + ARTICLE_EN[3:], {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 0


def test_a_story_whose_title_reads_as_a_sentence_goes_with_the_list_under_it():
    # The first teaser's title ends in a full stop, so the list is found from its second story on.
    first = [
        "Mountain goats are back in the national park after forty years.",
        "Rangers counted twelve goats on the eastern slopes, the first seen there since the nineteen-eighties.",
    ]
    assert_all_go_inside_the_article(first + stories(TEASERS_EN[:2]))


def test_a_few_titles_after_the_last_paragraph_go():
    lines = ARTICLE_EN + [title for title, _ in OTHER_TEASERS_EN[:2]]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 2
    assert all(doc.blocks[i].kept for i in range(len(ARTICLE_EN)))


def test_the_first_story_of_a_box_the_model_is_a_little_less_sure_of_goes_with_the_box(monkeypatch):
    import pipeline.clean.teasers as coherence
    from pipeline.clean.teasermodel import FEATURE_NAMES

    monkeypatch.setattr(coherence, "teaser_runs", lambda *args: [])  # the model alone
    # The first story shares a word ("river") with the article, so the runs would leave it.
    edge = ("Kayak race on the river draws a record field",
            "More than three hundred paddlers entered the spring kayak race, twice as many as last year, the club said.")
    box = list(edge) + stories([TEASERS_EN[0], TEASERS_EN[2]])  # no line as long as one of the article's
    lines = ARTICLE_EN[:3] + box + ARTICLE_EN[3:]

    class Stub(StubModel):
        """Sure of the box; of its first story and of the article's next paragraph a little less than `threshold`."""

        threshold = 0.99

        def __init__(self, edge_probability: float):
            self.edge_probability = edge_probability

        def probabilities(self, x):
            chars = np.rint(np.expm1(x[:, FEATURE_NAMES.index("log_chars")])).astype(int)
            sure = np.isin(chars, [len(line) for line in box[2:]])
            less = np.isin(chars, [len(edge[0]), len(edge[1]), len(ARTICLE_EN[3])])
            return np.where(sure, 1.0, np.where(less, self.edge_probability, 0.0))

    for probability, taken in ((coherence.EDGE_PROBABILITY, len(box)), (coherence.EDGE_PROBABILITY - 0.05, len(box) - 2)):
        doc = doc_with_removed(lines, {})
        with teasermodel.use_model(Stub(probability)):
            assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == taken
        # The article's own paragraph under the box is on its topic: it stays, however sure the model.
        assert all(doc.blocks[i].kept for i in (0, 1, 2, 3 + len(box), 4 + len(box)))

"""Word weights: a word's rarity in its language, from wordfreq's lists."""

from pipeline.clean.wordweights import MAX_WEIGHT, prefix_weights


def test_common_words_weigh_less_than_rare_ones():
    german = prefix_weights("de", 6, 3)
    assert german["ich"] < german["jahr"] < german["bundes"] < german.get("kaiser", MAX_WEIGHT)
    english = prefix_weights("en", 6, 3)
    assert english["said"] < english["river"] < english["embank"]


def test_a_prefix_weighs_as_all_the_words_it_starts():
    # "arbeit" stands for arbeit, arbeiten, arbeitet...: commoner than any one of them.
    german = prefix_weights("de", 6, 3)
    assert german["arbeit"] < prefix_weights("de", 9, 3)["arbeitet"]


def test_words_the_list_lacks_weigh_most():
    english = prefix_weights("en", 6, 3)
    assert max(english.values()) <= MAX_WEIGHT
    assert "zzqxwv" not in english


def test_languages_without_a_list_have_no_weights():
    assert prefix_weights("xx", 6, 3) is None
    assert prefix_weights(None, 6, 3) is None


def test_stoplist_codes_find_the_list_wordfreq_files_them_under():
    # wordfreq lists Croatian, Serbian and Bosnian as Serbo-Croatian ("sh").
    croatian = prefix_weights("hr", 6, 3)
    assert croatian is not None
    assert croatian == prefix_weights("sh", 6, 3)

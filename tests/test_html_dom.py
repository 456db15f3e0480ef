"""The one parse of a page into blocks, containers and head (pipeline.html.dom, marks, features, model)."""

import numpy as np

from pipeline.html.dom import PARSE_MAX_NESTING, nesting_estimate, read_page, without_huge_tags
from pipeline.html.features import FEATURE_NAMES, STACK_NAMES, features, stack_features
from pipeline.html.marks import Mark, marks_of, words_of
from pipeline.html.model import BlockModel, load_block_model
from pipeline.trees import Trees


def texts(html: str) -> list[str]:
    return [b.text for b in read_page(html).blocks]


def test_blocks_follow_block_elements_and_line_breaks_and_inline_text_joins():
    html = "<body><div>Intro <b>bold</b>, <a href='/x'>link</a><p>First para</p>tail of div<br>second line</div><ul><li>One</li><li>Two</li></ul></body>"
    assert texts(html) == ["Intro bold, link", "First para", "tail of div", "second line", "One", "Two"]


def test_scripts_styles_and_forms_lists_are_not_blocks_but_the_head_is_read():
    html = """<html lang="ka-GE"><head><title> Title </title><meta property="og:title" content="OG">
    <script type="application/ld+json">{"@type": "NewsArticle"}</script><link rel="canonical" href="/c"></head>
    <body><script>var a = "<p>no</p>";</script><style>p{}</style><select><option>Choice</option></select><p>Yes</p></body></html>"""
    page = read_page(html)
    assert [b.text for b in page.blocks] == ["Yes"]
    assert page.head.title.strip() == "Title"
    assert ("og:title", "OG") in page.head.meta
    assert page.head.json_ld == ['{"@type": "NewsArticle"}']
    assert page.head.canonical == "/c"
    assert page.head.lang == "ka-GE"



def test_a_noscript_is_read_as_a_reader_sees_the_page():
    story = "Ведмеді прокинулися раніше, ніж зазвичай, повідомляють у нацпарку. " * 20
    # `</noscript>` cannot close a <div> opened inside it for a parser without
    # scripts, nor end an <iframe/>: the rest of the page fell into them.
    for opened in ('<div id="no-js">', '<iframe src="https://tags.example/ns.html" height="0" width="0" />'):
        html = f"""<body><noscript>{opened}</noscript><div id="page"><nav><a href="/">Головна</a></nav>
        <p>{story}</p><script>var s = "<noscript>";</script><p>Другий абзац статті.</p></div>
        <noscript>Увімкніть JavaScript</noscript></body>"""
        assert texts(html) == ["Головна", story.strip(), "Другий абзац статті."]
    # The text itself in a <noscript>, beside a template that scripts fill in:
    # read, as scripts would have shown it; a short message is not.
    html = f"""<body><h1>Заголовок</h1><script type="text/template"><p>{story}</p></script>
    <noscript><p>{story}</p></noscript><noscript>Увімкніть JavaScript</noscript><p>Кінець.</p></body>"""
    assert texts(html) == ["Заголовок", story.strip(), "Кінець."]


def test_a_noscript_saved_with_its_markup_escaped_is_no_text():
    # A browser that ran the page's scripts saves a <noscript>'s content as
    # text: a parser without scripts reads "<img src=...>", which no reader sees.
    pixel = "&lt;img src=&quot;https://stats.example/p?" + "x=1&amp;" * 150 + "&quot; height=&quot;1&quot;&gt;"
    story = "တရားရုံးက သတင်းသမား သုံးဦးကို အာမခံဖြင့် ယနေ့ ပြန်လွှတ်ပေးခဲ့သည်။ " * 5
    html = f"<body><noscript>{pixel}</noscript><p>{story}</p><noscript>Turn on JavaScript</noscript></body>"
    assert texts(html) == [story.strip()]
    # Escaped like that, a <noscript> holding a whole text is read as markup.
    long_story = "Ведмеді прокинулися раніше, ніж зазвичай, повідомляють у нацпарку. " * 20
    html = f"""<body><h1>Заголовок</h1><noscript>&lt;p&gt;{long_story}&lt;/p&gt;</noscript><noscript>{pixel}</noscript><p>Кінець.</p></body>"""
    assert texts(html) == ["Заголовок", long_story.strip(), "Кінець."]


def test_inline_text_a_reader_never_sees_is_left_out():
    html = (
        '<body><p><a href="#">Small</a><span style="display: none;">javascript:void(0)</span> '
        '<b hidden>secret</b><span style="visibility:hidden">ghost</span> type</p>'
        '<p>Shown <span style="color: red">red</span> and <span aria-hidden="true">&#9733;</span> star.</p></body>'
    )
    assert texts(html) == ["Small type", "Shown red and \u2605 star."]
    # What it holds for machines is still read.
    page = read_page('<body><p>Text<span style="display:none"><meta itemprop="datePublished" content="2024-05-01"></span></p></body>')
    assert ("datepublished", "2024-05-01") in page.head.meta


def test_ruby_readings_are_not_part_of_the_text():
    html = "<p>新しい<ruby>法律<rt>ほうりつ</rt></ruby>ができて、<ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字</p>"
    assert texts(html) == ["新しい法律ができて、漢字"]

def test_links_headings_list_items_and_marks_are_recorded():
    page = read_page(
        '<body><nav class="main-menu"><ul><li><a href="/">Главная</a></li></ul></nav>'
        '<article><h2><span>Заголовок</span></h2><p style="display: none">Скрыто</p><p>Текст <a href="/y">ссылка</a></p></article></body>'
    )
    menu, heading, hidden, para = page.blocks
    assert menu.kind == "li" and menu.link_chars == len("Главная")
    assert page.marks[menu.container] & Mark.NAV and page.marks[menu.container] & Mark.W_NAV
    assert heading.kind == "h" and heading.heading_level == 2
    assert page.marks[hidden.container] & Mark.HIDDEN
    assert para.link_chars == len("ссылка") and page.marks[para.container] & Mark.ARTICLE


def test_class_words_split_on_separators_and_camel_case():
    assert words_of("articleBody post__content js-comments") == ["article", "body", "post", "content", "js", "comments"]
    assert marks_of("comment-list", None) & Mark.W_COMMENT
    assert marks_of(None, "sidebarWidgets") & Mark.W_SIDEBAR
    assert marks_of("shadow header-ad", None) & Mark.W_AD  # "ad" as a word, not inside "shadow"
    assert not marks_of("shadow", None) & Mark.W_AD
    assert marks_of(None, None, itemprop="articleBody") & Mark.W_CONTENT


def test_huge_start_tags_lose_their_attributes_and_deep_nesting_is_measured_before_parsing():
    attributes = " ".join(f'a{i}="x"' for i in range(20_000))
    assert without_huge_tags(f"<p {attributes}>Text</p>") == "<p>Text</p>"
    deep = "<div>" * (PARSE_MAX_NESTING + 1) + "</div>" * (PARSE_MAX_NESTING + 1)
    assert nesting_estimate(deep) > PARSE_MAX_NESTING
    deep_with_attributes = '<div class="x"><a href="/y">' * (PARSE_MAX_NESTING // 2 + 1)
    assert nesting_estimate(deep_with_attributes) > PARSE_MAX_NESTING
    # Tags that close themselves do not nest; script text is not markup.
    flat = "<p>x" * 5000 + "<script>for(i=0;i<n;i++){}" + "a<b;" * 5000 + "</script>"
    assert nesting_estimate(flat) < 10
    icons = "<div>" + '<span><path d="M0 0"/></span>' * 5000 + "<svg><g><circle r='1'></svg>" * 10 + "</div>"
    assert nesting_estimate(icons) < 10
    # A script or a comment left open runs to the end, as the parser reads it: the tags after it are its text.
    for opened in ("<script>", "<!--"):
        assert nesting_estimate("<div>" * 10 + opened + "<div>" * 5000) == 10


def test_markup_left_open_is_read_to_its_end():
    from pipeline.html.dom import with_noscript_read

    long_text = "Текст статті для читачів без скриптів. " * 40
    # An unclosed <noscript> keeps its text to the end; one unclosed <script> hides what follows it from the cutting.
    assert with_noscript_read(f"<p>a</p><noscript><p>{long_text}</p>") == f"<p>a</p><p>{long_text}</p>"
    page = "<p>a</p><script>var s = '<noscript>x</noscript>';" + "<script>" * 3
    assert with_noscript_read(page) == page


def test_features_are_one_row_per_block_and_finite():
    page = read_page("<body><h1>Заголовок статьи здесь</h1>" + "<p>Предложение номер один. И ещё одно, с запятой.</p>" * 5 + "<footer>© 2024</footer></body>")
    x, context = features(page)
    assert x.shape == (len(page.blocks), len(FEATURE_NAMES))
    assert np.isfinite(x).all()
    stacked = stack_features(np.linspace(0, 1, len(page.blocks)), context)
    assert stacked.shape == (len(page.blocks), len(STACK_NAMES)) and np.isfinite(stacked).all()


def test_trees_walk_to_the_right_leaf():
    # One tree: x0 <= 0.5 ? (x1 <= 2 ? 1 : 2) : 3; children side by side.
    spec = {
        "features": ["a", "b"],
        "feature": [[0, 1, -1, -1, -1]],
        "threshold": [[0.5, 2.0, 0, 0, 0]],
        "left": [[1, 3, 0, 0, 0]],
        "value": [[0, 0, 3.0, 1.0, 2.0]],
        "depth": 2,
    }
    trees = Trees(spec, ("a", "b"))
    x = np.array([[0.0, 1.0], [0.0, 5.0], [1.0, 0.0]])
    assert trees.scores(x).tolist() == [1.0, 2.0, 3.0]


def test_the_shipped_model_loads_and_judges_every_block():
    model = load_block_model()
    assert isinstance(model, BlockModel)
    page = read_page("<body>" + "<p>Ein Satz mit Inhalt, der weitergeht und endet.</p>" * 3 + "</body>")
    x, context = features(page)
    p = model.probabilities(x, context)
    assert p.shape == (3,) and ((0 <= p) & (p <= 1)).all()


def test_author_elements_skip_a_body_classed_author():
    from pipeline.html.dom import read_page

    page = read_page('<html><body class="author-12 archive"><p>By <span class="author">Jane Roe</span></p></body></html>')
    assert [text for text, _ in page.head.authors] == ["Jane Roe"]


def test_a_template_item_repeated_on_the_page_is_counted_per_container():
    items = "".join(f'<li class="teaser-item"><a href="/{i}">Заголовок {i}</a></li>' for i in range(4))
    page = read_page(f'<html><body><p class="lead">Один абзац статьи.</p><ul class="teasers">{items}</ul></body></html>')
    x, _ = features(page)
    repeats = x[:, FEATURE_NAMES.index("c0_repeats")]
    assert repeats[0] == 0.0  # the one paragraph of its kind
    assert all(r == np.log(4) for r in repeats[1:])  # each of the four items shares its tag and class with three others

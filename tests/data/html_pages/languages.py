"""News pages in languages the corpora barely hold, each with what must be kept and what must go.

Every page is built on one of two templates (a WordPress-like blog post and
a news portal with class names of its own), so the extractor is checked on
the text and on the markup it meets on such sites, not on one layout.
"""

PAGES = {
    "ru": dict(
        headline="В Баку открылся международный форум по разминированию",
        paragraphs=[
            "В столице Азербайджана в понедельник начал работу международный форум, посвящённый разминированию освобождённых территорий. В нём участвуют представители более тридцати стран.",
            "По словам организаторов, за последние три года специалисты обезвредили свыше ста тысяч мин и неразорвавшихся боеприпасов, однако работа займёт ещё не одно десятилетие.",
            "Участники форума обсудят новые технологии обнаружения мин, в том числе беспилотники и системы искусственного интеллекта, а также подготовку местных специалистов.",
            "Форум продлится до пятницы, а его итоги будут представлены в виде совместной декларации, которую планируется направить в профильные международные организации.",
        ],
        menu=["Главная", "Политика", "Экономика", "Общество", "Спорт", "Культура"],
        related=["Курс доллара вырос на открытии торгов", "В Гяндже открылась новая школа", "Сборная проиграла в товарищеском матче"],
        related_heading="Читайте также",
        comments_heading="Комментарии (2)",
        comments=["Очень важная тема, спасибо за статью!", "Надеюсь, работа пойдёт быстрее, люди ждут возвращения домой."],
        footer="© 2024 Новости Баку. Все права защищены. Перепечатка материалов только с разрешения редакции.",
        form_label="Оставить комментарий",
    ),
    "ko": dict(
        headline="서울시, 내년부터 대중교통 요금 인상 발표",
        paragraphs=[
            "서울시는 내년 상반기부터 지하철과 버스 기본요금을 각각 150원씩 인상한다고 월요일 밝혔다. 요금 인상은 8년 만에 처음이다.",
            "시는 누적된 적자와 운영비 상승으로 요금 조정이 불가피하다고 설명했다. 지난해 대중교통 운영 적자는 1조 원을 넘어선 것으로 집계됐다.",
            "시민단체들은 물가 상승으로 가계 부담이 커진 상황에서 요금 인상은 서민들에게 큰 타격이 될 것이라며 반대 입장을 밝혔다.",
            "서울시는 저소득층과 청소년을 위한 할인 제도를 확대하고, 요금 인상분을 서비스 개선에 사용하겠다고 약속했다.",
        ],
        menu=["홈", "정치", "경제", "사회", "국제", "스포츠"],
        related=["코스피, 외국인 매수에 상승 마감", "수도권 아파트 전셋값 3주째 하락", "내일 전국 대체로 맑음"],
        related_heading="관련기사",
        comments_heading="댓글 2개",
        comments=["요금이 또 오르네요. 월급은 그대로인데 걱정입니다.", "서비스 개선은 꼭 약속대로 해주세요."],
        footer="Copyright © 서울일보. 무단 전재 및 재배포 금지. 사업자등록번호 123-45-67890",
        form_label="댓글 쓰기",
    ),
    "ka": dict(
        headline="თბილისში ახალი მეტროსადგური გაიხსნა",
        paragraphs=[
            "თბილისში ორშაბათს ახალი მეტროსადგური გაიხსნა, რომელიც ქალაქის ჩრდილოეთ უბნებს ცენტრთან დააკავშირებს. მშენებლობა სამ წელიწადს გაგრძელდა.",
            "მერიის ინფორმაციით, ახალი სადგური დღეში ოცდაათ ათასამდე მგზავრს მოემსახურება, რაც მნიშვნელოვნად შეამცირებს საცობებს მიმდებარე ქუჩებზე.",
            "პროექტი ევროპის რეკონსტრუქციისა და განვითარების ბანკის სესხით დაფინანსდა, ხოლო მისი საერთო ღირებულება ას მილიონ ლარს აღემატება.",
            "მერიის წარმომადგენლებმა განაცხადეს, რომ მომავალ წელს კიდევ ორი სადგურის მშენებლობა დაიწყება და მეტროს ქსელი კიდევ უფრო გაფართოვდება.",
        ],
        menu=["მთავარი", "პოლიტიკა", "ეკონომიკა", "საზოგადოება", "სპორტი", "კულტურა"],
        related=["ლარის კურსი გამყარდა", "ბათუმში ტურისტების რაოდენობა გაიზარდა", "ნაკრებმა ამხანაგური მატჩი მოიგო"],
        related_heading="ასევე წაიკითხეთ",
        comments_heading="კომენტარები (2)",
        comments=["დიდი ხანია ველოდებოდით ამ სადგურს!", "იმედია, სხვა უბნებშიც მალე გაიხსნება."],
        footer="© 2024 თბილისის ამბები. ყველა უფლება დაცულია.",
        form_label="დატოვეთ კომენტარი",
    ),
    "hy": dict(
        headline="Երևանում բացվել է նոր գրադարան",
        paragraphs=[
            "Երևանի կենտրոնում երկուշաբթի օրը բացվել է նոր հանրային գրադարան, որտեղ հասանելի կլինի ավելի քան հարյուր հազար գիրք։ Շինարարությունը տևել է երկու տարի։",
            "Քաղաքապետարանի տվյալներով՝ գրադարանն ունի ընթերցասրահներ, մանկական բաժին և համակարգչային կենտրոն, որը բաց կլինի բոլոր այցելուների համար։",
            "Նախագիծն իրականացվել է միջազգային դոնորների աջակցությամբ, իսկ դրա ընդհանուր արժեքը կազմել է շուրջ երեք միլիարդ դրամ։",
            "Կազմակերպիչները հույս ունեն, որ գրադարանը կդառնա քաղաքի մշակութային կյանքի կարևոր կենտրոն և կգրավի երիտասարդներին։",
        ],
        menu=["Գլխավոր", "Քաղաքականություն", "Տնտեսություն", "Հասարակություն", "Սպորտ", "Մշակույթ"],
        related=["Դրամն արժևորվել է դոլարի նկատմամբ", "Գյումրիում նոր դպրոց է բացվել", "Հավաքականը հաղթել է ընկերական խաղում"],
        related_heading="Կարդացեք նաև",
        comments_heading="Մեկնաբանություններ (2)",
        comments=["Շատ լավ նորություն է, շնորհակալություն։", "Հուսով եմ՝ մարզերում էլ նման գրադարաններ կբացվեն։"],
        footer="© 2024 Երևանյան լուրեր։ Բոլոր իրավունքները պաշտպանված են։",
        form_label="Թողնել մեկնաբանություն",
    ),
    "az": dict(
        headline="Bakıda minatəmizləmə üzrə beynəlxalq forum açıldı",
        paragraphs=[
            "Azərbaycanın paytaxtında bazar ertəsi işğaldan azad edilmiş ərazilərin minalardan təmizlənməsinə həsr olunmuş beynəlxalq forum işə başlayıb. Forumda otuzdan çox ölkənin nümayəndələri iştirak edir.",
            "Təşkilatçıların sözlərinə görə, son üç ildə mütəxəssislər yüz mindən çox mina və partlamamış sursatı zərərsizləşdiriblər, lakin işin başa çatması hələ uzun illər çəkəcək.",
            "Forum iştirakçıları minaların aşkarlanmasının yeni texnologiyalarını, o cümlədən pilotsuz uçuş aparatlarını və süni intellekt sistemlərini müzakirə edəcəklər.",
            "Forum cümə gününədək davam edəcək, onun yekunları isə beynəlxalq təşkilatlara göndəriləcək birgə bəyannamə şəklində təqdim olunacaq.",
        ],
        menu=["Əsas səhifə", "Siyasət", "İqtisadiyyat", "Cəmiyyət", "İdman", "Mədəniyyət"],
        related=["Dolların məzənnəsi açıqlandı", "Gəncədə yeni məktəb istifadəyə verildi", "Millimiz yoldaşlıq oyununda uduzdu"],
        related_heading="Oxşar xəbərlər",
        comments_heading="Şərhlər (2)",
        comments=["Çox vacib mövzudur, təşəkkürlər!", "İnşallah iş daha sürətlə gedəcək."],
        footer="© 2024 Bakı Xəbər. Bütün hüquqlar qorunur. Materiallardan istifadə zamanı istinad vacibdir.",
        form_label="Şərh yazın",
    ),
    "kk": dict(
        headline="Астанада жаңа ауруханa ашылды",
        paragraphs=[
            "Астанада дүйсенбі күні үш жүз төсекке арналған жаңа көпсалалы аурухана ашылды. Құрылыс екі жылға созылып, оған республикалық бюджеттен қаржы бөлінді.",
            "Денсаулық сақтау министрлігінің мәліметінше, аурухана заманауи диагностикалық құрылғылармен жабдықталған және жылына елу мыңнан астам науқасқа көмек көрсетеді.",
            "Ауруханада кардиология, нейрохирургия және балалар бөлімшелері жұмыс істейді, ал дәрігерлердің көбі шетелде біліктілігін арттырған мамандар.",
            "Министрлік келесі жылы облыс орталықтарында тағы бес аурухана салуды жоспарлап отыр, бұл халықтың медициналық көмекке қолжетімділігін арттырады.",
        ],
        menu=["Басты бет", "Саясат", "Экономика", "Қоғам", "Спорт", "Мәдениет"],
        related=["Теңге бағамы нығайды", "Алматыда жаңа мектеп ашылды", "Құрама ұпайсыз тең түсті"],
        related_heading="Ұқсас жаңалықтар",
        comments_heading="Пікірлер (2)",
        comments=["Өте жақсы жаңалық, рахмет!", "Өңірлерде де осындай ауруханалар көбейсе екен."],
        footer="© 2024 Астана жаңалықтары. Барлық құқықтар қорғалған.",
        form_label="Пікір қалдыру",
    ),
    "tr": dict(
        headline="İzmir'de yeni metro hattı hizmete girdi",
        paragraphs=[
            "İzmir'de Narlıdere ile Fahrettin Altay arasında çalışacak yeni metro hattı pazartesi günü düzenlenen törenle hizmete girdi. Hattın yapımı yaklaşık beş yıl sürdü.",
            "Belediyeden yapılan açıklamaya göre yeni hat günde yüz bin yolcu taşıyacak ve kent merkezine ulaşım süresi yarı yarıya kısalacak.",
            "Yedi istasyondan oluşan hattın toplam maliyeti dört milyar lirayı aştı, projenin bir bölümü uluslararası kredilerle finanse edildi.",
            "Belediye başkanı, önümüzdeki yıl iki yeni hattın daha ihale edileceğini ve raylı sistem ağının kentin kuzeyine kadar uzatılacağını söyledi.",
        ],
        menu=["Ana Sayfa", "Gündem", "Ekonomi", "Dünya", "Spor", "Kültür"],
        related=["Dolar güne yükselişle başladı", "Ankara'da yeni okul açıldı", "Milli takım hazırlık maçını kazandı"],
        related_heading="İlgili Haberler",
        comments_heading="Yorumlar (2)",
        comments=["Çok güzel bir haber, emeği geçenlere teşekkürler!", "Umarım diğer ilçelere de metro gelir."],
        footer="© 2024 İzmir Haber. Tüm hakları saklıdır. Haberlerin izinsiz kullanılması yasaktır.",
        form_label="Yorum yazın",
    ),
    "uk": dict(
        headline="У Львові відкрили нову дитячу лікарню",
        paragraphs=[
            "У Львові в понеділок урочисто відкрили нову багатопрофільну дитячу лікарню на триста ліжок. Будівництво тривало майже три роки.",
            "За словами представників міської ради, лікарня щороку прийматиме понад двадцять тисяч маленьких пацієнтів з усієї західної України.",
            "У закладі працюватимуть відділення кардіології, нейрохірургії та реабілітації, а більшість обладнання передали міжнародні партнери.",
            "Міська влада планує наступного року збудувати поруч центр для батьків, які супроводжують дітей під час тривалого лікування.",
        ],
        menu=["Головна", "Політика", "Економіка", "Суспільство", "Спорт", "Культура"],
        related=["Гривня зміцнилася до долара", "У Тернополі відкрили нову школу", "Збірна перемогла в товариському матчі"],
        related_heading="Читайте також",
        comments_heading="Коментарі (2)",
        comments=["Дуже потрібна лікарня, дякуємо всім, хто її будував!", "Сподіваюся, в інших містах теж з'являться такі заклади."],
        footer="© 2024 Львівські новини. Усі права захищено. Передрук матеріалів лише з дозволу редакції.",
        form_label="Залишити коментар",
    ),
}


def blog_page(c: dict, lang: str) -> str:
    """A WordPress-like post: menu, post with date and author, related posts, comments, a comment form, footer."""
    menu = "".join(f'<li class="menu-item"><a href="/c{i}">{m}</a></li>' for i, m in enumerate(c["menu"]))
    paragraphs = "".join(f"<p>{p}</p>" for p in c["paragraphs"])
    related = "".join(f'<li><a href="/r{i}">{r}</a></li>' for i, r in enumerate(c["related"]))
    comments = "".join(
        f'<li class="comment"><div class="comment-author">user{i}</div><div class="comment-content"><p>{t}</p></div>'
        f'<a class="comment-reply-link" href="#r{i}">Reply</a></li>'
        for i, t in enumerate(c["comments"])
    )
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{c["headline"]} | Site</title></head>
<body class="single single-post">
<header id="masthead" class="site-header"><div class="site-branding"><a href="/">Site</a></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{menu}</ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">{c["headline"]}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="2024-05-06T09:00:00+04:00">06.05.2024</time></span></div></header>
<div class="entry-content">{paragraphs}</div></article>
<section class="related-posts"><h3>{c["related_heading"]}</h3><ul>{related}</ul></section>
<div id="comments" class="comments-area"><h2 class="comments-title">{c["comments_heading"]}</h2><ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title">{c["form_label"]}</h3>
<form id="commentform" class="comment-form"><p><label for="comment">{c["form_label"]}</label><textarea id="comment"></textarea></p>
<p class="form-submit"><input type="submit" value="OK"></p></form></div></div>
</main></div>
<footer id="colophon" class="site-footer"><div class="site-info">{c["footer"]}</div></footer></body></html>"""


def portal_page(c: dict, lang: str) -> str:
    """A news portal: top menu, a story with lead and body, a sidebar of headlines, comments, a footer."""
    menu = "".join(f'<a class="nav-link" href="/c{i}">{m}</a>' for i, m in enumerate(c["menu"]))
    lead, *rest = c["paragraphs"]
    body = "".join(f"<p>{p}</p>" for p in rest)
    related = "".join(f'<div class="news-item"><a href="/r{i}"><span>{r}</span></a><span class="time">12:4{i}</span></div>' for i, r in enumerate(c["related"]))
    comments = "".join(f'<div class="reply-box"><b>user{i}</b><div class="reply-text">{t}</div></div>' for i, t in enumerate(c["comments"]))
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{c["headline"]}</title>
<meta property="og:title" content="{c["headline"]}"></head><body>
<div class="top-bar"><div class="navbar">{menu}</div></div>
<div class="wrapper"><div class="col-main"><div class="news-detail">
<h1 class="news-title">{c["headline"]}</h1><div class="news-date">06.05.2024, 09:00</div>
<div class="news-lead"><strong>{lead}</strong></div>
<div class="news-text">{body}</div>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div></div>
<div class="comments-block"><div class="block-title">{c["comments_heading"]}</div>{comments}</div></div>
<div class="col-side sidebar"><div class="block-title">{c["related_heading"]}</div>{related}</div></div>
<div class="footer"><p>{c["footer"]}</p></div></body></html>"""

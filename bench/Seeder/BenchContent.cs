using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using NodaTime;

namespace MayorsClub.Bench.Seeder;

/// <summary>
/// Makes believable, varied content in both languages from parallel phrase lists: titles, summaries, 2–4 K-character
/// bodies, tags, speakers, dates spread over years and events in several time zones. Deterministic (one seed), so the
/// same seeder source always gives the same database and the benchmark's cached database stays valid.
/// </summary>
internal sealed class BenchContent(int seed)
{
    public const string User = "bench-seeder";

    // A fixed seed for reproducible data, not for anything secret.
#pragma warning disable CA5394
    private readonly Random _random = new(seed);
#pragma warning restore CA5394
    private readonly List<Guid> _news = [];

    /// <summary>Remembers a created article, so later ones can link to it as related news.</summary>
    public void Created(string contentType, Guid key)
    {
        if (contentType == MayorsClub.Core.Content.DocumentTypes.NewsArticle.Alias)
        {
            _news.Add(key);
        }
    }

    public ContentValues NewsArticle(int index)
    {
        var topic = Pick(Topics);
        var city = Pick(Cities);
        var title = Title(topic, city);
        var values = new ContentValues();
        values.Invariant["date"] = Day(new LocalDate(2012, 1, 1), new LocalDate(2026, 10, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Chance(0.3))
        {
            values.Invariant["sourceUrl"] = $"https://{Pick(SourceHosts)}/news/{_random.Next(1000, 99999)}";
        }

        if (_news.Count > 0 && Chance(0.5))
        {
            values.Invariant["relatedNews"] = new JsonArray(Enumerable.Range(0, _random.Next(1, 4))
                .Select(_ => (JsonNode?)_news[_random.Next(_news.Count)].ToString("D")).ToArray());
        }

        var summary = Sentences(150, 480);
        var body = Body(2000, 4000, withList: Chance(0.3));
        var tags = Tags();
        foreach (var (culture, c) in CultureIndexes)
        {
            values.Cultures[culture] = new CultureVariant
            {
                Name = title[c],
                Values =
                {
                    ["summary"] = summary[c],
                    ["body"] = body[c],
                    ["tags"] = Strings(tags.Select(t => t[c])),
                    ["metaDescription"] = Chance(0.5) ? Cut(summary[c], 300) : null,
                },
            };
        }

        return values;
    }

    public ContentValues Event(int index)
    {
        var type = Pick(MayorsClub.Core.Content.DocumentTypes.Event.EventTypes);
        var online = type == "webinar" || (type == "expertSession" && Chance(0.5));
        var place = online ? Places[0] : Pick(Places);
        var multiDay = type is "conference" or "forum" or "tradeMission" && Chance(0.5);
        var startDay = Day(new LocalDate(2014, 1, 1), new LocalDate(2028, 12, 31));
        var start = startDay.At(new LocalTime(_random.Next(9, 17), _random.Next(2) * 30));
        var end = multiDay ? start.PlusDays(_random.Next(1, 4)).PlusHours(2) : start.PlusMinutes(_random.Next(3, 17) * 30);
        var values = new ContentValues();
        values.Invariant["start"] = ZonedValue.Create(start, place.Zone);
        values.Invariant["end"] = ZonedValue.Create(end, place.Zone);
        values.Invariant["allDay"] = multiDay && Chance(0.5);
        values.Invariant["eventType"] = type;
        values.Invariant["isOnline"] = online;
        if (online)
        {
            values.Invariant["onlineLink"] = $"https://mayorsclub.org.ua/online/event-{index}";
        }

        var registration = Chance(0.7);
        values.Invariant["registrationOpen"] = registration;
        if (registration)
        {
            values.Invariant["registrationDeadline"] = ZonedValue.Create(startDay.PlusDays(-_random.Next(2, 15)).At(new LocalTime(18, 0)), place.Zone);
            // As a decimal: the number validator reads decimals (an int-backed JsonValue is refused as "not a number").
            values.Invariant["capacity"] = (decimal)(_random.Next(2, 101) * 10);
        }

        var topic = Pick(Topics);
        var title = EventTitle(type, topic, place, startDay.Year);
        var summary = Sentences(120, 450);
        var description = Body(1000, 3000, withList: Chance(0.2));
        var speakers = Speakers(_random.Next(1, 5));
        foreach (var (culture, c) in CultureIndexes)
        {
            var variant = new CultureVariant
            {
                Name = title[c],
                Values =
                {
                    ["summary"] = summary[c],
                    ["description"] = description[c],
                    ["speakers"] = speakers[c],
                    ["metaDescription"] = Chance(0.3) ? Cut(summary[c], 300) : null,
                },
            };
            if (!online)
            {
                variant.Values["venue"] = place.Venue[c];
                variant.Values["city"] = place.City[c];
                variant.Values["country"] = place.Country[c];
            }

            values.Cultures[culture] = variant;
        }

        return values;
    }

    public ContentValues ExpertSession(int index)
    {
        var topic = Pick(Topics);
        var day = Day(new LocalDate(2016, 1, 1), new LocalDate(2027, 12, 31));
        var values = new ContentValues();
        values.Invariant["date"] = ZonedValue.Create(day.At(new LocalTime(_random.Next(10, 17), _random.Next(2) * 30)), "Europe/Kyiv");
        values.Invariant["videoEmbedUrl"] = $"https://www.youtube.com/embed/{VideoId()}";
        var aspect = Pick(Aspects);
        string[] title = [$"Експерт-сесія «{topic[0]}: {aspect[0]}»", $"Expert session “{topic[1]}: {aspect[1]}”"];
        var summary = Sentences(150, 450);
        var description = Body(1500, 3500, withList: Chance(0.4));
        var speakers = Speakers(_random.Next(1, 5));
        var tags = Tags();
        foreach (var (culture, c) in CultureIndexes)
        {
            values.Cultures[culture] = new CultureVariant
            {
                Name = title[c],
                Values =
                {
                    ["summary"] = summary[c],
                    ["description"] = description[c],
                    ["speakers"] = speakers[c],
                    ["tags"] = Strings(tags.Select(t => t[c])),
                },
            };
        }

        return values;
    }

    private static readonly (string Culture, int Index)[] CultureIndexes = [("uk", 0), ("en", 1)];

    private string[] Title(string[] topic, string[] city) => _random.Next(3) switch
    {
        0 => [$"{topic[0]}: {Pick(Aspects)[0]} ({city[0]})", $"{topic[1]}: {Pick(Aspects)[1]} ({city[1]})"],
        1 => [$"{city[0]}: {Pick(Actions)[0]} — {topic[0].ToLowerInvariant()}", $"{city[1]}: {Pick(Actions)[1]} — {topic[1].ToLowerInvariant()}"],
        _ => [$"{Pick(Openers)[0]} {topic[0].ToLowerInvariant()}", $"{Pick(Openers)[1]} {topic[1].ToLowerInvariant()}"],
    };

    private static string[] EventTitle(string type, string[] topic, Place place, int year) => type switch
    {
        "conference" => [$"Конференція «{topic[0]}», {place.City[0]}, {year}", $"“{topic[1]}” conference, {place.City[1]}, {year}"],
        "forum" => [$"Форум громад «{topic[0]}», {place.City[0]}, {year}", $"“{topic[1]}” communities forum, {place.City[1]}, {year}"],
        "tradeMission" => [$"Торговельна місія: {place.City[0]}, {place.Country[0]}, {year}", $"Trade mission: {place.City[1]}, {place.Country[1]}, {year}"],
        "webinar" => [$"Вебінар {year}: {topic[0].ToLowerInvariant()}", $"Webinar {year}: {topic[1].ToLowerInvariant()}"],
        "expertSession" => [$"Експерт-сесія {year}: {topic[0].ToLowerInvariant()}", $"Expert session {year}: {topic[1].ToLowerInvariant()}"],
        _ => [$"Зустріч членів Клубу мерів {year}: {topic[0].ToLowerInvariant()}", $"Mayors' Club members' meeting {year}: {topic[1].ToLowerInvariant()}"],
    };

    /// <summary>Plain sentences (the same ones in both languages) until the Ukrainian text is between MIN and MAX characters.</summary>
    private string[] Sentences(int min, int max)
    {
        var uk = new StringBuilder();
        var en = new StringBuilder();
        while (uk.Length < min)
        {
            var sentence = Pick(Phrases);
            if (uk.Length + sentence[0].Length + 1 > max)
            {
                break;
            }

            uk.Append(uk.Length > 0 ? " " : "").Append(sentence[0]);
            en.Append(en.Length > 0 ? " " : "").Append(sentence[1]);
        }

        return [uk.ToString(), en.ToString()];
    }

    /// <summary>HTML paragraphs (with some bold text, links and a list) of a random length between MIN and MAX characters.</summary>
    private string[] Body(int min, int max, bool withList)
    {
        var target = _random.Next(min, max + 1);
        var uk = new StringBuilder();
        var en = new StringBuilder();
        var paragraphs = 0;
        while (uk.Length < target)
        {
            if (withList && paragraphs == 2)
            {
                var items = Enumerable.Range(0, _random.Next(3, 6)).Select(_ => Pick(Phrases)).ToList();
                uk.Append("<ul>").AppendJoin("", items.Select(i => $"<li>{i[0]}</li>")).Append("</ul>\n");
                en.Append("<ul>").AppendJoin("", items.Select(i => $"<li>{i[1]}</li>")).Append("</ul>\n");
            }

            uk.Append("<p>");
            en.Append("<p>");
            var count = _random.Next(2, 6);
            for (var s = 0; s < count; s++)
            {
                var sentence = Pick(Phrases);
                var (ukText, enText) = _random.Next(8) switch
                {
                    0 => ($"<strong>{sentence[0]}</strong>", $"<strong>{sentence[1]}</strong>"),
                    1 => ($"<a href=\"https://mayorsclub.org.ua/uk/{_random.Next(100, 999)}\">{sentence[0]}</a>", $"<a href=\"https://mayorsclub.org.ua/en/{_random.Next(100, 999)}\">{sentence[1]}</a>"),
                    _ => (sentence[0], sentence[1]),
                };
                uk.Append(s > 0 ? " " : "").Append(ukText);
                en.Append(s > 0 ? " " : "").Append(enText);
            }

            uk.Append("</p>\n");
            en.Append("</p>\n");
            paragraphs++;
        }

        return [uk.ToString().TrimEnd(), en.ToString().TrimEnd()];
    }

    private List<string[]> Tags() => Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Pick(TagList)).Distinct().ToList();

    /// <summary>The same speakers in both languages, as block-list values.</summary>
    private JsonArray[] Speakers(int count)
    {
        var uk = new JsonArray();
        var en = new JsonArray();
        foreach (var _ in Enumerable.Range(0, count))
        {
            var (name, role, organisation) = (Pick(People), Pick(Roles), Pick(Organisations));
            uk.Add(new JsonObject { ["name"] = name[0], ["role"] = role[0], ["organisation"] = organisation[0] });
            en.Add(new JsonObject { ["name"] = name[1], ["role"] = role[1], ["organisation"] = organisation[1] });
        }

        return [uk, en];
    }

    private LocalDate Day(LocalDate from, LocalDate to) => from.PlusDays(_random.Next(Period.DaysBetween(from, to) + 1));

    private string VideoId()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        return string.Concat(Enumerable.Range(0, 11).Select(_ => letters[_random.Next(letters.Length)]));
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> list) => list[_random.Next(list.Count)];

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..text.LastIndexOf(' ', max - 1)] + "…";

    private sealed record Place(string[] Venue, string[] City, string[] Country, string Zone);

    private static readonly string[][] Topics =
    [
        ["Енергонезалежність громад", "Energy independence of communities"],
        ["Бюджет участі", "Participatory budgeting"],
        ["Відбудова житла", "Rebuilding housing"],
        ["Цифрові послуги для мешканців", "Digital services for residents"],
        ["Міжмуніципальна співпраця", "Inter-municipal cooperation"],
        ["Гранти ЄС для громад", "EU grants for communities"],
        ["Інвестиційна привабливість", "Investment appeal"],
        ["Громадський транспорт", "Public transport"],
        ["Освіта в громаді", "Education in the community"],
        ["Безпека та цивільний захист", "Safety and civil protection"],
        ["Відновлювана енергетика", "Renewable energy"],
        ["Прозорі закупівлі", "Transparent procurement"],
        ["Мале та середнє підприємництво", "Small and medium businesses"],
        ["Міста-побратими", "Sister cities"],
        ["Генеральний план громади", "The community's master plan"],
        ["Управління відходами", "Waste management"],
        ["Водопостачання та водовідведення", "Water supply and sewerage"],
        ["Підтримка ветеранів", "Support for veterans"],
        ["Інклюзивний простір", "Inclusive public space"],
        ["Туризм і культурна спадщина", "Tourism and cultural heritage"],
        ["Індустріальні парки", "Industrial parks"],
        ["Децентралізація", "Decentralisation"],
        ["Енергоефективність будівель", "Energy efficiency of buildings"],
        ["Молодіжна політика", "Youth policy"],
    ];

    private static readonly string[][] Aspects =
    [
        ["перші результати", "first results"], ["досвід і помилки", "experience and mistakes"],
        ["що змінилося за рік", "what changed in a year"], ["покроковий план", "a step-by-step plan"],
        ["погляд мерів", "the mayors' view"], ["нові правила", "the new rules"],
        ["фінансування та партнери", "funding and partners"], ["практичні кейси", "practical cases"],
        ["відповіді на запитання громад", "answers to communities' questions"], ["підсумки сезону", "the season in review"],
        ["європейські практики", "European practice"], ["як почати", "how to start"],
    ];

    private static readonly string[][] Actions =
    [
        ["громада підписала угоду", "the community signs an agreement"], ["мер представив план", "the mayor presents a plan"],
        ["стартує новий проєкт", "a new project starts"], ["підбили підсумки", "the results are in"],
        ["громада отримала грант", "the community wins a grant"], ["відкрили центр", "a centre opens"],
        ["провели громадські слухання", "public hearings held"], ["завершили перший етап", "the first stage is complete"],
    ];

    private static readonly string[][] Openers =
    [
        ["Клуб мерів обговорив", "The Mayors' Club discussed"], ["Громади діляться досвідом:", "Communities share their experience:"],
        ["Нове дослідження:", "New research:"], ["Мери підписали звернення щодо", "Mayors sign an appeal on"],
        ["Стартував прийом заявок:", "Applications open:"], ["Підсумки круглого столу:", "Round table results:"],
    ];

    private static readonly string[][] Cities =
    [
        ["Київ", "Kyiv"], ["Львів", "Lviv"], ["Вінниця", "Vinnytsia"], ["Полтава", "Poltava"], ["Житомир", "Zhytomyr"],
        ["Черкаси", "Cherkasy"], ["Чернігів", "Chernihiv"], ["Суми", "Sumy"], ["Харків", "Kharkiv"], ["Дніпро", "Dnipro"],
        ["Одеса", "Odesa"], ["Миколаїв", "Mykolaiv"], ["Запоріжжя", "Zaporizhzhia"], ["Ужгород", "Uzhhorod"],
        ["Івано-Франківськ", "Ivano-Frankivsk"], ["Тернопіль", "Ternopil"], ["Луцьк", "Lutsk"], ["Рівне", "Rivne"],
        ["Хмельницький", "Khmelnytskyi"], ["Чернівці", "Chernivtsi"], ["Кропивницький", "Kropyvnytskyi"],
        ["Біла Церква", "Bila Tserkva"], ["Бровари", "Brovary"], ["Славутич", "Slavutych"],
    ];

    private static readonly Place[] Places =
    [
        new(["Онлайн", "Online"], ["Київ", "Kyiv"], ["Україна", "Ukraine"], "Europe/Kyiv"),
        new(["Конгрес-хол «Столичний»", "Stolychnyi Congress Hall"], ["Київ", "Kyiv"], ["Україна", "Ukraine"], "Europe/Kyiv"),
        new(["Львівська політехніка", "Lviv Polytechnic"], ["Львів", "Lviv"], ["Україна", "Ukraine"], "Europe/Kyiv"),
        new(["Вінницька міська рада", "Vinnytsia City Council"], ["Вінниця", "Vinnytsia"], ["Україна", "Ukraine"], "Europe/Kyiv"),
        new(["Одеський морвокзал", "Odesa Sea Terminal"], ["Одеса", "Odesa"], ["Україна", "Ukraine"], "Europe/Kyiv"),
        new(["Палац культури і науки", "Palace of Culture and Science"], ["Варшава", "Warsaw"], ["Польща", "Poland"], "Europe/Warsaw"),
        new(["Berlin Congress Center", "Berlin Congress Center"], ["Берлін", "Berlin"], ["Німеччина", "Germany"], "Europe/Berlin"),
        new(["Комітет регіонів ЄС", "European Committee of the Regions"], ["Брюссель", "Brussels"], ["Бельгія", "Belgium"], "Europe/Brussels"),
        new(["World Trade Center Amsterdam", "World Trade Center Amsterdam"], ["Амстердам", "Amsterdam"], ["Нідерланди", "Netherlands"], "Europe/Amsterdam"),
        new(["Litexpo", "Litexpo"], ["Вільнюс", "Vilnius"], ["Литва", "Lithuania"], "Europe/Vilnius"),
        new(["One World Trade Center", "One World Trade Center"], ["Нью-Йорк", "New York"], ["США", "USA"], "America/New_York"),
        new(["Tokyo Big Sight", "Tokyo Big Sight"], ["Токіо", "Tokyo"], ["Японія", "Japan"], "Asia/Tokyo"),
    ];

    private static readonly string[][] People =
    [
        ["Юлія Чуфістова", "Yuliya Chufistova"], ["Олена Коваленко", "Olena Kovalenko"], ["Андрій Мельник", "Andrii Melnyk"],
        ["Ірина Ткачук", "Iryna Tkachuk"], ["Василь Гончаренко", "Vasyl Honcharenko"], ["Наталія Бондар", "Nataliia Bondar"],
        ["Сергій Шевчук", "Serhii Shevchuk"], ["Оксана Кравченко", "Oksana Kravchenko"], ["Дмитро Олійник", "Dmytro Oliinyk"],
        ["Тетяна Поліщук", "Tetiana Polishchuk"], ["Михайло Савчук", "Mykhailo Savchuk"], ["Людмила Іваненко", "Liudmyla Ivanenko"],
        ["Петро Лисенко", "Petro Lysenko"], ["Галина Марченко", "Halyna Marchenko"], ["Ярослав Кузьменко", "Yaroslav Kuzmenko"],
        ["Anna Nowak", "Anna Nowak"], ["Thomas Müller", "Thomas Müller"], ["Marie Dubois", "Marie Dubois"],
    ];

    private static readonly string[][] Roles =
    [
        ["міський голова", "mayor"], ["колишній міський голова", "former mayor"], ["голова громади", "head of the community"],
        ["експертка з місцевого розвитку", "local development expert"], ["фінансовий аналітик", "financial analyst"],
        ["директор департаменту економіки", "head of the economic department"], ["юристка", "lawyer"],
        ["генеральна директорка, модераторка", "CEO, moderator"], ["радник з енергетики", "energy adviser"],
    ];

    private static readonly string[][] Organisations =
    [
        ["Клуб мерів", "Mayors' Club"], ["Асоціація міст України", "Association of Ukrainian Cities"],
        ["Енергія громад", "Hromada Energy"], ["АгроБіоКонсалт", "AgroBio Consult"], ["WTC Kyiv", "WTC Kyiv"],
        ["Альянс європейських мерів", "Alliance of European Mayors"], ["Київська школа економіки", "Kyiv School of Economics"],
        ["Програма U-LEAD", "U-LEAD programme"], ["Мінрегіон", "Ministry for Regional Development"],
    ];

    private static readonly string[][] TagList =
    [
        ["енергетика", "energy"], ["інвестиції", "investment"], ["гранти", "grants"], ["децентралізація", "decentralisation"],
        ["міжнародна співпраця", "international cooperation"], ["відбудова", "reconstruction"], ["освіта", "education"],
        ["транспорт", "transport"], ["цифровізація", "digitalisation"], ["бюджет", "budget"], ["підприємництво", "business"],
        ["екологія", "environment"], ["безпека", "safety"], ["культура", "culture"],
    ];

    private static readonly string[] SourceHosts = ["decentralization.ua", "auc.org.ua", "mayorsofeurope.eu", "minregion.gov.ua"];

    private static readonly string[][] Phrases =
    [
        ["Учасники зустрічі обговорили, як громадам залучати кошти міжнародних донорів без втрати контролю над проєктами.", "The participants discussed how communities can attract international donor funding without losing control of their projects."],
        ["Міський голова наголосив, що сильна держава починається із сильних громад.", "The mayor stressed that a strong state begins with strong communities."],
        ["Експерти представили покрокову інструкцію з підготовки техніко-економічного обґрунтування.", "The experts presented a step-by-step guide to preparing a feasibility study."],
        ["Проєкт передбачає капітальний ремонт трьох шкіл і дитячого садка до кінця наступного року.", "The project includes major repairs of three schools and a kindergarten by the end of next year."],
        ["Громада вже встановила сонячні електростанції на дахах лікарні та водоканалу.", "The community has already installed solar plants on the roofs of the hospital and the water utility."],
        ["Завдяки прозорим закупівлям вдалося зекономити майже п’яту частину кошторису.", "Transparent procurement saved almost a fifth of the budget."],
        ["Представники бізнесу поділилися очікуваннями від співпраці з місцевою владою.", "Business representatives shared what they expect from working with the local authorities."],
        ["Окрему увагу приділили безпеці укриттів у закладах освіти.", "Special attention was paid to the safety of shelters in schools."],
        ["Наступна зустріч відбудеться у форматі виїзної сесії в одній із громад — членів Клубу.", "The next meeting will take place as a field session in one of the Club's member communities."],
        ["Мери погодили спільну позицію щодо змін до Бюджетного кодексу.", "The mayors agreed on a joint position on amendments to the Budget Code."],
        ["Голова громади розповів, як за два роки вдалося запустити індустріальний парк.", "The head of the community told how an industrial park was launched in two years."],
        ["Європейські партнери готові ділитися досвідом планування міського простору.", "European partners are ready to share their experience of urban planning."],
        ["Мешканці можуть подати свої пропозиції через застосунок громади до кінця місяця.", "Residents can submit their proposals through the community's app until the end of the month."],
        ["Клуб мерів підготував збірку найкращих практик для нових очільників громад.", "The Mayors' Club has prepared a collection of best practices for new community leaders."],
        ["Під час дискусії учасники шукали баланс між швидкістю відбудови та якістю рішень.", "During the discussion the participants looked for a balance between the speed of reconstruction and the quality of decisions."],
        ["Фінансування програми забезпечують державний бюджет і кошти міжнародних партнерів.", "The programme is funded by the state budget and by international partners."],
        ["Громади, які пройшли навчання, отримають менторську підтримку протягом року.", "Communities that complete the training will receive a year of mentoring."],
        ["Особливо гостро стоїть питання кадрів: громадам бракує інженерів і проєктних менеджерів.", "Staffing is an acute issue: communities lack engineers and project managers."],
        ["Учасники отримали шаблони документів і приклади договорів з інвесторами.", "The participants received document templates and sample contracts with investors."],
        ["Досвід польських міст показує, що міжмуніципальна співпраця знижує витрати на послуги.", "The experience of Polish cities shows that inter-municipal cooperation lowers the cost of services."],
        ["Нова котельня на біомасі забезпечить теплом понад дві тисячі квартир.", "The new biomass boiler house will heat more than two thousand flats."],
        ["Рішення ухвалили після громадських слухань, у яких взяли участь сотні мешканців.", "The decision was taken after public hearings attended by hundreds of residents."],
        ["Запис зустрічі доступний членам Клубу в особистому кабінеті.", "A recording of the meeting is available to Club members in their account."],
        ["Організатори дякують партнерам за підтримку та відкритість до діалогу.", "The organisers thank the partners for their support and openness to dialogue."],
        ["Громада планує перейти на електронний документообіг у всіх комунальних установах.", "The community plans to move all municipal institutions to electronic document management."],
        ["Малий бізнес отримає пільгові кредити на відновлення виробництва.", "Small businesses will receive soft loans to restore production."],
        ["Окремий блок присвятили роботі з молоддю та ветеранами.", "A separate section was devoted to work with young people and veterans."],
        ["Експерти радять починати з аудиту енергоспоживання комунальних будівель.", "The experts advise starting with an energy audit of municipal buildings."],
        ["Угода передбачає обмін делегаціями та спільні освітні програми.", "The agreement provides for exchanges of delegations and joint education programmes."],
        ["За результатами форуму підписано чотири меморандуми про співпрацю.", "Four memoranda of cooperation were signed as a result of the forum."],
        ["Громади-учасниці отримають доступ до бази потенційних інвесторів.", "Participating communities will get access to a database of potential investors."],
        ["Мер закликав колег не боятися відкритих даних і звітувати перед мешканцями.", "The mayor urged colleagues not to fear open data and to report to residents."],
    ];
}

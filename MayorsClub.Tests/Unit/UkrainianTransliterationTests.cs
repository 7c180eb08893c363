using MayorsClub.Core.Content.Routing;
using NUnit.Framework;

namespace MayorsClub.Tests.Unit;

[TestFixture]
public class UkrainianTransliterationTests
{
    // Examples from the table of Cabinet of Ministers of Ukraine resolution No. 55 of 27 January 2010.
    [TestCase("Алушта", "Alushta")]
    [TestCase("Андрій", "Andrii")]
    [TestCase("Борщагівка", "Borshchahivka")]
    [TestCase("Борисенко", "Borysenko")]
    [TestCase("Вінниця", "Vinnytsia")]
    [TestCase("Володимир", "Volodymyr")]
    [TestCase("Гадяч", "Hadiach")]
    [TestCase("Богдан", "Bohdan")]
    [TestCase("Згурський", "Zghurskyi")]
    [TestCase("Ґалаґан", "Galagan")]
    [TestCase("Ґорґани", "Gorgany")]
    [TestCase("Донецьк", "Donetsk")]
    [TestCase("Дмитро", "Dmytro")]
    [TestCase("Рівне", "Rivne")]
    [TestCase("Олег", "Oleh")]
    [TestCase("Есмань", "Esman")]
    [TestCase("Єнакієве", "Yenakiieve")]
    [TestCase("Гаєвич", "Haievych")]
    [TestCase("Короп'є", "Koropie")]
    [TestCase("Житомир", "Zhytomyr")]
    [TestCase("Жанна", "Zhanna")]
    [TestCase("Жежелів", "Zhezheliv")]
    [TestCase("Закарпаття", "Zakarpattia")]
    [TestCase("Казимирчук", "Kazymyrchuk")]
    [TestCase("Медвин", "Medvyn")]
    [TestCase("Михайленко", "Mykhailenko")]
    [TestCase("Іванків", "Ivankiv")]
    [TestCase("Іващенко", "Ivashchenko")]
    [TestCase("Їжакевич", "Yizhakevych")]
    [TestCase("Кадиївка", "Kadyivka")]
    [TestCase("Мар'їне", "Marine")]
    [TestCase("Йосипівка", "Yosypivka")]
    [TestCase("Стрий", "Stryi")]
    [TestCase("Олексій", "Oleksii")]
    [TestCase("Київ", "Kyiv")]
    [TestCase("Коваленко", "Kovalenko")]
    [TestCase("Лебедин", "Lebedyn")]
    [TestCase("Леонід", "Leonid")]
    [TestCase("Миколаїв", "Mykolaiv")]
    [TestCase("Маринич", "Marynych")]
    [TestCase("Ніжин", "Nizhyn")]
    [TestCase("Наталія", "Nataliia")]
    [TestCase("Одеса", "Odesa")]
    [TestCase("Онищенко", "Onyshchenko")]
    [TestCase("Полтава", "Poltava")]
    [TestCase("Петро", "Petro")]
    [TestCase("Решетилівка", "Reshetylivka")]
    [TestCase("Рибчинський", "Rybchynskyi")]
    [TestCase("Суми", "Sumy")]
    [TestCase("Соломія", "Solomiia")]
    [TestCase("Тернопіль", "Ternopil")]
    [TestCase("Троць", "Trots")]
    [TestCase("Ужгород", "Uzhhorod")]
    [TestCase("Уляна", "Uliana")]
    [TestCase("Фастів", "Fastiv")]
    [TestCase("Філіпчук", "Filipchuk")]
    [TestCase("Харків", "Kharkiv")]
    [TestCase("Христина", "Khrystyna")]
    [TestCase("Біла Церква", "Bila Tserkva")]
    [TestCase("Стеценко", "Stetsenko")]
    [TestCase("Чернівці", "Chernivtsi")]
    [TestCase("Шевченко", "Shevchenko")]
    [TestCase("Шостка", "Shostka")]
    [TestCase("Кишеньки", "Kyshenky")]
    [TestCase("Щербухи", "Shcherbukhy")]
    [TestCase("Гоща", "Hoshcha")]
    [TestCase("Гаращенко", "Harashchenko")]
    [TestCase("Юрій", "Yurii")]
    [TestCase("Корюківка", "Koriukivka")]
    [TestCase("Яготин", "Yahotyn")]
    [TestCase("Ярошенко", "Yaroshenko")]
    [TestCase("Костянтин", "Kostiantyn")]
    [TestCase("Знам'янка", "Znamianka")]
    [TestCase("Феодосія", "Feodosiia")]
    public void Transliterate_OfficialExample_MatchesResolution55(string cyrillic, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(cyrillic), Is.EqualTo(expected));
    }

    // Every letter of the alphabet inside a word (after "о"), where Є Ї Й Ю Я take their in-word forms.
    [TestCase("а", "a")]
    [TestCase("б", "b")]
    [TestCase("в", "v")]
    [TestCase("г", "h")]
    [TestCase("ґ", "g")]
    [TestCase("д", "d")]
    [TestCase("е", "e")]
    [TestCase("є", "ie")]
    [TestCase("ж", "zh")]
    [TestCase("з", "z")]
    [TestCase("и", "y")]
    [TestCase("і", "i")]
    [TestCase("ї", "i")]
    [TestCase("й", "i")]
    [TestCase("к", "k")]
    [TestCase("л", "l")]
    [TestCase("м", "m")]
    [TestCase("н", "n")]
    [TestCase("о", "o")]
    [TestCase("п", "p")]
    [TestCase("р", "r")]
    [TestCase("с", "s")]
    [TestCase("т", "t")]
    [TestCase("у", "u")]
    [TestCase("ф", "f")]
    [TestCase("х", "kh")]
    [TestCase("ц", "ts")]
    [TestCase("ч", "ch")]
    [TestCase("ш", "sh")]
    [TestCase("щ", "shch")]
    [TestCase("ь", "")]
    [TestCase("ю", "iu")]
    [TestCase("я", "ia")]
    public void Transliterate_LowercaseLetterInsideWord_MapsToTableValue(string letter, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate("о" + letter), Is.EqualTo("o" + expected));
    }

    // Every letter of the alphabet on its own, i.e. at the start of a word.
    [TestCase("а", "a")]
    [TestCase("б", "b")]
    [TestCase("в", "v")]
    [TestCase("г", "h")]
    [TestCase("ґ", "g")]
    [TestCase("д", "d")]
    [TestCase("е", "e")]
    [TestCase("є", "ye")]
    [TestCase("ж", "zh")]
    [TestCase("з", "z")]
    [TestCase("и", "y")]
    [TestCase("і", "i")]
    [TestCase("ї", "yi")]
    [TestCase("й", "y")]
    [TestCase("к", "k")]
    [TestCase("л", "l")]
    [TestCase("м", "m")]
    [TestCase("н", "n")]
    [TestCase("о", "o")]
    [TestCase("п", "p")]
    [TestCase("р", "r")]
    [TestCase("с", "s")]
    [TestCase("т", "t")]
    [TestCase("у", "u")]
    [TestCase("ф", "f")]
    [TestCase("х", "kh")]
    [TestCase("ц", "ts")]
    [TestCase("ч", "ch")]
    [TestCase("ш", "sh")]
    [TestCase("щ", "shch")]
    [TestCase("ь", "")]
    [TestCase("ю", "yu")]
    [TestCase("я", "ya")]
    public void Transliterate_LowercaseLetterAtWordStart_MapsToWordInitialValue(string letter, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(letter), Is.EqualTo(expected));
    }

    // A lone capital letter is word-initial and not part of an all-caps word: only the first Latin letter is capitalized.
    [TestCase("А", "A")]
    [TestCase("Б", "B")]
    [TestCase("В", "V")]
    [TestCase("Г", "H")]
    [TestCase("Ґ", "G")]
    [TestCase("Д", "D")]
    [TestCase("Е", "E")]
    [TestCase("Є", "Ye")]
    [TestCase("Ж", "Zh")]
    [TestCase("З", "Z")]
    [TestCase("И", "Y")]
    [TestCase("І", "I")]
    [TestCase("Ї", "Yi")]
    [TestCase("Й", "Y")]
    [TestCase("К", "K")]
    [TestCase("Л", "L")]
    [TestCase("М", "M")]
    [TestCase("Н", "N")]
    [TestCase("О", "O")]
    [TestCase("П", "P")]
    [TestCase("Р", "R")]
    [TestCase("С", "S")]
    [TestCase("Т", "T")]
    [TestCase("У", "U")]
    [TestCase("Ф", "F")]
    [TestCase("Х", "Kh")]
    [TestCase("Ц", "Ts")]
    [TestCase("Ч", "Ch")]
    [TestCase("Ш", "Sh")]
    [TestCase("Щ", "Shch")]
    [TestCase("Ь", "")]
    [TestCase("Ю", "Yu")]
    [TestCase("Я", "Ya")]
    public void Transliterate_LoneUppercaseLetter_CapitalizesFirstLatinLetter(string letter, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(letter), Is.EqualTo(expected));
    }

    // Every uppercase letter inside an all-caps word (after "О") gives fully uppercase Latin.
    [TestCase("А", "A")]
    [TestCase("Б", "B")]
    [TestCase("В", "V")]
    [TestCase("Г", "H")]
    [TestCase("Ґ", "G")]
    [TestCase("Д", "D")]
    [TestCase("Е", "E")]
    [TestCase("Є", "IE")]
    [TestCase("Ж", "ZH")]
    [TestCase("З", "Z")]
    [TestCase("И", "Y")]
    [TestCase("І", "I")]
    [TestCase("Ї", "I")]
    [TestCase("Й", "I")]
    [TestCase("К", "K")]
    [TestCase("Л", "L")]
    [TestCase("М", "M")]
    [TestCase("Н", "N")]
    [TestCase("О", "O")]
    [TestCase("П", "P")]
    [TestCase("Р", "R")]
    [TestCase("С", "S")]
    [TestCase("Т", "T")]
    [TestCase("У", "U")]
    [TestCase("Ф", "F")]
    [TestCase("Х", "KH")]
    [TestCase("Ц", "TS")]
    [TestCase("Ч", "CH")]
    [TestCase("Ш", "SH")]
    [TestCase("Щ", "SHCH")]
    [TestCase("Ь", "")]
    [TestCase("Ю", "IU")]
    [TestCase("Я", "IA")]
    public void Transliterate_UppercaseLetterInAllCapsWord_GivesUppercaseLatin(string letter, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate("О" + letter), Is.EqualTo("O" + expected));
    }

    [TestCase("Щастя", "Shchastia")]
    [TestCase("ЩАСТЯ", "SHCHASTIA")]
    [TestCase("Щ", "Shch")]
    [TestCase("Ще", "Shche")]
    [TestCase("ЖК", "ZHK")]
    [TestCase("КЖ", "KZH")]
    [TestCase("КИЇВ", "KYIV")]
    [TestCase("ЮРІЙ", "YURII")]
    [TestCase("ЯЛТА", "YALTA")]
    [TestCase("МАР'ЯНА", "MARIANA")]
    [TestCase("ТЕРНОПІЛЬ", "TERNOPIL")]
    [TestCase("ЧЕРНІГІВ Чернігів", "CHERNIHIV Chernihiv")]
    [TestCase("ЩAB", "SHCHAB")]
    public void Transliterate_CapitalLetter_FollowsAllCapsRule(string cyrillic, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(cyrillic), Is.EqualTo(expected));
    }

    [TestCase("Єва", "Yeva")]
    [TestCase("моє", "moie")]
    [TestCase("їжак", "yizhak")]
    [TestCase("Україна", "Ukraina")]
    [TestCase("йод", "yod")]
    [TestCase("мій", "mii")]
    [TestCase("юнак", "yunak")]
    [TestCase("Люба", "Liuba")]
    [TestCase("яблуко", "yabluko")]
    [TestCase("земля", "zemlia")]
    [TestCase("нова Ялта", "nova Yalta")]
    [TestCase("по-їхньому", "po-yikhnomu")]
    [TestCase("(Юрій)", "(Yurii)")]
    [TestCase("2024Я", "2024Ya")]
    [TestCase("xя", "xia")]
    public void Transliterate_IotatedLetter_UsesWordInitialFormOnlyAtWordStart(string cyrillic, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(cyrillic), Is.EqualTo(expected));
    }

    [TestCase("Згорани", "Zghorany")]
    [TestCase("Розгон", "Rozghon")]
    [TestCase("ЗГОРАНИ", "ZGHORANY")]
    [TestCase("зг", "zgh")]
    [TestCase("з горою", "z horoiu")]
    [TestCase("Гза", "Hza")]
    public void Transliterate_ZeFollowedByHe_GivesZgh(string cyrillic, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(cyrillic), Is.EqualTo(expected));
    }

    [TestCase("з'їзд", "zizd")]
    [TestCase("Мар'яна", "Mariana")]
    [TestCase("м’ята", "miata")]
    [TestCase("бʼю", "biu")]
    [TestCase("'Їжак", "Yizhak")]
    [TestCase("п'ять", "piat")]
    public void Transliterate_Apostrophe_IsDroppedAndKeepsLetterInsideWord(string cyrillic, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(cyrillic), Is.EqualTo(expected));
    }

    [TestCase("сіль", "sil")]
    [TestCase("Львів", "Lviv")]
    [TestCase("день", "den")]
    [TestCase("ь", "")]
    public void Transliterate_SoftSign_IsDropped(string cyrillic, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(cyrillic), Is.EqualTo(expected));
    }

    [TestCase("Вы", "Vy")]
    [TestCase("это", "eto")]
    [TestCase("Эра", "Era")]
    [TestCase("ёлка", "yolka")]
    [TestCase("всё", "vsio")]
    [TestCase("подъезд", "podezd")]
    [TestCase("объём", "obiom")]
    public void Transliterate_RussianOnlyLetter_MapsByAnalogy(string cyrillic, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(cyrillic), Is.EqualTo(expected));
    }

    [TestCase("", "")]
    [TestCase("Hello, world! 2024", "Hello, world! 2024")]
    [TestCase("Київ 2024 — столиця", "Kyiv 2024 — stolytsia")]
    [TestCase("Αθήνα", "Αθήνα")]
    [TestCase("  \t", "  \t")]
    public void Transliterate_NonCyrillicCharacters_PassThroughUnchanged(string text, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(text), Is.EqualTo(expected));
    }

    [TestCase("Стрии\u0306", "Stryi")]
    [TestCase("Ки\u0456\u0308в", "Kyiv")]
    public void Transliterate_DecomposedLetter_IsComposedFirst(string cyrillic, string expected)
    {
        Assert.That(UkrainianTransliteration.Transliterate(cyrillic), Is.EqualTo(expected));
    }

    [Test]
    public void Transliterate_NullText_ThrowsArgumentNullException()
    {
        Assert.That(() => UkrainianTransliteration.Transliterate(null!), Throws.ArgumentNullException);
    }

    [TestCase("Новини", "novyny")]
    [TestCase("Щастя", "shchastia")]
    [TestCase("ЩАСТЯ", "shchastia")]
    [TestCase("Експерт-сесія Клубу Мерів", "ekspert-sesiia-klubu-meriv")]
    [TestCase("Біла Церква", "bila-tserkva")]
    [TestCase("З'їзд мерів", "zizd-meriv")]
    [TestCase("Знам’янка", "znamianka")]
    [TestCase("  --Київ--  ", "kyiv")]
    [TestCase("Новини: «Громада» & Ко, 2024 р.", "novyny-hromada-ko-2024-r")]
    [TestCase("Розгон_ідей/2025", "rozghon-idei-2025")]
    public void ToUrlSegment_CyrillicName_GivesLowercaseHyphenatedSegment(string name, string expected)
    {
        Assert.That(UkrainianTransliteration.ToUrlSegment(name), Is.EqualTo(expected));
    }

    [TestCase("Expert Session: Grants 2024!", "expert-session-grants-2024")]
    [TestCase("already-a-slug", "already-a-slug")]
    [TestCase("Café Олег", "cafe-oleh")]
    [TestCase("A   B", "a-b")]
    [TestCase("100%", "100")]
    public void ToUrlSegment_LatinText_PassesThroughNormalized(string name, string expected)
    {
        Assert.That(UkrainianTransliteration.ToUrlSegment(name), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("!!!")]
    [TestCase("—")]
    [TestCase("ьъ'’")]
    [TestCase("Αθήνα")]
    public void ToUrlSegment_NoUsableCharacters_ReturnsEmpty(string name)
    {
        Assert.That(UkrainianTransliteration.ToUrlSegment(name), Is.EqualTo(string.Empty));
    }

    [Test]
    public void ToUrlSegment_NullName_ThrowsArgumentNullException()
    {
        Assert.That(() => UkrainianTransliteration.ToUrlSegment(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void ToUrlSegment_ExactlyMaxLength_IsKept()
    {
        var name = new string('a', 100);

        Assert.That(UkrainianTransliteration.ToUrlSegment(name), Is.EqualTo(name));
    }

    [Test]
    public void ToUrlSegment_LongSingleWord_IsCutAtMaxLength()
    {
        var name = new string('a', 150);

        Assert.That(UkrainianTransliteration.ToUrlSegment(name), Is.EqualTo(new string('a', 100)));
    }

    [Test]
    public void ToUrlSegment_WordEndsExactlyAtMaxLength_KeepsWholeWord()
    {
        var name = new string('a', 100) + " b";

        Assert.That(UkrainianTransliteration.ToUrlSegment(name), Is.EqualTo(new string('a', 100)));
    }

    [Test]
    public void ToUrlSegment_WordCrossesMaxLength_IsCutAtPreviousHyphen()
    {
        var name = new string('a', 60) + " " + new string('b', 60);

        Assert.That(UkrainianTransliteration.ToUrlSegment(name), Is.EqualTo(new string('a', 60)));
    }

    [Test]
    public void ToUrlSegment_OnlyHyphenTooEarly_IsCutAtMaxLength()
    {
        var name = "ab " + new string('c', 150);

        Assert.That(UkrainianTransliteration.ToUrlSegment(name), Is.EqualTo("ab-" + new string('c', 97)));
    }

    [Test]
    public void ToUrlSegment_LongCyrillicTitle_IsCutAtWordBoundary()
    {
        var name = string.Join(" ", Enumerable.Repeat("Київ", 30));
        var expected = string.Join("-", Enumerable.Repeat("kyiv", 20));

        var actual = UkrainianTransliteration.ToUrlSegment(name);

        Assert.That(actual, Is.EqualTo(expected).And.Length.LessThanOrEqualTo(100));
    }
}

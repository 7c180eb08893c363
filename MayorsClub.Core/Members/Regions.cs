namespace MayorsClub.Core.Members;

/// <summary>
/// Ukraine's regions for a member's profile: the 24 oblasts, the Autonomous Republic of Crimea and the cities of Kyiv and
/// Sevastopol, keyed by their ISO 3166-2:UA codes so that the stored value never depends on spelling.
/// </summary>
public static class Regions
{
    private static readonly (string Code, string Ukrainian, string English)[] List =
    [
        ("UA-05", "Вінницька область", "Vinnytsia Oblast"),
        ("UA-07", "Волинська область", "Volyn Oblast"),
        ("UA-12", "Дніпропетровська область", "Dnipropetrovsk Oblast"),
        ("UA-14", "Донецька область", "Donetsk Oblast"),
        ("UA-18", "Житомирська область", "Zhytomyr Oblast"),
        ("UA-21", "Закарпатська область", "Zakarpattia Oblast"),
        ("UA-23", "Запорізька область", "Zaporizhzhia Oblast"),
        ("UA-26", "Івано-Франківська область", "Ivano-Frankivsk Oblast"),
        ("UA-32", "Київська область", "Kyiv Oblast"),
        ("UA-35", "Кіровоградська область", "Kirovohrad Oblast"),
        ("UA-09", "Луганська область", "Luhansk Oblast"),
        ("UA-46", "Львівська область", "Lviv Oblast"),
        ("UA-48", "Миколаївська область", "Mykolaiv Oblast"),
        ("UA-51", "Одеська область", "Odesa Oblast"),
        ("UA-53", "Полтавська область", "Poltava Oblast"),
        ("UA-56", "Рівненська область", "Rivne Oblast"),
        ("UA-59", "Сумська область", "Sumy Oblast"),
        ("UA-61", "Тернопільська область", "Ternopil Oblast"),
        ("UA-63", "Харківська область", "Kharkiv Oblast"),
        ("UA-65", "Херсонська область", "Kherson Oblast"),
        ("UA-68", "Хмельницька область", "Khmelnytskyi Oblast"),
        ("UA-71", "Черкаська область", "Cherkasy Oblast"),
        ("UA-77", "Чернівецька область", "Chernivtsi Oblast"),
        ("UA-74", "Чернігівська область", "Chernihiv Oblast"),
        ("UA-30", "місто Київ", "Kyiv City"),
        ("UA-43", "Автономна Республіка Крим", "Autonomous Republic of Crimea"),
        ("UA-40", "місто Севастополь", "Sevastopol City"),
    ];

    /// <summary>The codes in the order the Ukrainian names sort (the cities and Crimea last), as forms list them.</summary>
    public static IReadOnlyList<string> Codes { get; } = List.Select(region => region.Code).ToArray();

    public static bool IsRegion(string? code) => code is not null && List.Any(region => region.Code == code);

    /// <summary>The region's name in the culture ("uk" or anything else for English); the code itself when unknown.</summary>
    public static string Name(string code, string culture) =>
        List.FirstOrDefault(region => region.Code == code) is { Code: not null } found
            ? culture == "uk" ? found.Ukrainian : found.English
            : code;
}

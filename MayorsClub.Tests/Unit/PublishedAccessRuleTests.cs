using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using NodaTime;
using NodaTime.Text;
using static MayorsClub.Core.Publishing.PublishedSnapshotBuilder;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// The access rule, proved by enumeration: every members-only property of every document type (and block element)
/// holds unique markers, in both cultures and shared; then every public method and property of the read model is
/// called, found by reflection, with every alias, culture, document and key, and everything it returns is serialized
/// and searched. The anonymous viewer must never meet a marker; a member must meet them all (so the search works).
/// </summary>
public sealed class PublishedAccessRuleTests
{
    private static readonly DateTime Built = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 8, 0);
    private static readonly Guid PublicImage = Guid.NewGuid();
    private static readonly string[] Languages = [Cultures.Ukrainian, Cultures.English];

    private readonly DocumentTypeRegistry _types = new();

    /// <summary>Every marker written, with the document type and property it was written to.</summary>
    private readonly List<Marker> _markers = [];

    /// <summary>
    /// Every marker written to a document under a public access rule (for the group "Partners"): in each property that
    /// is not its teaser, public properties too.
    /// </summary>
    private readonly List<Marker> _protected = [];

    private const string ProtectedGroup = "Partners";

    private PublishedSnapshot _snapshot = null!;

    private sealed record Marker(string Text, string ContentType, string Alias, string Where, bool ShadowedForReaders);

    [OneTimeSetUp]
    public void BuildSnapshotWithMarkers() => _snapshot = BuildSnapshot();

    [Test]
    public void TheRegistryHasMembersOnlyProperties_SoTheTestHasSomethingToProve()
    {
        var membersOnly = _types.All.SelectMany(t => t.Properties.Where(p => p.MembersOnly).Select(p => $"{t.Alias}.{p.Alias}")).ToList();

        Assert.That(membersOnly, Is.SupersetOf(new[] { "expertSession.video", "expertSession.videoEmbedUrl", "expertSession.materials" }));
        Assert.That(_markers.Select(m => $"{m.ContentType}.{m.Alias}").Distinct(), Is.SupersetOf(membersOnly));
    }

    [Test]
    public void AnonymousViewer_ReachesNoMembersOnlyValue_ThroughAnyPublicMethodOfTheReadModel()
    {
        var explorer = new ReadModelExplorer(_snapshot, Viewer.Anonymous, _types, _markers.Concat(_protected).Select(m => m.Text));

        explorer.Run();

        TestContext.Out.WriteLine($"{explorer.Calls} calls of the read model's public methods, {explorer.Explored} values explored");
        Assert.That(explorer.Unsupported, Is.Empty, "public read methods whose parameters the test cannot fill: give them a value pool");
        Assert.That(explorer.Calls, Is.GreaterThan(10_000), "the enumeration reached the read model");
        Assert.That(explorer.Found, Is.Empty, "members-only markers an anonymous viewer reached:\n" + string.Join("\n", explorer.Found.Select(f => $"{f.Key} via {f.Value}")));
    }

    [Test]
    public void Member_ReachesEveryMembersOnlyValue_SoTheSearchCanFail()
    {
        var explorer = new ReadModelExplorer(_snapshot, Viewer.Member(Guid.NewGuid(), ["members"]), _types, _markers.Select(m => m.Text));

        explorer.Run();

        var expected = _markers.Where(m => !m.ShadowedForReaders).Select(m => m.Text).ToList();
        Assert.That(explorer.Unsupported, Is.Empty);
        Assert.That(expected, Is.Not.Empty);
        Assert.That(explorer.Found.Keys, Is.SupersetOf(expected),
            "missed: " + string.Join(", ", _markers.Where(m => !m.ShadowedForReaders && !explorer.Found.ContainsKey(m.Text)).Select(m => $"{m.ContentType}.{m.Alias} ({m.Where})")));
    }

    [Test]
    public void MemberOutsideTheRulesGroups_ReachesNoProtectedValue_ThroughAnyPublicMethodOfTheReadModel()
    {
        var explorer = new ReadModelExplorer(_snapshot, Viewer.Member(Guid.NewGuid(), ["Mayors", "CommunityTeams"]), _types, _protected.Select(m => m.Text));

        explorer.Run();

        Assert.That(_protected, Is.Not.Empty);
        Assert.That(explorer.Unsupported, Is.Empty);
        Assert.That(explorer.Found, Is.Empty, "protected markers a member outside the rule's groups reached:\n" + string.Join("\n", explorer.Found.Select(f => $"{f.Key} via {f.Value}")));
    }

    [Test]
    public void MemberOfARulesGroup_ReachesEveryProtectedValue_SoTheSearchCanFail()
    {
        var explorer = new ReadModelExplorer(_snapshot, Viewer.Member(Guid.NewGuid(), ["partners"]), _types, _protected.Select(m => m.Text));

        explorer.Run();

        var expected = _protected.Where(m => !m.ShadowedForReaders).Select(m => m.Text).Distinct().ToList();
        Assert.That(explorer.Found.Keys, Is.SupersetOf(expected),
            "missed: " + string.Join(", ", _protected.Where(m => !m.ShadowedForReaders && !explorer.Found.ContainsKey(m.Text)).Select(m => $"{m.ContentType}.{m.Alias} ({m.Where})")));
    }

    [Test]
    public void ProtectedDocument_ShowsItsTeaser_ToEveryone()
    {
        var session = _snapshot.All.First(d => d.ContentType == ExpertSession.Alias && d.IsProtected);
        var anonymous = _snapshot.For(Viewer.Anonymous).Of(session, "uk");

        Assert.That(anonymous.Name, Is.Not.Null);
        Assert.That(anonymous.Url, Is.Not.Null);
        Assert.That(anonymous.Text(ExpertSession.Summary), Is.EqualTo("public summary"));
        Assert.That(anonymous.Zoned(ExpertSession.Date), Is.Not.Null);
        Assert.That(anonymous.RichText(ExpertSession.Description), Is.Null);
        Assert.That(_snapshot.For(Viewer.Anonymous).MayReadWhole(session), Is.False);
        Assert.That(_snapshot.For(Viewer.Member(Guid.NewGuid(), [ProtectedGroup])).MayReadWhole(session), Is.True);
    }

    [Test]
    public void Rule_AppliesBelow_TheNearestWins_AndRemovingItLiftsItBelow()
    {
        var types = new DocumentTypeRegistry();
        var rows = new List<DocumentRow>
        {
            Plain(1, null, Home.Alias, null), Plain(2, 1, ContentPage.Alias, "Partners"), Plain(3, 2, ContentPage.Alias, null), Plain(4, 3, ContentPage.Alias, "Mayors"),
        };
        var before = PublishedSnapshotBuilder.Build(rows, types, 1, Built);
        var after = PublishedSnapshotBuilder.Apply(before, [Plain(2, 1, ContentPage.Alias, null) with { Source = rows[1].Source, Cultures = rows[1].Cultures }], [], null,
            types, 2, Built);
        var partner = Viewer.Member(Guid.NewGuid(), ["Partners"]);
        var mayor = Viewer.Member(Guid.NewGuid(), ["Mayors"]);

        Assert.That(Whole(before, Viewer.Anonymous), Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(Whole(before, partner), Is.EqualTo(new[] { true, true, true, false }), "the nearest rule up the tree wins");
        Assert.That(Whole(before, mayor), Is.EqualTo(new[] { true, false, false, true }));
        Assert.That(Whole(after, Viewer.Anonymous), Is.EqualTo(new[] { true, true, true, false }), "lifted below, the rule further down stays");
        Assert.That(Whole(after, mayor), Is.EqualTo(new[] { true, true, true, true }));

        static bool[] Whole(PublishedSnapshot snapshot, Viewer viewer) => [.. Enumerable.Range(1, 4).Select(id => snapshot.For(viewer).MayReadWhole(snapshot.Get(id)!))];

        static DocumentRow Plain(int id, int? parent, string type, string? rule) =>
            new(id, Guid.NewGuid(), parent, type, id, id - 1, Built, Built, 1, PublishedSnapshotBuilder.Parse("{}"),
                [new CultureRow("uk", $"doc {id}", $"doc-{id}", Built)], rule);
    }

    [Test]
    public void AnonymousViewer_KnowsAMembersOnlyValueExists_ButReadsNothingOfIt()
    {
        var session = _snapshot.All.First(d => d.ContentType == ExpertSession.Alias && !d.IsProtected);
        var anonymous = _snapshot.For(Viewer.Anonymous).Of(session, "uk");
        var member = _snapshot.For(Viewer.Member(Guid.NewGuid(), [])).Of(session, "uk");

        Assert.That(anonymous.HasValue(ExpertSession.VideoEmbedUrl), Is.True);
        Assert.That(anonymous.MayRead(ExpertSession.VideoEmbedUrl), Is.False);
        Assert.That(anonymous.Text(ExpertSession.VideoEmbedUrl), Is.Null);
        Assert.That(anonymous.Keys(ExpertSession.Materials), Is.Empty);
        Assert.That(anonymous.Text(ExpertSession.Summary), Is.Not.Null, "public values still read");
        Assert.That(member.MayRead(ExpertSession.VideoEmbedUrl), Is.True);
        Assert.That(member.Text(ExpertSession.VideoEmbedUrl), Does.Contain("members-only"));
        Assert.That(member.Keys(ExpertSession.Materials), Is.Not.Empty);
    }

    /// <summary>
    /// A home page, then for every document type two documents: one with members-only markers in both cultures and in
    /// the shared values (the culture's shadow the shared ones for a reader), one with shared markers only.
    /// </summary>
    private PublishedSnapshot BuildSnapshot()
    {
        var rows = new List<DocumentRow>();
        var nextId = 1;
        rows.Add(Row(nextId++, null, _types.Get(Home.Alias), "home", withCultureMarkers: true));
        foreach (var type in _types.All)
        {
            var parent = type.Alias == SiteSettings.Alias ? (int?)null : 1;
            foreach (var withCultureMarkers in new[] { true, false })
            {
                rows.Add(Row(nextId++, parent, type, $"{type.Alias}-{(withCultureMarkers ? "a" : "b")}", withCultureMarkers));
            }
        }

        // A page for partners, and below it a document of every type, each protected by the rule above it.
        var protectedRoot = nextId++;
        rows.Add(Row(protectedRoot, 1, _types.Get(ContentPage.Alias), "for-partners", withCultureMarkers: true, rule: ProtectedGroup));
        foreach (var type in _types.All.Where(t => t.Alias != SiteSettings.Alias))
        {
            rows.Add(Row(nextId++, protectedRoot, type, $"protected-{type.Alias}", withCultureMarkers: true, rule: null, underRule: true));
        }

        var image = new MediaItem(PublicImage, null, false, "Фото", "photo.jpg", MediaFormat.Jpeg, 1000, 800, 600, new FocalPoint(0.5, 0.5),
            new Dictionary<string, string> { ["uk"] = "Опис", ["en"] = "Alt" }, false, 1, Built, "editor@example.org", Built, "token");
        return PublishedSnapshotBuilder.Build(rows, _types, 1, Built, [image]);
    }

    private DocumentRow Row(int id, int? parentId, DocumentType type, string segment, bool withCultureMarkers, string? rule = null, bool underRule = false)
    {
        var isProtected = rule is not null || underRule;
        var values = new ContentValues();
        foreach (var culture in Languages)
        {
            values.Cultures[culture] = new CultureVariant { Name = $"{segment} {culture}" };
        }

        foreach (var property in type.Properties)
        {
            // Under a rule every value but the teaser is protected; a true/false cannot carry a marker, and stays public.
            var marked = isProtected
                ? !PublishedAccess.IsTeaser(type.Alias, property.Alias) && property.Editor != PropertyEditor.TrueFalse
                : property.MembersOnly;
            if (!marked)
            {
                var value = PublicValue(property, type.Alias);
                if (property.VariesByCulture)
                {
                    foreach (var culture in Languages)
                    {
                        values.Cultures[culture].Values[property.Alias] = value?.DeepClone();
                    }
                }
                else
                {
                    values.Invariant[property.Alias] = value;
                }

                continue;
            }

            var into = isProtected ? _protected : _markers;
            values.Invariant[property.Alias] = MarkerValue(property, type.Alias, "shared", shadowed: withCultureMarkers, into);
            if (withCultureMarkers)
            {
                foreach (var culture in Languages)
                {
                    values.Cultures[culture].Values[property.Alias] = MarkerValue(property, type.Alias, culture, shadowed: false, into);
                }
            }
        }

        return new DocumentRow(id, Guid.NewGuid(), parentId, type.Alias, id, parentId is null ? 0 : 1, Built, Built, 1,
            PublishedSnapshotBuilder.Parse(values.ToJson()),
            Languages.Select(c => new CultureRow(c, $"{segment} {c}", $"{segment}-{c}", Built)).ToList(), rule);
    }

    /// <summary>A readable public value of each editor (so the typed reads have something to return), with public blocks.</summary>
    private static JsonNode? PublicValue(PropertyType property, string contentType) => property.Editor switch
    {
        PropertyEditor.Date => "2026-05-11",
        PropertyEditor.DateTimeZoned => ZonedValue.Create(new LocalDateTime(2026, 12, 11, 10, 0), "Europe/Kyiv"),
        PropertyEditor.Number => 12,
        PropertyEditor.TrueFalse => true,
        PropertyEditor.MediaPicker => new JsonArray(PublicImage.ToString()),
        PropertyEditor.ContentPicker => new JsonArray(),
        PropertyEditor.Tags => new JsonArray("громади", "grants"),
        PropertyEditor.Url => "https://example.org/public",
        PropertyEditor.Dropdown => property.Options.Count > 0 ? property.Options[0] : "option",
        PropertyEditor.BlockList => new JsonArray(Block(property, contentType, "public", null)),
        _ => $"public {property.Alias}",
    };

    private JsonNode? MarkerValue(PropertyType property, string contentType, string where, bool shadowed, List<Marker> into)
    {
        string Mark(string text)
        {
            into.Add(new Marker(text, contentType, property.Alias, where, shadowed));
            return text;
        }

        // Dates and numbers of protected documents differ from the members-only ones, so each search finds its own.
        var year = ReferenceEquals(into, _protected) ? "1912" : "1911";
        return property.Editor switch
        {
            PropertyEditor.Date => Mark($"{year}-11-11"),
            PropertyEditor.DateTimeZoned => ZonedValue.Create(LocalDateTime.FromDateTime(DateTime.Parse(Mark($"{year}-11-11T11:11"), System.Globalization.CultureInfo.InvariantCulture)), "Europe/Kyiv"),
            PropertyEditor.Number => decimal.Parse(Mark($"{year}1111"), System.Globalization.CultureInfo.InvariantCulture),
            PropertyEditor.MediaPicker or PropertyEditor.ContentPicker => new JsonArray(Mark(Guid.NewGuid().ToString()), Mark(Guid.NewGuid().ToString())),
            PropertyEditor.Tags => new JsonArray(Mark($"members-only-tag-{Guid.NewGuid():N}")),
            PropertyEditor.Url => Mark($"https://example.org/members-only/{Guid.NewGuid():N}"),
            PropertyEditor.BlockList => new JsonArray(Block(property, contentType, where, Mark)),
            PropertyEditor.TrueFalse => throw new NotSupportedException(
                $"{contentType}.{property.Alias}: a members-only true/false cannot carry a marker; extend this test before adding one"),
            _ => Mark($"members-only {property.Alias} {where} {Guid.NewGuid():N}"),
        };
    }

    /// <summary>A block with each property of its element: marked when <paramref name="mark"/> is given.</summary>
    private static JsonObject Block(PropertyType property, string contentType, string where, Func<string, string>? mark)
    {
        var block = new JsonObject();
        foreach (var inner in property.Element?.Properties ?? [])
        {
            block[inner.Alias] = inner.Editor switch
            {
                PropertyEditor.MediaPicker => new JsonArray(mark is null ? PublicImage.ToString() : mark(Guid.NewGuid().ToString())),
                _ => mark is null ? $"public {inner.Alias}" : mark($"members-only {contentType}.{property.Alias}.{inner.Alias} {where} {Guid.NewGuid():N}"),
            };
        }

        return block;
    }
}

/// <summary>
/// Calls every public method and property of the read model reachable from a snapshot, for one viewer, with every
/// value of the pools below, and searches everything returned (serialized with System.Text.Json, and each string)
/// for the markers. The read model is every public type of MayorsClub.Core reached this way, plus the public static
/// (extension) methods of Core that take one of its types.
/// </summary>
internal sealed class ReadModelExplorer
{
    /// <summary>Public methods that take a delegate: they hand the caller's own function the same public API, nothing more.</summary>
    private static readonly HashSet<string> TakesADelegate = ["PublishedSnapshot.Memo", "DeliveryContentQueries.Run"];

    /// <summary>
    /// The Delivery API's JSON writers (they write to a writer rather than return values): what they write is searched for
    /// every marker through HTTP, item by item and query by query, by MemberLeakTests' API channel and
    /// DeliveryProtectedContentTests; they read values only through the view they are given.
    /// </summary>
    private static readonly HashSet<string> WritersCheckedThroughHttp = ["DeliveryContentJson.WriteItem"];

    /// <summary>Core methods that build a snapshot from rows or a draft: inputs, not reads of published values.</summary>
    private static readonly HashSet<string> Builders = ["PreviewSnapshotBuilder.Build"];

    private static readonly Type[] ReadModelTypes =
        [typeof(PublishedSnapshot), typeof(PublishedView), typeof(PublishedDocument), typeof(PublishedCulture), typeof(PublishedValues), typeof(PublishedBlock)];

    private readonly PublishedSnapshot _snapshot;
    private readonly Viewer _viewer;
    private readonly string[] _markers;
    private readonly SearchValues<string> _search;
    private readonly Dictionary<string, object?[]> _stringsByName;
    private readonly object?[] _allStrings;
    private readonly Queue<(object Value, string Path)> _queue = new();
    private readonly HashSet<string> _seen = [];
    private readonly JsonSerializerOptions _json;
    private readonly List<MethodInfo> _staticReads;

    public ReadModelExplorer(PublishedSnapshot snapshot, Viewer viewer, DocumentTypeRegistry types, IEnumerable<string> markers)
    {
        _snapshot = snapshot;
        _viewer = viewer;
        _markers = markers.ToArray();
        _search = SearchValues.Create(_markers, StringComparison.OrdinalIgnoreCase);
        var aliases = types.All.SelectMany(t => t.Properties)
            .SelectMany(p => new[] { p.Alias }.Concat(p.Element?.Properties.Select(i => i.Alias) ?? []))
            .Append("noSuchProperty").Distinct().Cast<object?>().ToArray();
        object?[] cultures = [Cultures.Ukrainian, Cultures.English, "de"];
        var urls = snapshot.All.SelectMany(d => d.Cultures.Values.Select(c => c.Url)).OfType<string>().Append("/uk/nowhere/").Cast<object?>().ToArray();
        var contentTypes = types.All.Select(t => t.Alias).Append("noSuchType").Cast<object?>().ToArray();
        _allStrings = [.. aliases, .. cultures, .. urls, .. contentTypes, "", null];
        _stringsByName = new(StringComparer.OrdinalIgnoreCase)
        {
            ["alias"] = aliases, ["culture"] = cultures, ["url"] = urls, ["contentType"] = contentTypes,
        };
        _json = new JsonSerializerOptions { WriteIndented = false, Converters = { new StubConverterFactory(), new NodaTimeConverterFactory() } };
        _staticReads = typeof(PublishedSnapshot).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters().Any(p => ReadModelTypes.Contains(p.ParameterType)))
            .Where(m => !Builders.Contains($"{m.DeclaringType!.Name}.{m.Name}"))
            .ToList();
    }

    /// <summary>Each marker met, with the first call path that returned it.</summary>
    public Dictionary<string, string> Found { get; } = [];

    /// <summary>Public methods with a parameter the test has no values for.</summary>
    public SortedSet<string> Unsupported { get; } = [];

    public long Calls { get; private set; }

    public int Explored => _seen.Count;

    public void Run()
    {
        Record(_snapshot, "snapshot");
        foreach (var method in _staticReads)
        {
            Invoke(null, method, method.DeclaringType!.Name);
        }

        while (_queue.TryDequeue(out var next))
        {
            Explore(next.Value, next.Path);
        }
    }

    private void Explore(object target, string path)
    {
        var type = target.GetType();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Record(field.GetValue(target), $"{path}.{field.Name}");
        }

        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.DeclaringType == typeof(object) && method.Name != nameof(ToString)
                || method.Name is nameof(Equals) or nameof(GetHashCode) or "Deconstruct" || method.ReturnType == typeof(void))
            {
                continue;
            }

            Invoke(target, method, path);
        }
    }

    private void Invoke(object? target, MethodInfo method, string path)
    {
        var name = $"{method.DeclaringType!.Name}.{method.Name}";
        var parameters = method.GetParameters();
        if (WritersCheckedThroughHttp.Contains(name))
        {
            return;
        }

        if (method.IsGenericMethodDefinition || parameters.Any(p => typeof(Delegate).IsAssignableFrom(p.ParameterType)))
        {
            if (!TakesADelegate.Contains(name))
            {
                Unsupported.Add($"{name} (generic or takes a delegate)");
            }

            return;
        }

        var pools = new object?[parameters.Length][];
        for (var i = 0; i < parameters.Length; i++)
        {
            if (Pool(parameters[i].ParameterType, parameters[i].Name) is not { } pool)
            {
                Unsupported.Add($"{name}({parameters[i].ParameterType.Name} {parameters[i].Name})");
                return;
            }

            pools[i] = pool;
        }

        foreach (var arguments in Combinations(pools))
        {
            Calls++;
            var call = $"{path}.{method.Name}({string.Join(", ", arguments.Select(Describe))})";
            try
            {
                Record(method.Invoke(target, arguments), call);
            }
            catch (TargetInvocationException failed)
            {
                Check(failed.InnerException?.ToString() ?? "", call + " threw");
            }
        }
    }

    /// <summary>The values a parameter is called with: by its type, and for strings by its name (alias, culture, url, type).</summary>
    private object?[]? Pool(Type type, string? name)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Pool(inner, name) is { } values ? [null, .. values] : null;
        }

        if (type == typeof(string))
        {
            return _stringsByName.GetValueOrDefault(name ?? "") ?? _allStrings;
        }

        if (type == typeof(Viewer))
        {
            return [_viewer];
        }

        if (type == typeof(PublishedSnapshot))
        {
            return [_snapshot];
        }

        if (type == typeof(PublishedView))
        {
            return [_snapshot.For(_viewer)];
        }

        if (type == typeof(PublishedValues))
        {
            return _snapshot.All.SelectMany(d => Cultures.All.Select(c => (object?)_snapshot.For(_viewer).Of(d, c))).ToArray();
        }

        if (type == typeof(PublishedDocument))
        {
            return [.. _snapshot.All];
        }

        if (type == typeof(Guid))
        {
            return [.. _snapshot.All.Select(d => (object?)d.Key), .. _snapshot.Media.Select(m => (object?)m.Key), Guid.Empty];
        }

        if (type == typeof(int))
        {
            return [.. _snapshot.All.Select(d => (object?)d.Id), 0, -1];
        }

        if (type == typeof(Instant))
        {
            return [Instant.FromUtc(2026, 11, 23, 8, 0), Instant.FromUtc(2030, 1, 1, 0, 0)];
        }

        if (type == typeof(bool))
        {
            return [false, true];
        }

        // The calendar's iCal writer: every event of each culture, as the calendar lists them.
        if (type == typeof(IEnumerable<Core.Events.CalendarEntry>))
        {
            return [.. Cultures.All.Select(c => (object?)Core.Events.EventCalendar.Of(_snapshot, c).ByStart)];
        }

        if (type == typeof(Core.Delivery.DeliveryReads))
        {
            return [new Core.Delivery.DeliveryReads()];
        }

        if (type == typeof(Core.Events.IcalContext))
        {
            return [new Core.Events.IcalContext("https://mayorsclub.test", "Events", "Online")];
        }

        return type.IsEnum ? Enum.GetValues(type).Cast<object?>().ToArray() : null;
    }

    private static IEnumerable<object?[]> Combinations(object?[][] pools)
    {
        if (pools.Length == 0)
        {
            yield return [];
            yield break;
        }

        var indexes = new int[pools.Length];
        while (true)
        {
            yield return pools.Select((pool, i) => pool[indexes[i]]).ToArray();
            var position = pools.Length - 1;
            while (position >= 0 && ++indexes[position] == pools[position].Length)
            {
                indexes[position--] = 0;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>Searches a returned value for markers, then explores it (once per distinct value) and what it holds.</summary>
    private void Record(object? value, string path)
    {
        if (value is null)
        {
            return;
        }

        if (value is string text)
        {
            Check(text, path);
            return;
        }

        var type = value.GetType();
        string serialized;
        try
        {
            serialized = JsonSerializer.Serialize(value, type, _json);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            throw new InvalidOperationException($"{path} returned a {type.Name} the test cannot serialize: {e.Message}", e);
        }

        Check(serialized, path);

        // A fresh block (no public identity) is explored each time; any other value once per type and serialized form.
        var identity = value is PublishedBlock ? $"{type.FullName}#{RuntimeHelpers.GetHashCode(value)}" : $"{type.FullName}:{serialized}";
        if (IsReadModelType(type) && _seen.Add(identity))
        {
            _queue.Enqueue((value, path));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            Record(type.GetProperty("Key")!.GetValue(value), path + ".Key");
            Record(type.GetProperty("Value")!.GetValue(value), path + ".Value");
        }
        else if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Record(item, $"{path}[{i++}]");
            }
        }
    }

    /// <summary>A type of Core's own (not an array or collection of one) whose public members are explored.</summary>
    private static bool IsReadModelType(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).Assembly == typeof(PublishedSnapshot).Assembly && !type.IsArray && !type.IsEnum;

    private void Check(string text, string path)
    {
        if (text.AsSpan().IndexOfAny(_search) < 0)
        {
            return;
        }

        foreach (var marker in _markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                Found.TryAdd(marker, path);
            }
        }
    }

    private static string Describe(object? argument) => argument switch
    {
        null => "null",
        string s => $"\"{s}\"",
        PublishedDocument d => $"doc {d.Id}",
        PublishedValues v => $"values {v.Document.Id}/{v.Culture}",
        PublishedView => "view",
        PublishedSnapshot => "snapshot",
        _ => argument.ToString() ?? "",
    };

    /// <summary>Documents, snapshots and views are explored as objects of their own; in other values they are written as a reference.</summary>
    private sealed class StubConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert == typeof(PublishedDocument) || typeToConvert == typeof(PublishedSnapshot) || typeToConvert == typeof(PublishedView);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StubConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class StubConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value switch
        {
            PublishedDocument d => $"document {d.Key}",
            PublishedSnapshot s => $"snapshot {s.Generation}",
            PublishedView v => $"view for {v.Viewer}",
            _ => "",
        });
    }

    /// <summary>NodaTime values as their ISO text (their properties would not show the value as an editor wrote it).</summary>
    private sealed class NodaTimeConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(NodaTimeConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class NodaTimeConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value switch
        {
            LocalDate date => LocalDatePattern.Iso.Format(date),
            LocalDateTime local => LocalDateTimePattern.ExtendedIso.Format(local),
            ZonedDateTime zoned => ZonedDateTimePattern.ExtendedFormatOnlyIso.Format(zoned),
            Instant instant => InstantPattern.ExtendedIso.Format(instant),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });
    }
}

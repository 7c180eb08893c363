using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>The content service's rules against a real database: bad input, conflicts, versions, the tree, the audit log.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ContentRulesTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    [Test]
    public async Task Create_UnknownDocumentType_IsRefused_AndNothingIsSaved()
    {
        var before = await CountRowsAsync();

        var result = await CreateAsync(NewsIndexKey, "pressRelease", Article("Прес-реліз"));

        Assert.That(result.Status, Is.EqualTo(ContentStatus.Invalid));
        Assert.That(result.Errors.Single().Message(Cultures.Ukrainian), Is.EqualTo("Невідомий тип документа «pressRelease»."));
        Assert.That(await CountRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_UnderAParentThatDoesNotAllowIt_IsRefused_AndNothingIsSaved()
    {
        var before = await CountRowsAsync();
        var eventValues = new ContentValues();

        var result = await CreateAsync(NewsIndexKey, Event.Alias, eventValues);

        Assert.That(result.Errors.Single().Code, Is.EqualTo(ContentMessages.ChildNotAllowed));
        Assert.That(result.Errors.Single().Message(Cultures.English), Is.EqualTo("A \"Event\" document is not allowed under \"News list\"."));
        Assert.That(await CountRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_ArticleAtTheRoot_IsRefused()
    {
        var result = await CreateAsync(null, NewsArticle.Alias, Article("Новина в корені"));

        Assert.That(result.Errors.Single().Code, Is.EqualTo(ContentMessages.NotAllowedAtRoot));
    }

    [Test]
    public async Task Create_MissingRequiredField_NamesTheFieldAndCulture_AndNothingIsSaved()
    {
        var before = await CountRowsAsync();
        var values = Article("Новина без тексту", "News without a body");
        values.Cultures[Cultures.English].Values.Remove(NewsArticle.Body);

        var result = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);

        var error = result.Errors.Single();
        Assert.That((error.Code, error.Property, error.Culture), Is.EqualTo((ContentMessages.Required, NewsArticle.Body, Cultures.English)));
        Assert.That(error.Message(Cultures.Ukrainian), Is.EqualTo("Поле «Text» обов'язкове."));
        Assert.That(await CountRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_TooLongSummary_IsRefused()
    {
        var values = Article("Задовгий виклад");
        values.Cultures[Cultures.Ukrainian].Values[NewsArticle.Summary] = new string('а', 501);

        var result = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);

        Assert.That(result.Errors.Single().Message(Cultures.English), Is.EqualTo("The field \"Summary\" is too long: at most 500 characters."));
    }

    [TestCase("11.05.2026")]
    [TestCase("2026-13-01")]
    [TestCase("вчора")]
    public async Task Create_MalformedDate_IsRefused(string date)
    {
        var before = await CountRowsAsync();

        var result = await CreateAsync(NewsIndexKey, NewsArticle.Alias, Article("Новина з поганою датою", date: date));

        Assert.That(result.Errors.Single().Code, Is.EqualTo(ContentMessages.InvalidDate));
        Assert.That(await CountRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Save_FromAStaleVersion_GetsAConflict_AndTheFirstSaveIsKept()
    {
        var article = await CreatedArticleAsync(Unique("Спільний документ"));
        var first = Unique("Правка першого редактора");

        var firstSave = await SaveAsync(article.Key, article.Version, Cultures.Ukrainian, ArticleText(first, "Виклад.", "<p>Текст.</p>"));
        var secondSave = await SaveAsync(article.Key, article.Version, Cultures.Ukrainian, ArticleText("Правка другого", "Виклад.", "<p>Текст.</p>"));

        Assert.That(firstSave.Succeeded);
        Assert.That(secondSave.Status, Is.EqualTo(ContentStatus.Conflict));
        Assert.That(secondSave.Errors.Single().Message(Cultures.English), Does.Contain("Someone else saved this document"));
        Assert.That((await GetAsync(article.Key))!.Cultures[Cultures.Ukrainian].Name, Is.EqualTo(first));
    }

    [Test]
    public async Task Save_TwoEditorsAtTheSameMoment_ExactlyOneWins()
    {
        var article = await CreatedArticleAsync(Unique("Одночасне збереження"));

        var saves = await Task.WhenAll(Enumerable.Range(1, 4).Select(n =>
            SaveAsync(article.Key, article.Version, Cultures.Ukrainian, ArticleText($"Редактор {n}", "Виклад.", "<p>Текст.</p>"))));

        Assert.That(saves.Count(s => s.Succeeded), Is.EqualTo(1));
        Assert.That(saves.Where(s => !s.Succeeded).Select(s => s.Status), Is.All.EqualTo(ContentStatus.Conflict));
        Assert.That((await GetAsync(article.Key))!.Version, Is.EqualTo(article.Version + 1));
    }

    [Test]
    public async Task Save_OneCulture_LeavesTheOtherCultureAsItWas()
    {
        var enTitle = Unique("English title stays");
        var article = await CreatedArticleAsync(Unique("Українська назва"), enTitle);

        await SaveAsync(article.Key, article.Version, Cultures.Ukrainian, ArticleText(Unique("Нова назва"), "Новий виклад.", "<p>Новий текст.</p>"));

        var state = await GetAsync(article.Key);
        Assert.That(state!.Draft.Cultures[Cultures.English].Name, Is.EqualTo(enTitle));
        Assert.That(state.Draft.Cultures[Cultures.English].Values[NewsArticle.Summary]!.GetValue<string>(), Is.EqualTo("A short summary of the news."));
    }

    [Test]
    public async Task Save_InvalidInput_KeepsTheSavedDraftUntouched()
    {
        var title = Unique("Збережена чернетка");
        var article = await CreatedArticleAsync(title);

        var result = await SaveAsync(article.Key, article.Version, Cultures.Ukrainian, ArticleText("", "Виклад.", "<p>Текст.</p>"),
            new Dictionary<string, JsonNode?> { [NewsArticle.Date] = "not a date" });

        Assert.That(result.Errors.Select(e => e.Code), Is.EquivalentTo(new[] { ContentMessages.NameRequired, ContentMessages.InvalidDate }));
        var state = await GetAsync(article.Key);
        Assert.That(state!.Version, Is.EqualTo(article.Version));
        Assert.That(state.Cultures[Cultures.Ukrainian].Name, Is.EqualTo(title));
    }

    [Test]
    public async Task EverySave_IsAVersion_WithWhoAndWhen()
    {
        var article = await CreatedArticleAsync(Unique("Історія змін"));
        await SaveAsync(article.Key, article.Version, Cultures.Ukrainian, ArticleText(Unique("Друга редакція"), "Виклад.", "<p>Текст.</p>"));
        await PublishAsync(article.Key, Cultures.Ukrainian);

        var versions = (await WithServices(s => s.GetRequiredService<DocumentHistory>().VersionsAsync(article.Key)))!;

        Assert.That(versions.Select(v => v.Action), Is.EqualTo(new[] { "publish", "save", "create" }));
        Assert.That(versions.Select(v => v.Number), Is.EqualTo(new[] { 3, 2, 1 }));
        Assert.That(versions, Has.All.Property(nameof(DocumentVersionInfo.CreatedBy)).EqualTo(Editor));
        Assert.That(versions[0].CreatedUtc, Is.EqualTo(Site.Clock.GetCurrentInstant().ToDateTimeUtc()).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task Rollback_RestoresTheDraftOfTheEarlierVersion_AndKeepsHistory()
    {
        var original = Unique("Початкова назва");
        var article = await CreatedArticleAsync(original);
        var saved = await SaveAsync(article.Key, article.Version, Cultures.Ukrainian, ArticleText(Unique("Пізніша назва"), "Інший виклад.", "<p>Інше.</p>"));

        var result = await WithServices(s => s.GetRequiredService<DocumentHistory>().RollbackAsync(
            new DocumentHistory.RollbackCommand(article.Key, 1, saved.Document!.Version, Editor)));

        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.Document!.Draft.Cultures[Cultures.Ukrainian].Name, Is.EqualTo(original));
        Assert.That(result.Document.Draft.Cultures[Cultures.Ukrainian].Values[NewsArticle.Summary]!.GetValue<string>(), Is.EqualTo("Короткий виклад новини."));
        var versions = await WithServices(s => s.GetRequiredService<DocumentHistory>().VersionsAsync(article.Key));
        Assert.That(versions!.Select(v => v.Action), Is.EqualTo(new[] { "rollback to 1", "save", "create" }));
    }

    [Test]
    public async Task Rollback_ToAVersionThatDoesNotExist_IsRefused()
    {
        var article = await CreatedArticleAsync(Unique("Без такої версії"));

        var result = await WithServices(s => s.GetRequiredService<DocumentHistory>().RollbackAsync(
            new DocumentHistory.RollbackCommand(article.Key, 99, article.Version, Editor)));

        Assert.That(result.Errors.Single().Message(Cultures.Ukrainian), Is.EqualTo("Версію 99 не знайдено."));
    }

    [Test]
    public async Task SiblingsWithTheSameName_GetDistinctSegments_ButAnEditorsOwnSegmentMustBeFree()
    {
        var name = Unique("Однакова назва");
        var first = await CreatedArticleAsync(name);
        var second = await CreatedArticleAsync(name);

        var firstSegment = first.Cultures[Cultures.Ukrainian].UrlSegment;
        Assert.That(second.Cultures[Cultures.Ukrainian].UrlSegment, Is.EqualTo(firstSegment + "-2"));

        var values = Article(Unique("Інша назва"));
        values.Cultures[Cultures.Ukrainian].Segment = firstSegment;
        var taken = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);
        Assert.That(taken.Errors.Single().Code, Is.EqualTo(ContentMessages.SegmentTaken));

        values.Cultures[Cultures.Ukrainian].Segment = "vlasnyi-segment-" + Guid.NewGuid().ToString("N")[..6];
        var own = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);
        Assert.That(own.Document!.Cultures[Cultures.Ukrainian].UrlSegment, Is.EqualTo(values.Cultures[Cultures.Ukrainian].Segment));
    }

    [Test]
    public async Task Publish_ACultureNotWrittenYet_IsRefused()
    {
        var article = await CreatedArticleAsync(Unique("Лише українською"));

        var result = await PublishAsync(article.Key, Cultures.English);

        Assert.That(result.Errors.Single().Message(Cultures.English), Is.EqualTo("The \"en\" version has not been written yet: save its text first."));
    }

    [Test]
    public async Task Schedule_InThePast_IsRefused()
    {
        var article = await CreatedArticleAsync(Unique("Минулий розклад"));
        var past = Site.Clock.GetCurrentInstant().ToDateTimeUtc().AddMinutes(-5);

        var result = await WithServices(s => s.GetRequiredService<MayorsClub.Core.Publishing.DocumentPublisher>().ScheduleAsync(
            new MayorsClub.Core.Publishing.DocumentPublisher.ScheduleCommand(article.Key, Cultures.Ukrainian, past, null, Editor)));

        Assert.That(result.Errors.Single().Code, Is.EqualTo(ContentMessages.ScheduleInPast));
    }

    [Test]
    public async Task Move_ChangesTheUrl_AndRefusesAParentThatDoesNotAllowTheType()
    {
        var section = await CreateAsync(HomeKey, ContentPage.Alias, PageValues(Unique("Новий розділ")));
        var page = await CreateAsync(HomeKey, ContentPage.Alias, PageValues(Unique("Сторінка, що переїде")));
        await PublishAsync(section.Document!.Key, Cultures.Ukrainian);
        await PublishAsync(page.Document!.Key, Cultures.Ukrainian);
        var tree = (Func<IServiceProvider, DocumentTree>)(s => s.GetRequiredService<DocumentTree>());

        var refused = await WithServices(s => tree(s).MoveAsync(page.Document.Key, NewsIndexKey, Editor));
        var intoItself = await WithServices(s => tree(s).MoveAsync(section.Document.Key, section.Document.Key, Editor));
        var moved = await WithServices(s => tree(s).MoveAsync(page.Document.Key, section.Document.Key, Editor));

        Assert.That(refused.Errors.Single().Code, Is.EqualTo(ContentMessages.ChildNotAllowed));
        Assert.That(intoItself.Errors.Single().Code, Is.EqualTo(ContentMessages.MoveIntoItself));
        Assert.That(moved.Succeeded, Is.True, string.Join("; ", moved.Errors));
        Assert.That(UrlOf(page.Document.Key, Cultures.Ukrainian),
            Is.EqualTo(UrlOf(section.Document.Key, Cultures.Ukrainian) + page.Document.Cultures[Cultures.Ukrainian].UrlSegment + "/"));
    }

    [Test]
    public async Task Sort_PutsChildrenInTheGivenOrder_OnTheSiteToo()
    {
        var section = await CreateAsync(HomeKey, ContentPage.Alias, PageValues(Unique("Розділ для сортування")));
        await PublishAsync(section.Document!.Key, Cultures.Ukrainian);
        var children = new List<Guid>();
        foreach (var name in new[] { "Перша", "Друга", "Третя" })
        {
            var child = await CreateAsync(section.Document.Key, ContentPage.Alias, PageValues(Unique(name)));
            await PublishAsync(child.Document!.Key, Cultures.Ukrainian);
            children.Add(child.Document.Key);
        }

        var reversed = children.AsEnumerable().Reverse().ToList();
        var sorted = await WithServices(s => s.GetRequiredService<DocumentTree>().SortAsync(section.Document.Key, reversed, Editor));
        var incomplete = await WithServices(s => s.GetRequiredService<DocumentTree>().SortAsync(section.Document.Key, reversed.Take(2).ToList(), Editor));

        Assert.That(sorted.Succeeded);
        Assert.That(Snapshot.Children(Snapshot.Get(section.Document.Key)!).Select(c => c.Key), Is.EqualTo(reversed));
        Assert.That(incomplete.Errors.Single().Code, Is.EqualTo(ContentMessages.SortListMismatch));
    }

    [Test]
    public async Task EveryChange_IsInTheAuditLog_WithWhoAndWhat()
    {
        var article = await CreatedArticleAsync(Unique("Під наглядом"));
        await PublishAsync(article.Key, Cultures.Ukrainian);
        await UnpublishAsync(article.Key, Cultures.Ukrainian);

        var entries = await WithServices(s => s.GetRequiredService<MayorsClubDbContext>().AuditEntries
            .Where(a => a.DocumentKey == article.Key).OrderBy(a => a.Id).ToListAsync());

        Assert.That(entries.Select(e => (e.Action, e.Culture)), Is.EqualTo(new[] { ("create", "uk"), ("publish", "uk"), ("unpublish", "uk") }));
        Assert.That(entries, Has.All.Property(nameof(AuditEntryEntity.User)).EqualTo(Editor));
    }

    private static ContentValues PageValues(string ukName) => new()
    {
        Cultures = { [Cultures.Ukrainian] = new CultureVariant { Name = ukName, Values = { [ContentPage.Body] = "<p>Текст.</p>" } } },
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Diagnostics;
using MayorsClub.Core.Content;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Setup;

/// <summary>
/// Reads the committed demo content (umbraco/demo/content/*.json, in name order, parents first) into a new database
/// through the same editor and publisher an editor uses, so demo content obeys every rule real content does.
/// A date may be written relative to the day of seeding ("@today+21T10:00") so the demo calendar stays current.
/// The pictures the documents pick (umbraco/demo/media.json: fixed keys, kinds, alt texts, focal points) are drawn by
/// <see cref="DemoPictures"/> and put into the media library through the editors' upload first, in the same transaction.
/// </summary>
public sealed partial class DemoContentSeeder(
    DocumentEditor editor, DocumentPublisher publisher, ContentStore store, MediaUploader uploader, IClock clock, ILogger<DemoContentSeeder> logger)
{
    public const string User = "demo-content";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public sealed record DemoDocument(Guid Key, string Type, Guid? Parent, Dictionary<string, string> Names,
        Dictionary<string, string>? Segments, Dictionary<string, Dictionary<string, JsonNode?>>? Values, List<string>? Publish);

    public sealed record DemoPicture(Guid Key, string Kind, string Name, string? Initials, Dictionary<string, string>? AltText, DemoFocalPoint? FocalPoint);

    public sealed record DemoFocalPoint(double X, double Y);

    public async Task<int> SeedAsync(string folder, CancellationToken ct)
    {
        var contentFolder = Path.Combine(folder, "content");
        if (!Directory.Exists(contentFolder))
        {
            logger.LogWarning("No demo content at {Folder}: the new site starts empty", contentFolder);
            return 0;
        }

        var files = Directory.GetFiles(contentFolder, "*.json").Order(StringComparer.Ordinal).ToList();
        var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Kyiv"]).Date;

        // Inside one transaction the publisher does not wait for its changes: start-up loads the snapshot after seeding.
        var count = 0;

        // All or nothing: a broken demo file leaves the database empty, to be seeded again at the next start.
        await using var transaction = await store.Db.Database.BeginTransactionAsync(ct);
        await SeedPicturesAsync(Path.Combine(folder, "media.json"), ct);
        foreach (var file in files)
        {
            var text = ResolveRelativeDates(await File.ReadAllTextAsync(file, ct), today);
            var documents = JsonSerializer.Deserialize<List<DemoDocument>>(text, JsonOptions) ?? [];
            foreach (var demo in documents)
            {
                await SeedDocumentAsync(demo, publisher, Path.GetFileName(file), ct);
                count++;
            }
        }

        await transaction.CommitAsync(ct);

        logger.LogInformation("Demo content: {Count} documents from {Files} files", count, files.Count);
        return count;
    }

    private async Task SeedPicturesAsync(string manifest, CancellationToken ct)
    {
        if (!File.Exists(manifest))
        {
            return;
        }

        var pictures = JsonSerializer.Deserialize<List<DemoPicture>>(await File.ReadAllTextAsync(manifest, ct), JsonOptions) ?? [];
        var watch = Stopwatch.StartNew();
        var drawn = new byte[pictures.Count][];
        Parallel.For(0, pictures.Count, new ParallelOptions { CancellationToken = ct }, i =>
            drawn[i] = DemoPictures.Render(Enum.Parse<DemoPictureKind>(pictures[i].Kind, ignoreCase: true), pictures[i].Key, pictures[i].Initials ?? ""));
        var drawing = watch.Elapsed;

        var images = pictures.Select((p, i) => new MediaUploader.ImportedImage(
            p.Key, drawn[i], p.Name + ".jpg", p.AltText, p.FocalPoint is { } f ? new FocalPoint(f.X, f.Y) : null)).ToList();
        var imported = await uploader.ImportAsync(images, User, ct);
        if (!imported.Succeeded)
        {
            throw new InvalidOperationException($"Demo pictures ({manifest}): {string.Join("; ", imported.Errors.Select(e => e.Message("en")))}");
        }

        logger.LogInformation("Demo content: {Count} pictures drawn in {Drawing} ms, stored in {Total} ms",
            pictures.Count, (long)drawing.TotalMilliseconds, (long)watch.Elapsed.TotalMilliseconds);
    }

    private async Task SeedDocumentAsync(DemoDocument demo, DocumentPublisher publisher, string file, CancellationToken ct)
    {
        var values = new ContentValues();
        foreach (var (alias, value) in demo.Values?.GetValueOrDefault("invariant") ?? [])
        {
            values.Invariant[alias] = value;
        }

        foreach (var (culture, name) in demo.Names)
        {
            values.Cultures[culture] = new CultureVariant
            {
                Name = name,
                Segment = demo.Segments?.GetValueOrDefault(culture),
                Values = demo.Values?.GetValueOrDefault(culture) ?? [],
            };
        }

        var created = await editor.CreateAsync(new DocumentEditor.CreateCommand(demo.Parent, demo.Type, values, User, demo.Key), ct);
        Require(created, demo, file);
        if (demo.Publish is { Count: > 0 } cultures)
        {
            Require(await publisher.PublishAsync(new DocumentPublisher.PublishCommand(demo.Key, cultures, User), ct), demo, file);
        }
    }

    private static void Require(ContentResult result, DemoDocument demo, string file)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo content {file}, document {demo.Key} ({demo.Type}): {string.Join("; ", result.Errors)}");
        }
    }

    internal static string ResolveRelativeDates(string json, LocalDate today) =>
        RelativeDate().Replace(json, match =>
        {
            var days = match.Groups["days"].Success ? int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture) : 0;
            return today.PlusDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        });

    [GeneratedRegex(@"@today(?<days>[+-]\d+)?", RegexOptions.None, 1000)]
    private static partial Regex RelativeDate();}

using System.Text.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Announcements;

public enum PartnerDraftStatus
{
    Created,
    ApplicationNotFound,

    /// <summary>Not a partnership application, or not approved (or its data has been anonymised).</summary>
    NotAnApprovedPartnership,

    /// <summary>There is no partners directory to put the entry in.</summary>
    NoPartnersDirectory,

    /// <summary>The content core refused the draft (see <see cref="PartnerDraftResult.Errors"/>).</summary>
    Invalid,
}

public sealed record PartnerDraftResult(PartnerDraftStatus Status, Guid? DocumentKey = null, IReadOnlyList<ContentError>? Errors = null)
{
    public bool Succeeded => Status == PartnerDraftStatus.Created;
}

/// <summary>
/// Turns an approved partnership application into a draft entry of the partners directory with what the applicant gave:
/// the organisation as the name in both languages, its kind and country, and what it offers as the description in the
/// language of the application. An editor completes it (logo, the other language) and publishes it.
/// </summary>
public sealed class PartnerDrafts(MayorsClubDbContext db, DocumentEditor editor, IClock clock)
{
    public const string AuditAction = "partner draft from application";

    public async Task<PartnerDraftResult> CreateFromApplicationAsync(Guid applicationKey, string actor, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Key == applicationKey, ct);
        if (application is null)
        {
            return new PartnerDraftResult(PartnerDraftStatus.ApplicationNotFound);
        }

        if (application.Form != ApplicationForms.PartnershipName || application.Status != ApplicationStatus.Approved || application.AnonymisedUtc is not null)
        {
            return new PartnerDraftResult(PartnerDraftStatus.NotAnApprovedPartnership);
        }

        var directory = await db.Documents.AsNoTracking()
            .Where(d => d.ContentType == PartnersIndex.Alias && !d.Trashed)
            .OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => (Guid?)d.Key)
            .FirstOrDefaultAsync(ct);
        if (directory is null)
        {
            return new PartnerDraftResult(PartnerDraftStatus.NoPartnersDirectory);
        }

        var data = Fields(application.DataJson);
        var name = Limit(data.GetValueOrDefault("organisation") ?? application.ApplicantName, 200);
        var country = Limit(data.GetValueOrDefault("country"), 100);
        var description = Limit(data.GetValueOrDefault("offer"), 1000);
        var kind = data.GetValueOrDefault("kind") is { } given && Partner.Kinds.Contains(given) ? given : "other";
        var culture = Cultures.IsSupported(application.Culture) ? application.Culture : Cultures.Default;

        var values = new ContentValues();
        values.Invariant[Partner.Kind] = kind;
        if (data.GetValueOrDefault("website") is { Length: > 0 } website && Uri.TryCreate(website, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            values.Invariant[Partner.Website] = website;
        }

        foreach (var each in Cultures.All)
        {
            var variant = new CultureVariant { Name = name ?? "" };
            if (country is not null)
            {
                variant.Values[Partner.Country] = country;
            }

            if (description is not null && each == culture)
            {
                variant.Values[Partner.Description] = description;
            }

            values.Cultures[each] = variant;
        }

        var created = await editor.CreateAsync(new DocumentEditor.CreateCommand(directory, Partner.Alias, values, actor), ct);
        if (!created.Succeeded)
        {
            return new PartnerDraftResult(PartnerDraftStatus.Invalid, Errors: created.Errors);
        }

        var key = created.Document!.Key;
        db.AuditEntries.Add(new AuditEntryEntity
        {
            Utc = clock.GetCurrentInstant().ToDateTimeUtc(), User = actor, Action = AuditAction, DocumentKey = key,
            Details = application.Reference,
        });
        await db.SaveChangesAsync(ct);
        return new PartnerDraftResult(PartnerDraftStatus.Created, key);
    }

    /// <summary>The application's fields as texts (a field stored as a number or a flag reads as its JSON text).</summary>
    private static Dictionary<string, string> Fields(string json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (JsonNode.Parse(json) is JsonObject data)
            {
                foreach (var (name, value) in data)
                {
                    var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        fields[name] = text.Trim();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Unreadable data: the draft gets the applicant's name and nothing else.
        }

        return fields;
    }

    private static string? Limit(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length > length ? text[..length].TrimEnd() : text;
}

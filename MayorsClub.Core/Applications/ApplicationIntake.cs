using System.Globalization;
using System.Text.Json;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Applications;

/// <summary>
/// Takes in a submitted form: checks it, and stores it with its reference number, its history's first line and its
/// e-mails (to the committee and to the applicant) in one transaction, before anything else happens. An event
/// registration is taken only for a published event whose registration is open, and only while places are left:
/// the places are counted in the same transaction, with a concurrency check, so two last-second registrations
/// cannot both take the last place.
/// </summary>
public sealed class ApplicationIntake(
    MayorsClubDbContext db,
    IClock clock,
    PublishedSnapshotService snapshots,
    IApplicationIntakeMail mail,
    IntakeEventPlaces places,
    WriteGate writeGate,
    ILogger<ApplicationIntake> logger)
{
    private const string SubmittedAction = ApplicationActions.Submitted;

    /// <summary>How many times a submission is tried again when the database refused it for a passing reason (a unique key met at the same moment).</summary>
    private const int Attempts = 3;

    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    public async Task<IntakeResult> SubmitAsync(
        ApplicationForm form, string culture, IReadOnlyDictionary<string, string?> submitted, Guid? eventKey, CancellationToken ct)
    {
        var validation = ApplicationValidator.Validate(form, submitted);
        if (!validation.IsValid)
        {
            return new IntakeResult.Invalid(validation.Errors);
        }

        IntakeEvent? intakeEvent = null;
        if (form.Name == ApplicationForms.EventName)
        {
            var found = FindEvent(eventKey, culture);
            if (found is not IntakeEvent known)
            {
                return found as IntakeResult ?? new IntakeResult.EventUnknown();
            }

            intakeEvent = known;
        }

        var participants = intakeEvent is null ? (int?)null : int.Parse(validation.Values["participants"], CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                using var turn = await writeGate.EnterAsync(ct);
                return await TryStoreAsync(form, culture, validation.Values, intakeEvent, participants, ct);
            }
            catch (DbUpdateException exception) when (attempt < Attempts)
            {
                // The counters wait for each other, so this is rare (e.g. a unique key met at the same moment): start again.
                logger.LogDebug(exception, "Submission of {Form} met a concurrent one (attempt {Attempt}); trying again", form.Name, attempt);
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 25 * attempt), ct);
            }
        }
    }

    /// <summary>The event as the public sees it (the published snapshot, never the drafts), or why one cannot register.</summary>
    private object FindEvent(Guid? eventKey, string culture)
    {
        if (eventKey is not { } key)
        {
            return new IntakeResult.EventUnknown();
        }

        var view = snapshots.Current.For(Viewer.Anonymous);
        var document = view.Get(key);
        if (document is null || document.ContentType != Event.Alias || !view.MayReadWhole(document))
        {
            return new IntakeResult.EventUnknown();
        }

        var eventCulture = document.IsVisibleIn(culture) ? culture : document.Cultures.Keys.FirstOrDefault();
        if (eventCulture is null)
        {
            return new IntakeResult.EventUnknown();
        }

        var values = view.Of(document, eventCulture);
        if (values.Registration(clock.GetCurrentInstant()).Status != RegistrationStatus.Open)
        {
            return new IntakeResult.EventClosed();
        }

        // The committee reads about the event in Ukrainian; the applicant in their language.
        var name = document.Name(Content.Cultures.Ukrainian) ?? document.Name(eventCulture) ?? "";
        var applicantName = document.Name(culture) ?? name;
        var capacity = values.Integer(Event.Capacity);
        return new IntakeEvent(key, name, applicantName, capacity is > 0 ? capacity : null);
    }

    private async Task<IntakeResult> TryStoreAsync(
        ApplicationForm form, string culture, IReadOnlyDictionary<string, string> values, IntakeEvent? intakeEvent, int? participants,
        CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var utc = now.ToDateTimeUtc();
        var year = now.InZone(Kyiv).Year;

        // On PostgreSQL the number is taken by its own statement before the transaction: the year's counter row is then
        // locked for that statement only, and submissions commit side by side instead of one after another (a submission
        // that fails after it leaves a gap in the numbers, as a sequence would). SQLite has one writer at a time anyway,
        // and there one transaction is one commit less.
        int? number = db is PostgreSqlMayorsClubDbContext ? await NextNumberAsync(year, ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        int? takenAfter = null;

        // Each of the two counters is raised by one statement that also checks and returns it: the row stays locked until
        // this transaction ends, so concurrent submissions wait their turn instead of failing and trying again.
        if (intakeEvent is not null)
        {
            var taken = await TakePlacesAsync(intakeEvent, participants!.Value, ct);
            if (taken is null)
            {
                var takenNow = await db.EventPlaces.AsNoTracking().Where(p => p.EventKey == intakeEvent.Key).Select(p => p.Taken).SingleAsync(ct);
                await transaction.RollbackAsync(ct);
                places.Remember(intakeEvent.Key, takenNow);
                return new IntakeResult.EventFull(Math.Max(0, intakeEvent.Capacity!.Value - takenNow));
            }

            takenAfter = taken;
        }

        number ??= await NextNumberAsync(year, ct);
        var reference = ReferenceOf(year, number.Value);
        var application = new ApplicationEntity
        {
            Key = Guid.NewGuid(),
            Reference = reference,
            Year = year,
            Number = number.Value,
            Form = form.Name,
            Culture = culture,
            Status = ApplicationStatus.New,
            SubmittedUtc = utc,
            UpdatedUtc = utc,
            ApplicantName = values.GetValueOrDefault(form.ApplicantNameField, ""),
            ApplicantEmail = values.GetValueOrDefault(form.ApplicantEmailField, ""),
            DataJson = JsonSerializer.Serialize(values),
            EventKey = intakeEvent?.Key,
            Participants = participants,
            Version = 1,
        };
        application.Notes.Add(new ApplicationNoteEntity { Utc = utc, User = application.ApplicantEmail, Action = SubmittedAction });
        db.Applications.Add(application);

        await mail.QueueAsync(
            new SubmittedApplication(form, culture, reference, application.Key, values, application.ApplicantName, application.ApplicantEmail,
                utc, intakeEvent?.CommitteeName, intakeEvent?.ApplicantName),
            ct);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (intakeEvent is not null && takenAfter is { } placesTaken)
        {
            places.Remember(intakeEvent.Key, placesTaken);
        }

        return new IntakeResult.Accepted(reference, application.Key);
    }

    /// <summary>Raises the year's counter (creating it for the year's first application) and returns the number it gives.</summary>
    private async Task<int> NextNumberAsync(int year, CancellationToken ct)
    {
        for (var first = true; ; first = false)
        {
            var numbers = await db.Database.SqlQuery<int>(
                $"""UPDATE "ApplicationCounters" SET "Last" = "Last" + 1, "Version" = "Version" + 1 WHERE "Year" = {year} RETURNING "Last" AS "Value" """)
                .ToListAsync(ct);
            if (numbers.Count == 1 || !first)
            {
                return numbers.Single();
            }

            // The year's first application.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "ApplicationCounters" ("Year", "Last", "Version") VALUES ({year}, 0, 0) ON CONFLICT ("Year") DO NOTHING""", ct);
        }
    }

    /// <summary>Takes the places if the capacity allows and returns how many are then taken; null when the event is full.</summary>
    private async Task<int?> TakePlacesAsync(IntakeEvent intakeEvent, int participants, CancellationToken ct)
    {
        var key = intakeEvent.Key;
        var capacity = intakeEvent.Capacity ?? int.MaxValue;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "EventPlaces" ("EventKey", "Taken", "Version") VALUES ({key}, 0, 0) ON CONFLICT ("EventKey") DO NOTHING""", ct);
        var taken = await db.Database.SqlQuery<int>(
            $"""
            UPDATE "EventPlaces" SET "Taken" = "Taken" + {participants}, "Version" = "Version" + 1
            WHERE "EventKey" = {key} AND "Taken" + {participants} <= {capacity}
            RETURNING "Taken" AS "Value"
            """).ToListAsync(ct);
        return taken.Count == 0 ? null : taken[0];
    }

    /// <summary>"MC-2026-0042": the year and that year's number, four digits at least.</summary>
    public static string ReferenceOf(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"MC-{year}-{number:D4}");

    private sealed record IntakeEvent(Guid Key, string CommitteeName, string ApplicantName, int? Capacity);
}

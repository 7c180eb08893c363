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
    ILogger<ApplicationIntake> logger)
{
    private const string SubmittedAction = ApplicationActions.Submitted;

    /// <summary>How many times a submission is tried again after another one changed the same counter first.</summary>
    private const int Attempts = 8;

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
                return await TryStoreAsync(form, culture, validation.Values, intakeEvent, participants, ct);
            }
            catch (DbUpdateException exception) when (attempt < Attempts)
            {
                // Another submission raised the same counter (or made the same new row) first: read again and re-check.
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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        if (intakeEvent is not null)
        {
            var row = await db.EventPlaces.FirstOrDefaultAsync(p => p.EventKey == intakeEvent.Key, ct);
            var taken = row?.Taken ?? 0;
            if (intakeEvent.Capacity is { } capacity && taken + participants!.Value > capacity)
            {
                places.Remember(intakeEvent.Key, taken);
                return new IntakeResult.EventFull(Math.Max(0, capacity - taken));
            }

            if (row is null)
            {
                db.EventPlaces.Add(new EventPlacesEntity { EventKey = intakeEvent.Key, Taken = participants!.Value, Version = 1 });
            }
            else
            {
                row.Taken += participants!.Value;
                row.Version++;
            }
        }

        var year = now.InZone(Kyiv).Year;
        var counter = await db.ApplicationCounters.FirstOrDefaultAsync(c => c.Year == year, ct);
        if (counter is null)
        {
            counter = new ApplicationCounterEntity { Year = year, Last = 1, Version = 1 };
            db.ApplicationCounters.Add(counter);
        }
        else
        {
            counter.Last++;
            counter.Version++;
        }

        var reference = ReferenceOf(year, counter.Last);
        var application = new ApplicationEntity
        {
            Key = Guid.NewGuid(),
            Reference = reference,
            Year = year,
            Number = counter.Last,
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
        if (intakeEvent is not null)
        {
            places.Remember(intakeEvent.Key, db.EventPlaces.Local.Single(p => p.EventKey == intakeEvent.Key).Taken);
        }

        return new IntakeResult.Accepted(reference, application.Key);
    }

    /// <summary>"MC-2026-0042": the year and that year's number, four digits at least.</summary>
    public static string ReferenceOf(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"MC-{year}-{number:D4}");

    private sealed record IntakeEvent(Guid Key, string CommitteeName, string ApplicantName, int? Capacity);
}

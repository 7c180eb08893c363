using System.Text.Json;
using MayorsClub.Core.Members;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Applications;

/// <summary>
/// The committee's review of applications (back office and Management API alike): the list with filters, the detail,
/// taking one up, approving, rejecting or closing it with an optional message to the applicant (e-mailed in their
/// language in the same transaction), internal notes, and erasing an applicant's data on request. Every change writes
/// a history row and an audit entry. A decision names the version the reviewer started from; a stale one is refused whole.
/// </summary>
public sealed class ApplicationReview(
    MayorsClubDbContext db,
    IntakeEventPlaces eventPlaces,
    UserChanges changes,
    IApplicationDecisionMail mail,
    MemberAdministration members,
    MemberDirectory directory,
    UserManager<Member> memberAccounts,
    IClock clock)
{
    public const int MaxTake = 500;
    public const int MaxExport = 10_000;
    public const int MaxMessageLength = 4000;
    public const int MaxTextFilter = 200;

    internal static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    /// <summary>Applications matching the query, newest first.</summary>
    public async Task<ApplicationPage> ListAsync(ApplicationQuery query, CancellationToken ct)
    {
        var text = query.Text?.Trim() ?? "";
        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 0, MaxTake);
        var rows = Filtered(query).OrderByDescending(a => a.SubmittedUtc).ThenByDescending(a => a.Id);
        if (text.Length == 0)
        {
            var total = await rows.CountAsync(ct);
            var page = await rows.Skip(skip).Take(take).ToListAsync(ct);
            return new ApplicationPage(page.Select(Summarize).ToList(), total);
        }

        // Text is matched in memory: the fields are JSON (escaped Cyrillic), and SQLite folds the case of Latin letters only.
        var matching = (await rows.ToListAsync(ct)).Where(a => Matches(a, text)).ToList();
        return new ApplicationPage(matching.Skip(skip).Take(take).Select(Summarize).ToList(), matching.Count);
    }

    /// <summary>Every application matching the query (paging ignored; at most <see cref="MaxExport"/>), newest first, without history.</summary>
    public async Task<IReadOnlyList<ApplicationDetail>> ExportAsync(ApplicationQuery query, CancellationToken ct)
    {
        var text = query.Text?.Trim() ?? "";
        var rows = await Filtered(query).OrderByDescending(a => a.SubmittedUtc).ThenByDescending(a => a.Id).ToListAsync(ct);
        return rows.Where(a => text.Length == 0 || Matches(a, text)).Take(MaxExport).Select(a => Detail(a, [])).ToList();
    }

    /// <summary>New applications (status new), newest first, and how many there are: the dashboard's panel.</summary>
    public async Task<(int Count, IReadOnlyList<ApplicationSummary> Latest)> NewAsync(int take, CancellationToken ct)
    {
        var rows = db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.New);
        var count = await rows.CountAsync(ct);
        var latest = await rows.OrderByDescending(a => a.SubmittedUtc).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return (count, latest.Select(Summarize).ToList());
    }

    public async Task<ApplicationDetail?> GetAsync(Guid key, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Notes).FirstOrDefaultAsync(a => a.Key == key, ct);
        return application is null ? null : Detail(application, application.Notes);
    }

    /// <summary>Takes a new application up (status "review").</summary>
    public Task<ReviewResult> MarkInReviewAsync(Guid key, int expectedVersion, string actor, CancellationToken ct) =>
        ChangeAsync(key, expectedVersion, actor, application =>
            application.Status == ApplicationStatus.New ? null : ReviewErrors.NotAllowed,
            (application, now) =>
            {
                application.Status = ApplicationStatus.InReview;
                AddHistory(application, now, actor, ApplicationActions.Review, null, isInternal: true);
                return Task.CompletedTask;
            }, ct);

    /// <summary>
    /// Approves, rejects or closes the application and e-mails the applicant in their language (the reviewer's message in
    /// it, when given; closing e-mails only when there is a message). Approving a membership or partnership application
    /// first makes the member (or adds the group to the member who already has that e-mail address); rejecting an event
    /// registration gives its places back.
    /// </summary>
    public async Task<ReviewResult> DecideAsync(
        Guid key, ApplicationDecision decision, string? message, int expectedVersion, string actor, CancellationToken ct)
    {
        message = string.IsNullOrWhiteSpace(message) ? null : message.Trim().ReplaceLineEndings("\n");
        if (message is { Length: > MaxMessageLength })
        {
            return ReviewResult.Refused(ReviewErrors.MessageTooLong);
        }

        var current = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Key == key, ct);
        if (current is null)
        {
            return ReviewResult.NotFound();
        }

        if (current.Version != expectedVersion)
        {
            return ReviewResult.Stale();
        }

        if (Refusal(current, decision) is { } refusal)
        {
            return ReviewResult.Refused(refusal);
        }

        // The member is made in its own transaction (MemberAdministration's, with its invitation), before the decision is
        // saved: if the decision then meets a concurrent change, approving again finds the member and does not make a second.
        var account = new MemberStep(MemberAccountOutcome.None, null, null, null);
        Guid? released = null;
        if (decision == ApplicationDecision.Approve && current.Form is ApplicationForms.MembershipName or ApplicationForms.PartnershipName)
        {
            account = await EnsureMemberAsync(current, actor, ct);
            if (account.Errors is not null)
            {
                return new ReviewResult(ReviewOutcome.Refused, ReviewErrors.MemberRefused, MemberErrors: account.Errors);
            }
        }

        var result = await ChangeAsync(key, expectedVersion, actor, application => Refusal(application, decision), async (application, now) =>
        {
            application.Status = decision switch
            {
                ApplicationDecision.Approve => ApplicationStatus.Approved,
                ApplicationDecision.Reject => ApplicationStatus.Rejected,
                _ => ApplicationStatus.Closed,
            };
            AddHistory(application, now, actor, ApplicationActions.Of(decision), message, isInternal: false);
            if (account.Id is { } memberId)
            {
                application.MemberId = memberId;
                AddHistory(application, now, actor,
                    account.Outcome == MemberAccountOutcome.Created ? ApplicationActions.MemberCreated : ApplicationActions.MemberGroupAdded,
                    account.Group, isInternal: true);
            }

            if (decision == ApplicationDecision.Reject && application.EventKey is { } eventKey && application.Participants is > 0)
            {
                await ReleasePlacesAsync(eventKey, application.Participants.Value, ct);
                released = eventKey;
            }

            if (decision != ApplicationDecision.Close || message is not null)
            {
                mail.QueueDecision(Detail(application, application.Notes), decision, message, account.Outcome);
            }
        }, ct);

        if (result.Succeeded && released is { } releasedEvent)
        {
            eventPlaces.Forget(releasedEvent);
        }

        return result.Succeeded ? result with { MemberId = account.Id, Member = account.Outcome, MemberGroup = account.Group } : result;
    }

    /// <summary>An internal note for the committee (never sent). It does not change the application's version, so it never makes a colleague's decision stale.</summary>
    public async Task<ReviewResult> AddNoteAsync(Guid key, string? text, string actor, CancellationToken ct)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
        if (text is null)
        {
            return ReviewResult.Refused(ReviewErrors.NoteRequired);
        }

        if (text.Length > MaxMessageLength)
        {
            return ReviewResult.Refused(ReviewErrors.MessageTooLong);
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Key == key, ct);
        if (application is null)
        {
            return ReviewResult.NotFound();
        }

        var now = Now;
        AddHistory(application, now, actor, ApplicationActions.Note, text, isInternal: true);
        Audit(now, actor, ApplicationActions.Note, application.Reference);
        await db.SaveChangesAsync(ct);
        return new ReviewResult(ReviewOutcome.Done, Application: await GetAsync(key, ct));
    }

    /// <summary>
    /// Erases the applicant's personal data on their request: name, e-mail and every field are replaced, and the texts of
    /// the notes and messages (they speak of the person) are removed; the reference, form, status, dates and the history
    /// of who did what stay. A member account made from the application is not deleted (that is the members section's).
    /// </summary>
    public Task<ReviewResult> EraseAsync(Guid key, int expectedVersion, string actor, CancellationToken ct) =>
        ChangeAsync(key, expectedVersion, actor, application => application.AnonymisedUtc is null ? null : ReviewErrors.Anonymised,
            (application, now) => AnonymiseAsync(application, now, actor, ApplicationActions.Erase, ct), ct, allowAnonymised: true);

    /// <summary>
    /// Replaces the personal data (the caller saves), removes the application's e-mails from the outbox (sent or not:
    /// every one names it by its reference in the subject and carries the applicant's data), and writes the history row
    /// and audit entry.
    /// </summary>
    internal async Task AnonymiseAsync(ApplicationEntity application, DateTime now, string actor, string action, CancellationToken ct)
    {
        var reference = application.Reference;
        // "MC-2026-1000" is also the start of "MC-2026-10000": only a reference not followed by a digit is this one.
        var emails = await db.OutboxMessages.Where(m => m.Subject.Contains(reference)).ToListAsync(ct);
        db.OutboxMessages.RemoveRange(emails.Where(m => NamesReference(m.Subject, reference)));
        application.ApplicantName = "";
        application.ApplicantEmail = "";
        application.DataJson = "{}";
        application.AnonymisedUtc = now;
        foreach (var note in application.Notes)
        {
            note.Text = null;
        }

        AddHistory(application, now, actor, action, null, isInternal: true);
        Audit(now, actor, action, application.Reference);
    }

    private sealed record MemberStep(MemberAccountOutcome Outcome, Guid? Id, string? Group, IReadOnlyList<MemberError>? Errors);

    /// <summary>
    /// The member for an approved membership (group Mayors, or Community teams for a team member) or partnership
    /// (Partners): created with an invitation, or, when the e-mail address has an account, that account gains the group.
    /// </summary>
    private async Task<MemberStep> EnsureMemberAsync(ApplicationEntity application, string actor, CancellationToken ct)
    {
        var values = Values(application.DataJson);
        string Get(string name) => values.TryGetValue(name, out var value) ? value : "";
        var membership = application.Form == ApplicationForms.MembershipName;
        var group = !membership ? MemberGroups.Partners
            : Get("position") == "communityTeam" ? MemberGroups.CommunityTeams
            : MemberGroups.Mayors;
        var email = application.ApplicantEmail.Length > 0 ? application.ApplicantEmail : Get("email");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await memberAccounts.FindByEmailAsync(email) is { } existing)
            {
                var summary = await directory.GetAsync(existing.Id, ct);
                if (summary is not null && !summary.Groups.Contains(group, StringComparer.Ordinal))
                {
                    var updated = await members.UpdateAsync(existing.Id, new MemberFields(summary.Name, summary.Email, summary.Position,
                        summary.Community, summary.Region, summary.Phone, summary.PreferredCulture, [.. summary.Groups, group]), actor, ct);
                    if (!updated.Succeeded)
                    {
                        return new MemberStep(MemberAccountOutcome.None, null, group, updated.Errors);
                    }
                }

                return new MemberStep(MemberAccountOutcome.Existing, existing.Id, group, null);
            }

            var position = membership && ApplicationForms.Membership.Field("position") is { } field && Get("position").Length > 0
                ? ApplicationTexts.Get(field.OptionKey(Get("position")), application.Culture)
                : "";
            var fields = membership
                ? new MemberFields(Get("fullName"), email, position, Get("community"), Get("region"), Get("phone"), application.Culture, [group])
                : new MemberFields(Get("contactPerson"), email, "", Get("organisation"), "", Get("phone"), application.Culture, [group]);
            var created = await members.CreateAsync(fields, actor, ct);
            if (created.Succeeded)
            {
                return new MemberStep(MemberAccountOutcome.Created, created.Id, group, null);
            }

            if (created.Status != MemberStatus.EmailTaken)
            {
                return new MemberStep(MemberAccountOutcome.None, null, group, created.Errors);
            }
            // Someone made that account a moment ago: add the group to it instead.
        }

        return new MemberStep(MemberAccountOutcome.None, null, group, [new MemberError("email", MemberErrors.EmailTaken)]);
    }

    /// <summary>Why the decision is not possible for the application now, or null.</summary>
    private static string? Refusal(ApplicationEntity application, ApplicationDecision decision)
    {
        if (application.AnonymisedUtc is not null)
        {
            return ReviewErrors.Anonymised;
        }

        return decision switch
        {
            // A contact message is answered and closed, never approved or rejected.
            ApplicationDecision.Approve or ApplicationDecision.Reject when application.Form == ApplicationForms.ContactName => ReviewErrors.NotAllowed,
            ApplicationDecision.Approve or ApplicationDecision.Reject when !ApplicationStatus.IsOpen(application.Status) => ReviewErrors.NotAllowed,
            ApplicationDecision.Close when application.Status == ApplicationStatus.Closed => ReviewErrors.NotAllowed,
            _ => null,
        };
    }

    /// <summary>
    /// One change of an application in a transaction with its history, audit entry and e-mails: refused whole when the
    /// version is not the one the reviewer started from. A concurrent change of an event's places (a registration at the
    /// same moment) is retried; a concurrent change of the application is stale.
    /// </summary>
    private async Task<ReviewResult> ChangeAsync(
        Guid key, int expectedVersion, string actor, Func<ApplicationEntity, string?> refusal, Func<ApplicationEntity, DateTime, Task> change,
        CancellationToken ct, bool allowAnonymised = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await using var transaction = await changes.BeginAsync(ct);
                var application = await db.Applications.Include(a => a.Notes).FirstOrDefaultAsync(a => a.Key == key, ct);
                if (application is null)
                {
                    return ReviewResult.NotFound();
                }

                if (application.Version != expectedVersion)
                {
                    return ReviewResult.Stale();
                }

                if (!allowAnonymised && application.AnonymisedUtc is not null)
                {
                    return ReviewResult.Refused(ReviewErrors.Anonymised);
                }

                if (refusal(application) is { } error)
                {
                    return ReviewResult.Refused(error);
                }

                var now = Now;
                var action = application.Notes.Count;
                await change(application, now);
                application.UpdatedUtc = now;
                application.Version++;
                foreach (var added in application.Notes.Skip(action).Where(n => n.Action != ApplicationActions.Erase && n.Action != ApplicationActions.Anonymise))
                {
                    Audit(now, actor, added.Action, application.Reference);
                }

                await transaction.CommitAsync(ct);
                return new ReviewResult(ReviewOutcome.Done, Application: Detail(application, application.Notes));
            }
            catch (DbUpdateConcurrencyException error) when (attempt < 3)
            {
                if (error.Entries.Any(e => e.Entity is ApplicationEntity))
                {
                    db.ChangeTracker.Clear();
                    return ReviewResult.Stale();
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return ReviewResult.Stale();
            }
        }
    }

    private async Task ReleasePlacesAsync(Guid eventKey, int participants, CancellationToken ct)
    {
        if (await db.EventPlaces.FirstOrDefaultAsync(p => p.EventKey == eventKey, ct) is { } places)
        {
            places.Taken = Math.Max(0, places.Taken - participants);
            places.Version++;
        }
    }

    internal static bool NamesReference(string subject, string reference)
    {
        for (var at = subject.IndexOf(reference, StringComparison.Ordinal); at >= 0; at = subject.IndexOf(reference, at + 1, StringComparison.Ordinal))
        {
            var end = at + reference.Length;
            if (end == subject.Length || !char.IsAsciiDigit(subject[end]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddHistory(ApplicationEntity application, DateTime now, string actor, string action, string? text, bool isInternal) =>
        application.Notes.Add(new ApplicationNoteEntity
        {
            ApplicationId = application.Id, Utc = now, User = actor, Action = action, Text = text, IsInternal = isInternal,
        });

    /// <summary>The audit log names the application by its reference only: every back-office user reads the log.</summary>
    private void Audit(DateTime now, string actor, string action, string reference) =>
        db.AuditEntries.Add(new AuditEntryEntity { Utc = now, User = actor, Action = ApplicationActions.Audit(action), Details = reference });

    private DateTime Now => clock.GetCurrentInstant().ToDateTimeUtc();

    private IQueryable<ApplicationEntity> Filtered(ApplicationQuery query)
    {
        var rows = db.Applications.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Form))
        {
            rows = rows.Where(a => a.Form == query.Form);
        }

        if (!string.IsNullOrEmpty(query.Status))
        {
            rows = rows.Where(a => a.Status == query.Status);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.AtStartOfDayInZone(Kyiv).ToDateTimeUtc();
            rows = rows.Where(a => a.SubmittedUtc >= fromUtc);
        }

        if (query.To is { } to)
        {
            var untilUtc = to.PlusDays(1).AtStartOfDayInZone(Kyiv).ToDateTimeUtc();
            rows = rows.Where(a => a.SubmittedUtc < untilUtc);
        }

        return rows;
    }

    private static bool Matches(ApplicationEntity application, string text) =>
        application.Reference.Contains(text, StringComparison.OrdinalIgnoreCase)
        || application.ApplicantName.Contains(text, StringComparison.OrdinalIgnoreCase)
        || application.ApplicantEmail.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Values(application.DataJson).Values.Any(value => value.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static ApplicationSummary Summarize(ApplicationEntity a) =>
        new(a.Key, a.Reference, a.Form, a.Status, a.Culture, a.ApplicantName, a.ApplicantEmail, Utc(a.SubmittedUtc), Utc(a.UpdatedUtc), a.AnonymisedUtc is not null);

    private static ApplicationDetail Detail(ApplicationEntity a, IEnumerable<ApplicationNoteEntity> notes) =>
        new(a.Key, a.Reference, a.Form, a.Status, a.Culture, Values(a.DataJson), a.ApplicantName, a.ApplicantEmail, Utc(a.SubmittedUtc),
            notes.OrderBy(n => n.Utc).ThenBy(n => n.Id).Select(n => new ApplicationHistoryEntry(Utc(n.Utc), n.User, n.Action, n.Text, n.IsInternal)).ToList(),
            Utc(a.UpdatedUtc), a.Version, a.EventKey, a.Participants, a.MemberId, a.AnonymisedUtc is { } at ? Utc(at) : null);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>The fields as text by name: strings as they are, numbers and true/false as written, anything else as JSON.</summary>
    internal static IReadOnlyDictionary<string, string> Values(string json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return values;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? "",
                    JsonValueKind.Null or JsonValueKind.Undefined => "",
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to show rather than a failed page.
        }

        return values;
    }
}

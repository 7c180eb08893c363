using System.Text.Json;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// Stored applications for the review's tests, written straight to the database as the intake stores them (the fields
/// as JSON under the form's names, the applicant's name and e-mail as columns).
/// </summary>
internal static class Applications
{
    private static int _number = Random.Shared.Next(100, 900) * 10;

    internal sealed record Stored(Guid Key, string Reference, string Email);

    public static async Task<Stored> InsertAsync(
        TestSite site, string form, string culture, IReadOnlyDictionary<string, string> values, string status = ApplicationStatus.New,
        DateTime? submittedUtc = null, DateTime? updatedUtc = null, Guid? eventKey = null, int? participants = null)
    {
        var declared = ApplicationForms.Find(form) ?? throw new ArgumentException(form, nameof(form));
        var submitted = submittedUtc ?? site.Clock.GetCurrentInstant().ToDateTimeUtc();
        var number = Interlocked.Increment(ref _number);
        var application = new ApplicationEntity
        {
            Key = Guid.NewGuid(),
            Reference = $"MC-{submitted.Year}-{number:D5}",
            Year = submitted.Year,
            Number = number,
            Form = form,
            Culture = culture,
            Status = status,
            SubmittedUtc = submitted,
            UpdatedUtc = updatedUtc ?? submitted,
            ApplicantName = values[declared.ApplicantNameField],
            ApplicantEmail = values[declared.ApplicantEmailField],
            DataJson = JsonSerializer.Serialize(values),
            EventKey = eventKey,
            Participants = participants,
        };
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return new Stored(application.Key, application.Reference, application.ApplicantEmail);
    }

    public static Dictionary<string, string> Membership(string name, string email, string position = "currentMayor", string community = "Бучанська міська громада") => new()
    {
        ["fullName"] = name, ["position"] = position, ["community"] = community, ["region"] = "UA-32", ["email"] = email,
        ["phone"] = "+380501234567", ["website"] = "https://bucha-rada.gov.ua", ["motivation"] = "Хочу ділитися досвідом відбудови громади.",
        ["consent"] = "true",
    };

    public static Dictionary<string, string> Partnership(string contact, string email, string organisation = "ТОВ «Енергія громад»") => new()
    {
        ["organisation"] = organisation, ["kind"] = "ukrainianEnterprise", ["country"] = "Україна", ["contactPerson"] = contact, ["email"] = email,
        ["phone"] = "+380441234567", ["offer"] = "Сонячні електростанції для шкіл і лікарень.", ["consent"] = "true",
    };

    public static Dictionary<string, string> EventRegistration(string contact, string email, int participants) => new()
    {
        ["organisation"] = "Ірпінська міська громада", ["contactPerson"] = contact, ["email"] = email, ["phone"] = "+380671234567",
        ["participants"] = participants.ToString(System.Globalization.CultureInfo.InvariantCulture), ["consent"] = "true",
    };

    public static Dictionary<string, string> Contact(string name, string email, string message) => new()
    {
        ["name"] = name, ["email"] = email, ["message"] = message,
    };

    public static async Task<ApplicationEntity> ReadAsync(TestSite site, Guid key)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().Applications.AsNoTracking()
            .Include(a => a.Notes).SingleAsync(a => a.Key == key);
    }

    /// <summary>Sets the places taken at an event (as registrations would have).</summary>
    public static async Task SetPlacesTakenAsync(TestSite site, Guid eventKey, int taken)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        db.EventPlaces.Add(new EventPlacesEntity { EventKey = eventKey, Taken = taken });
        await db.SaveChangesAsync();
    }

    public static async Task<int> PlacesTakenAsync(TestSite site, Guid eventKey)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().EventPlaces.AsNoTracking().SingleAsync(p => p.EventKey == eventKey)).Taken;
    }

    /// <summary>The audit entries about an application (they name it by its reference).</summary>
    public static async Task<IReadOnlyList<string>> AuditActionsAsync(TestSite site, string reference)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Details == reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}

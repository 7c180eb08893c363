using MayorsClub.Core.Members;
using MayorsClub.Web.BackOffice.Members;
using MayorsClub.Web.ManagementApi.Documents;
using MayorsClub.Web.ManagementApi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MemberChange = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<MayorsClub.Web.ManagementApi.Members.MemberEndpoints.MemberResponse>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    Microsoft.AspNetCore.Http.HttpResults.Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>;
using MemberCommand = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.NoContent,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    Microsoft.AspNetCore.Http.HttpResults.Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>;

namespace MayorsClub.Web.ManagementApi.Members;

/// <summary>
/// Members and member groups, with the rights of the back office's members section (editors and administrators): list
/// and search, read, create with an invitation, change fields and groups, approve, lock, unlock, send a reset link,
/// delete. Over the same Core services as the back office; refusals are ProblemDetails in the caller's language.
/// </summary>
public static class MemberEndpoints
{
    public const string Tag = "Member";
    public const string GroupTag = "Member group";
    public const int DefaultTake = 100;

    public sealed record MemberResponse(
        Guid Id, string Name, string Email, string Position, string Community, string Region, string Phone, string PreferredCulture,
        IReadOnlyList<string> Groups, bool IsApproved, bool IsLocked, DateTimeOffset? LockedOutUntil, bool HasPassword,
        DateTime CreatedUtc, DateTime? LastSignInUtc);

    public sealed record PagedMemberResponse(int Total, IReadOnlyList<MemberResponse> Items);

    /// <param name="Region">An ISO 3166-2:UA code (UA-32 for Kyiv Oblast, UA-30 for Kyiv City…), or empty.</param>
    /// <param name="PreferredCulture">"uk" or "en": the language of the e-mails the club sends the member (the invitation among them).</param>
    /// <param name="Groups">Names of member groups (see GET member-group); at least one.</param>
    public sealed record CreateMemberRequest(
        string? Name, string? Email, string? Position, string? Community, string? Region, string? Phone, string? PreferredCulture,
        IReadOnlyList<string?>? Groups);

    /// <summary>Fields left out (null) keep their value; <c>groups</c>, when given, replaces the member's groups.</summary>
    public sealed record UpdateMemberRequest(
        string? Name, string? Email, string? Position, string? Community, string? Region, string? Phone, string? PreferredCulture,
        IReadOnlyList<string?>? Groups);

    /// <param name="Name">The group's alias, as public access rules and the members' groups name it.</param>
    public sealed record MemberGroupResponse(string Name, IReadOnlyDictionary<string, string> Labels);

    public static void MapMemberEndpoints(this IEndpointRouteBuilder api)
    {
        var members = api.MapGroup("member").WithTags(Tag).RequirePublish();
        members.MapGet("", List).WithName("GetMembers")
            .WithSummary("Members, by name: filter matches part of the name, e-mail or community; memberGroupName, isApproved and isLockedOut narrow the list; skip and take page it (take 100 by default, 500 at most). Editors and administrators.");
        members.MapGet("{id:guid}", Get).WithName("GetMember")
            .WithSummary("A member: fields, groups and state. Editors and administrators.");
        members.MapPost("", Create).WithName("CreateMember")
            .WithSummary("Creates an approved member in the groups given and e-mails them, in their language, an invitation with a link to set their password. Editors and administrators.");
        members.MapPut("{id:guid}", Update).WithName("UpdateMember")
            .WithSummary("Changes a member's fields and, when given, groups (the member's open sessions pick new groups up within a minute). Editors and administrators.");
        members.MapPost("{id:guid}/approve", Approve).WithName("ApproveMember")
            .WithSummary("Approves a member: only approved members sign in. Editors and administrators.");
        members.MapPost("{id:guid}/lock", Lock).WithName("LockMember")
            .WithSummary("Locks a member out until unlocked; their open sessions end within a minute. Editors and administrators.");
        members.MapPost("{id:guid}/unlock", Unlock).WithName("UnlockMember")
            .WithSummary("Unlocks a member (locked by the club, or for now after failed sign-ins) and forgets their failed attempts. Editors and administrators.");
        members.MapPost("{id:guid}/send-reset", SendReset).WithName("SendMemberResetLink")
            .WithSummary("E-mails the member, in their language, a link to set a new password. Editors and administrators.");
        members.MapDelete("{id:guid}", Delete).WithName("DeleteMember")
            .WithSummary("Deletes a member with their group memberships and passkeys. Editors and administrators.");

        api.MapGet("member-group", Groups).WithTags(GroupTag).WithName("GetMemberGroups").RequirePublish()
            .WithSummary("The member groups, with their names in Ukrainian and English. Editors and administrators.");
    }

    private static async Task<Results<Ok<PagedMemberResponse>, ValidationProblem>> List(
        string? filter, string? memberGroupName, bool? isApproved, bool? isLockedOut, int? skip, int? take,
        MemberDirectory directory, HttpContext http, CancellationToken ct)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        var errors = new List<FieldError>();
        if (!string.IsNullOrEmpty(memberGroupName) && !MemberGroups.IsGroup(memberGroupName))
        {
            errors.Add(new FieldError("memberGroupName", MembersText.Get(MemberErrors.GroupUnknown, culture)));
        }

        if (skip is < 0)
        {
            errors.Add(new FieldError("skip", ManagementApiText.Get(ManagementApiText.BadRequest, culture)));
        }

        if (take is < 0 or > MemberDirectory.MaxTake)
        {
            errors.Add(new FieldError("take", ManagementApiText.Get(ManagementApiText.BadRequest, culture)));
        }

        if (errors.Count > 0)
        {
            return ContentProblems.Invalid(http, errors);
        }

        var text = filter?.Trim() is { Length: > 0 } trimmed ? trimmed[..Math.Min(trimmed.Length, 200)] : null;
        var page = await directory.ListAsync(
            new MemberDirectory.Query(text, memberGroupName, isApproved, isLockedOut, skip ?? 0, take ?? DefaultTake), ct);
        return TypedResults.Ok(new PagedMemberResponse(page.Total, page.Items.Select(ToResponse).ToList()));
    }

    private static async Task<Results<Ok<MemberResponse>, NotFound<ProblemDetails>>> Get(Guid id, MemberDirectory directory, HttpContext http, CancellationToken ct) =>
        await directory.GetAsync(id, ct) is { } member ? TypedResults.Ok(ToResponse(member)) : NotFound(http);

    private static async Task<Results<Created<MemberResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Create(
        CreateMemberRequest request, MemberAdministration administration, MemberDirectory directory, HttpContext http, CancellationToken ct)
    {
        var result = await administration.CreateAsync(new MemberFields(request.Name, request.Email, request.Position, request.Community,
            request.Region, request.Phone, request.PreferredCulture, GroupsOf(request.Groups) ?? []), DocumentEndpoints.UserOf(http), ct);
        if (!result.Succeeded)
        {
            return Refused<Created<MemberResponse>>(http, result);
        }

        var member = (await directory.GetAsync(result.Id!.Value, ct))!;
        return TypedResults.Created($"{ManagementApiEndpoints.BasePath}/member/{member.Id}", ToResponse(member));
    }

    private static async Task<MemberChange> Update(
        Guid id, UpdateMemberRequest request, MemberAdministration administration, MemberDirectory directory, HttpContext http, CancellationToken ct)
    {
        if (await directory.GetAsync(id, ct) is not { } current)
        {
            return NotFound(http);
        }

        // What the request leaves out stays as it is.
        var result = await administration.UpdateAsync(id, new MemberFields(
            request.Name ?? current.Name, request.Email ?? current.Email, request.Position ?? current.Position, request.Community ?? current.Community,
            request.Region ?? current.Region, request.Phone ?? current.Phone, request.PreferredCulture ?? current.PreferredCulture,
            GroupsOf(request.Groups)), DocumentEndpoints.UserOf(http), ct);
        if (!result.Succeeded)
        {
            return Refused<Ok<MemberResponse>>(http, result);
        }

        return await directory.GetAsync(id, ct) is { } updated ? TypedResults.Ok(ToResponse(updated)) : NotFound(http);
    }

    private static async Task<MemberChange> Approve(
        Guid id, MemberAdministration administration, MemberDirectory directory, HttpContext http, CancellationToken ct) =>
        await ThenReadAsync(await administration.ApproveAsync(id, DocumentEndpoints.UserOf(http), ct), id, directory, http, ct);

    private static async Task<MemberChange> Lock(
        Guid id, MemberAdministration administration, MemberDirectory directory, HttpContext http, CancellationToken ct) =>
        await ThenReadAsync(await administration.LockAsync(id, DocumentEndpoints.UserOf(http), ct), id, directory, http, ct);

    private static async Task<MemberChange> Unlock(
        Guid id, MemberAdministration administration, MemberDirectory directory, HttpContext http, CancellationToken ct) =>
        await ThenReadAsync(await administration.UnlockAsync(id, DocumentEndpoints.UserOf(http), ct), id, directory, http, ct);

    private static async Task<MemberCommand> SendReset(
        Guid id, MemberAdministration administration, HttpContext http, CancellationToken ct) =>
        Done(http, await administration.SendResetLinkAsync(id, DocumentEndpoints.UserOf(http), ct));

    private static async Task<MemberCommand> Delete(
        Guid id, MemberAdministration administration, HttpContext http, CancellationToken ct) =>
        Done(http, await administration.DeleteAsync(id, DocumentEndpoints.UserOf(http), ct));

    private static MemberCommand Done(HttpContext http, MemberResult result) =>
        result.Succeeded ? TypedResults.NoContent() : Refused<NoContent>(http, result);

    private static Ok<List<MemberGroupResponse>> Groups() =>
        TypedResults.Ok(MemberGroups.All.Select(group => new MemberGroupResponse(group,
            Core.Content.Cultures.All.ToDictionary(culture => culture, culture => MemberGroups.Label(group, culture)))).ToList());

    private static async Task<MemberChange> ThenReadAsync(
        MemberResult result, Guid id, MemberDirectory directory, HttpContext http, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return Refused<Ok<MemberResponse>>(http, result);
        }

        return await directory.GetAsync(id, ct) is { } member ? TypedResults.Ok(ToResponse(member)) : NotFound(http);
    }

    private static List<string>? GroupsOf(IReadOnlyList<string?>? groups) => groups?.Select(g => g ?? "").ToList();

    /// <summary>A refused command: 404, 409 when another change met it, or 400 naming each field (a taken e-mail address among them).</summary>
    private static Results<TOk, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>> Refused<TOk>(HttpContext http, MemberResult result)
        where TOk : IResult
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        switch (result.Status)
        {
            case MemberStatus.NotFound:
                return NotFound(http);
            case MemberStatus.Conflict:
                http.Response.Headers.ContentLanguage = culture;
                var conflict = MembersText.Get(MemberErrors.Conflict, culture);
                return TypedResults.Conflict(ContentProblems.Problem(StatusCodes.Status409Conflict, conflict, conflict));
            default:
                return ContentProblems.Invalid(http, result.Errors.Select(e => new FieldError(e.Field, MembersText.Get(e.Code, culture))));
        }
    }

    private static NotFound<ProblemDetails> NotFound(HttpContext http)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        http.Response.Headers.ContentLanguage = culture;
        return TypedResults.NotFound(ContentProblems.Problem(StatusCodes.Status404NotFound,
            ManagementApiText.Get(ManagementApiText.NotFoundTitle, culture), MembersText.Get(MemberErrors.NotFound, culture)));
    }

    private static MemberResponse ToResponse(MemberSummary member) => new(
        member.Id, member.Name, member.Email, member.Position, member.Community, member.Region, member.Phone, member.PreferredCulture,
        member.Groups, member.IsApproved, member.IsLocked, member.LockedOutUntil, member.HasPassword, member.CreatedUtc, member.LastSignInUtc);
}

using System.Globalization;
using System.Reflection;
using MayorsClub.Core.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using ContentResult = MayorsClub.Core.Content.ContentResult;

namespace MayorsClub.Web.ManagementApi;

/// <summary>
/// The one place where the outcome of a content operation becomes an HTTP answer: success as the endpoint says,
/// Invalid → 400 with the errors keyed by field and language (<c>values[summary|uk]</c>), NotFound → 404,
/// Conflict → 409 with the current version, NotAllowed → 403. Messages are in the caller's language.
/// </summary>
public static class ContentProblems
{
    public static Results<TOk, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbiddenProblem> Map<TOk>(
        ContentResult result, HttpContext http, Func<ContentResult, TOk> ok)
        where TOk : IResult
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        http.Response.Headers.ContentLanguage = culture;
        return result.Status switch
        {
            ContentStatus.Success => ok(result),
            ContentStatus.NotFound => NotFound(http, result.Errors),
            ContentStatus.Conflict => Conflict(http, result),
            ContentStatus.NotAllowed => Forbidden(http, string.Join(" ", result.Errors.Select(e => e.Message(culture)))),
            _ => Invalid(http, result.Errors.Select(e => new FieldError(KeyOf(e), e.Message(culture)))),
        };
    }

    /// <summary>The field an error concerns, as the request names it: <c>values[summary|uk]</c>, <c>variants[en].name</c>, <c>parent</c>…</summary>
    public static string KeyOf(ContentError error) => (error.Property, error.Culture) switch
    {
        ("name", { } culture) => $"variants[{culture}].name",
        ("segment", { } culture) => $"variants[{culture}].urlSegment",
        ("contentType", _) => "documentType",
        ("id", _) => "id",
        ("parent", _) => "parent",
        ("order", _) => "sorting",
        ("version", _) => "version",
        ("schedule", { } culture) => $"schedules[{culture}]",
        (null, { } culture) => $"variants[{culture}]",
        (null, null) => "document",
        ({ } property, null) => $"values[{property}]",
        ({ } property, { } culture) => $"values[{property}|{culture}]",
    };

    public static ValidationProblem Invalid(HttpContext http, IEnumerable<FieldError> errors)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        http.Response.Headers.ContentLanguage = culture;
        var list = errors.ToList();
        var byField = list.GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField,
            detail: list.Count > 0 ? list[0].Message : null,
            title: ManagementApiText.Get(ManagementApiText.InvalidTitle, culture));
    }

    public static NotFound<ProblemDetails> NotFound(HttpContext http, IReadOnlyList<ContentError>? errors = null)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        var detail = errors is { Count: > 0 } ? errors[0].Message(culture) : new ContentError(ContentMessages.DocumentNotFound).Message(culture);
        return TypedResults.NotFound(Problem(StatusCodes.Status404NotFound, ManagementApiText.Get(ManagementApiText.NotFoundTitle, culture), detail));
    }

    /// <summary>409 for a change that started from an older version: the message names the current one, and so does <c>currentVersion</c>.</summary>
    public static Conflict<ProblemDetails> Conflict(HttpContext http, ContentResult conflict) =>
        Conflict(http, conflict.Errors[0].Message(ManagementApiText.CultureOf(http.Request)), CurrentVersion(conflict));

    public static Conflict<ProblemDetails> Conflict(HttpContext http, string detail, int? currentVersion)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        var problem = Problem(StatusCodes.Status409Conflict, ManagementApiText.Get(ManagementApiText.ConflictTitle, culture), detail);
        if (currentVersion is { } version)
        {
            problem.Extensions["currentVersion"] = version;
        }

        return TypedResults.Conflict(problem);
    }

    public static ForbiddenProblem Forbidden(HttpContext http, string? detail = null)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        return new ForbiddenProblem(Problem(StatusCodes.Status403Forbidden, ManagementApiText.Get(ManagementApiText.ForbiddenTitle, culture),
            detail ?? ManagementApiText.Get(ManagementApiText.NotAllowedForGroup, culture)));
    }

    /// <summary>A request the API could not take as it is (no field to name): 400 with the message in the caller's language.</summary>
    public static ProblemHttpResult BadRequest(HttpContext http, string messageKey, params object[] args)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        http.Response.Headers.ContentLanguage = culture;
        return TypedResults.Problem(Problem(StatusCodes.Status400BadRequest, ManagementApiText.Get(ManagementApiText.BadRequestTitle, culture),
            ManagementApiText.Get(messageKey, culture, args)));
    }

    public static ProblemDetails Problem(int status, string title, string? detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = status switch
        {
            StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            StatusCodes.Status401Unauthorized => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            StatusCodes.Status403Forbidden => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            StatusCodes.Status404NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            StatusCodes.Status409Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            _ => null,
        },
    };

    private static int? CurrentVersion(ContentResult result) =>
        result.Errors.FirstOrDefault(e => e.Code == ContentMessages.ConcurrencyConflict)?.Args is [var version]
        && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}

/// <summary>One refused field of a request and why, in the caller's language.</summary>
public sealed record FieldError(string Key, string Message);

/// <summary>403 with a ProblemDetails body saying why (the caller's group may not do this), documented in OpenAPI.</summary>
public sealed class ForbiddenProblem : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    internal ForbiddenProblem(ProblemDetails problem) => Value = problem;

    public ProblemDetails Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status403Forbidden;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
}

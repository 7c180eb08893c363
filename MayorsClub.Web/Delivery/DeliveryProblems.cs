using MayorsClub.Core.Delivery;
using MayorsClub.Web.Delivery.Platform;
using Microsoft.AspNetCore.Mvc;

using Text = MayorsClub.Web.Delivery.Content.DeliveryContentText;

namespace MayorsClub.Web.Delivery;

/// <summary>
/// The Delivery API's errors: ProblemDetails JSON (<c>application/problem+json</c>) as Umbraco answers them (type "Error",
/// Umbraco's titles where it has them, <c>operationStatus</c> where it gives one), the detail in the request's culture.
/// </summary>
public static class DeliveryProblems
{
    /// <summary>A ProblemDetails answer; <paramref name="operationStatus"/> as Umbraco's extension of that name.</summary>
    public static IResult Problem(int status, string title, string? detail = null, string? operationStatus = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = "Error",
        };
        if (operationStatus is not null)
        {
            problem.Extensions["operationStatus"] = operationStatus;
        }

        return Results.Problem(problem);
    }

    /// <summary>A ProblemDetails answer whose detail is one of <see cref="DeliveryPlatformText"/> in the request's culture.</summary>
    public static IResult Problem(HttpRequest request, int status, string title, string textKey, string? operationStatus = null, params object?[] args) =>
        Problem(status, title, DeliveryPlatformText.Format(textKey, DeliveryHeaders.Culture(request), args), operationStatus);

    public static Task WriteAsync(HttpContext http, int status, string title, string textKey, params object?[] args) =>
        Problem(http.Request, status, title, textKey, null, args).ExecuteAsync(http);

    /// <summary>The title ASP.NET Core gives a status (Umbraco's answers carry the same).</summary>
    public static string TitleOf(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        _ => status >= 500 ? "An error occurred while processing your request." : "Error",
    };

    public static IResult BadRequest(HttpContext http, string title, string text, params object?[] args) =>
        Problem(StatusCodes.Status400BadRequest, title, Text.Get(text, http, args));

    public static IResult NotFound(HttpContext http, string title, string text, params object?[] args) =>
        Problem(StatusCodes.Status404NotFound, title, Text.Get(text, http, args));

    public static IResult Unauthorized(HttpContext http, string text) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", Text.Get(text, http));

    public static IResult Forbidden(HttpContext http, string text) => Problem(StatusCodes.Status403Forbidden, "Forbidden", Text.Get(text, http));

    /// <summary>A query's refused parameter, titled as Umbraco titles it.</summary>
    public static IResult Query(HttpContext http, DeliveryQueryError error, string? value) => error switch
    {
        DeliveryQueryError.FilterOptionNotFound => Problem(StatusCodes.Status400BadRequest, "Filter option not found", Text.Get(Text.FilterNotFound, http), "FilterOptionNotFound"),
        DeliveryQueryError.SelectorOptionNotFound => Problem(StatusCodes.Status400BadRequest, "Selector option not found", Text.Get(Text.SelectorNotFound, http), "SelectorOptionNotFound"),
        DeliveryQueryError.SortOptionNotFound => Problem(StatusCodes.Status400BadRequest, "Sort option not found", Text.Get(Text.SortNotFound, http), "SortOptionNotFound"),
        _ => BadRequest(http, "Invalid filter value", Text.FilterValue, value),
    };
}

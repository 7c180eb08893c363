using MayorsClub.Core.Delivery;
using Microsoft.AspNetCore.Http.HttpResults;
using Text = MayorsClub.Web.Delivery.Content.DeliveryContentText;

namespace MayorsClub.Web.Delivery.Content;

/// <summary>
/// The Delivery API's refusals as ProblemDetails (<c>application/problem+json</c>): Umbraco's titles where it has them,
/// the detail in the request's culture.
/// </summary>
public static class DeliveryProblems
{
    public static IResult BadRequest(HttpContext http, string title, string text, params object?[] args) =>
        Problem(StatusCodes.Status400BadRequest, title, Text.Get(text, http, args));

    public static IResult NotFound(HttpContext http, string title, string text, params object?[] args) =>
        Problem(StatusCodes.Status404NotFound, title, Text.Get(text, http, args));

    public static IResult Unauthorized(HttpContext http, string text) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", Text.Get(text, http));

    public static IResult Forbidden(HttpContext http, string text) => Problem(StatusCodes.Status403Forbidden, "Forbidden", Text.Get(text, http));

    /// <summary>A query's refused parameter, titled as Umbraco titles it.</summary>
    public static IResult Query(HttpContext http, DeliveryQueryError error, string? value) => error switch
    {
        DeliveryQueryError.FilterOptionNotFound => BadRequest(http, "Filter option not found", Text.FilterNotFound),
        DeliveryQueryError.SelectorOptionNotFound => BadRequest(http, "Selector option not found", Text.SelectorNotFound),
        DeliveryQueryError.SortOptionNotFound => BadRequest(http, "Sort option not found", Text.SortNotFound),
        _ => BadRequest(http, "Invalid filter value", Text.FilterValue, value),
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: "Error");
}

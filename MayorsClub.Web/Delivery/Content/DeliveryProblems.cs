using MayorsClub.Core.Delivery;

namespace MayorsClub.Web.Delivery.Content;

/// <summary>The Delivery API's errors as ProblemDetails (<c>application/problem+json</c>), with Umbraco's titles where it has them.</summary>
public static class DeliveryProblems
{
    public static IResult BadRequest(string title, string detail) => Problem(StatusCodes.Status400BadRequest, title, detail);

    public static IResult NotFound(string title, string? detail = null) => Problem(StatusCodes.Status404NotFound, title, detail);

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>A query's refused parameter, titled as Umbraco titles it.</summary>
    public static IResult Query(DeliveryQueryError error, string? value) => error switch
    {
        DeliveryQueryError.FilterOptionNotFound => BadRequest("Filter option not found", "One of the attempted 'filter' options does not exist"),
        DeliveryQueryError.SelectorOptionNotFound => BadRequest("Selector option not found", "The attempted 'fetch' option does not exist"),
        DeliveryQueryError.SortOptionNotFound => BadRequest("Sort option not found", "One of the attempted 'sort' options does not exist"),
        _ => BadRequest("Invalid filter value", $"The filter '{value}' has a value that cannot be read"),
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: "Error");
}

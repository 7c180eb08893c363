using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>The Delivery API's errors: ProblemDetails JSON (<c>application/problem+json</c>) as Umbraco answers them.</summary>
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
            Type = TypeOf(status),
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

    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}

using System.Text.Json;
using MayorsClub.Web.ManagementApi.Security;
using MayorsClub.Web.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.ManagementApi;

public static class ManagementApiPipeline
{
    /// <summary>
    /// The Management API's part of the pipeline, early (see Program.cs: before the site's error pages and
    /// authentication): the token endpoint's rate limit, and a ProblemDetails body for every error: an exception (500,
    /// or 400 for a body the server could not read) and the errors the framework answers with a bare status code (a
    /// body that is not JSON or has a value of the wrong type, a missing sign-in, a refused group, a rate limit…).
    /// </summary>
    public static void UseMayorsClubManagementApiErrors(this WebApplication app) =>
        app.UseWhen(context => ManagementApiEndpoints.IsApiPath(context.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = ApiErrorResponses.WriteFailureAsync,
                StatusCodeSelector = ErrorPages.StatusFor,
                SuppressDiagnosticsCallback = ErrorPages.IsClientFault,
            });
            api.UseMiddleware<ApiErrorResponses>();
            api.UseTokenRateLimit();
        });
}

/// <summary>Explains, in the caller's language, a 4xx that the framework answered without a body.</summary>
internal sealed class ApiErrorResponses(RequestDelegate next, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    /// <summary>Larger bodies are not read a second time to explain what is wrong with them.</summary>
    private const int ExplainBodiesUpTo = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength is null or > 0 && !HttpMethods.IsGet(context.Request.Method))
        {
            context.Request.EnableBuffering(); // so a body the endpoint could not read can be read again to say why
        }

        await next(context);

        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength > 0 || response.ContentType is not null)
        {
            return;
        }

        var culture = ManagementApiText.CultureOf(context.Request);
        response.Headers.ContentLanguage = culture;
        if (response.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            // The body arrived too slowly or never in full (a Content-Length larger than what was sent): the request's fault.
            response.StatusCode = StatusCodes.Status400BadRequest;
            await ContentProblems.BadRequest(context, ManagementApiText.BodyUnreadable).ExecuteAsync(context);
            return;
        }

        switch (response.StatusCode)
        {
            case StatusCodes.Status400BadRequest:
                await (await ExplainBadRequestAsync(context)).ExecuteAsync(context);
                break;
            case StatusCodes.Status401Unauthorized:
                await Problem(context, ManagementApiText.UnauthorizedTitle, ManagementApiText.Unauthorized).ExecuteAsync(context);
                break;
            case StatusCodes.Status403Forbidden:
                await ContentProblems.Forbidden(context).ExecuteAsync(context);
                break;
            case StatusCodes.Status405MethodNotAllowed:
                await Problem(context, ManagementApiText.BadRequestTitle, ManagementApiText.MethodNotAllowed).ExecuteAsync(context);
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                await Problem(context, ManagementApiText.BadRequestTitle, ManagementApiText.UnsupportedMediaType).ExecuteAsync(context);
                break;
            case StatusCodes.Status429TooManyRequests:
                await Infrastructure.TooManyRequests.WriteAsync(context, Infrastructure.TooManyRequests.DefaultRetryAfter);
                break;
            case StatusCodes.Status404NotFound:
                await Problem(context, ManagementApiText.NotFoundTitle, ManagementApiText.NoSuchEndpoint).ExecuteAsync(context);
                break;
            case StatusCodes.Status413PayloadTooLarge:
                await Problem(context, ManagementApiText.BadRequestTitle, ManagementApiText.TooLarge).ExecuteAsync(context);
                break;
            case >= 500:
                await Problem(context, ManagementApiText.ServerErrorTitle, ManagementApiText.ServerError).ExecuteAsync(context);
                break;
            default:
                await Problem(context, ManagementApiText.BadRequestTitle, ManagementApiText.BadRequest).ExecuteAsync(context);
                break;
        }
    }

    /// <summary>
    /// An exception reached the API's exception handler: ProblemDetails with the status <see cref="ErrorPages.StatusFor"/>
    /// chose (400 for a body the server could not read, such as one shorter than its Content-Length; 500 otherwise).
    /// </summary>
    internal static Task WriteFailureAsync(HttpContext context)
    {
        context.Response.Headers.ContentLanguage = ManagementApiText.CultureOf(context.Request);
        return context.Response.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => Problem(context, ManagementApiText.BadRequestTitle, ManagementApiText.TooLarge).ExecuteAsync(context),
            < 500 => Problem(context, ManagementApiText.BadRequestTitle, ManagementApiText.BodyUnreadable).ExecuteAsync(context),
            _ => Problem(context, ManagementApiText.ServerErrorTitle, ManagementApiText.ServerError).ExecuteAsync(context),
        };
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(HttpContext context, string titleKey, string messageKey)
    {
        var culture = ManagementApiText.CultureOf(context.Request);
        return TypedResults.Problem(ContentProblems.Problem(context.Response.StatusCode,
            ManagementApiText.Get(titleKey, culture), ManagementApiText.Get(messageKey, culture)));
    }

    /// <summary>
    /// The endpoint refused its body before it ran: read it again to name the problem (not JSON at all, or a value
    /// of the wrong type at a path such as <c>variants[0].name</c>), or say the address or its parameters are wrong.
    /// </summary>
    private async Task<IResult> ExplainBadRequestAsync(HttpContext context)
    {
        var culture = ManagementApiText.CultureOf(context.Request);
        var bodyType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var body = context.Request.Body;
        if (bodyType is null || !body.CanSeek)
        {
            return ContentProblems.BadRequest(context, ManagementApiText.BadRequest);
        }

        using var copy = new MemoryStream();
        try
        {
            body.Position = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0 && copy.Length <= ExplainBodiesUpTo)
            {
                copy.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // BadHttpRequestException among them: the body is shorter than its Content-Length, or arrived too slowly
            return ContentProblems.BadRequest(context, ManagementApiText.BodyUnreadable);
        }

        if (copy.Length == 0)
        {
            return ContentProblems.Invalid(context, [new FieldError("body", ManagementApiText.Get(ManagementApiText.BodyRequired, culture))]);
        }

        if (copy.Length > ExplainBodiesUpTo)
        {
            return ContentProblems.BadRequest(context, ManagementApiText.BadRequest);
        }

        try
        {
            using var _ = JsonDocument.Parse(copy.ToArray());
        }
        catch (JsonException error)
        {
            return ContentProblems.Invalid(context, [new FieldError("body",
                ManagementApiText.Get(ManagementApiText.InvalidJson, culture, (error.LineNumber ?? 0) + 1, (error.BytePositionInLine ?? 0) + 1))]);
        }

        try
        {
            JsonSerializer.Deserialize(copy.ToArray(), bodyType, json.Value.SerializerOptions);
        }
        catch (JsonException error)
        {
            var field = FieldOf(error.Path);
            return ContentProblems.Invalid(context, [new FieldError(field, ManagementApiText.Get(ManagementApiText.WrongType, culture, field))]);
        }
        catch (NotSupportedException)
        {
            // fall through: nothing more precise to say
        }

        return ContentProblems.Invalid(context, [new FieldError("body", ManagementApiText.Get(ManagementApiText.BodyRequired, culture))]);
    }

    /// <summary>"$.variants[0].name" → "variants[0].name".</summary>
    internal static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}

using Microsoft.AspNetCore.Http.Features;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// HEAD is answered wherever GET is (RFC 9110 §9.3.2): the request goes through the pipeline as a GET, so every GET
/// endpoint, cached page and error page answers it with the same status and headers, and its body is dropped.
/// </summary>
public static class HeadRequests
{
    public static void UseMayorsClubHeadRequests(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new DiscardedBody(body));
            context.Request.Method = HttpMethods.Get;
            // The server must see HEAD again before it sends the headers, or it would expect the body they announce.
            context.Response.OnStarting(() =>
            {
                context.Request.Method = HttpMethods.Head;
                return Task.CompletedTask;
            });
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(body);
                context.Request.Method = HttpMethods.Head;
            }
        });

    /// <summary>A response body that goes nowhere (files are not even read).</summary>
    private sealed class DiscardedBody(IHttpResponseBodyFeature server) : StreamResponseBodyFeature(Stream.Null, server)
    {
        public override Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;
    }
}

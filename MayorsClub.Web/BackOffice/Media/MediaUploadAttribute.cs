using MayorsClub.Core.Media;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.BackOffice.Media;

/// <summary>
/// For the upload actions only: lets the request body be as large as the largest file a kind allows (Kestrel's
/// default is about 28 MB), gives the plain form's fallback the same form limit, and keeps MVC from reading the
/// form itself so that the browser script's uploads stream straight to storage. It runs before the antiforgery
/// check (order 1000), which reads the form when the token is a form field rather than a header.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MediaUploadAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Room for the multipart framing and the few form fields around the file.</summary>
    public const long Overhead = 1024 * 1024;

    public int Order => 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new UploadLimits(serviceProvider.GetRequiredService<IOptions<MediaOptions>>().Value.LargestFile + Overhead);

    private sealed class UploadLimits(long limit) : IAuthorizationFilter, IResourceFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }

            if (http.Features.Get<IFormFeature>() is not { Form: not null } && http.Request.HasFormContentType)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = limit,
                    BufferBodyLengthLimit = limit,
                }));
            }
        }

        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
            context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
            context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        }

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }
    }
}

using System.Security.Claims;
using System.Threading.RateLimiting;
using MayorsClub.Core.Content;
using MayorsClub.Core.Members;
using MayorsClub.Web.Infrastructure;
using MayorsClub.Web.Members;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MayorsClub.Web.Delivery.Security;

/// <summary>
/// The endpoints OpenIddict hands over to the site (passthrough): authorize (who the member is: the site's member cookie,
/// else its sign-in page), signout and userinfo. Token and revoke are OpenIddict's own.
/// </summary>
internal static class MemberAuthorizationEndpoints
{
    private static readonly string[] GetOrPost = [HttpMethods.Get, HttpMethods.Post];

    private const string TooManyRequestsTitle = "tooManyRequests";
    private const string NotFoundTitle = "notFound";
    private const string NotFoundDetail = "notFound.detail";

    private static readonly BilingualTexts Texts = new(new Dictionary<string, (string Uk, string En)>
    {
        [TooManyRequestsTitle] = ("Забагато запитів з цієї адреси. Спробуйте знову за хвилину.", "Too many requests from this address. Try again in a minute."),
        [NotFoundTitle] = ("Не знайдено", "Not found"),
        [NotFoundDetail] = (
            "Такої адреси немає. Вхід учасників через API працює, лише коли його ввімкнено й налаштовано адреси повернення.",
            "There is no such endpoint. Members sign in through the API only when that is enabled and its redirect URLs are configured."),
    });

    /// <summary>404 ProblemDetails for any other path under the members' security endpoints.</summary>
    internal static Task NoSuchEndpointAsync(HttpContext http)
    {
        var culture = DeliveryHeaders.Culture(http.Request);
        http.Response.Headers.ContentLanguage = culture;
        return Results.Problem(title: Texts.Get(NotFoundTitle, culture), detail: Texts.Get(NotFoundDetail, culture), statusCode: StatusCodes.Status404NotFound)
            .ExecuteAsync(http);
    }

    public static void MapMemberAuthorizationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(DeliveryMemberAuthorization.AuthorizePath, GetOrPost, (Func<HttpContext, Task<IResult>>)AuthorizeAsync).ExcludeFromDescription();
        app.MapMethods(DeliveryMemberAuthorization.SignOutPath, GetOrPost, (Func<HttpContext, Task<IResult>>)SignOutAsync).ExcludeFromDescription();
        app.MapMethods(DeliveryMemberAuthorization.UserInfoPath, GetOrPost, UserInfoAsync).ExcludeFromDescription();
    }

    /// <summary>
    /// A member signed in on the site (the member cookie, checked against their account) gets the code; anyone else is
    /// sent to the sign-in page in their language, which sends them back here (or, with <c>prompt=none</c>, the client
    /// hears <c>login_required</c>).
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        var request = http.GetOpenIddictServerRequest();
        if (request is null || request.ClientId != DeliveryMemberAuthorization.ClientId)
        {
            return Refuse(Errors.UnauthorizedClient, "The specified client ID cannot be used here.");
        }

        var signedIn = await http.AuthenticateAsync(MemberSecurity.Scheme);
        if (!signedIn.Succeeded || !Guid.TryParse(signedIn.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var key)
            || request.HasPromptValue(PromptValues.Login))
        {
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.LoginRequired, "The member is not signed in.")
                : Results.Redirect(MemberSecurity.SignInUrl(CultureOf(http, request), ReturnUrl(http, request)));
        }

        var account = await MemberClaims.FindActiveAsync(http.RequestServices.GetRequiredService<UserManager<Member>>(), key);
        if (account is null)
        {
            return Refuse(Errors.AccessDenied, "This member may not sign in now.");
        }

        var identity = MemberClaims.Identity(account);
        identity.SetScopes(request.GetScopes().Intersect([Scopes.OpenId, Scopes.OfflineAccess], StringComparer.Ordinal));
        identity.SetResources(DeliveryMemberAuthorization.Audience);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Signs the member out of the site and of the API session the <c>id_token_hint</c> names (its refresh and access tokens
    /// stop working), then OpenIddict sends them to the <c>post_logout_redirect_uri</c> if it is a configured logout URL.
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (hint.Principal is { } principal && principal.GetAuthorizationId() is { Length: > 0 } authorizationId
            && principal.HasAudience(DeliveryMemberAuthorization.ClientId))
        {
            var authorizations = http.RequestServices.GetRequiredService<IOpenIddictAuthorizationManager>();
            if (await authorizations.FindByIdAsync(authorizationId, http.RequestAborted) is { } authorization)
            {
                await authorizations.TryRevokeAsync(authorization, http.RequestAborted);
            }

            await http.RequestServices.GetRequiredService<IOpenIddictTokenManager>().RevokeByAuthorizationIdAsync(authorizationId, http.RequestAborted);
        }

        await http.RequestServices.GetRequiredService<SignInManager<Member>>().SignOutAsync();
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The member the access token stands for, as their account is now (Umbraco's claims: sub, name, email, role).</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http, MemberTokenAuthentication callers)
    {
        http.Response.Headers.CacheControl = "no-store";
        var (caller, state) = await callers.AuthenticateMemberAsync(http);
        if (caller.Kind != DeliveryCallerKind.Member || state is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token is not a current member's token.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object>
        {
            [Claims.Subject] = caller.Viewer.MemberKey!.Value,
            [Claims.Name] = state.Name,
        };
        if (state.Email is { } email)
        {
            claims[Claims.Email] = email;
        }

        claims[Claims.Role] = state.Groups;
        return Results.Json(claims);
    }

    /// <summary>429 on authorize, token and revoke: Retry-After and ProblemDetails in the caller's language.</summary>
    internal static async ValueTask TooManyRequestsAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TooManyRequests.DefaultRetryAfter;
        var culture = DeliveryHeaders.Culture(http.Request);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentLanguage = culture;
        TooManyRequests.SetRetryAfter(http.Response, wait);
        await Results.Problem(
            title: Texts.Get(TooManyRequestsTitle, culture),
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }

    /// <summary>OpenIddict tells the client (at its redirect URL, which it has checked) why it gets no code.</summary>
    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>
    /// This authorize request again (its parameters in the query string, whether it came as GET or POST), without
    /// <c>prompt=login</c>: the member has just signed in when they come back.
    /// </summary>
    private static string ReturnUrl(HttpContext http, OpenIddictRequest request) =>
        http.Request.PathBase + http.Request.Path + QueryString.Create(request.GetParameters()
            .Select(parameter => new KeyValuePair<string, string?>(parameter.Key, parameter.Key == Parameters.Prompt
                ? string.Join(' ', request.GetPromptValues().Where(prompt => prompt != PromptValues.Login)) is { Length: > 0 } prompts ? prompts : null
                : (string?)parameter.Value))
            .Where(parameter => parameter.Value is not null));

    /// <summary>The sign-in page's language: the request's <c>ui_locales</c> if it names uk or en, else Accept-Language's.</summary>
    private static string CultureOf(HttpContext http, OpenIddictRequest request)
    {
        foreach (var locale in (request.UiLocales ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var primary = locale.Split('-')[0].ToLowerInvariant();
            if (Cultures.IsSupported(primary))
            {
                return primary;
            }
        }

        return DeliveryHeaders.Culture(http.Request);
    }
}

using MayorsClub.Core.Setup;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MayorsClub.Web.Delivery.Security;

/// <summary>
/// Keeps the OpenIddict application <c>umbraco-member</c> in step with <c>MayorsClub:DeliveryApi:MemberAuthorization</c>
/// once the database is ready: created, or updated when its redirect URLs changed; removed (with its authorizations and
/// tokens) when member authorization is off or names no login redirect URL, as Umbraco does. Then, every few hours,
/// prunes the tokens and authorizations that can no longer be used.
/// </summary>
public sealed class MemberClientRegistrar(
    IServiceScopeFactory scopes,
    SiteReadiness readiness,
    IOptions<DeliveryApiOptions> options,
    ILogger<MemberClientRegistrar> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(6);

    /// <summary>Tokens and authorizations that ended (expired, redeemed, revoked) are kept this long before pruning.</summary>
    private static readonly TimeSpan KeepEndedFor = TimeSpan.FromDays(1);

    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the member client is registered (or removed); faults if that failed.</summary>
    public Task WhenRegistered => _registered.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
            await SyncAsync(options.Value, stoppingToken);
            _registered.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _registered.TrySetCanceled(stoppingToken);
            return;
        }
        catch (Exception error)
        {
            logger.LogError(error, "The Delivery API's member client could not be registered");
            _registered.TrySetException(error);
            return;
        }

        using var timer = new PeriodicTimer(PruneEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PruneAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Makes the registered member client match the options (another web node may be doing the same: then look again).</summary>
    public async Task SyncAsync(DeliveryApiOptions settings, CancellationToken ct = default)
    {
        try
        {
            await RegisterAsync(settings, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogInformation(error, "Registering the member client clashed with another change; trying once more");
            await RegisterAsync(settings, ct);
        }
    }

    private async Task RegisterAsync(DeliveryApiOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await applications.FindByClientIdAsync(DeliveryMemberAuthorization.ClientId, ct);
        if (!DeliveryMemberAuthorization.IsEnabled(settings))
        {
            if (existing is not null)
            {
                await applications.DeleteAsync(existing, ct);
                logger.LogInformation("Delivery API member authorization is off: client {ClientId} removed", DeliveryMemberAuthorization.ClientId);
            }

            return;
        }

        var wanted = Descriptor(settings.MemberAuthorization);
        if (existing is null)
        {
            await applications.CreateAsync(wanted, ct);
            logger.LogInformation("Delivery API member client {ClientId} registered", DeliveryMemberAuthorization.ClientId);
            return;
        }

        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, ct);
        if (current.RedirectUris.SetEquals(wanted.RedirectUris) && current.PostLogoutRedirectUris.SetEquals(wanted.PostLogoutRedirectUris)
            && current.Permissions.SetEquals(wanted.Permissions) && current.Requirements.SetEquals(wanted.Requirements)
            && current.ClientType == wanted.ClientType)
        {
            return;
        }

        await applications.UpdateAsync(existing, wanted, ct);
        logger.LogInformation("Delivery API member client {ClientId} updated", DeliveryMemberAuthorization.ClientId);
    }

    private static OpenIddictApplicationDescriptor Descriptor(DeliveryMemberAuthorizationOptions settings)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DeliveryMemberAuthorization.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Delivery API member access",
        };
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
        ]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        descriptor.RedirectUris.UnionWith(settings.LoginRedirectUrls.Select(url => new Uri(url, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.UnionWith(settings.LogoutRedirectUrls.Select(url => new Uri(url, UriKind.Absolute)));
        return descriptor;
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var threshold = DateTimeOffset.UtcNow - KeepEndedFor;
            var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
            var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
            logger.LogDebug("Pruned {Tokens} tokens and {Authorizations} authorizations that had ended", tokens, authorizations);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Pruning ended OpenIddict tokens failed; trying again later");
        }
    }
}

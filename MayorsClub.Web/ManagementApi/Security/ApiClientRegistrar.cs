using System.Collections.Frozen;
using System.Text.Json;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MayorsClub.Web.ManagementApi.Security;

/// <summary>
/// Keeps the OpenIddict applications in step with the configured API clients: once the database is ready, each
/// configured client is created, or updated when its secret or group changed; clients no longer configured are
/// removed. Token requests wait until this is done.
/// </summary>
public sealed class ApiClientRegistrar(
    IServiceScopeFactory scopes,
    SiteReadiness readiness,
    IOptions<ManagementApiOptions> options,
    ILogger<ApiClientRegistrar> logger) : BackgroundService
{
    /// <summary>The application property that holds the client's user group (and marks applications this class manages).</summary>
    public const string GroupProperty = "mayorsclub_group";

    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _syncing = new(1, 1);

    /// <summary>The registered clients and their groups, as the last sync left them: what tokens are checked against.</summary>
    private volatile FrozenDictionary<string, string> _groups = FrozenDictionary<string, string>.Empty;

    /// <summary>Completes once the configured clients are registered; faults if that failed.</summary>
    public Task WhenRegistered => _registered.Task;

    /// <summary>Whether a client is registered now, in the given group (checked in memory on every request with a token).</summary>
    public bool IsRegisteredInGroup(string clientId, string group) =>
        _groups.TryGetValue(clientId, out var current) && string.Equals(current, group, StringComparison.Ordinal);

    /// <summary>A client registered now, whatever its group; null when none is.</summary>
    public string? AnyRegisteredClientId => _groups.Count == 0 ? null : _groups.Keys[0];

    public bool IsRegistered(string clientId) => _groups.ContainsKey(clientId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception error)
        {
            _registered.TrySetException(error); // the site did not start: nothing to register into
            return;
        }

        try
        {
            await SyncAsync(options.Value.Clients, stoppingToken);
            _registered.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _registered.TrySetCanceled(stoppingToken);
        }
        catch (Exception error)
        {
            logger.LogError(error, "The Management API clients could not be registered");
            _registered.TrySetException(error);
        }
    }

    /// <summary>Makes the registered applications match the given clients exactly.</summary>
    public async Task SyncAsync(IReadOnlyList<ApiClientOptions> clients, CancellationToken ct = default)
    {
        await _syncing.WaitAsync(ct);
        try
        {
            foreach (var client in clients)
            {
                try
                {
                    await RegisterAsync(client, ct);
                }
                catch (Exception error) when (error is OpenIddictExceptions.ConcurrencyException or OpenIddictExceptions.ValidationException
                    or Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    // Another web node registered or changed it at the same moment: look again and bring it up to date.
                    await RegisterAsync(client, ct);
                }
            }

            await RemoveAllButAsync(clients.Select(c => c.Id).ToHashSet(StringComparer.Ordinal), ct);
            _groups = clients.ToFrozenDictionary(c => c.Id, c => c.Group, StringComparer.Ordinal);
        }
        finally
        {
            _syncing.Release();
        }
    }

    public override void Dispose()
    {
        _syncing.Dispose();
        base.Dispose();
    }

    private async Task RemoveAllButAsync(HashSet<string> configured, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            var properties = await applications.GetPropertiesAsync(application, ct);
            if (properties.ContainsKey(GroupProperty) && !configured.Contains(await applications.GetClientIdAsync(application, ct) ?? ""))
            {
                stale.Add(application);
            }
        }

        foreach (var application in stale)
        {
            logger.LogInformation("Management API client {ClientId} is no longer configured: removed", await applications.GetClientIdAsync(application, ct));
            await applications.DeleteAsync(application, ct);
        }
    }

    /// <summary>Creates or updates one client, in a scope of its own (a failed attempt leaves nothing behind for a retry).</summary>
    private async Task RegisterAsync(ApiClientOptions client, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await applications.FindByClientIdAsync(client.Id, ct);
        var descriptor = new OpenIddictApplicationDescriptor();
        if (existing is not null)
        {
            await applications.PopulateAsync(descriptor, existing, ct);
        }

        var groupChanged = !descriptor.Properties.TryGetValue(GroupProperty, out var group)
            || group.ValueKind != JsonValueKind.String || group.GetString() != client.Group;
        var secretChanged = existing is null || !await applications.ValidateClientSecretAsync(existing, client.Secret, ct);
        if (!groupChanged && !secretChanged)
        {
            return;
        }

        descriptor.ClientId = client.Id;
        descriptor.ClientType = ClientTypes.Confidential;
        descriptor.DisplayName = $"Management API client {client.Id} ({client.Group})";
        descriptor.Permissions.Clear();
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        descriptor.Properties[GroupProperty] = JsonSerializer.SerializeToElement(client.Group);
        if (secretChanged)
        {
            descriptor.ClientSecret = client.Secret; // hashed by OpenIddict before it is stored
        }

        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
            logger.LogInformation("Management API client {ClientId} registered in group {Group}", client.Id, client.Group);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
            logger.LogInformation("Management API client {ClientId} updated (group {Group}{Secret})", client.Id, client.Group, secretChanged ? ", new secret" : "");
        }
    }
}

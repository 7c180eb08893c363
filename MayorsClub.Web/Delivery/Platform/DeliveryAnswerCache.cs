using MayorsClub.Core.Changes;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Site;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>
/// Keeps the Delivery API's answers to anonymous callers in memory (size-limited) and answers the same request again
/// before routing. An answer is keyed by its path and query string and everything it varies on (the culture
/// <see cref="DeliveryHeaders.Culture"/> picks, <c>Start-Item</c>); a request that carries <c>Preview</c>, <c>Api-Key</c>,
/// <c>Authorization</c> or an identity cookie is never answered from here nor kept (Umbraco's CVE-2025-54425 came from
/// varying on too little). Each answer keeps the tags of what it read (<see cref="IDeliveryCacheable.Reads"/>); the change
/// feed drops exactly the answers holding a tag the change touches (<see cref="DeliveryCacheTags"/>).
/// </summary>
public sealed class DeliveryAnswerCache : IPublishedChangeSubscriber, IDisposable
{
    /// <summary>Answers bigger than this are served every time rather than kept.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    private readonly MemoryCache? _answers;
    private readonly PublishedSnapshotService _snapshots;
    private readonly IdentityCookies _identityCookies;
    private readonly IOptionsMonitor<DeliveryApiOptions> _options;

    // Under _lock: the answers holding each tag, and the snapshot whose changes the kept answers have been evicted for.
    private readonly Dictionary<string, HashSet<string>> _byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _tagsOf = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private PublishedSnapshot? _seen;

    // Answers of an older generation than this were made before a change this cache could not follow exactly.
    private long _validFrom;

    public DeliveryAnswerCache(IOptionsMonitor<DeliveryApiOptions> options, PublishedSnapshotService snapshots, IdentityCookies identityCookies)
    {
        _snapshots = snapshots;
        _identityCookies = identityCookies;
        _options = options;
        var megabytes = options.CurrentValue.CacheSizeLimitMegabytes;
        _answers = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024 }) : null;
    }

    /// <summary>After the snapshot (0), the protected media catalogue (50) and the page cache (100).</summary>
    int IPublishedChangeSubscriber.Order => 150;

    public bool Enabled => _answers is not null;

    public void Dispose() => _answers?.Dispose();

    /// <summary>Whether the request names no caller and asks for no preview (whatever the header's value).</summary>
    public static bool IsAnonymous(HttpRequest request) =>
        request.Headers.Authorization.Count == 0 && !request.Headers.ContainsKey(DeliveryHeaders.ApiKey)
        && !request.Headers.ContainsKey(DeliveryHeaders.Preview);

    /// <summary>
    /// Whether an answer to this request may come from the cache or go into it: never when every call needs a key
    /// (public access off), whatever was kept before the setting changed.
    /// </summary>
    public bool MayShare(HttpRequest request) => _options.CurrentValue.PublicAccess && IsAnonymous(request) && !_identityCookies.AnyIn(request);

    /// <summary>The settings answers are made under now; an answer made under others (reloaded since) is neither served nor kept.</summary>
    public DeliveryApiOptions CurrentOptions => _options.CurrentValue;

    /// <summary>Path and query as sent, and every header the answer varies on that an anonymous request can carry.</summary>
    public static string Key(HttpRequest request) =>
        string.Concat(request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value,
            "\n", DeliveryHeaders.Culture(request), "\n", request.Headers[DeliveryHeaders.StartItem].ToString());

    /// <summary>The kept answer, when it still holds for the current snapshot.</summary>
    public CachedAnswer? Find(string key)
    {
        if (_answers is null || !_answers.TryGetValue(key, out CachedAnswer? answer))
        {
            return null;
        }

        if (!ReferenceEquals(answer!.MadeUnder, _options.CurrentValue))
        {
            return null;
        }

        var current = _snapshots.Current;
        return answer.Generation == current.Generation
            || (current == Volatile.Read(ref _seen) && answer.Generation >= Volatile.Read(ref _validFrom))
            ? answer
            : null;
    }

    /// <summary>
    /// Keeps an answer made from the current snapshot, once the changes that made it have been followed here. An answer
    /// of an older snapshot is not kept: the eviction that should drop it may already have run.
    /// </summary>
    public bool Keep(string key, CachedAnswer answer, IReadOnlyCollection<string> tags)
    {
        if (_answers is null || answer.Body.Length > MaxAnswerBytes || !ReferenceEquals(answer.MadeUnder, _options.CurrentValue))
        {
            return false;
        }

        lock (_lock)
        {
            var current = _snapshots.Current;
            if (answer.Generation != current.Generation)
            {
                return false;
            }

            if (_seen != current)
            {
                // A snapshot the change feed did not bring (the first load, a rebuild): start over from it. One a change
                // brought is followed by that change's eviction first.
                if (_seen is not null && _snapshots.LastEffect?.Generation == current.Generation)
                {
                    return false;
                }

                StartOver(current);
            }

            var options = new MemoryCacheEntryOptions { Size = answer.Body.Length + 512 + key.Length * 2 };
            options.RegisterPostEvictionCallback(Forget, this);
            Unlink(key);
            _answers.Set(key, answer, options);
            _tagsOf[key] = [.. tags];
            foreach (var tag in tags)
            {
                (_byTag.TryGetValue(tag, out var keys) ? keys : _byTag[tag] = []).Add(key);
            }

            return true;
        }
    }

    /// <summary>After the snapshot has taken the changes in: drops the answers holding a tag they touch.</summary>
    public Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        if (_answers is null)
        {
            return Task.CompletedTask;
        }

        lock (_lock)
        {
            var current = _snapshots.Current;
            var effect = _snapshots.LastEffect;
            if (_seen is null || current.Generation != _seen.Generation + 1 || effect is null
                || effect.Generation != current.Generation || effect.UpToSequence != changes[^1].Sequence)
            {
                // Not exactly one step from the snapshot seen here to this batch's: what changed between is unknown.
                StartOver(current);
                return Task.CompletedTask;
            }

            foreach (var tag in DeliveryCacheTags.Touched(_seen, current, changes))
            {
                if (_byTag.Remove(tag, out var keys))
                {
                    foreach (var key in keys)
                    {
                        _answers.Remove(key);
                        Unlink(key);
                    }
                }
            }

            Volatile.Write(ref _seen, current);
        }

        return Task.CompletedTask;
    }

    /// <summary>How many answers are kept (for tests and the benchmark's notes).</summary>
    public int Count => _answers?.Count ?? 0;

    private void StartOver(PublishedSnapshot current)
    {
        _answers!.Clear();
        _byTag.Clear();
        _tagsOf.Clear();
        Volatile.Write(ref _validFrom, current.Generation);
        Volatile.Write(ref _seen, current);
    }

    // Under _lock: the answer's key leaves the sets of the tags it held.
    private void Unlink(string key)
    {
        if (!_tagsOf.Remove(key, out var tags))
        {
            return;
        }

        foreach (var tag in tags)
        {
            if (_byTag.TryGetValue(tag, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                _byTag.Remove(tag);
            }
        }
    }

    // The size limit pushed an answer out: its tags need not name it any more.
    private static void Forget(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason is not (EvictionReason.Capacity or EvictionReason.Expired) || state is not DeliveryAnswerCache cache)
        {
            return;
        }

        lock (cache._lock)
        {
            // Kept again since (a new answer under the same key) keeps its own tags.
            if (!cache._answers!.TryGetValue(key, out _))
            {
                cache.Unlink((string)key);
            }
        }
    }
}

/// <summary>A kept answer: the body, what it is, its strong ETag and the snapshot it was made from.</summary>
public sealed record CachedAnswer(long Generation, byte[] Body, string? ContentType, string ETag, string? ContentLanguage, DeliveryApiOptions MadeUnder);

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;

namespace MayorsClub.Tests.Integration;

/// <summary>Test API clients (one per user group) and HTTP helpers for the Management API.</summary>
public static class ManagementApiClient
{
    public const string Base = "/umbraco/management/api/v1";
    public const string TokenPath = Base + "/security/back-office/token";

    public const string EditorsId = "test-editors";
    public const string WritersId = "test-writers";
    public const string AdministratorsId = "test-administrators";
    public const string EditorsSecret = "editors-secret-0123456789-abcdef";
    public const string WritersSecret = "writers-secret-0123456789-abcdef";
    public const string AdministratorsSecret = "admins-secret-0123456789-abcdefg";

    /// <summary>The site's settings for the three test clients (and no HTTPS, which the test server does not speak).</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MayorsClub:ManagementApi:RequireHttps"] = "false",
        ["MayorsClub:ManagementApi:Clients:0:Id"] = EditorsId,
        ["MayorsClub:ManagementApi:Clients:0:Secret"] = EditorsSecret,
        ["MayorsClub:ManagementApi:Clients:0:Group"] = BackOfficeGroups.Editors,
        ["MayorsClub:ManagementApi:Clients:1:Id"] = WritersId,
        ["MayorsClub:ManagementApi:Clients:1:Secret"] = WritersSecret,
        ["MayorsClub:ManagementApi:Clients:1:Group"] = BackOfficeGroups.Writers,
        ["MayorsClub:ManagementApi:Clients:2:Id"] = AdministratorsId,
        ["MayorsClub:ManagementApi:Clients:2:Secret"] = AdministratorsSecret,
        ["MayorsClub:ManagementApi:Clients:2:Group"] = BackOfficeGroups.Administrators,
    };

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string id, string secret) =>
        client.PostAsync(TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = id,
            ["client_secret"] = secret,
        }));

    /// <summary>A client of the site that sends a fresh access token of the given API client, and asks for answers in a language.</summary>
    public static async Task<HttpClient> SignedInAsync(TestSite site, string id, string secret, string language = "en")
    {
        var client = BackOfficeSession.Anonymous(site);
        using var response = await RequestTokenAsync(client, id, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var token = JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : $"{Base}/{path}");
        if (body is not null)
        {
            request.Content = body as HttpContent ?? Json(body);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            json = JsonNode.Parse(text);
        }

        return (response.StatusCode, json, response);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> GetJsonAsync(HttpClient client, string path) =>
        SendAsync(client, HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostJsonAsync(HttpClient client, string path, object? body) =>
        SendAsync(client, HttpMethod.Post, path, body);

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PutJsonAsync(HttpClient client, string path, object? body = null) =>
        SendAsync(client, HttpMethod.Put, path, body);

    /// <summary>A create request for a news article under the news list, in the languages given (null leaves one out).</summary>
    public static object NewsArticle(Guid newsIndex, string? ukTitle, string? enTitle, string date = "2026-11-20")
    {
        var variants = new List<object>();
        var values = new List<object> { new { alias = "date", culture = (string?)null, value = date } };
        if (ukTitle is not null)
        {
            variants.Add(new { culture = "uk", name = ukTitle });
            values.Add(new { alias = "summary", culture = "uk", value = "Короткий виклад новини." });
            values.Add(new { alias = "body", culture = "uk", value = "<p>Текст новини українською.</p>" });
        }

        if (enTitle is not null)
        {
            variants.Add(new { culture = "en", name = enTitle });
            values.Add(new { alias = "summary", culture = "en", value = "A short summary of the news." });
            values.Add(new { alias = "body", culture = "en", value = "<p>The news in English.</p>" });
        }

        return new { parent = new { id = newsIndex }, documentType = new { alias = "newsArticle" }, variants, values };
    }

    public static JsonNode Variant(JsonNode document, string culture) =>
        document["variants"]!.AsArray().Single(v => v!["culture"]!.GetValue<string>() == culture)!;

    public static string? Value(JsonNode document, string alias, string? culture) =>
        document["values"]!.AsArray()
            .SingleOrDefault(v => v!["alias"]!.GetValue<string>() == alias && v["culture"]?.GetValue<string>() == culture)?["value"]?.ToString();
}

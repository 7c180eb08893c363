using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>
/// Checks the shape of every request model of the document endpoints before the endpoint runs: a list may not hold
/// null where an item belongs (<c>"sorting": [null]</c>, <c>"cultures": [null]</c>), at any depth. Such a request is
/// answered 400 naming each place (<c>sorting[0]</c>), so no endpoint meets a null it did not expect. Property values
/// (JSON as the editor stores it) are the content rules' to judge, and are not looked into.
/// </summary>
internal sealed class RequestShapeFilter : IEndpointFilter
{
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var reader = new DocumentRequestReader(ManagementApiText.CultureOf(http.Request));
        foreach (var argument in context.Arguments)
        {
            if (argument is not null && IsRequestModel(argument.GetType()))
            {
                Check(argument, "", reader, 0);
            }
        }

        return reader.HasErrors ? ContentProblems.Invalid(http, reader.Errors) : await next(context);
    }

    private static void Check(object model, string path, DocumentRequestReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(model.GetType(), ReadableProperties))
        {
            var value = property.GetValue(model);
            var field = path + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            switch (value)
            {
                case null or string or JsonNode:
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            reader.Required($"{field}[{index}]");
                        }
                        else if (IsRequestModel(item.GetType()))
                        {
                            Check(item, $"{field}[{index}].", reader, depth + 1);
                        }

                        index++;
                    }

                    break;
                default:
                    if (IsRequestModel(value.GetType()))
                    {
                        Check(value, field + ".", reader, depth + 1);
                    }

                    break;
            }
        }
    }

    private static bool IsRequestModel(Type type) =>
        type.IsClass && type.Namespace == typeof(RequestShapeFilter).Namespace && !typeof(IEnumerable).IsAssignableFrom(type);

    private static PropertyInfo[] ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
}

using Ganss.Xss;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Content.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Content;

public static class ContentServices
{
    /// <summary>Content: the document types, validation and sanitizing, and the editor's use cases (save, history, tree).</summary>
    public static IServiceCollection AddMayorsClubContent(this IServiceCollection services)
    {
        services.AddSingleton(new DocumentTypeRegistry());
        services.AddSingleton<IHtmlSanitizer>(_ => RichTextSanitizer.Create());
        services.AddSingleton<PropertyValueValidator>();
        services.AddSingleton<ContentValidator>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentTransactions>();
        services.AddScoped<DocumentEditor>();
        services.AddScoped<DocumentHistory>();
        services.AddScoped<DocumentTree>();
        services.AddScoped<ContentTreeQuery>();
        services.AddScoped<EditorialOverview>();
        return services;
    }
}

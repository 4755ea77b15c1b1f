using Microsoft.OpenApi.Models;

namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// The JSON API's OpenAPI document, generated from the protos' HTTP annotations and comments
/// (Microsoft.AspNetCore.Grpc.Swagger), served at <see cref="Path"/> for partner developers and their tools.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    public static IHostApplicationBuilder AddOpenApiDocument(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "e-poomasi gateway",
                Version = "v1",
                Description = "The time bank's ledger over HTTP/JSON (proto3 JSON: int64 values are strings). " +
                    "Every call but health needs `authorization: Bearer <token>` or a partner app's `x-api-key`.",
            });
            var comments = System.IO.Path.Combine(AppContext.BaseDirectory, "EPoomasi.Contracts.xml");
            if (File.Exists(comments))
            {
                options.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
        });
        return builder;
    }

    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        return app;
    }
}

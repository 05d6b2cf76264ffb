using Portal.Bench.Limit;

// The limit Portal is measured against: Portal's routes answered from memory with the exact bytes Portal sent
// (captured by bench/run.sh), no database, no serialisation. See bench/README.md.
//   Portal.Bench.Limit --urls http://127.0.0.1:5197 --Responses <folder with requests.tsv>
//   Portal.Bench.Limit --Capture http://127.0.0.1:5197 --Responses <folder> --Lists articles.tsv,lists.txt,…  (Capture)
var builder = WebApplication.CreateSlimBuilder(args);
if (builder.Configuration["Capture"] is { } portal)
{
    return await Capture.RunAsync(portal, builder.Configuration["Responses"]!, builder.Configuration["Lists"]!.Split(','));
}

builder.Logging.ClearProviders();
var app = builder.Build();
var replies = Replies.Load(app.Configuration["Responses"] ?? throw new InvalidOperationException("--Responses <folder> is required."));

app.MapGet("/api/v1/articles", replies.Serve);
app.MapGet("/api/v1/articles/{idOrSlug}", replies.Serve);
app.MapGet("/api/v1/settings", replies.Serve);
app.MapGet("/api/v1/directives/by-number/{**number}", replies.Serve);
app.MapPost("/api/v1/hits", replies.Serve);
app.Run();
return 0;

using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Directives;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Directives;

namespace Portal.Bench.Seed;

/// <summary>A seeded directive as articles mention it.</summary>
internal sealed record SeededDirective(Guid Id, string Number, string TypeName, string IssuerName, DateOnly IssuedOn, bool HasRelations)
{
    /// <summary>"Kế hoạch số 1234/KH-UBND ngày 12/3/2024 của UBND huyện Vĩnh Cửu", as news text cites a document.</summary>
    public string Citation => $"{TypeName} số {Number} ngày {IssuedOn.Day}/{IssuedOn.Month}/{IssuedOn.Year} của {IssuerName}";
}

/// <summary>
/// Documents of the bodies a district portal publishes for, numbered as they really are: State numbers
/// (1234/QĐ-UBND), legal normative ones (12/2024/QĐ-UBND, 30/2020/NĐ-CP) and Party ones (45-KH/HU). Running numbers grow
/// through each year per issuer and type; about a third of the plans implement an earlier directive or resolution.
/// </summary>
internal static class DirectiveSeeder
{
    private enum Scheme { State, Legal, Party }

    /// <summary>A series: one issuer's documents of one type; <paramref name="PerYear"/> is its real yearly volume.</summary>
    private sealed record Series(string IssuerCode, string TypeCode, Scheme Scheme, int PerYear, int Weight);

    private sealed record Issuer(string Code, string Name, string Level, DateOnly? ValidTo);

    private static readonly DateOnly DistrictEnd = new(2025, 6, 30);

    private static readonly Issuer[] Issuers =
    [
        new("TW", "Bộ Chính trị", "central", null),
        new("CP", "Chính phủ", "central", null),
        new("TTg", "Thủ tướng Chính phủ", "central", null),
        new("TU", "Ban Thường vụ Tỉnh ủy Đồng Nai", "province", null),
        new("UBND", "UBND tỉnh Đồng Nai", "province", null),
        new("HU", "Ban Thường vụ Huyện ủy Vĩnh Cửu", "district", DistrictEnd),
        new("UBND", "UBND huyện Vĩnh Cửu", "district", DistrictEnd),
        new("HĐND", "HĐND huyện Vĩnh Cửu", "district", DistrictEnd),
    ];

    private static readonly Series[] Catalogue =
    [
        new("UBND:district", "QĐ", Scheme.State, 4000, 16), new("UBND:district", "KH", Scheme.State, 400, 10),
        new("UBND:district", "TB", Scheme.State, 600, 6), new("UBND:district", "BC", Scheme.State, 500, 4),
        new("UBND:district", "QĐ", Scheme.Legal, 30, 2), new("HĐND:district", "NQ", Scheme.State, 40, 3),
        new("HU:district", "KH", Scheme.Party, 250, 9), new("HU:district", "TB", Scheme.Party, 900, 5),
        new("HU:district", "CT", Scheme.Party, 20, 2), new("HU:district", "NQ", Scheme.Party, 30, 2),
        new("HU:district", "BC", Scheme.Party, 400, 3), new("TU:province", "KH", Scheme.Party, 200, 5),
        new("TU:province", "CT", Scheme.Party, 30, 3), new("TU:province", "NQ", Scheme.Party, 40, 3),
        new("UBND:province", "QĐ", Scheme.State, 5000, 8), new("UBND:province", "QĐ", Scheme.Legal, 80, 3),
        new("UBND:province", "KH", Scheme.State, 350, 4), new("CP", "NĐ", Scheme.Legal, 180, 3),
        new("CP", "NQ", Scheme.State, 200, 2), new("TTg", "QĐ", Scheme.State, 1800, 2),
        new("TTg", "CT", Scheme.State, 35, 2), new("TW", "CT", Scheme.Party, 8, 2),
        new("TW", "NQ", Scheme.Party, 12, 2), new("TW", "KL", Scheme.Party, 60, 2),
    ];

    private static readonly string[] Fields =
    [
        "Văn hóa - Xã hội", "Kinh tế", "Nội chính", "Xây dựng Đảng", "Tài nguyên - Môi trường", "Giáo dục", "Y tế",
        "Quốc phòng - An ninh", "Nông nghiệp", "Cải cách hành chính",
    ];

    public static async Task<IReadOnlyList<SeededDirective>> SeedAsync(IServiceProvider services, int count, int seed, DateOnly lastDay, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var html = scope.ServiceProvider.GetRequiredService<HtmlContent>();
        var bodies = await IssuingBodiesAsync(db, ct);
        var text = new TextGenerator(new Random(seed));

        // Draw series and dates first, then number each series in date order so running numbers grow through the year.
        var drafts = Enumerable.Range(0, count).Select(_ => Draw(text, bodies, lastDay)).OrderBy(d => d.IssuedOn).ToList();
        var counters = new Dictionary<(string, string, Scheme, int), int>();
        var perSeriesYear = drafts.CountBy(d => (d.Series.IssuerCode, d.Series.TypeCode, d.Series.Scheme, d.IssuedOn.Year)).ToDictionary();
        var seeded = new List<SeededDirective>(count);
        var policies = new List<Directive>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (series, body, issuedOn) in drafts)
        {
            var key = (series.IssuerCode, series.TypeCode, series.Scheme, issuedOn.Year);
            var step = Math.Max(1, series.PerYear / perSeriesYear[key]);
            var running = counters[key] = counters.GetValueOrDefault(key) + text.Next(1, 2 * step + 1);
            var number = series.Scheme switch
            {
                Scheme.Party => $"{running:00}-{series.TypeCode}/{body.Code}",
                Scheme.Legal => $"{running:00}/{issuedOn.Year}/{series.TypeCode}-{body.Code}",
                _ => $"{running}/{series.TypeCode}-{body.Code}",
            };
            var implements = series.TypeCode == "KH" && policies.Count > 0 && text.Chance(0.35) ? policies[text.Next(Math.Max(0, policies.Count - 30), policies.Count)] : null;
            var @abstract = implements is null
                ? Abstract(text, series.TypeCode)
                : $"Triển khai thực hiện {implements.TypeName} số {implements.Number} ngày {implements.IssuedOn.Day}/{implements.IssuedOn.Month}/{implements.IssuedOn.Year} của {implements.IssuerName}";
            var publishedAt = VietnamTime.StartOfDayUtc(issuedOn).AddHours(text.Next(24, 24 * 5));
            var directive = DirectiveFactory.Create(number, series.TypeCode, body, issuedOn, @abstract, html.Sanitize(Content(text)), publishedAt, publishedAt);
            directive.Signer = text.Pick(Vocabulary.People);
            directive.Field = text.Pick(Fields);
            directive.EffectiveOn = issuedOn;
            directive.ViewCount = text.Next(0, 3000);
            directive.SearchText = DirectiveFactory.SearchText(directive);
            if (implements is not null)
            {
                directive.Relations.Add(new DirectiveRelation { FromId = directive.Id, ToId = implements.Id, Kind = RelationKind.Implements });
            }

            if (series.TypeCode is "CT" or "NQ" or "KL" && series.IssuerCode is "TW" or "TU:province" or "CP" or "TTg")
            {
                policies.Add(directive);
            }

            db.Directives.Add(directive);
            if (seeded.Count % 100 == 99)
            {
                // The change-log interceptor scans every tracked entry on each save: save in small steps.
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            seeded.Add(new SeededDirective(directive.Id, directive.Number, directive.TypeName, directive.IssuerName, issuedOn, implements is not null));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return seeded;
    }

    private static (Series Series, IssuingBody Body, DateOnly IssuedOn) Draw(TextGenerator text, Dictionary<string, IssuingBody> bodies, DateOnly lastDay)
    {
        var pick = text.Next(0, Catalogue.Sum(s => s.Weight));
        var series = Catalogue.First(s => (pick -= s.Weight) < 0);
        var body = bodies[series.IssuerCode];
        var last = body.ValidTo is { } end && end < lastDay ? end : lastDay;
        // Nine years of documents; legal normative numbers must carry a year the parser accepts.
        var issuedOn = last.AddDays(-text.Next(0, 9 * 365));
        return (series, body, issuedOn);
    }

    /// <summary>The catalogue's issuing bodies, reusing those Portal's own seed created (TW, HU).</summary>
    private static async Task<Dictionary<string, IssuingBody>> IssuingBodiesAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = await db.IssuingBodies.ToListAsync(ct);
        var bodies = new Dictionary<string, IssuingBody>();
        foreach (var issuer in Issuers)
        {
            var body = existing.FirstOrDefault(b => b.Code == issuer.Code && b.Level == issuer.Level);
            if (body is null)
            {
                body = new IssuingBody { Id = Guid.CreateVersion7(), Code = issuer.Code, Name = issuer.Name, Level = issuer.Level, ValidTo = issuer.ValidTo };
                db.IssuingBodies.Add(body);
            }

            bodies[issuer.Level is "central" ? issuer.Code : $"{issuer.Code}:{issuer.Level}"] = body;
        }

        await db.SaveChangesAsync(ct);
        return bodies;
    }

    private static string Abstract(TextGenerator text, string typeCode) => typeCode switch
    {
        "QĐ" => text.Chance(0.5)
            ? $"Về việc thành lập Ban Chỉ đạo {text.Pick(Vocabulary.Objects)} {text.Pick(Vocabulary.Occasions)}"
            : $"Về việc ban hành Quy chế phối hợp thực hiện {text.Pick(Vocabulary.Objects)}",
        "TB" => $"Kết luận của {text.Pick(Vocabulary.Positions)} tại buổi làm việc về {text.Pick(Vocabulary.Objects)}",
        "BC" => $"Kết quả thực hiện {text.Pick(Vocabulary.Objects)} {text.Pick(Vocabulary.Occasions)}",
        "CT" => $"Về tăng cường sự lãnh đạo của Đảng đối với {text.Pick(Vocabulary.Objects)}",
        _ => $"Về việc {text.Pick(Vocabulary.Verbs)} {text.Pick(Vocabulary.Objects)} {text.Pick(Vocabulary.Occasions)}",
    };

    private static string Content(TextGenerator text)
    {
        var html = new StringBuilder("<p>").Append(text.Sentence(null)).Append("</p><ol>");
        for (var i = text.Next(3, 7); i > 0; i--)
        {
            html.Append("<li>").Append(text.Sentence(null)).Append("</li>");
        }

        return html.Append("</ol><p>").Append(text.Sentence(null)).Append("</p>").ToString();
    }
}

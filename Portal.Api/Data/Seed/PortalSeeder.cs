using Microsoft.EntityFrameworkCore;
using Portal.Api.Features.Articles;
using Portal.Api.Features.Directives;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Common;
using Portal.Domain.Directives;
using Portal.Domain.Settings;
using Portal.Domain.Text;

namespace Portal.Api.Data.Seed;

/// <summary>
/// Seeds the first data Portal serves: the Vĩnh Cửu portal page. Each seed set is applied once and recorded in
/// <c>AppliedSeeds</c> in the same transaction, so a restart never duplicates content or overwrites later edits,
/// and two instances starting together cannot both apply it (the second fails on the key and rolls back).
/// </summary>
internal sealed class PortalSeeder(PortalDbContext db, TimeProvider clock, HtmlContent html)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.AppliedSeeds.AnyAsync(s => s.Name == VinhCuuSeed.Name, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var central = new IssuingBody { Id = Guid.CreateVersion7(), Name = "Bộ Chính trị", Code = "TW", Level = "central" };
        var district = new IssuingBody
        {
            Id = Guid.CreateVersion7(),
            Name = VinhCuuSeed.PlanIssuer,
            Code = "HU",
            Level = "district",
            // District-level government ended with the 2025 local-government reform (in force 1 July 2025).
            ValidTo = new DateOnly(2025, 6, 30),
        };
        db.IssuingBodies.AddRange(central, district);

        var directive = DirectiveFactory.Create(
            VinhCuuSeed.DirectiveNumber, "CT", central, VinhCuuSeed.DirectiveIssuedOn, VinhCuuSeed.DirectiveAbstract, null,
            VietnamTime.StartOfDayUtc(VinhCuuSeed.DirectiveIssuedOn), now);
        var plan = DirectiveFactory.Create(
            VinhCuuSeed.PlanNumber, "KH", district, VinhCuuSeed.PlanIssuedOn, VinhCuuSeed.PlanAbstract, html.Sanitize(VinhCuuSeed.PlanContentHtml()),
            VinhCuuSeed.ArticlePublishedAt, now);
        plan.Relations.Add(new DirectiveRelation { FromId = plan.Id, ToId = directive.Id, Kind = RelationKind.Implements });
        db.Directives.AddRange(directive, plan);

        var category = new Category { Id = Guid.CreateVersion7(), Name = VinhCuuSeed.CategoryName, Slug = VietnameseText.Slugify(VinhCuuSeed.CategoryName) };
        db.Categories.Add(category);

        var body = html.Sanitize(VinhCuuSeed.ArticleBodyHtml());
        var article = new Article
        {
            Id = Guid.CreateVersion7(),
            Title = VinhCuuSeed.ArticleTitle,
            Slug = VietnameseText.Slugify(VinhCuuSeed.ArticleTitle),
            Summary = VinhCuuSeed.Lead,
            BodyHtml = body,
            Author = VinhCuuSeed.ArticleAuthor,
            CoverImage = new ArticleImage { FileName = VinhCuuSeed.ImageFileName, Caption = VinhCuuSeed.ImageCaption, AltText = VinhCuuSeed.ImageAlt },
            CategoryId = category.Id,
            Tags = [new ArticleTag { Name = "Trẻ em", Key = VietnameseText.Slugify("Trẻ em") }],
            Status = ContentStatus.Published,
            PublishedAt = VinhCuuSeed.ArticlePublishedAt,
            CreatedAt = now,
            UpdatedAt = now,
        };
        article.SearchText = ArticleText.SearchText(article.Title, article.Summary, body);
        article.SearchTitle = VietnameseText.Fold(article.Title);
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        await ArticleMentions.RefreshAsync(db, article, [], ct);

        if (!await db.Settings.AnyAsync(ct))
        {
            db.Settings.Add(SettingsSeed.Create(now));
        }

        db.AppliedSeeds.Add(new AppliedSeed { Name = VinhCuuSeed.Name, AppliedAt = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

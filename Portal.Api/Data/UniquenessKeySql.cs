namespace Portal.Api.Data;

/// <summary>
/// Raw SQL (the same on SQLite and PostgreSQL) that moves stored Party uniqueness keys from the issue date to its
/// calendar year (<see cref="Domain.Directives.DirectiveUniqueness"/>, Hướng dẫn 36-HD/VPTW), called by the
/// <c>PartyNumbersPerYear</c> migrations.
/// </summary>
public static class UniquenessKeySql
{
    /// <summary>
    /// Rewrites <c>party|key|issuer|yyyy-MM-dd</c> as <c>party|key|issuer|yyyy</c>. Where several live directives now
    /// share a key (one Party number entered twice in a year, which the old rule let through), only the first created
    /// takes it; the others keep their dated key, so the unique index holds, and the editor resolves the duplicate the
    /// next time one of them is saved (409). Order-independent: every row is compared by its year key, whether or
    /// not the statement has rewritten it yet.
    /// </summary>
    public const string PartyKeysToYear = """
        UPDATE "Directives" SET "UniquenessKey" = substr("UniquenessKey", 1, length("UniquenessKey") - 6)
        WHERE "UniquenessKey" LIKE 'party|%' AND substr("UniquenessKey", length("UniquenessKey") - 5, 1) = '-'
          AND NOT EXISTS (
            SELECT 1 FROM "Directives" AS o
            WHERE o."UniquenessKey" LIKE 'party|%' AND o."Id" <> "Directives"."Id"
              AND (CASE WHEN substr(o."UniquenessKey", length(o."UniquenessKey") - 5, 1) = '-'
                        THEN substr(o."UniquenessKey", 1, length(o."UniquenessKey") - 6) ELSE o."UniquenessKey" END)
                  = substr("Directives"."UniquenessKey", 1, length("Directives"."UniquenessKey") - 6)
              AND (o."CreatedAt" < "Directives"."CreatedAt" OR (o."CreatedAt" = "Directives"."CreatedAt" AND o."Id" < "Directives"."Id")));
        """;
}

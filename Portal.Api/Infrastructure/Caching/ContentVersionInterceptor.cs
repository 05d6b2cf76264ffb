using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Portal.Api.Infrastructure.Caching;

/// <summary>
/// Raises the <see cref="ContentVersion"/> for every write, whatever code path made it: a transaction's commit, a
/// SaveChanges outside any transaction, or a bulk ExecuteUpdate/ExecuteDelete outside one. On PostgreSQL the shared
/// version row is raised inside the committing transaction, so the new version and the new data become visible to
/// other instances together; an autocommitted write raises it right after. Register after the change-log interceptor.
/// Writes inside <see cref="ContentVersion.CountersOnly"/> (the visit counter's flush) raise nothing.
/// </summary>
internal sealed class ContentVersionInterceptor(ContentVersion version, bool shared) : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor
{
    // Contexts whose SaveChanges committed a transaction of its own: the commit raised the version already.
    private readonly ConditionalWeakTable<DbContext, object> _committedDuringSave = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Forget(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (shared && !version.Migrating && !ContentVersion.WritingCountersOnly)
        {
            RaiseIn(transaction);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (shared && !version.Migrating && !ContentVersion.WritingCountersOnly)
        {
            await RaiseInAsync(transaction, cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && NeedsRaiseAfterSave(eventData.Context))
        {
            AfterAutocommit(eventData.Context?.Database.GetDbConnection()).GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && NeedsRaiseAfterSave(eventData.Context))
        {
            await AfterAutocommit(eventData.Context?.Database.GetDbConnection(), cancellationToken);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result > 0 && command.Transaction is null)
        {
            AfterAutocommit(command.Connection).GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && command.Transaction is null)
        {
            await AfterAutocommit(command.Connection, cancellationToken);
        }

        return result;
    }

    private void Committed(DbContext? context)
    {
        if (ContentVersion.WritingCountersOnly)
        {
            return;
        }

        if (context is not null)
        {
            _committedDuringSave.AddOrUpdate(context, this);
        }

        version.Committed();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _committedDuringSave.Remove(context);
        }
    }

    /// <summary>A save outside any open transaction whose writes no commit of its own has announced (a single autocommitted statement).</summary>
    private bool NeedsRaiseAfterSave(DbContext? context) =>
        context is not null && context.Database.CurrentTransaction is null && !_committedDuringSave.Remove(context);

    private async Task AfterAutocommit(DbConnection? connection, CancellationToken ct = default)
    {
        if (ContentVersion.WritingCountersOnly)
        {
            return;
        }

        if (shared && !version.Migrating && connection is not null)
        {
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(ct);
            }

            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = DatabaseContentVersion.RaiseSql;
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }

        version.Committed();
    }

    private static void RaiseIn(DbTransaction transaction) => RaiseInAsync(transaction, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task RaiseInAsync(DbTransaction transaction, CancellationToken ct)
    {
        if (transaction.Connection is not { } connection)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = DatabaseContentVersion.RaiseSql;
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InFailedSqlTransaction)
        {
            // The transaction already failed: committing it rolls it back, so there is nothing to announce.
        }
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Portal.Api.Infrastructure.Caching;

/// <summary>
/// Raises the <see cref="ContentVersion"/> for every write, whatever code path made it: a transaction's commit, a
/// SaveChanges outside any transaction, or a bulk ExecuteUpdate/ExecuteDelete outside one. On PostgreSQL the shared
/// version row is raised inside the committing transaction, so the new version and the new data become visible to
/// other instances together; an autocommitted write raises it right after. Register after the change-log interceptor.
/// </summary>
internal sealed class ContentVersionInterceptor(ContentVersion version, bool shared) : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor
{
    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (shared && !version.Migrating)
        {
            RaiseIn(transaction);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (shared && !version.Migrating)
        {
            await RaiseInAsync(transaction, cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Committed();
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
        {
            AfterAutocommit(eventData.Context?.Database.GetDbConnection()).GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
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

    private async Task AfterAutocommit(DbConnection? connection, CancellationToken ct = default)
    {
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

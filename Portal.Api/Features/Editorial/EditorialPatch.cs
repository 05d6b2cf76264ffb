using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Api.Infrastructure;
using Portal.Domain.Common;

namespace Portal.Api.Features.Editorial;

/// <summary>
/// PATCH for the publishable resources (articles, directives): a JSON Merge Patch (<see cref="MergePatch"/>) is read
/// and checked against the command's members, the item is loaded for writing (404, If-Match → 412) in a transaction,
/// the patch is merged into its current editable fields and the result validated as a PUT body, and then the resource's
/// own PUT write path saves it — so a PATCH triggers exactly what a PUT does (sanitising, slugs, mentions, change log,
/// webhooks).
/// </summary>
internal static class EditorialPatch
{
    /// <summary>Runs a PATCH of one item.</summary>
    /// <typeparam name="TItem">The entity.</typeparam>
    /// <typeparam name="TCommand">The PUT body, which the patch is merged into.</typeparam>
    /// <typeparam name="TResponse">The representation answered.</typeparam>
    /// <param name="c">The request's services.</param>
    /// <param name="validator">The PUT body's validator.</param>
    /// <param name="resource">The resource in messages, e.g. "article".</param>
    /// <param name="example">A patch to show in the message for a body that is not an object.</param>
    /// <param name="load">Loads the item for writing (called inside the transaction).</param>
    /// <param name="current">The item's editable fields as a command.</param>
    /// <param name="replace">The resource's PUT write path, given the merged command and the open transaction to commit.</param>
    public static async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync<TItem, TCommand, TResponse>(
        EditorialContext c,
        IValidator<TCommand> validator,
        string resource,
        string example,
        Func<Task<WriteTarget<TItem>>> load,
        Func<TItem, Task<TCommand>> current,
        Func<TItem, TCommand, IDbContextTransaction, Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>>> replace)
        where TItem : class
        where TCommand : class, INormalizable<TCommand>
    {
        var json = c.Json.Value.SerializerOptions;
        var read = await MergePatch.ReadAsync<TCommand>(c.Http.Request, json, $"a {resource}", example, $"the whole {resource} with PUT", c.Ct);
        if (read.Unsupported is { } unsupported)
        {
            return unsupported;
        }

        if (read.Invalid is { } misshapen)
        {
            return misshapen;
        }

        await using var tx = await c.Db.Database.BeginTransactionAsync(c.Ct);
        var target = await load();
        if (target.Refused)
        {
            return target.Refusal;
        }

        var (command, invalid) = await MergePatch.ApplyAsync(await current(target.Item), read.Patch!, json, validator, c.Ct);
        return invalid is not null ? invalid : await replace(target.Item, command!, tx);
    }
}

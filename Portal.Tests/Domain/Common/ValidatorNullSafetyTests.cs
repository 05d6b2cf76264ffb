using System.Collections;
using System.Runtime.CompilerServices;
using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Tests.Domain.Common;

/// <summary>
/// Every validator in Portal.Domain and Portal.Api survives bodies with members missing, null, empty or holding null
/// items: a check that reads a value never runs after the check that found it missing (issue 13 item 5: a webhook
/// without <c>events</c> was a 500). Walks the validators by reflection, so a new one is covered without a new test.
/// </summary>
public sealed class ValidatorNullSafetyTests
{
    public static TheoryData<Type> Validators()
    {
        var data = new TheoryData<Type>();
        foreach (var type in new[] { typeof(PortalValidator<>).Assembly, typeof(Portal.Api.Infrastructure.Problems).Assembly }
                     .SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && CommandTypeOf(t) is not null)
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void There_are_validators_to_walk() => Assert.True(Validators().Count >= 10);

    [Theory]
    [MemberData(nameof(Validators))]
    public void Each_validator_stops_a_rule_at_its_first_failure(Type validatorType)
    {
        Assert.True(IsPortalValidator(validatorType), $"{validatorType.Name} must derive from PortalValidator<T> (rules stop at their first failure).");
        var validator = Activator.CreateInstance(validatorType)!;
        Assert.Equal(CascadeMode.Stop, validatorType.GetProperty(nameof(AbstractValidator<object>.RuleLevelCascadeMode))!.GetValue(validator));
    }

    [Theory]
    [MemberData(nameof(Validators))]
    public void Each_validator_names_missing_null_and_empty_members_without_throwing(Type validatorType)
    {
        var validator = (IValidator)Activator.CreateInstance(validatorType)!;
        var commandType = CommandTypeOf(validatorType)!;
        foreach (var filling in new Func<Type, object?>[] { _ => null, Empty, WithNullItems })
        {
            var command = RuntimeHelpers.GetUninitializedObject(commandType);
            foreach (var property in commandType.GetProperties().Where(p => p.CanWrite))
            {
                property.SetValue(command, filling(property.PropertyType) ?? Default(property.PropertyType));
            }

            var result = validator.Validate(new ValidationContext<object>(command));
            Assert.NotNull(result);
        }
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    private static object? Empty(Type type) =>
        type == typeof(string) ? "" : ListOf(type) is { } item ? Array.CreateInstance(item, 0) : null;

    private static object? WithNullItems(Type type)
    {
        if (type == typeof(string))
        {
            return " ";
        }

        if (ListOf(type) is not { } item)
        {
            return null;
        }

        var list = Array.CreateInstance(item, 2);
        if (item == typeof(string))
        {
            list.SetValue("", 1);
        }

        return list;
    }

    private static Type? ListOf(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
        && type.GetGenericArguments() is [var item] && type.IsAssignableFrom(item.MakeArrayType())
            ? item
            : null;

    private static Type? CommandTypeOf(Type validatorType)
    {
        for (var t = validatorType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static bool IsPortalValidator(Type validatorType)
    {
        for (var t = validatorType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PortalValidator<>))
            {
                return true;
            }
        }

        return false;
    }
}

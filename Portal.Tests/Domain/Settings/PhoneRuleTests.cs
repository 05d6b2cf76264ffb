using Portal.Domain.Common;

namespace Portal.Tests.Domain.Settings;

/// <summary>Vietnamese phone numbers as portals print them (Rules.IsVietnamesePhone).</summary>
public sealed class PhoneRuleTests
{
    [Theory]
    // Fixed lines with a 4-digit area code (0251 Đồng Nai, 0236 Đà Nẵng, 0203 Quảng Ninh) and 7 digits.
    [InlineData("(0251).3861114")]
    [InlineData("0251 3861 114")]
    [InlineData("0251.3861.114")]
    [InlineData("0251-3861114")]
    [InlineData("(0236) 3822 132")]
    [InlineData("0203.3825.311")]
    // Fixed lines with a 3-digit area code (024 Hà Nội, 028 TP. Hồ Chí Minh) and 8 digits.
    [InlineData("(024) 3825 3536")]
    [InlineData("024.38253536")]
    [InlineData("(028) 3829 6052")]
    // Mobiles 09x, 03x, 07x, 08x, 05x.
    [InlineData("0912 345 678")]
    [InlineData("0987654321")]
    [InlineData("0903.123.456")]
    [InlineData("0388 123 456")]
    [InlineData("0707 123 456")]
    [InlineData("0812-345-678")]
    [InlineData("0523 456 789")]
    [InlineData("0563456789")]
    // International form.
    [InlineData("+84 251 3861114")]
    [InlineData("+84 24 3825 3536")]
    [InlineData("(+84) 251.3861114")]
    [InlineData("+842513861114")]
    [InlineData("+84 912 345 678")]
    [InlineData("+84388123456")]
    // 1800 (free) and 1900 (premium) hotlines, 8 or 10 digits.
    [InlineData("1800 1091")]
    [InlineData("18001091")]
    [InlineData("1800.599.920")]
    [InlineData("1900 561 558")]
    [InlineData("1900 1234")]
    public void Real_Vietnamese_numbers_are_accepted(string phone) => Assert.True(Rules.IsVietnamesePhone(phone), phone);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12345")]
    [InlineData("0251 386 111")]            // 10 digits after 02: a fixed line has 11
    [InlineData("(0251).38611145")]         // 12 digits
    [InlineData("0912 345 67")]             // 9-digit mobile
    [InlineData("0912 345 6789")]           // 11-digit mobile
    [InlineData("0123 456 7890")]           // 01xx mobiles moved to 03x/05x/07x/08x in 2018
    [InlineData("04 3825 3536")]            // Hà Nội before the 2017 area-code change
    [InlineData("0612 345 678")]            // no 06x mobiles
    [InlineData("+84 (0) 251 3861114")]     // the trunk 0 does not follow +84
    [InlineData("+84 0912 345 678")]
    [InlineData("+1 202 555 0143")]         // not Vietnamese
    [InlineData("+84 1800 1091")]           // service numbers are national only
    [InlineData("0084 251 3861114")]
    [InlineData("1900 12345")]              // 9-digit service number
    [InlineData("1800 12")]
    [InlineData("0251 3861114 ext 12")]
    [InlineData("(0251).3861114 - 3861115")] // two numbers
    [InlineData("0251/3861114")]
    [InlineData("++84 912 345 678")]
    [InlineData("0912 + 345 678")]
    [InlineData("０９１２３４５６７８")]       // full-width digits
    public void Malformed_or_foreign_numbers_are_rejected(string phone) => Assert.False(Rules.IsVietnamesePhone(phone), phone);

    [Fact]
    public void A_missing_number_is_rejected() => Assert.False(Rules.IsVietnamesePhone(null));
}

using Portal.Domain.Common;

namespace Portal.Tests.Domain.Settings;

/// <summary>E-mail addresses, link URLs and theme colours (Rules).</summary>
public sealed class ContactRuleTests
{
    [Theory]
    [InlineData("ubnd-vc@dongnai.gov.vn")]
    [InlineData("vanthu.ubnd@hanoi.gov.vn")]
    [InlineData("so.tttt+portal@tphcm.gov.vn")]
    [InlineData("ttdt_ubnd@quangninh.gov.vn")]
    [InlineData("UBND@DongNai.Gov.VN")]
    [InlineData("a@b.co")]
    public void Plain_addresses_are_e_mails(string email) => Assert.True(Rules.IsEmail(email), email);

    [Theory]
    [InlineData("")]
    [InlineData("ubnd-vc")]
    [InlineData("ubnd-vc@")]
    [InlineData("@dongnai.gov.vn")]
    [InlineData("ubnd vc@dongnai.gov.vn")]
    [InlineData("ubnd-vc@dongnai")]
    [InlineData("ubnd-vc@@dongnai.gov.vn")]
    [InlineData(".ubnd@dongnai.gov.vn")]
    [InlineData("ubnd.@dongnai.gov.vn")]
    [InlineData("ubnd..vc@dongnai.gov.vn")]
    [InlineData("ubnd-vc@dongnai..gov.vn")]
    [InlineData("ubnd-vc@-dongnai.gov.vn")]
    [InlineData("ubnd-vc@dongnai.gov.v")]
    [InlineData("UBND <ubnd-vc@dongnai.gov.vn>")]
    [InlineData("ubnd-vc@dongnai.gov.vn; vanthu@dongnai.gov.vn")]
    [InlineData("ubnd@đồngnai.gov.vn")]
    [InlineData("mailto:ubnd-vc@dongnai.gov.vn")]
    public void Anything_else_is_not_an_e_mail(string email) => Assert.False(Rules.IsEmail(email), email);

    [Fact]
    public void A_local_part_over_64_characters_is_not_an_e_mail() =>
        Assert.False(Rules.IsEmail(new string('a', 65) + "@dongnai.gov.vn"));

    [Theory]
    [InlineData("https://dongnai.gov.vn/")]
    [InlineData("http://vinhcuu.dongnai.gov.vn")]
    [InlineData("https://dongnai.gov.vn/Pages/gioithieu.aspx?ItemID=1&IsTA=False")]
    [InlineData("https://chinhphu.vn/#muc-1")]
    [InlineData("HTTPS://DONGNAI.GOV.VN")]
    [InlineData("https://dongnai.gov.vn:8443/van-ban")]
    [InlineData("https://xn--ngnai-ksa.vn/")]
    public void Absolute_http_and_https_urls_are_links(string url) => Assert.True(Rules.IsHttpUrl(url), url);

    [Theory]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("/tin-tuc/tang-cuong-cong-tac")]
    [InlineData("tin-tuc/tang-cuong-cong-tac")]
    [InlineData("//dongnai.gov.vn/")]
    [InlineData("dongnai.gov.vn")]
    [InlineData("https://dongnai.gov.vn/tin tuc")]
    [InlineData(" https://dongnai.gov.vn/")]
    [InlineData("https://dongnai.gov.vn/\tx")]
    [InlineData("ftp://dongnai.gov.vn/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:ubnd-vc@dongnai.gov.vn")]
    [InlineData("https://")]
    [InlineData("https://user:secret@dongnai.gov.vn/")]
    public void Scripts_data_relative_and_spaced_urls_are_not_links(string url) => Assert.False(Rules.IsHttpUrl(url), url);

    [Fact]
    public void A_url_with_a_control_character_is_not_a_link() => Assert.False(Rules.IsHttpUrl("https://dongnai.gov.vn/\u0000"));

    [Theory]
    [InlineData("#C8102E")]
    [InlineData("#c8102e")]
    [InlineData("#0B5CAD")]
    [InlineData("#FFF")]
    [InlineData("#000")]
    public void Three_and_six_digit_hex_codes_are_colours(string hex) => Assert.True(Rules.IsHexColour(hex), hex);

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("C8102E")]
    [InlineData("#C8102")]
    [InlineData("#C8102EE")]
    [InlineData("#C8102EFF")]
    [InlineData("#GGGGGG")]
    [InlineData("red")]
    [InlineData(" #FFF")]
    [InlineData("rgb(200, 16, 46)")]
    [InlineData("#ＦＦＦ")]
    public void Anything_else_is_not_a_colour(string hex) => Assert.False(Rules.IsHexColour(hex), hex);
}

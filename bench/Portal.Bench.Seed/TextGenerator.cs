using System.Globalization;
using System.Text;
using static Portal.Bench.Seed.Vocabulary;

namespace Portal.Bench.Seed;

/// <summary>
/// Deterministic Vietnamese news text: the same <see cref="Random"/> seed always gives the same title, lead and body.
/// Lengths follow a district portal: titles of about 80 characters, leads of about 300, bodies of 3-5 KB.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394", Justification = "Reproducible test data, not security: a seeded Random is the point.")]
internal sealed class TextGenerator(Random random)
{
    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public int Next(int min, int max) => random.Next(min, max);

    public bool Chance(double p) => random.NextDouble() < p;

    /// <summary>"UBND huyện tổ chức kiểm tra công tác cải cách hành chính năm 2024", about 60-110 characters.</summary>
    public string Title()
    {
        var title = $"{Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)} {Pick(Occasions)}";
        return title.Length < 70 && Chance(0.5) ? $"{title}, {Pick(Purposes)}" : title;
    }

    /// <summary>The lead (sapo): one or two sentences, about 300 characters.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        while (text.Length < 180)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(Sentence(mention: null));
        }

        return text.ToString();
    }

    /// <summary>Paragraphs of 3-6 sentences until the body holds 2,500-4,000 characters (3-5 KB of UTF-8), citing the given documents.</summary>
    public string BodyHtml(IReadOnlyList<string> mentions)
    {
        var target = Next(2500, 4000);
        var html = new StringBuilder(target + 500);
        var pending = new Queue<string>(mentions);
        while (html.Length < target)
        {
            if (html.Length > 0 && Chance(0.15))
            {
                html.Append("<h3>").Append(Capitalise($"{Pick(Verbs)} {Pick(Objects)}")).Append("</h3>");
            }

            html.Append("<p>");
            var sentences = Next(3, 7);
            for (var i = 0; i < sentences; i++)
            {
                html.Append(i == 0 ? "" : " ").Append(Sentence(pending.Count > 0 && i == 0 ? pending.Dequeue() : null));
            }

            html.Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>One sentence of report prose; a <paramref name="mention"/> ("Kế hoạch số 211/KH-HU …") opens it when given.</summary>
    public string Sentence(string? mention)
    {
        if (mention is not null)
        {
            return $"Thực hiện {mention}, {Pick(Subjects)} đã {Pick(Verbs)} {Pick(Objects)} {Pick(Occasions)}, {Pick(Outcomes)}.";
        }

        return Next(0, 8) switch
        {
            0 => $"Theo báo cáo của {Pick(Subjects)}, {Pick(Periods)} đã có {Number()} {Pick(Units)} được hỗ trợ, đạt {Next(70, 130)}% kế hoạch đề ra.",
            1 => $"Trong {Pick(Periods)}, {Pick(Subjects)} đã {Pick(Verbs)} {Pick(Objects)}, góp phần {Pick(Outcomes)}.",
            2 => $"Phát biểu tại hội nghị, đồng chí {Pick(People)}, {Pick(Positions)}, đề nghị các cơ quan, đơn vị tiếp tục {Pick(Verbs)} {Pick(Objects)}, {Pick(Purposes)}.",
            3 => $"Bên cạnh đó, {Pick(Subjects)} còn {Pick(Verbs)} {Pick(Objects)} nhằm {Pick(Purposes)}.",
            4 => $"Đến nay, toàn huyện có {Number()} {Pick(Units)} tham gia, tăng {Next(2, 40)}% so với cùng kỳ năm trước.",
            5 => $"Qua đó, {Pick(Outcomes)}, {Pick(Purposes)}.",
            6 => $"Dịp này, {Pick(Subjects)} đã trao {Number()} {Pick(Gifts)} cho các gia đình chính sách, hộ nghèo và cận nghèo {Pick(Occasions)}.",
            _ => $"{Capitalise(Pick(Subjects))} yêu cầu các xã, thị trấn {Pick(Verbs)} {Pick(Objects)}; định kỳ báo cáo kết quả về {Pick(Subjects)} trước ngày {Next(1, 29)}/{Next(1, 13)} để tổng hợp.",
        };
    }

    private string Number() => Next(12, 4800).ToString("N0", Vietnamese);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpper(s[0], Vietnamese) + s[1..];
}

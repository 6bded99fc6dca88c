using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>Reads the role a 区分 cell states (監査人, 事業者, 監査項目一覧).</summary>
internal static class Roles
{
    public static SubmissionRole FromText(string? text)
    {
        var t = Text.Nfkc(text);
        if (t.Length == 0) return SubmissionRole.None;
        if (t.Contains("一覧") || t.Contains("マスタ") || t.Contains("項目表")) return SubmissionRole.Master;
        if (t.Contains("監査")) return SubmissionRole.Auditor;
        if (t.Contains("事業者") || t.Contains("委託") || t.Contains("ベンダ") || t.Contains("業者") || t.Contains("回答") || t.Contains("受託"))
            return SubmissionRole.Vendor;
        if (t.Equals("auditor", StringComparison.OrdinalIgnoreCase)) return SubmissionRole.Auditor;
        if (t.Equals("vendor", StringComparison.OrdinalIgnoreCase)) return SubmissionRole.Vendor;
        if (t.Equals("master", StringComparison.OrdinalIgnoreCase)) return SubmissionRole.Master;
        return SubmissionRole.None;
    }
}

namespace Consolidator.Core.Model;

/// <summary>
/// The one problem record. Every stage adds to it; 要確認 lists it, <c>validate</c> prints it.
/// A note names the cells it is about, keeps the original text and says what to do, in
/// Japanese first and English second.
/// </summary>
public sealed record ReviewNote(
    ReviewKind Kind,
    string? ItemId,
    IReadOnlyList<CellRef> Cells,
    string Original,
    string MessageJa,
    string MessageEn,
    string FixJa,
    string FixEn)
{
    /// <summary>Japanese name of the kind, as 要確認 shows it (e.g. 判定不一致).</summary>
    public string KindLabel => Kind.Label();

    /// <summary>The cells as <c>file!sheet!A1</c>, joined by a line break.</summary>
    public string Where => Cells.Count == 0 ? "" : string.Join("\n", Cells.Select(c => c.ToString()));

    public override string ToString() =>
        $"[{KindLabel}] {(Cells.Count > 0 ? Cells[0] + " " : "")}{MessageJa} / {MessageEn}";
}

/// <summary>What a <see cref="ReviewNote"/> is about. The Japanese label is what people filter on.</summary>
public enum ReviewKind
{
    UnknownItemId,
    DuplicateItemId,
    MissingItemId,
    Pending,
    InvalidJudgment,
    ContradictoryJudgment,
    MissingFinding,
    JudgmentDisagreement,
    VendorNotImplemented,
    VendorNotApplicable,
    VendorNoAnswer,
    InvalidAnswer,
    VendorNotNamed,
    TextTooLong,
    SameName,
    OutputNameCollision,
    RosterEntry,
}

public static class ReviewKindExtensions
{
    public static string Label(this ReviewKind kind) => kind switch
    {
        ReviewKind.UnknownItemId => "不明な項目番号",
        ReviewKind.DuplicateItemId => "項目番号重複",
        ReviewKind.MissingItemId => "項目番号なし",
        ReviewKind.Pending => "未判定",
        ReviewKind.InvalidJudgment => "不正な判定",
        ReviewKind.ContradictoryJudgment => "判定の記号と名称が矛盾",
        ReviewKind.MissingFinding => "指摘内容なし",
        ReviewKind.JudgmentDisagreement => "判定不一致",
        ReviewKind.VendorNotImplemented => "事前回答未実施・判定適合",
        ReviewKind.VendorNotApplicable => "事前回答該当なし・判定対象外以外",
        ReviewKind.VendorNoAnswer => "未回答",
        ReviewKind.InvalidAnswer => "不正な回答",
        ReviewKind.VendorNotNamed => "事業者名なし",
        ReviewKind.TextTooLong => "文字数超過",
        ReviewKind.SameName => "同名の提出者",
        ReviewKind.OutputNameCollision => "出力名の衝突",
        ReviewKind.RosterEntry => "提出予定の記載",
        _ => kind.ToString(),
    };
}

namespace Consolidator.Core.Model;

/// <summary>
/// Builds every <see cref="ReviewNote"/> with its Japanese and English message and the fix,
/// so the wording lives in one place.
/// </summary>
public static class Notes
{
    private const string ScaleJa = "〇 ⦿ □ △ × ― のいずれか（又は 適合・参考意見・注意事項・不適合・重大な不適合・対象外）";
    private const string ScaleEn = "one of 〇 ⦿ □ △ × ― (or 適合 参考意見 注意事項 不適合 重大な不適合 対象外)";

    public static ReviewNote UnknownItemId(string id, CellRef cell, string original, bool universeIsMaster) => new(
        ReviewKind.UnknownItemId, id, [cell], original,
        universeIsMaster
            ? $"項目番号「{original}」は監査項目一覧にありません（不明な項目番号）。この行は集計していません。"
            : $"項目番号「{original}」はどの監査人のチェックリストにもありません（不明な項目番号）。この行は集計していません。",
        universeIsMaster
            ? $"Item id '{original}' is not in the master item list (unknown item id); the row is not counted."
            : $"Item id '{original}' is in no auditor's checklist (unknown item id); the row is not counted.",
        "監査項目一覧の項目番号と照合し、正しい番号に直してください。",
        "Check the id against the master item list and correct it.");

    public static ReviewNote DuplicateItemId(string id, CellRef first, CellRef again, string original) => new(
        ReviewKind.DuplicateItemId, id, [again, first], original,
        $"項目番号「{id}」が同じファイルに2回以上あります（項目番号重複）。最初の行（{first.Address}）だけを集計しています。"
            + (id.Contains('.') ? "Excel が 1.10 を数値 1.1 に変えた可能性もあります。" : ""),
        $"Item id '{id}' appears more than once in the file (duplicate id); only the first row ({first.Address}) is counted."
            + (id.Contains('.') ? " Excel may have turned an id such as 1.10 into the number 1.1." : ""),
        "重複している行を削除するか番号を直してください。番号の列は文字列（@）の書式にしてください。",
        "Delete the repeated row or correct its id; format the id column as text (@).");

    /// <summary>A row of an item table that is not used: no id, or the continuation of the item above. <paramref name="ja"/>/<paramref name="en"/> say why.</summary>
    public static ReviewNote RowNotUsed(CellRef cell, string original, string ja, string en) => new(
        ReviewKind.MissingItemId, null, [cell], original, ja, en,
        "項目であれば項目番号の列に監査項目一覧の番号を記入し、上の項目の続きであればその項目の行にまとめてください。",
        "If the row is an item, enter its id from the master list; if it continues the item above, move its text into that item's row.");

    public static ReviewNote JudgmentNotOnScale(string id, CellRef cell, string original, string meaning, CellRef legend) => new(
        ReviewKind.InvalidJudgment, id, [cell, legend], original,
        $"判定「{original}」は、このファイルの凡例（{legend.Address}）では「{meaning}」の意味で、判定の区分のどれにも当たりません（不正な判定）。未判定として扱っています。",
        $"Judgment '{original}' means '{meaning}' by the file's legend ({legend.Address}), which is no class of the scale (invalid judgment); the item is counted as pending.",
        $"判定欄に{ScaleJa}を記入するか、設定 Recognition:JudgmentSpellings で「{original}」の判定を定めてください。",
        $"Enter {ScaleEn}, or say what '{original}' means in Recognition:JudgmentSpellings.");

    public static ReviewNote Pending(string id, IReadOnlyList<CellRef> cells, string original = "") => new(
        ReviewKind.Pending, id, cells, original,
        cells.Count == 0
            ? $"項目 {id} はどの監査人のチェックリストにもありません（未判定）。"
            : original.Length > 0 ? $"項目 {id} の判定は「{original}」で、まだ決まっていません（未判定）。" : $"項目 {id} の判定が空欄です（未判定）。",
        cells.Count == 0
            ? $"Item {id} is in no auditor's checklist (pending)."
            : original.Length > 0 ? $"Item {id} is judged '{original}', not decided yet (pending)." : $"Item {id} has no judgment (pending).",
        $"判定欄に{ScaleJa}を記入してください。",
        $"Enter {ScaleEn} in the judgment cell.");

    public static ReviewNote InvalidJudgment(string id, CellRef cell, string original) => new(
        ReviewKind.InvalidJudgment, id, [cell], original,
        $"判定「{original}」は判定の区分にありません（不正な判定）。未判定として扱っています。",
        $"Judgment '{original}' is not on the scale (invalid judgment); the item is counted as pending.",
        $"判定欄に{ScaleJa}を記入してください。",
        $"Enter {ScaleEn}.");

    public static ReviewNote ContradictoryJudgment(string id, CellRef cell, string original) => new(
        ReviewKind.ContradictoryJudgment, id, [cell], original,
        $"判定「{original}」の記号と名称が食い違っています（不正な判定）。未判定として扱っています。",
        $"Judgment '{original}' gives a symbol and a label that disagree (invalid judgment); the item is counted as pending.",
        "記号か名称のどちらか一方に直してください。",
        "Keep either the symbol or the label, whichever is meant.");

    public static ReviewNote MissingFinding(string id, CellRef judgment, CellRef? finding, string original) => new(
        ReviewKind.MissingFinding, id, finding is null ? [judgment] : [judgment, finding], original,
        $"判定「{original}」ですが指摘内容が空欄です（指摘内容なし）。",
        $"Judged '{original}' but the finding (指摘内容) is empty (missing finding).",
        "指摘内容の欄に、確認した事実と問題点を記入してください。",
        "Describe what was found in the finding column.");

    public static ReviewNote Disagreement(string id, IReadOnlyList<(string Auditor, string Judgment, CellRef Cell)> said, string result) => new(
        ReviewKind.JudgmentDisagreement, id, said.Select(s => s.Cell).ToList(),
        string.Join(" / ", said.Select(s => s.Judgment)),
        $"項目 {id} の判定が監査人により異なります（判定不一致）: {string.Join("、", said.Select(s => $"{s.Auditor} {s.Judgment}"))}。最も重い「{result}」で集計しています。",
        $"Auditors judged item {id} differently (judgment disagreement): {string.Join(", ", said.Select(s => $"{s.Auditor} {s.Judgment}"))}; the most severe, {result}, is counted.",
        "監査人間で判定を協議し、チェックリストを揃えてください。",
        "Agree the judgment between the auditors and align the checklists.");

    public static ReviewNote VendorNotImplemented(string id, string vendor, CellRef answer, IReadOnlyList<CellRef> judgments, string original, string judged) => new(
        ReviewKind.VendorNotImplemented, id, [answer, .. judgments], original,
        $"{vendor} は項目 {id} を「未実施」と事前回答していますが、判定は「{judged}」です。",
        $"{vendor} answered item {id} as not implemented (未実施) but it is judged {judged}.",
        "事前回答と判定のどちらが正しいか確認してください。",
        "Check whether the pre-answer or the judgment is right.");

    public static ReviewNote VendorNotApplicable(string id, string vendor, CellRef answer, IReadOnlyList<CellRef> judgments, string original, string judged) => new(
        ReviewKind.VendorNotApplicable, id, [answer, .. judgments], original,
        $"{vendor} は項目 {id} を「該当なし」と事前回答していますが、判定は「{judged}」（対象外ではない）です。",
        $"{vendor} answered item {id} as not applicable (該当なし) but it is judged {judged}, not out of scope.",
        "対象外とすべきか、事前回答が誤りか確認してください。",
        "Check whether the item is out of scope or the pre-answer is wrong.");

    public static ReviewNote VendorNoAnswer(string id, string vendor, CellRef answer) => new(
        ReviewKind.VendorNoAnswer, id, [answer], "",
        $"{vendor} は項目 {id} に事前回答していません（未回答）。",
        $"{vendor} left item {id} unanswered (no pre-answer).",
        "事前回答欄に「実施」「一部実施」「未実施」「該当なし」のいずれかを記入してもらってください。",
        "Ask the vendor to enter 実施, 一部実施, 未実施 or 該当なし.");

    public static ReviewNote InvalidAnswer(string id, CellRef answer, string original) => new(
        ReviewKind.InvalidAnswer, id, [answer], original,
        $"事前回答「{original}」は「実施」「一部実施」「未実施」「該当なし」のいずれでもありません（不正な回答）。",
        $"Pre-answer '{original}' is none of 実施, 一部実施, 未実施, 該当なし (invalid answer).",
        "事前回答欄に「実施」「一部実施」「未実施」「該当なし」のいずれかを記入してもらってください。",
        "Ask the vendor to enter 実施, 一部実施, 未実施 or 該当なし.");

    public static ReviewNote VendorNotNamed(CellRef cell, string assumed) => new(
        ReviewKind.VendorNotNamed, null, [cell], "",
        $"事前回答が記入されていますが、事業者名がありません。「{assumed}」の回答として扱っています。",
        $"The workbook holds pre-answers but names no vendor; they are attributed to '{assumed}'.",
        "表の上の「事業者名」欄に事業者名を記入してください。",
        "Fill in 事業者名 above the table.");

    public static ReviewNote TextTooLong(string? id, CellRef cell, int length, int kept) => new(
        ReviewKind.TextTooLong, id, [cell], $"{length} 文字 / characters",
        $"セルの文字数（{length}）が上限を超えるため、先頭 {kept} 文字だけを取り込みました（文字数超過）。",
        $"The cell holds {length} characters, over the limit; only the first {kept} were kept (text too long).",
        "内容を要約するか、別の資料にしてください。",
        "Shorten the text or move it to a separate document.");

    public static ReviewNote SameName(string person, IReadOnlyList<string> organisations, IReadOnlyList<CellRef> cells) => new(
        ReviewKind.SameName, null, cells, string.Join(" / ", organisations),
        $"監査人「{person}」の提出が、別の組織と読める所属（{string.Join("、", organisations)}）から届いています。同じ人として扱い、項目ごとに新しい提出を採用しています（同名の提出者）。",
        $"Auditor {person} submitted under organisations that read as different ({string.Join(", ", organisations)}); they are taken as one person, the later submission counting item by item (same name, two organisations).",
        "別の人であれば、氏名で区別できるように（例: フルネームや旧姓を添えて）チェックリストを直してもらってください。同じ人であれば、所属の表記を揃えてください。",
        "If they are two people, have the checklists name them apart (full name, say); if one, write the organisation the same way in each.");
    /// <summary>
    /// Two or more audits whose targets make the same file name (a trailing dot, 「/」 against 「_」,
    /// upper against lower case): each result is written under its own name, and each says so.
    /// </summary>
    public static ReviewNote OutputNameCollision(AuditKey key, IReadOnlyList<AuditKey> others, IReadOnlyList<CellRef> cells, string plainFile, string file)
    {
        var othersJa = string.Join("、", others.Select(o => $"「{Shown(o.Target)}」"));
        var othersEn = string.Join(", ", others.Select(o => $"'{Shown(o.Target)}'"));
        return new ReviewNote(ReviewKind.OutputNameCollision, null, cells, key.Target,
            $"対象業務「{Shown(key.Target)}」は、{key.FiscalYearLabel}の別の監査 {othersJa} とファイル名にすると同じ「{plainFile}」になります（出力名の衝突）。"
                + $"互いに上書きしないよう、この監査の結果は「{file}」に出力しました。",
            $"Target '{Shown(key.Target)}' makes the same file name '{plainFile}' as another audit of {key.FiscalYearLabel}, {othersEn} (output name collision); "
                + $"so that neither overwrites the other, this audit's result is written to '{file}'.",
            "同じ監査であれば、各ファイルの対象業務の表記を揃えてください（末尾の「.」、「/」や「:」、大文字・小文字の違いに注意）。別の監査であれば、ファイル名にしても区別できる名前にしてください。",
            "If it is the same audit, spell the target the same way in every file (mind a trailing '.', '/' or ':', upper and lower case); if it is another audit, give it a name that stays distinct as a file name.");
    }

    /// <summary>A target as a person can tell it from another: invisible characters written as &lt;U+200B&gt;.</summary>
    private static string Shown(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if ((Writing.Printable.IsPrintable(rune.ToString()) && !System.Text.Rune.IsWhiteSpace(rune)) || rune.Value == ' ') sb.Append(rune.ToString());
            else sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>");
        }
        return sb.ToString();
    }

    public static ReviewNote RosterRow(CellRef cell, string original, string whyJa, string whyEn) => new(
        ReviewKind.RosterEntry, null, [cell], original,
        $"提出予定の行を使えません: {whyJa}（提出予定の記載）。",
        $"A row of the roster cannot be used: {whyEn} (roster entry).",
        "提出予定シートの氏名（事業者名）、区分（監査人 / 事業者）、担当項目、提出期限（例: 令和5年10月13日）を直してください。",
        "Correct the roster sheet: name, role (監査人 / 事業者), items and due date (e.g. 令和5年10月13日).");

    public static ReviewNote RosterItemsUnknown(string name, string origin, IReadOnlyList<string> patterns, IReadOnlyList<CellRef> cells) => new(
        ReviewKind.RosterEntry, null, cells, string.Join("、", patterns),
        $"提出予定者「{name}」の担当項目（{string.Join("、", patterns)}）に当たる監査項目がありません（提出予定の記載、{origin}）。",
        $"The items assigned to {name} ({string.Join(", ", patterns)}) match no item of the audit (roster entry, {origin}).",
        "担当項目を監査項目一覧の番号（例: 5-2、5-*）に直してください。",
        "Give the items as ids of the master list (e.g. 5-2, 5-*).");
}

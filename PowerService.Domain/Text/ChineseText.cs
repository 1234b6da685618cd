namespace PowerService.Domain.Text;

/// <summary>
/// Character-for-character normalisations of Chinese text, so a position in the result is the same
/// position in what was typed: full-width ASCII to ASCII, and traditional characters to simplified.
/// </summary>
/// <remarks>
/// The traditional-to-simplified table is written here rather than taken from a converter: the
/// registry copy has no Chinese conversion package (OpenCC and its ports are absent), and only
/// one-to-one characters are needed — the common ones, which covers every phrase of the service
/// wording dictionary and everyday complaint vocabulary. A character not in the table is compared as typed.
/// </remarks>
public static class ChineseText
{
    /// <summary>Full-width ASCII forms and the ideographic space folded to ASCII.</summary>
    public static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;

    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++) chars[i] = Fold(chars[i]);
        return new string(chars);
    }

    /// <summary>The simplified form of a traditional character; any other character as it is.</summary>
    public static char Simplified(char c) => Traditional.TryGetValue(c, out var simplified) ? simplified : c;

    private static readonly Dictionary<char, char> Traditional = BuildTable(
        "規规這这樣样負负責责應应該该別别門门麼么麽么著着領领導导們们電电費费說说辦办沒没談谈錯错聽听廢废話话羅罗囉啰錢钱給给問问題题頭头夥伙計计兒儿幹干邊边處处煩烦趟趟驗验賠赔為为難难還还時时間间統统個个會会過过裡里裏里讓让誰谁"
        + "記记聞闻視视頻频搖摇傳传貼贴博博"
        + "見见覺觉認认識识訴诉務务態态議议請请謝谢對对歡欢從从來来這这裏里麗丽寫写學学實实際际況况標标準准題题號号碼码線线壓压廠厂維维護护搶抢慢慢修修戶户表表開开關关燈灯熱热氣气"
        + "業业單单據据繳缴納纳額额價价錶表帳账賬账務务卻却經经過过氣气候候風风險险雙双發发現现決决進进後后應应當当於于與与東东車车長长馬马鳥鸟魚鱼龍龙門门"
        + "愛爱專专業业產产嚴严醫医報报紙纸綫线網网絡络紀纪錄录歷历億亿兩两顧顾齊齐齒齿韓韩興兴窮穷嗎吗嗬嗬吧吧呢呢啊啊麼么陳陈劉刘張张楊杨趙赵黃黄吳吴鄭郑"
        + "搞搞什什算算跑跑白白老老太太婆婆哥哥急急等等看看合合同同自自己己查查先先交交再再坐坐忙忙快快拿拿走走哪哪告告清清楚楚信信有有了了不不我我你你您您"
        + "種种動动無无總总極极體体點点黨党層层斷断櫃柜範范圍围與与區区縣县鄉乡鎮镇莊庄園园廣广場场機机構构際际們们傳传達达連连運运輸输適适遠远還还邊边遲迟遷迁選选"
        + "現现總总結结紅红綠绿藍蓝給给約约級级組组織织終终細细經经續续練练績绩繁繁復复雜杂離离難难觀观歸归漢汉滿满準准濟济澤泽瀋沈燒烧營营獨独獎奖畫画當当發发盡尽監监盤盘"
        + "線线檢检險险證证擔担誤误換换設设備备調调訊讯資资須须順顺頓顿預预顯显類类確确禮礼節节簡简緊紧純纯絕绝絲丝緒绪編编緩缓縣县繩绳員员賠赔償偿補补慮虑惱恼憂忧戶户據据損损壞坏斷断舊旧歲岁腦脑臉脸處处歉歉釋释謂谓誠诚懇恳");

    private static Dictionary<char, char> BuildTable(string pairs)
    {
        var table = new Dictionary<char, char>();
        for (var i = 0; i + 1 < pairs.Length; i += 2)
            if (pairs[i] != pairs[i + 1]) table.TryAdd(pairs[i], pairs[i + 1]);
        return table;
    }
}

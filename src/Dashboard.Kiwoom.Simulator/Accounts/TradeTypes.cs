namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>trde_tp codes of the order TRs (PROTOCOL.md 3.7) and their FID 906 text.</summary>
public static class TradeTypes
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["0"] = "보통", ["00"] = "보통", ["3"] = "시장가", ["5"] = "조건부지정가", ["81"] = "장후시간외", ["61"] = "장전시간외",
        ["62"] = "시간외단일가", ["6"] = "최유리지정가", ["7"] = "최우선지정가", ["10"] = "보통(IOC)", ["13"] = "시장가(IOC)",
        ["16"] = "최유리(IOC)", ["20"] = "보통(FOK)", ["23"] = "시장가(FOK)", ["26"] = "최유리(FOK)", ["28"] = "스톱지정가",
        ["29"] = "중간가", ["30"] = "중간가(IOC)", ["31"] = "중간가(FOK)",
    };

    public static bool IsKnown(string code) => Names.ContainsKey(code);

    public static string NameOf(string code) => Names.GetValueOrDefault(code, "보통");

    /// <summary>Limit-type orders need a price; market, best and first do not.</summary>
    public static bool NeedsPrice(string code) => code is "0" or "00" or "5" or "10" or "20" or "28" or "62";

    public static bool IsMarket(string code) => code is "3" or "13" or "23";

    public static bool IsBest(string code) => code is "6" or "16" or "26";

    public static bool IsFirst(string code) => code == "7";

    public static bool IsMid(string code) => code is "29" or "30" or "31";

    public static bool IsIoc(string code) => code is "10" or "13" or "16" or "30";

    public static bool IsFok(string code) => code is "20" or "23" or "26" or "31";

    public static bool IsStop(string code) => code == "28";

    public static bool IsAfterHoursClose(string code) => code is "61" or "81";
}

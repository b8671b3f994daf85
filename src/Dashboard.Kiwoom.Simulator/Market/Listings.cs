namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// The real listings the simulator always carries, with their real codes and names, so scripts and the
/// catalog's request examples written against the live API work unchanged. Prices are rough recent levels.
/// </summary>
internal static class Listings
{
    public sealed record Real(string Code, string Name, string Market, string Sector, long Price, long SharesMillions);

    public static readonly Real[] Stocks =
    [
        new("005930", "삼성전자", "KOSPI", "013", 71_000, 5_969),
        new("000660", "SK하이닉스", "KOSPI", "013", 198_000, 728),
        new("039490", "키움증권", "KOSPI", "021", 132_000, 26),
        new("373220", "LG에너지솔루션", "KOSPI", "013", 372_000, 234),
        new("207940", "삼성바이오로직스", "KOSPI", "009", 1_010_000, 71),
        new("005380", "현대차", "KOSPI", "015", 221_000, 209),
        new("000270", "기아", "KOSPI", "015", 98_500, 397),
        new("068270", "셀트리온", "KOSPI", "009", 182_000, 217),
        new("035420", "NAVER", "KOSPI", "013", 193_000, 158),
        new("035720", "카카오", "KOSPI", "013", 41_250, 442),
        new("051910", "LG화학", "KOSPI", "008", 298_000, 70),
        new("006400", "삼성SDI", "KOSPI", "013", 252_000, 68),
        new("005490", "POSCO홀딩스", "KOSPI", "008", 351_000, 84),
        new("012330", "현대모비스", "KOSPI", "015", 232_000, 93),
        new("105560", "KB금융", "KOSPI", "021", 81_200, 393),
        new("055550", "신한지주", "KOSPI", "021", 50_300, 509),
        new("086790", "하나금융지주", "KOSPI", "021", 60_100, 290),
        new("066570", "LG전자", "KOSPI", "013", 91_300, 163),
        new("003550", "LG", "KOSPI", "008", 79_800, 157),
        new("034730", "SK", "KOSPI", "008", 148_500, 72),
        new("017670", "SK텔레콤", "KOSPI", "013", 55_400, 214),
        new("030200", "KT", "KOSPI", "013", 40_150, 252),
        new("015760", "한국전력", "KOSPI", "015", 21_950, 641),
        new("032830", "삼성생명", "KOSPI", "021", 81_000, 200),
        new("096770", "SK이노베이션", "KOSPI", "008", 112_300, 97),
        new("028260", "삼성물산", "KOSPI", "008", 131_400, 170),
        new("000810", "삼성화재", "KOSPI", "021", 352_500, 47),
        new("018260", "삼성에스디에스", "KOSPI", "013", 151_200, 77),
        new("011200", "HMM", "KOSPI", "015", 18_120, 687),
        new("009150", "삼성전기", "KOSPI", "013", 141_700, 74),
        new("006800", "미래에셋증권", "KOSPI", "021", 8_450, 614),
        new("00680K", "미래에셋증권2우B", "KOSPI", "021", 4_210, 112),
        new("005935", "삼성전자우", "KOSPI", "013", 58_900, 822),
        new("247540", "에코프로비엠", "KOSDAQ", "108", 198_500, 97),
        new("086520", "에코프로", "KOSDAQ", "108", 91_200, 133),
        new("196170", "알테오젠", "KOSDAQ", "106", 301_000, 53),
        new("028300", "HLB", "KOSDAQ", "106", 61_300, 130),
        new("263750", "펄어비스", "KOSDAQ", "107", 39_800, 64),
        new("293490", "카카오게임즈", "KOSDAQ", "107", 19_870, 82),
        new("035900", "JYP Ent.", "KOSDAQ", "107", 68_900, 35),
        new("041510", "에스엠", "KOSDAQ", "107", 81_500, 23),
        new("058470", "리노공업", "KOSDAQ", "108", 201_000, 15),
        new("240810", "원익IPS", "KOSDAQ", "108", 30_150, 49),
        new("357780", "솔브레인", "KOSDAQ", "108", 251_500, 7),
        new("066970", "엘앤에프", "KOSDAQ", "108", 121_300, 36),
    ];

    public static readonly (string Code, string Name)[] RealEtfs =
    [
        ("069500", "KODEX 200"),
        ("102110", "TIGER 200"),
        ("229200", "KODEX 코스닥150"),
        ("122630", "KODEX 레버리지"),
        ("114800", "KODEX 인버스"),
        ("091160", "KODEX 반도체"),
        ("305720", "KODEX 2차전지산업"),
    ];

    /// <summary>What the real ETFs above track (KRX index codes of the ETF TRs' etfobjt_idex_cd), in the same order.</summary>
    public static readonly EtfTarget[] RealEtfTargets =
    [
        new("207", "KOSPI200", 1, 345.62m) { TrackingErrorBp = 4 },
        new("207", "KOSPI200", 1, 345.62m) { TrackingErrorBp = 5 },
        new("406", "코스닥150", 1, 1_402.18m) { TrackingErrorBp = 9 },
        new("207", "KOSPI200", 2, 345.62m) { TrackingErrorBp = 38 },
        new("207", "KOSPI200", -1, 345.62m) { TrackingErrorBp = 21 },
        new("A13", "KRX 반도체", 1, 3_812.40m) { TrackingErrorBp = 14 },
        new("F21", "FnGuide 2차전지산업", 1, 2_233.05m) { TrackingErrorBp = 17 },
    ];

    /// <summary>Targets for the generated ETFs beyond the theme each is named after: bonds and gold as the market lists them.</summary>
    public static readonly (string Code, string Name, decimal Level)[] OtherEtfTargets =
    [
        ("K31", "KIS 국고채 3년", 1_152.30m),
        ("K10", "KIS 국고채 10년", 1_288.61m),
        ("G01", "KRX 금현물", 1_612.77m),
        ("T50", "KOSPI200 TR", 512.09m),
    ];

    /// <summary>ELW codes used by the catalog's request examples.</summary>
    public static readonly string[] ExampleElws = ["57JBHH", "57KJ99"];

    public static readonly (string Code, string Name, long Price)[] Gold =
    [
        ("M04020000", "금 99.99_1Kg", 151_230),
        ("M04020100", "미니금 99.99_100g", 151_450),
    ];

    public static readonly (string Code, string Name, string Market, decimal Level)[] Sectors =
    [
        ("001", "종합(KOSPI)", "0", 2_612.45m),
        ("002", "대형주", "0", 2_540.12m),
        ("003", "중형주", "0", 2_811.70m),
        ("004", "소형주", "0", 2_318.33m),
        ("005", "음식료업", "0", 3_902.51m),
        ("008", "화학", "0", 4_120.08m),
        ("009", "의약품", "0", 18_204.66m),
        ("013", "전기전자", "0", 25_311.90m),
        ("015", "운수장비", "0", 2_105.47m),
        ("021", "금융업", "0", 612.83m),
        ("101", "종합(KOSDAQ)", "1", 848.21m),
        ("106", "제약", "1", 10_230.55m),
        ("107", "오락·문화", "1", 1_330.12m),
        ("108", "IT 부품", "1", 1_022.40m),
        ("201", "KOSPI200", "2", 345.62m),
    ];

    public static readonly string[] Themes =
    [
        "2차전지", "반도체", "인공지능(AI)", "바이오시밀러", "자율주행", "조선", "방위산업", "게임", "엔터테인먼트", "수소경제",
        "원자력발전", "로봇", "화장품", "음식료", "은행", "증권", "건설", "철강", "항공", "태양광",
    ];

    public static readonly (string Code, string Name, bool Foreign)[] Brokers =
    [
        ("001", "교보증권", false), ("002", "신한투자증권", false), ("003", "한국투자증권", false), ("004", "대신증권", false),
        ("005", "미래에셋증권", false), ("006", "DB금융투자", false), ("007", "한화투자증권", false), ("008", "NH투자증권", false),
        ("009", "삼성증권", false), ("010", "KB증권", false), ("012", "유안타증권", false), ("017", "하나증권", false),
        ("036", "모간스탠리", true), ("037", "골드만삭스", true), ("040", "JP모간", true), ("045", "CLSA", true),
        ("050", "키움증권", false), ("054", "메리츠증권", false), ("056", "UBS", true), ("061", "CS증권", true),
        ("888", "외국계합", true),
    ];

    public static readonly string[] NamePrefixes =
    [
        "한국", "대한", "동양", "신성", "우리", "미래", "세원", "대성", "삼화", "일진", "동아", "한일", "태광", "금호", "성우",
        "한솔", "서울", "부산", "대원", "광명", "유니", "코리아", "에이스", "제일", "영진", "한양", "청담", "새한", "남양", "극동",
    ];

    public static readonly string[] NameSuffixes =
    [
        "전자", "화학", "제약", "바이오", "테크", "산업", "건설", "물산", "홀딩스", "시스템", "에너지", "소재", "정밀", "통신",
        "반도체", "식품", "중공업", "로보틱스", "엔터", "게임즈", "헬스케어", "디스플레이", "모빌리티", "머티리얼즈",
    ];

    public static readonly string[] EtfBrands = ["KODEX", "TIGER", "KBSTAR", "ARIRANG", "HANARO", "SOL", "ACE"];

    public static readonly string[] ElwIssuers = ["한국", "KB", "미래", "신한", "삼성", "NH"];
}

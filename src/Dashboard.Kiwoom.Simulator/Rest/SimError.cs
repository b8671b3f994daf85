namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>A Kiwoom error answer: HTTP status, top-level return_code and the full return_msg.</summary>
public sealed record SimError(int HttpStatus, int ReturnCode, string Message)
{
    private const string InputError = "입력 값 오류입니다";
    private const string AuthError = "인증에 실패했습니다";
    private const string LimitError = "허용된 요청 개수를 초과하였습니다";
    private const string ServiceError = "서비스를 처리하는 중에 오류가 발생했습니다";

    public static SimError ApiIdMissing() => new(200, 2, $"{InputError}[1501:API ID가 Null이거나 값이 없습니다]");

    public static SimError WrongPath(string apiId, string path) => new(200, 2, $"{InputError}[1504:해당 URI에서는 지원하는 API ID가 아닙니다. API ID={apiId}, URI={path}]");

    public static SimError UnknownApiId(string apiId) => new(200, 2, $"{InputError}[1505:해당 API ID는 존재하지 않습니다. API ID={apiId}]");

    public static SimError MissingRequired(string field) => new(200, 2, $"{InputError}[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터={field}]");

    public static SimError AuthorizationMissing() => new(200, 2, $"{InputError}[1513:Http Header에 authorization 필드가 설정되어 있어야 합니다]");

    public static SimError AuthorizationMalformed() => new(200, 2, $"{InputError}[1514:입력으로 들어온 Http Header의 authorization 필드 형식이 맞지 않습니다]");

    public static SimError GrantTypeUnknown() => new(200, 2, $"{InputError}[1515:Http Header의 authorization 필드 내 Grant Type이 미리 정의된 형식이 아닙니다]");

    public static SimError TokenMissing() => new(200, 2, $"{InputError}[1516:Http Header의 authorization 필드 내 Token이 정의되어 있지 않습니다]");

    public static SimError BadFormat(string field, string reason) => new(200, 2, $"{InputError}[1517:입력 값 형식이 올바르지 않습니다. 파라미터={field} 실패사유= {reason}]");

    public static SimError BatchTooLarge() => new(200, 5, $"{LimitError}[1634]");

    public static SimError RateLimited(int perSecond, string apiId) => new(429, 5, $"{LimitError}[1700:허용된 API 요청 개수를 초과하였습니다. 유량={perSecond}, API ID={apiId}]");

    public static SimError UnknownStock(string code) => new(200, 7, $"{ServiceError}[1902:종목 정보가 없습니다. 입력한 종목코드 값을 확인바랍니다. 종목코드={code}]");

    public static SimError KeyRejected() => new(200, 3, $"{AuthError}[8001:App Key와 Secret Key 검증에 실패했습니다]");

    public static SimError TokenRequestsLimited(int perMinute) => new(429, 5, $"{LimitError}[1700:허용된 API 요청 개수를 초과하였습니다. 유량={perMinute}/분, API ID=au10001]");

    /// <summary>The simulator's own code (Kiwoom has no account cap to copy): no new app key once the cap is reached.</summary>
    public static SimError AccountLimitReached(int max) => new(200, 3, $"{AuthError}[8100:모의 계좌 수가 한도({max})에 도달하여 새 App Key를 등록할 수 없습니다]");

    public static SimError TokenInvalid() => new(200, 3, $"{AuthError}[8005:Token이 유효하지 않습니다]");

    public static SimError GrantTypeMissing() => new(200, 3, $"{AuthError}[8011:Access Token을 발급하는데 실패했습니다. 입력값에 grant_type이 들어오지 않았습니다]");

    public static SimError GrantTypeWrong() => new(200, 3, $"{AuthError}[8012:Access Token을 발급하는데 실패했습니다. grant_type의 값이 맞지 않습니다]");

    public static SimError RevokeFailed(string reason) => new(200, 3, $"{AuthError}[8015:Access Token을 폐기하는데 실패했습니다. 실패사유={reason}]");

    public static SimError RevokeTokenMissing() => new(200, 3, $"{AuthError}[8016:Access Token을 폐기하는데 실패했습니다. 입력값에 Token이 들어오지 않았습니다]");

    public static SimError KeysMissing() => new(200, 3, $"{AuthError}[8020:입력파라미터로 appkey 또는 secretkey가 들어오지 않았습니다.]");

    public static SimError KeyWrongEnvironment() => new(200, 3, $"{AuthError}[8030:투자구분(실전/모의)이 달라서 Appkey를 사용할수가 없습니다]");

    public static SimError TokenWrongEnvironment() => new(200, 3, $"{AuthError}[8031:투자구분(실전/모의)이 달라서 Token를 사용할수가 없습니다]");

    /// <summary>Order rejection in the observed "[2000](code:text)" form with return_code 20.</summary>
    public static SimError OrderRejected(string code, string text) => new(200, 20, $"[2000]({code}:{text})");

    public static SimError Unexpected(string reason) => new(200, 7, $"{ServiceError}[1999:예기치 못한 에러가 발생했습니다. 실패사유={reason}]");
}

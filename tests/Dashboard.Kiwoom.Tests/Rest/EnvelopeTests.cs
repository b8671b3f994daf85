using System.Text;
using Dashboard.Kiwoom.Errors;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Kiwoom.Tests.Rest;

public sealed class EnvelopeTests
{
    [Theory]
    [InlineData("""{"return_code":0,"return_msg":"정상적으로 처리되었습니다"}""", 0, "정상적으로 처리되었습니다")]
    [InlineData("""{"return_code":"8005","return_msg":"x"}""", 8005, "x")]
    [InlineData("""{"list":[{"return_code":9}],"return_code":" 3 ","return_msg":"m","x":{"return_msg":"inner"}}""", 3, "m")]
    [InlineData("\uFEFF{\"return_code\":0}", 0, null)]
    public void ReadsTopLevelReturnCodeAndMessageOnly(string body, int code, string? message)
    {
        Assert.True(Envelope.TryRead(Encoding.UTF8.GetBytes(body), out var returnCode, out var returnMsg));
        Assert.Equal(code, returnCode);
        Assert.Equal(message, returnMsg);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Request Blocked</html>")]
    [InlineData("[1,2]")]
    [InlineData("""{"return_code":0,"return_msg":""")]
    public void NonEnvelopeBodiesAreReportedAsSuch(string body)
    {
        Assert.False(Envelope.TryRead(Encoding.UTF8.GetBytes(body), out _, out _));
    }

    [Fact]
    public void HundredThousandMangledBodiesNeverThrow()
    {
        var seeds = new[]
        {
            """{"return_code":3,"return_msg":"인증에 실패했습니다[8005:Token이 유효하지 않습니다]"}""",
            """{"return_code":"20","return_msg":"[2000](RC4058:모의투자 장종료)","ord_no":"0000123"}""",
            """{"stk_cd":"005930","list":[{"a":"1"},{"b":[1,2,{"c":null}]}],"return_code":0,"return_msg":"[CODE=8005, MESSAGE=x]"}""",
        }.Select(Encoding.UTF8.GetBytes).ToArray();
        var random = new Random(20260304);
        var classified = 0;

        for (var i = 0; i < 100_000; i++)
        {
            var body = Mangle(seeds[i % seeds.Length], random);
            if (Envelope.TryRead(body, out var code, out var message))
            {
                classified++;
            }

            // Whatever came out must classify without an exception, with any status.
            _ = KiwoomErrors.FromResponse(random.Next(100, 600), code, message);
        }

        Assert.InRange(classified, 1, 99_999);
    }

    private static byte[] Mangle(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        switch (random.Next(4))
        {
            case 0:
                bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                break;
            case 1:
                for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                break;
            case 2:
                bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Repeat((byte)'[', random.Next(1, 2000)));
                break;
            default:
                bytes.RemoveAt(random.Next(bytes.Count));
                break;
        }

        return [.. bytes];
    }
}

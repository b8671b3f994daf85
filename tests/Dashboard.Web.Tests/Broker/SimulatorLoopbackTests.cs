using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker;

public sealed class SimulatorLoopbackTests
{
    [Theory]
    [InlineData("https://localhost:5001;http://localhost:5000", "http://localhost:5000/kiwoom-sim/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/kiwoom-sim/")]
    [InlineData("http://*:80;https://*:443", "http://127.0.0.1/kiwoom-sim/")]
    [InlineData("http://0.0.0.0:5000", "http://127.0.0.1:5000/kiwoom-sim/")]
    public void PlainHttpEntryIsFoundWhenHttpIsNotRedirected(string urls, string expected) =>
        Assert.Equal(expected, SimulatorLoopback.Base(urls, "/kiwoom-sim", https: false));

    [Theory]
    [InlineData("http://localhost:5000;https://localhost:5001", "https://localhost:5001/kiwoom-sim/")]
    [InlineData("https://+:8443", "https://127.0.0.1:8443/kiwoom-sim/")]
    public void HttpsEntryIsFoundWhenHttpIsRedirected(string urls, string expected) =>
        Assert.Equal(expected, SimulatorLoopback.Base(urls, "/kiwoom-sim", https: true));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://localhost:5001")]
    [InlineData("http://127.0.0.1:0")]
    public void WithoutAFixedPlainHttpAddressTheBoundAddressDecidesLater(string? urls) =>
        Assert.Null(SimulatorLoopback.Base(urls, "/kiwoom-sim", https: false));
}

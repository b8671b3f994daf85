namespace Dashboard.EndToEnd.Tests;

/// <summary>The two screens every journey is checked on: a 1366x900 desktop and a 390x844 phone (touch, 2x).</summary>
public enum Device
{
    Desktop,
    Phone,
}
